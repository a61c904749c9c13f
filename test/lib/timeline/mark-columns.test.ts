import { describe, expect, it } from "vitest";
import { NO_DAY } from "../../../src/lib/sql/timeline-queries.js";
import { marksFromColumns, withMarkTexts } from "../../../src/lib/timeline/mark-columns.js";

const DAY_2025_03_01 = Date.UTC(2025, 2, 1) / 86_400_000;

const columns = {
  numRows: 2,
  columns: {
    id: ["a", "b"],
    sector: ["trade", "energy"],
    strength: ["binding", "intent"],
    status: ["announced", "done"],
    update_count: new Int32Array([0, 2]),
    date_precision: ["day", "month"],
    target_date_precision: ["day", null],
    date_from_day: new Int32Array([DAY_2025_03_01, DAY_2025_03_01]),
    date_to_day: new Int32Array([DAY_2025_03_01, DAY_2025_03_01 + 30]),
    target_date_from_day: new Int32Array([DAY_2025_03_01 + 1, NO_DAY]),
    target_date_to_day: new Int32Array([DAY_2025_03_01 + 1, NO_DAY]),
    deadline_day: new Int32Array([DAY_2025_03_01 + 1, NO_DAY]),
    overdue: new Int32Array([1, 0]),
  },
};

describe("marksFromColumns", () => {
  it("turns day numbers into days, NO_DAY into null and 0/1 into booleans", () => {
    const [a, b] = marksFromColumns(columns);
    expect(a).toMatchObject({
      id: "a",
      sector: "trade",
      date_from: "2025-03-01",
      date_to: "2025-03-01",
      target_date_from: "2025-03-02",
      deadline: "2025-03-02",
      overdue: true,
      summary: "",
    });
    expect(b).toMatchObject({ id: "b", date_to: "2025-03-31", deadline: null, target_date_to: null, overdue: false });
    expect(b.update_count).toBe(2);
  });

  it("says which column is missing", () => {
    const { overdue: _, ...rest } = columns.columns;
    expect(() => marksFromColumns({ numRows: 2, columns: rest })).toThrow(/overdue/);
  });
});

describe("withMarkTexts", () => {
  it("fills the text of the marks it has rows for, and returns those", () => {
    const marks = marksFromColumns(columns);
    const text = {
      id: "b",
      summary: "A plan",
      action: "plan",
      date: "2025-03",
      target_date: null,
      target_event_id: null,
      target_event: null,
      target_note: "soon",
      event_id: "e1",
      event: "A session",
    };
    const filled = withMarkTexts(marks, [text]);
    expect(filled.map((m) => m.id)).toEqual(["b"]);
    expect(marks[1]).toMatchObject({ summary: "A plan", event: "A session", date: "2025-03", target_note: "soon" });
    expect(marks[0].summary).toBe("");
  });
});
