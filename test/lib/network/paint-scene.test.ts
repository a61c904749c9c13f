import { describe, expect, it } from "vitest";
import { applyPlaces, packPaintScene, packPlaces, unpackPaintScene } from "../../../src/lib/network/paint-scene.js";
import type { Scene } from "../../../src/lib/network/scene.js";
import { sceneEdge, sceneNode } from "./scene-fixture.js";

function scene(): Scene {
  const a = sceneNode("a", 1.5, -2, { r: 7, fill: "#aa0000", outline: "ring" });
  const b = sceneNode("b", 10, 20, { fill: "#00aa00", dashed: true });
  const c = sceneNode("c", -4, 8, { fill: "#aa0000", outline: "double" });
  c.data = {
    id: "c",
    kind: "commitment",
    summary: "A commitment",
    sector: "trade",
    status: "agreed",
    label: "C",
    commitments: 2,
    bySector: [],
  };
  return {
    nodes: [a, b, c],
    edges: [
      sceneEdge(a, b, { width: 3, color: "red" }),
      sceneEdge(b, c, { width: 1.5, color: "blue", bend: -2 }),
      sceneEdge(a, c, { width: 8, color: "red", bend: 1 }),
    ],
  };
}

describe("packPaintScene and unpackPaintScene", () => {
  it("give back every node's place, size, fill and outline, and every link's ends, width, colour and bend, in order", () => {
    const s = scene();
    const painted = unpackPaintScene(packPaintScene(s, new Set(["b", "gone"])).packed);
    expect(painted.nodes).toEqual([
      { id: "a", x: 1.5, y: -2, r: 7, fill: "#aa0000", outline: "ring", dashed: false, square: false, old: false },
      { id: "b", x: 10, y: 20, r: 5, fill: "#00aa00", outline: "plain", dashed: true, square: false, old: true },
      { id: "c", x: -4, y: 8, r: 5, fill: "#aa0000", outline: "double", dashed: false, square: true, old: false },
    ]);
    expect(painted.edges.map((e) => [e.source.id, e.target.id, e.width, e.color, e.bend])).toEqual(
      s.edges.map((e) => [e.source.id, e.target.id, e.width, e.color, e.bend]),
    );
    // A link's ends are the painted nodes themselves, so moving a node moves its links.
    expect(painted.edges[0].source).toBe(painted.nodes[0]);
  });

  it("keeps each distinct colour once", () => {
    const { packed } = packPaintScene(scene(), new Set());
    expect(packed.fills).toEqual(["#aa0000", "#00aa00"]);
    expect(packed.colors).toEqual(["red", "blue"]);
  });

  it("hands over every typed array's buffer, and survives a structured clone with them", () => {
    const { packed, transfer } = packPaintScene(scene(), new Set());
    expect(transfer).toHaveLength(10);
    const cloned = structuredClone(packed, { transfer });
    expect(packed.x.byteLength).toBe(0);
    expect(unpackPaintScene(cloned).nodes.map((n) => n.x)).toEqual([1.5, 10, -4]);
  });

  it("says which link joins a node that is not in the scene", () => {
    const s = scene();
    s.nodes.pop();
    expect(() => packPaintScene(s, new Set())).toThrow("link b|c joins a node that is not in the scene");
  });
});

describe("packPlaces and applyPlaces", () => {
  it("move the painted nodes, and their links with them, to the scene's places after a drag", () => {
    const s = scene();
    const painted = unpackPaintScene(packPaintScene(s, new Set()).packed);
    s.nodes[1].x = 99;
    s.nodes[1].y = -99;
    applyPlaces(painted, packPlaces(s));
    expect(painted.nodes.map((n) => [n.x, n.y])).toEqual(s.nodes.map((n) => [n.x, n.y]));
    expect(painted.edges[0].target).toMatchObject({ x: 99, y: -99 });
  });

  it("refuses places for another number of nodes", () => {
    const painted = unpackPaintScene(packPaintScene(scene(), new Set()).packed);
    expect(() => applyPlaces(painted, { x: new Float64Array(2), y: new Float64Array(2) })).toThrow(
      "applyPlaces: 2 places for 3 nodes",
    );
  });
});
