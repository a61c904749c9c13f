import { describe, expect, it } from "vitest";
import {
  edgeBatches,
  litEdgeBatches,
  litNodeBatches,
  nodeBatches,
  outsideBox,
  viewBox,
} from "../../../src/lib/network/canvas-batches.js";
import { sceneEdge, sceneNode } from "./scene-fixture.js";

describe("viewBox", () => {
  it("is the drawing plus a 30 px margin, in layout units", () => {
    expect(viewBox({ x: 0, y: 0, k: 1 }, 200, 100)).toEqual({ x0: -30, y0: -30, x1: 230, y1: 130 });
    expect(viewBox({ x: 40, y: 0, k: 2 }, 200, 100)).toEqual({ x0: -35, y0: -15, x1: 95, y1: 65 });
  });

  it("keeps a link that crosses the view although both ends are outside", () => {
    const box = { x0: 0, y0: 0, x1: 100, y1: 100 };
    expect(outsideBox(box, { x: -10, y: 50 }, { x: 110, y: 50 })).toBe(false);
    expect(outsideBox(box, { x: -10, y: 50 }, { x: -5, y: 60 })).toBe(true);
    expect(outsideBox(box, { x: 50, y: 120 }, { x: 60, y: 130 })).toBe(true);
  });
});

const box = { x0: -30, y0: -30, x1: 230, y1: 130 };
const [a, b, c, far] = [
  sceneNode("a", 0, 0),
  sceneNode("b", 100, 0),
  sceneNode("c", 100, 100),
  sceneNode("far", 900, 0),
];

describe("edgeBatches", () => {
  it("strokes links of one colour and width together, skipping links out of view", () => {
    const edges = [
      sceneEdge(a, b, { width: 2, color: "red" }),
      sceneEdge(b, c, { width: 3, color: "blue" }),
      sceneEdge(a, c, { width: 2.2, color: "red" }),
      sceneEdge(far, sceneNode("far2", 950, 0), { color: "red" }),
    ];
    const batches = edgeBatches(edges, box, null, false);
    expect(batches.map((x) => [x.color, x.lineWidth, x.alpha, x.edges.map((e) => e.id)])).toEqual([
      ["red", 2, 0.45, ["a|b", "a|c"]],
      ["blue", 3, 0.45, ["b|c"]],
    ]);
  });

  it("draws links outside the highlight apart and faint", () => {
    const edges = [sceneEdge(a, b), sceneEdge(b, c)];
    const batches = edgeBatches(edges, box, new Set(["a", "b"]), false);
    expect(batches.map((x) => [x.alpha, x.edges.map((e) => e.id)])).toEqual([
      [0.45, ["a|b"]],
      [0.05, ["b|c"]],
    ]);
  });

  it("draws a large graph's links 1 px wide, heavier ones more opaque", () => {
    const edges = [sceneEdge(a, b, { width: 1 }), sceneEdge(b, c, { width: 8 }), sceneEdge(a, c, { width: 2 })];
    const batches = edgeBatches(edges, box, null, true);
    expect(batches.map((x) => [x.lineWidth, x.alpha, x.edges.length])).toEqual([
      [1, 0.3, 2],
      [1, 0.75, 1],
    ]);
  });
});

describe("nodeBatches", () => {
  it("fills nodes by colour, faintness and newness, skipping nodes out of view", () => {
    const red = sceneNode("r", 50, 50, { fill: "red" });
    const batches = nodeBatches([a, b, red, c, far], box, new Set(["a", "b", "r"]), (n) => ["a", "r"].includes(n.id));
    expect(batches.map((x) => [x.fill, x.opacity, x.old, x.nodes.map((n) => n.id)])).toEqual([
      ["#111111", 1, true, ["a"]],
      ["#111111", 1, false, ["b"]],
      ["red", 1, true, ["r"]],
      ["#111111", 0.12, false, ["c"]],
    ]);
  });
});

describe("litEdgeBatches and litNodeBatches", () => {
  it("keep only what a highlight draws full: links joining two highlighted nodes, highlighted nodes, in view", () => {
    const farLink = sceneEdge(a, far);
    const edges = [sceneEdge(a, b), sceneEdge(b, c), farLink, sceneEdge(c, a)];
    const lit = new Set(["a", "b", "far"]);
    expect(litEdgeBatches(edges, box, lit, false).map((x) => [x.alpha, x.edges.map((e) => e.id)])).toEqual([
      [0.45, ["a|b", "a|far"]],
    ]);
    expect(
      litNodeBatches([a, b, c, far], box, lit, () => false).map((x) => [x.opacity, x.nodes.map((n) => n.id)]),
    ).toEqual([[1, ["a", "b"]]]);
  });

  it("draws nothing again for a highlight with no link inside it", () => {
    const lit = new Set(["c"]);
    expect(litEdgeBatches([sceneEdge(a, b)], box, lit, true)).toEqual([]);
    expect(litNodeBatches([a, b, c], box, lit, () => false).flatMap((x) => x.nodes.map((n) => n.id))).toEqual(["c"]);
  });
});
