import { describe, expect, it } from "vitest";
import { LABEL_BUDGET, type LabelView, labelsInView } from "../../../src/lib/network/labels-in-view.js";
import { sceneNode } from "./scene-fixture.js";

/** Six pixels a character, as a fixed-width font would measure. */
const measure = (text: string) => text.length * 6;
const view = (extra: Partial<LabelView> = {}): LabelView => ({
  transform: { x: 0, y: 0, k: 1 },
  width: 400,
  height: 300,
  highlight: null,
  selected: null,
  ...extra,
});

describe("labelsInView", () => {
  it("labels a lone node below it, text starting 2 px in and 11 px down the box", () => {
    const a = sceneNode("a", 100, 100, { label: "Alpha", r: 4 });
    // Box 5 × 6 + 4 = 34 wide, centred under the node: x = 83, y = 100 + 4 + 2 = 106.
    expect(labelsInView([a], view(), measure)).toEqual([{ id: "a", x: 85, y: 117, text: "Alpha", strong: true }]);
  });

  it("makes the box of a larger label size (the slide type scale's 18 px) taller, the baseline lower", () => {
    const a = sceneNode("a", 100, 100, { label: "Alpha", r: 4 });
    expect(labelsInView([a], view({ labelSize: 18 }), measure)).toEqual([
      { id: "a", x: 85, y: 100 + 4 + 2 + 17, text: "Alpha", strong: true },
    ]);
    // Two nodes 24 px apart: at 12 px a's label fits below it, above b's; at 18 px that box would
    // overlap b's label, so a's label moves above its node.
    const b = sceneNode("b", 100, 124, { label: "Bravo", r: 4 });
    expect(labelsInView([a, b], view(), measure).map((l) => [l.id, l.y])).toEqual([
      ["a", 117],
      ["b", 141],
    ]);
    expect(labelsInView([a, b], view({ labelSize: 18 }), measure).map((l) => [l.id, l.y])).toEqual([
      ["a", 91],
      ["b", 147],
    ]);
  });

  it("places labels in screen pixels of the current view and leaves out nodes outside it", () => {
    const a = sceneNode("a", 10, 10, { label: "A" });
    const far = sceneNode("far", 500, 10, { label: "Far" });
    const labels = labelsInView([a, far], view({ transform: { x: 100, y: 50, k: 2 } }), measure);
    expect(labels.map((l) => l.id)).toEqual(["a"]);
    // a is drawn at (120, 70), radius 5 × √2.
    expect(labels[0].x).toBeCloseTo(120 - 5 + 2);
    expect(labels[0].y).toBeCloseTo(70 + 5 * Math.SQRT2 + 2 + 11);
  });

  it("labels commitment nodes only when highlighted, and draws labels outside the highlight faint", () => {
    const a = sceneNode("a", 50, 50);
    const b = sceneNode("b", 250, 50);
    const c = sceneNode("c", 150, 200, { priority: -1 });
    expect(labelsInView([a, b, c], view(), measure).map((l) => l.id)).toEqual(["a", "b"]);
    const labels = labelsInView([a, b, c], view({ highlight: new Set(["a", "c"]) }), measure);
    expect(labels.map((l) => [l.id, l.strong])).toEqual([
      ["a", true],
      ["c", true],
      ["b", false],
    ]);
  });

  it("gives the selected node its label first when labels crowd", () => {
    // Near the top of a narrow drawing only the place below a node is free, and the two overlap.
    const big = sceneNode("big", 30, 12, { priority: 50, label: "Big one" });
    const small = sceneNode("small", 31, 12, { priority: 1, label: "Small one" });
    const crowded = view({ width: 60, height: 100 });
    expect(labelsInView([big, small], crowded, measure).map((l) => l.id)).toEqual(["big"]);
    const chosen = labelsInView(
      [big, small],
      { ...crowded, selected: "small", highlight: new Set(["small"]) },
      measure,
    );
    expect(chosen.map((l) => [l.id, l.strong])).toEqual([["small", true]]);
  });

  it(`considers at most ${LABEL_BUDGET} labels, the largest nodes`, () => {
    const nodes = Array.from({ length: LABEL_BUDGET + 1 }, (_, i) =>
      sceneNode(`n${i}`, (i % 21) * 100 + 50, Math.floor(i / 21) * 100 + 50, { priority: i + 1, label: "x" }),
    );
    const labels = labelsInView(nodes, view({ width: 2200, height: 2100 }), measure);
    expect(labels).toHaveLength(LABEL_BUDGET);
    expect(labels.some((l) => l.id === "n0")).toBe(false);
  });
});
