/**
 * Where a deck's tables go (src/lib/deck/deck-geometry.ts): columns sized by
 * their text, rows as tall as their wrapped cells, and pages cut so that no
 * table runs past its box, the case LibreOffice showed overlapping the
 * caption when every row was counted as one line.
 */
import { describe, expect, it } from "vitest";
import {
  columnWidths,
  rowHeight,
  rowLines,
  TYPE,
  tableLayout,
  wrappedRowHeight,
} from "../../../src/lib/deck/deck-geometry.js";

const LONG =
  "The two governments signed a Roadmap for Comprehensive Cooperation for 2025–2026, a three-year plan for economic ties.";

describe("a deck table's columns", () => {
  it("share the width by their text and add up to it", () => {
    const widths = columnWidths(["Sector", "Summary", "Done"], [["Trade", LONG, "0"]], 6, 12);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(6, 6);
    expect(widths[1]).toBeGreaterThan(widths[0]);
    expect(widths[1]).toBeGreaterThan(widths[2]);
  });

  it("are never narrower than their longest word when the table has room for it", () => {
    const widths = columnWidths(["Commitments", "N"], [["Accreditation", "1"]], 4, 14);
    expect(widths[0]).toBeGreaterThanOrEqual(("Accreditation".length * 0.55 * 14) / 72 + 0.08 - 1e-9);
  });
});

describe("a deck table's rows and pages", () => {
  it("count a wrapped cell's lines", () => {
    expect(rowLines(["short", LONG], [1.5, 2], 12)).toBeGreaterThan(3);
    expect(rowLines(["a", "b"], [1, 1], 12)).toBe(1);
  });

  it("keep a short table on one page at the largest type", () => {
    const plan = tableLayout(
      {
        columns: ["A", "B"],
        rows: [
          ["1", "2"],
          ["3", "4"],
        ],
        title: "T",
      },
      { w: 6, h: 4 },
    );
    expect(plan.points).toBe(TYPE.tableMax);
    expect(plan.pages).toEqual([[0, 1]]);
  });

  it("cut long wrapped rows into pages that each fit the box, every row once, in order", () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`2027-0${(i % 9) + 1}`, `${i}: ${LONG}`, "Trade"]);
    const box = { w: 5.5, h: 4.75 };
    const plan = tableLayout({ columns: ["Due by", "Commitment", "Sector"], rows, title: "Due next" }, box);
    expect(plan.points).toBe(TYPE.tableMin);
    expect(plan.pages.length).toBeGreaterThan(1);
    expect(plan.pages.flat()).toEqual(rows.map((_, i) => i));
    const header = wrappedRowHeight(
      plan.points,
      rowLines(["Due by", "Commitment", "Sector"], plan.widths, plan.points),
    );
    for (const page of plan.pages) {
      const height = page.reduce(
        (sum, r) => sum + wrappedRowHeight(plan.points, rowLines(rows[r], plan.widths, plan.points)),
        header + rowHeight(plan.points + 2),
      );
      expect(height).toBeLessThanOrEqual(box.h);
    }
  });
});

describe("a deck bar chart's category labels", () => {
  it("shrink for many categories so each has its line, never under 9 pt (18 px at 1920)", async () => {
    const { categoryPoints } = await import("../../../src/lib/deck/deck-charts.js");
    const box = { x: 0, y: 0, w: 12, h: 4.75 };
    expect(categoryPoints(4, box, true)).toBe(TYPE.chart);
    expect(categoryPoints(24, box, true)).toBeLessThan(TYPE.chart);
    expect(categoryPoints(24, box, true) * 1.25 * 24).toBeLessThanOrEqual(box.h * 72 * 0.8);
    expect(categoryPoints(200, box, true)).toBe(9);
  });
});
