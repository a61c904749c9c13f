import { randomLcg } from "d3-random";
import { describe, expect, it } from "vitest";
import { placeLabels } from "../../../src/lib/network/label-placement.js";
import { LABEL_BUDGET, type LabelView, labelsInView } from "../../../src/lib/network/labels-in-view.js";
import type { SceneNode } from "../../../src/lib/network/scene.js";
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

  it("chooses the labels that ranking every node in view would, frame after frame of one scene", () => {
    const random = randomLcg(0.25);
    // Priorities with ties, some unlabelled (-1), places in and out of view.
    const nodes = Array.from({ length: 3000 }, (_, i) =>
      sceneNode(`n${i}`, random() * 4000 - 500, random() * 3000 - 500, {
        r: 1 + random() * 3,
        priority: random() < 0.2 ? -1 : Math.floor(random() * 30),
        label: "x".repeat(1 + Math.floor(random() * 12)),
      }),
    );
    const highlight = new Set(nodes.filter(() => random() < 0.05).map((n) => n.id));
    const frames: LabelView[] = [
      view({ width: 3000, height: 2000 }),
      view({ width: 3000, height: 2000, highlight, selected: [...highlight][3] }),
      view({ width: 1200, height: 900, transform: { x: -300, y: -200, k: 1.5 }, highlight, selected: "n7" }),
      view({ width: 3000, height: 2000, transform: { x: 100, y: 50, k: 0.5 } }),
    ];
    for (const frame of frames) {
      const labels = labelsInView(nodes, frame, measure);
      expect(labels.length).toBeGreaterThan(100);
      expect(labels).toEqual(everyNodeRanked(nodes, frame));
    }
  });
});

/** The labels as the chart first chose them: every node in view ranked (highlighted first, the selected before them), the first LABEL_BUDGET placed. */
function everyNodeRanked(nodes: SceneNode[], v: LabelView) {
  const { transform: t, width, height, highlight, selected } = v;
  const size = v.labelSize ?? 12;
  const inView = nodes
    .map((n) => ({ n, x: n.x * t.k + t.x, y: n.y * t.k + t.y, r: Math.max(2, n.r * Math.sqrt(t.k)) }))
    .filter(({ x, y }) => x > -40 && x < width + 40 && y > -40 && y < height + 40);
  const boost = (n: SceneNode) => (highlight?.has(n.id) ? 1e12 : 0) + (n.id === selected ? 1e13 : 0);
  const candidates = inView
    .filter(({ n }) => n.priority >= 0 || highlight?.has(n.id))
    .map((p) => ({ ...p, rank: boost(p.n) + p.n.priority }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, LABEL_BUDGET)
    .map(({ n, x, y, r, rank }) => ({
      id: n.id,
      x,
      y,
      r,
      width: measure(n.label) + 4,
      height: size + 2,
      priority: rank,
    }));
  const obstacles = inView.map(({ n, x, y, r }) => ({ id: n.id, x, y, r, width: 0, height: 0, priority: 0 }));
  const text = new Map(nodes.map((n) => [n.id, n.label]));
  return placeLabels(candidates, obstacles, { width, height: height - (size + 6) }).map((p) => ({
    id: p.id,
    x: p.x + 2,
    y: p.y + size - 1,
    text: text.get(p.id),
    strong: !highlight || highlight.has(p.id),
  }));
}
