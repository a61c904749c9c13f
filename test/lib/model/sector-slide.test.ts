import { describe, expect, it } from "vitest";
import { sectorBars } from "../../../src/lib/model/sector-slide.js";
import { STATUS_META } from "../../../src/lib/model/value-labels.js";

describe("sectorBars", () => {
  const rows = [
    { label: "Trade", status: "announced", n: 3 },
    { label: "Industry", status: "done", n: 2 },
    { label: "Industry", status: "announced", n: 4 },
    { label: "Trade", status: "in_progress", n: 1 },
    { label: "Health", status: "announced", n: 4 },
  ];

  it("has a category a sector in the chart's order (most first, then by name) and a series a status present", () => {
    const bars = sectorBars(rows);
    expect(bars).toMatchObject({ kind: "bars", measure: "Commitments", stacked: true, horizontal: true });
    expect(bars.categories).toEqual(["Industry", "Health", "Trade"]);
    expect(bars.series).toEqual([
      { name: "Announced", values: [4, 4, 3], colour: STATUS_META.announced.color },
      { name: "In progress", values: [0, 0, 1], colour: STATUS_META.in_progress.color },
      { name: "Done", values: [2, 0, 0], colour: STATUS_META.done.color },
    ]);
  });

  it("adds up to every row counted, a bar's segments to its sector's total", () => {
    const bars = sectorBars(rows);
    const totals = bars.categories.map((_, i) => bars.series.reduce((sum, s) => sum + s.values[i], 0));
    expect(totals).toEqual([6, 4, 4]);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(rows.reduce((a, r) => a + r.n, 0));
  });

  it("is empty for no rows", () => {
    expect(sectorBars([])).toMatchObject({ categories: [], series: [] });
  });
});
