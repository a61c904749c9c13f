import { describe, expect, it } from "vitest";
import { sectorPivot } from "../../../src/lib/model/sector-pivot.js";

describe("sectorPivot", () => {
  it("puts a sector a row in the chart's order and a status a column in the vocabulary's order", () => {
    const pivot = sectorPivot([
      { label: "Trade", status: "done", n: 2 },
      { label: "Industry", status: "announced", n: 5 },
      { label: "Trade", status: "announced", n: 3 },
      { label: "Industry", status: "stalled", n: 1 },
      { label: "Agriculture", status: "announced", n: 5 },
      { label: "Agriculture", status: "done", n: 1 },
    ]);
    expect(pivot.statuses).toEqual(["announced", "done", "stalled"]);
    expect(pivot.rows).toEqual([
      { label: "Agriculture", counts: [5, 1, 0], total: 6 },
      { label: "Industry", counts: [5, 0, 1], total: 6 },
      { label: "Trade", counts: [3, 2, 0], total: 5 },
    ]);
    expect(pivot.total).toBe(17);
  });

  it("has no rows and no columns for no commitments", () => {
    expect(sectorPivot([])).toEqual({ statuses: [], rows: [], total: 0 });
  });
});
