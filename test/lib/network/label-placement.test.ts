import { describe, expect, it } from "vitest";
import { type LabelCandidate, type PlacedLabel, placeLabels } from "../../../src/lib/network/label-placement.js";
import { lcg } from "../../../src/lib/network/metrics.js";

const overlap = (a: PlacedLabel, b: PlacedLabel) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("placeLabels", () => {
  it("puts a lone label under its node", () => {
    const [label] = placeLabels([{ id: "a", x: 100, y: 100, r: 10, width: 40, height: 12, priority: 1 }]);
    expect(label).toEqual({ id: "a", x: 80, y: 112, width: 40, height: 12 });
  });

  it("keeps labels inside the drawing when given its bounds", () => {
    const placed = placeLabels([{ id: "edge", x: 5, y: 100, r: 4, width: 60, height: 12, priority: 1 }], undefined, {
      width: 200,
      height: 200,
    });
    // Centred below would start at x = -25: it goes to the right of the node instead.
    expect(placed).toEqual([{ id: "edge", x: 12, y: 94, width: 60, height: 12 }]);
    expect(
      placeLabels([{ id: "far", x: 5, y: 5, r: 4, width: 300, height: 12, priority: 1 }], undefined, {
        width: 200,
        height: 200,
      }),
    ).toEqual([]);
  });

  it("moves or drops the smaller of two crowded labels, never stacking them", () => {
    const placed = placeLabels([
      { id: "big", x: 100, y: 100, r: 10, width: 60, height: 12, priority: 9 },
      { id: "small", x: 105, y: 100, r: 4, width: 60, height: 12, priority: 1 },
    ]);
    expect(placed[0].id).toBe("big");
    if (placed.length === 2) expect(overlap(placed[0], placed[1])).toBe(false);
  });

  it("finds a crowded neighbour across cell borders and at negative coordinates (off the left and top)", () => {
    // Two nodes either side of x = 0 and y = 0 (grid cells -1 and 0): the second label must move.
    const placed = placeLabels([
      { id: "a", x: -10, y: -30, r: 4, width: 40, height: 12, priority: 2 },
      { id: "b", x: 6, y: -30, r: 4, width: 40, height: 12, priority: 1 },
    ]);
    expect(placed[0]).toEqual({ id: "a", x: -30, y: -24, width: 40, height: 12 });
    expect(placed[1]).toEqual({ id: "b", x: -14, y: -48, width: 40, height: 12 });
    // Far away (grid cells in the millions) the same pair places the same way, shifted.
    const far = placeLabels([
      { id: "a", x: -1e8 - 10, y: 1e8 - 30, r: 4, width: 40, height: 12, priority: 2 },
      { id: "b", x: -1e8 + 6, y: 1e8 - 30, r: 4, width: 40, height: 12, priority: 1 },
    ]);
    expect(far.map((p) => [p.id, p.x + 1e8, p.y - 1e8])).toEqual([
      ["a", -30, -24],
      ["b", -14, -48],
    ]);
  });

  it("never overlaps two labels, nor a label and another node, on a crowded random set", () => {
    const rnd = lcg(0.25);
    const candidates: LabelCandidate[] = Array.from({ length: 800 }, (_, i) => ({
      id: `n${i}`,
      x: rnd() * 800,
      y: rnd() * 500,
      r: 3 + rnd() * 10,
      width: 20 + rnd() * 60,
      height: 12,
      priority: rnd(),
    }));
    const placed = placeLabels(candidates);
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThan(candidates.length);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i], placed[j])).toBe(false);
    for (const label of placed)
      for (const n of candidates) {
        if (n.id === label.id) continue;
        const box = { id: n.id, x: n.x - n.r, y: n.y - n.r, width: 2 * n.r, height: 2 * n.r };
        expect(overlap(label, box)).toBe(false);
      }
  });
});
