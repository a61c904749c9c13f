import { describe, expect, it } from "vitest";
import { dueNextTable, scorecardTable } from "../../../src/lib/model/scorecard-text.js";

const score = (id: string, label: string, made: number, extra: Partial<Record<string, unknown>> = {}) => ({
  id,
  label,
  made,
  progress: 1,
  done: 1,
  stalled: 0,
  overdue: 2,
  no_news: made - 1,
  last_news: "2025-01-30",
  ...extra,
});

describe("scorecardTable", () => {
  it("has the page's columns and cells: counts in English, progress with its share, the latest news as a date", () => {
    const table = scorecardTable(
      [score("industry", "Industry", 1200), score("trade", "Trade", 3, { last_news: null })],
      "sector",
    );
    expect(table).toEqual({
      kind: "table",
      title: "Scorecard by sector",
      columns: ["Sector", "Made", "Any progress", "Done", "Stalled or dropped", "Overdue", "No news", "Latest news"],
      rows: [
        ["Industry", "1,200", "1 (0%)", "1", "0", "2", "1,199", "30 Jan 2025"],
        ["Trade", "3", "1 (33%)", "1", "0", "2", "2", "none"],
      ],
    });
  });

  it("keeps the rows the page shows (its limit), and names an event with its date and a status other than held", () => {
    const rows = [1, 2, 3].map((i) =>
      score(`e${i}`, "", i, { title: `Session ${i}`, start_date: "2026", event_status: i === 1 ? "planned" : "held" }),
    );
    const table = scorecardTable(rows, "event", 2);
    expect(table.columns[0]).toBe("Event");
    expect(table.rows.map((r) => r[0])).toEqual(["2026 Session 1 planned", "2026 Session 2"]);
  });
});

describe("dueNextTable", () => {
  const due = {
    summary: "Meet in Islamabad.",
    status: "announced",
    sector_label: "Diplomatic framework",
    target_date: null,
    target_event: "9th session",
    target_event_date: "2026",
    target_event_status: "planned",
    target_event_place: "Islamabad",
    event: "8th session",
  };

  it("says what falls due by the target event (date, place, status) or by the target date", () => {
    const table = dueNextTable([
      due,
      { ...due, target_event: null, target_date: "2027", status: "in_progress", target_event_status: null },
    ]);
    expect(table).toEqual({
      kind: "table",
      title: "Due next",
      columns: ["Due by", "Commitment", "Sector", "Status", "Agreed at"],
      rows: [
        [
          "9th session · 2026 · Islamabad · planned",
          "Meet in Islamabad.",
          "Diplomatic framework",
          "Announced",
          "8th session",
        ],
        ["2027", "Meet in Islamabad.", "Diplomatic framework", "In progress", "8th session"],
      ],
    });
  });
});
