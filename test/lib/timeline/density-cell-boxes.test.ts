import { describe, expect, it } from "vitest";
import type { DensityRow } from "../../../src/lib/sql/timeline-queries.js";
import { densityBox, LABEL_WIDTH, OVERDUE_HEIGHT } from "../../../src/lib/timeline/density-cell-boxes.js";
import { densityCellBand } from "../../../src/lib/timeline/lane-layout.js";
import type { DayScale } from "../../../src/lib/timeline/mark-positions.js";

// One px per day from 1 Jan 2025: a day's left edge is its index, its right edge the next index.
const base = Date.UTC(2025, 0, 1);
const dayIndex = (day: string) => (Date.parse(`${day}T00:00:00Z`) - base) / 86_400_000;
const scale: DayScale = { px: dayIndex, pxEnd: (day) => dayIndex(day) + 1 };
const plot = { top: 100, scale, left: 0, right: 1000 };

const row = (bin: "month" | "year", start: string, n: number, overdue = 0): DensityRow => ({
  sector: "energy",
  bin,
  start,
  n,
  overdue,
  done: 0,
});

describe("densityBox", () => {
  it("puts a month on its lane's month band, its span less a 0.5 px gap, its count written in the middle", () => {
    const b = densityBox(row("month", "2025-02-01", 1234), plot);
    const band = densityCellBand(100, false);
    expect(b).toMatchObject({ x0: 31, width: 27.5, y: band.y, height: band.height, year: false, overdueWidth: 0 });
    expect(b?.label).toBe("1.2k");
    expect(b?.labelX).toBe(45);
    expect(b?.labelY).toBe(band.y + band.height / 2 + 4);
  });

  it("puts a year on the thin band under the months, whole, never with its count", () => {
    const b = densityBox(row("year", "2025-01-01", 50), plot);
    const band = densityCellBand(100, true);
    expect(b).toMatchObject({ x0: 0, width: 365, y: band.y, height: band.height, year: true, label: null });
  });

  it("gives the overdue share a base as wide as its part of the span, at least 1.5 px", () => {
    expect(densityBox(row("month", "2025-02-01", 4, 1), plot)?.overdueWidth).toBe(7);
    expect(densityBox(row("month", "2025-02-01", 1000, 1), plot)?.overdueWidth).toBe(1.5);
    expect(OVERDUE_HEIGHT).toBeGreaterThan(0);
  });

  it("writes no count in a month narrower than LABEL_WIDTH, and clips to the plot", () => {
    const narrow = { ...plot, right: 31 + LABEL_WIDTH - 1 };
    const clipped = densityBox(row("month", "2025-02-01", 10), narrow);
    expect(clipped).toMatchObject({ x0: 31, width: LABEL_WIDTH - 1.5, label: null });
    expect(densityBox(row("month", "2025-02-01", 10), { ...plot, left: 60 })).toBeNull();
  });
});
