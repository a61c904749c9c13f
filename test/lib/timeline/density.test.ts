import { describe, expect, it } from "vitest";
import {
  chooseMode,
  MARK_LIMIT,
  MARK_WIDTH,
  MAX_STACK,
  monthEnd,
  packRows,
  placeLabels,
  yearRange,
} from "../../../src/lib/timeline/density.js";

const point = (x: number) => ({ x0: x - MARK_WIDTH / 2, x1: x + MARK_WIDTH / 2 });

/** Greedy packing as first written: every row read in order for each item (the reference for packRows). */
function packRowsByScan(items: readonly { x0: number; x1: number }[], gap: number) {
  const order = items.map((_, i) => i).sort((a, b) => items[a].x0 - items[b].x0 || a - b);
  const ends: number[] = [];
  const rows = new Array<number>(items.length);
  for (const i of order) {
    let row = ends.findIndex((end) => end + gap <= items[i].x0);
    if (row < 0) {
      row = ends.length;
      ends.push(items[i].x1);
    } else ends[row] = items[i].x1;
    rows[i] = row;
  }
  return { rows, count: ends.length };
}

describe("packRows", () => {
  it("gives the rows a scan of every row gives, for thousands of marks on hundreds of rows", () => {
    let seed = 11;
    const r = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (const gap of [0, 2, MARK_WIDTH]) {
      const items = Array.from({ length: 6000 }, () => {
        const x0 = 180 + r() * 1400;
        const long = r() < 0.3;
        return { x0, x1: x0 + (long ? r() * 1400 : r() * 40) };
      });
      // Ends that are not numbers never take another item, as in the scan.
      items.push({ x0: 300, x1: Number.NaN }, { x0: 301, x1: 320 });
      const packed = packRows(items, gap);
      expect(packed.count).toBeGreaterThan(100);
      expect(packed).toEqual(packRowsByScan(items, gap));
    }
  });

  it("stacks marks that overlap and reuses rows that are free", () => {
    const { rows, count } = packRows([point(10), point(12), point(40), point(14)], 0);
    expect(rows).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
  });
  it("keeps a gap between marks in a row", () => {
    expect(
      packRows(
        [
          { x0: 0, x1: 10 },
          { x0: 15, x1: 20 },
        ],
        6,
      ).count,
    ).toBe(2);
    expect(
      packRows(
        [
          { x0: 0, x1: 10 },
          { x0: 16, x1: 20 },
        ],
        6,
      ).count,
    ).toBe(1);
  });
});

describe("chooseMode: the aggregation threshold", () => {
  it("draws marks while few enough and no lane stacks past MAX_STACK", () => {
    const lane = Array.from({ length: MAX_STACK }, () => point(100));
    expect(chooseMode({ total: MAX_STACK, lanes: [lane] })).toBe("marks");
  });
  it("aggregates when one lane would stack one row too many", () => {
    const lane = Array.from({ length: MAX_STACK + 1 }, () => point(100));
    expect(chooseMode({ total: MAX_STACK + 1, lanes: [lane] })).toBe("density");
  });
  it("marks spread out in time do not stack", () => {
    const lane = Array.from({ length: 200 }, (_, i) => point(i * MARK_WIDTH));
    expect(chooseMode({ total: 200, lanes: [lane] })).toBe("marks");
  });
  it("aggregates past MARK_LIMIT, or when the marks were not fetched", () => {
    expect(chooseMode({ total: MARK_LIMIT + 1, lanes: [[point(1)]] })).toBe("density");
    expect(chooseMode({ total: MARK_LIMIT })).toBe("density");
    expect(chooseMode({ total: 0, lanes: [] })).toBe("marks");
  });
});

describe("placeLabels", () => {
  it("places the most important labels first and drops what does not fit", () => {
    const rows = placeLabels(
      [
        { x0: 0, x1: 50, priority: 2 },
        { x0: 10, x1: 60, priority: 0 },
        { x0: 20, x1: 70, priority: 1 },
      ],
      2,
    );
    expect(rows).toEqual([-1, 0, 1]);
  });
});

describe("windows", () => {
  it("a year, and a month's last day", () => {
    expect(yearRange(2025)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(monthEnd("2024-02-10")).toBe("2024-02-29");
    expect(monthEnd("2025-12-01")).toBe("2025-12-31");
  });
  it("gives every day of a month the same last day, asked again and again", () => {
    for (const day of ["2023-02-01", "2023-02-28", "2023-02-01"]) expect(monthEnd(day)).toBe("2023-02-28");
    expect(monthEnd("2024-02-01")).toBe("2024-02-29");
    expect(monthEnd("0999-04-30")).toBe("0999-04-30");
  });
});
