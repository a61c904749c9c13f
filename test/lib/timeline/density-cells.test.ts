import { describe, expect, it } from "vitest";
import { densityRows, packDensity, unpackDensity } from "../../../src/lib/timeline/density-cells.js";

const row = (
  sector: string,
  date_from: string,
  extra: Partial<Parameters<typeof densityRows>[0] extends Iterable<infer R> ? R : never> = {},
) => ({
  sector,
  date_precision: "day",
  date_from,
  deadline: null,
  status: "announced",
  ...extra,
});

describe("density cells", () => {
  it("counts per sector and month, a year-only date in a year bin after January's month bin", () => {
    const rows = [
      row("trade", "2025-01-20"),
      row("trade", "2025-01-01", { date_precision: "year" }),
      row("energy", "2024-12-31", { status: "done" }),
      row("trade", "2025-01-03", { status: "done" }),
    ];
    expect(densityRows(rows, "2026-01-01")).toEqual([
      { sector: "energy", bin: "month", start: "2024-12-01", n: 1, overdue: 0, done: 1 },
      { sector: "trade", bin: "month", start: "2025-01-01", n: 2, overdue: 0, done: 1 },
      { sector: "trade", bin: "year", start: "2025-01-01", n: 1, overdue: 0, done: 0 },
    ]);
  });

  it("counts overdue on the day given: a deadline before it, and not done or dropped", () => {
    const rows = [
      row("trade", "2025-03-02", { deadline: "2025-06-30" }),
      row("trade", "2025-03-09", { deadline: "2025-06-30", status: "dropped" }),
      row("trade", "2025-03-10", { deadline: "2025-07-01" }),
    ];
    expect(densityRows(rows, "2025-07-01")[0].overdue).toBe(1);
    expect(densityRows(rows, "2025-07-02")[0].overdue).toBe(2);
    expect(densityRows(rows, "2025-06-30")[0].overdue).toBe(0);
  });

  it("packs cells as numbers and back, keeping the day they hold for", () => {
    const packed = packDensity([row("b", "2020-05-05"), row("a", "1999-12-01")], "2021-01-01");
    expect(packed).toEqual({
      today: "2021-01-01",
      sectors: ["a", "b"],
      cells: [
        [0, 1999 * 12 + 11, 0, 1, 0, 0],
        [1, 2020 * 12 + 4, 0, 1, 0, 0],
      ],
    });
    expect(unpackDensity(packed).map((c) => c.start)).toEqual(["1999-12-01", "2020-05-01"]);
  });
});
