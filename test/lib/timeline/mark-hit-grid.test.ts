import { describe, expect, it } from "vitest";
import { distanceToMark, HIT_RADIUS, hitGrid, markAt } from "../../../src/lib/timeline/mark-hit-grid.js";

const point = (cx: number, y: number) => ({ x0: cx, x1: cx, cx, y });

describe("markAt", () => {
  it("finds the mark whose symbol is under the point, and none away from every mark", () => {
    const grid = hitGrid([point(100, 20), point(200, 20), point(100, 40)]);
    expect(markAt(grid, 101, 21)).toBe(0);
    expect(markAt(grid, 199, 19)).toBe(1);
    expect(markAt(grid, 100, 39)).toBe(2);
    expect(markAt(grid, 150, 20)).toBe(-1);
    expect(markAt(grid, 100 + HIT_RADIUS + 1, 20)).toBe(-1);
  });

  it("picks the nearest of two close marks, and the one drawn last on a tie", () => {
    const grid = hitGrid([point(100, 20), point(106, 20)]);
    expect(markAt(grid, 101, 20)).toBe(0);
    expect(markAt(grid, 105, 20)).toBe(1);
    expect(markAt(grid, 103, 20)).toBe(1);
  });

  it("hits a partial date anywhere along its span, across grid cells", () => {
    const grid = hitGrid([{ x0: 10, x1: 300, cx: 155, y: 50 }]);
    for (const x of [10, 80, 155, 299]) expect(markAt(grid, x, 51)).toBe(0);
    expect(markAt(grid, 320, 50)).toBe(-1);
    expect(markAt(grid, 80, 50 + HIT_RADIUS + 2)).toBe(-1);
  });

  it("answers for every one of 50,000 marks at its own centre", () => {
    const marks = Array.from({ length: 50_000 }, (_, i) => point(20 + (i % 500) * 3.1, 30 + Math.floor(i / 500) * 14));
    const grid = hitGrid(marks);
    const wrong = marks.filter((m, i) => markAt(grid, m.cx, m.y) !== i).length;
    expect(wrong).toBe(0);
  });
});

describe("distanceToMark", () => {
  it("measures to the symbol's centre, or to the span's bar", () => {
    expect(distanceToMark(point(0, 0), 3, 4)).toBe(5);
    expect(distanceToMark({ x0: 0, x1: 100, cx: 50, y: 0 }, 60, 2)).toBe(2);
    expect(distanceToMark({ x0: 0, x1: 100, cx: 50, y: 0 }, 103, 4)).toBe(5);
  });
});

describe("hitGrid", () => {
  it("answers as a search through every mark would, for points and spans of every length", () => {
    // Seeded: days, months and years on rows 14 px apart, some marks sharing a place.
    let seed = 7;
    const r = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const marks = Array.from({ length: 3000 }, () => {
      const y = 20 + Math.floor(r() * 60) * 14;
      const x0 = 180 + Math.floor(r() * 1400);
      const kind = r();
      const x1 = kind < 0.7 ? x0 : Math.min(1580, x0 + (kind < 0.9 ? 100 : 1400));
      return { x0, x1, cx: (x0 + x1) / 2, y };
    });
    const grid = hitGrid(marks);
    const brute = (x: number, y: number) => {
      let best = -1;
      let bestDistance = HIT_RADIUS;
      for (let i = 0; i < marks.length; i++) {
        // A mark farther away vertically than the best so far cannot be nearer (the distance is at least |dy|).
        if (Math.abs(y - marks[i].y) > bestDistance) continue;
        const d = distanceToMark(marks[i], x, y);
        if (d <= bestDistance) {
          best = i;
          bestDistance = d;
        }
      }
      return best;
    };
    // One assertion over all probes: the test took seconds and ran past vitest's 5 s limit under load.
    let hits = 0;
    const differences: { x: number; y: number; grid: number; brute: number }[] = [];
    for (let k = 0; k < 5000; k++) {
      const x = 170 + r() * 1420;
      const y = 10 + r() * 860;
      const expected = brute(x, y);
      if (expected >= 0) hits += 1;
      const found = markAt(grid, x, y);
      if (found !== expected) differences.push({ x, y, grid: found, brute: expected });
    }
    expect(differences).toEqual([]);
    expect(hits).toBeGreaterThan(500);
  });
});
