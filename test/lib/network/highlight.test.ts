import { describe, expect, it } from "vitest";
import { edgeDimmed, edgeOpacity, highlightFor, nodeOpacity } from "../../../src/lib/network/highlight.js";
import type { Scene } from "../../../src/lib/network/scene.js";
import { sceneEdge, sceneNode } from "./scene-fixture.js";

const [a, b, c, d] = ["a", "b", "c", "d"].map((id, i) => sceneNode(id, i * 10, 0));
const scene: Scene = { nodes: [a, b, c, d], edges: [sceneEdge(a, b), sceneEdge(c, a), sceneEdge(c, d)] };

describe("highlightFor", () => {
  it("highlights the hovered node and its neighbours, before the selected one's", () => {
    expect(highlightFor(scene, "a", "d")).toEqual(new Set(["a", "b", "c"]));
    expect(highlightFor(scene, null, "d")).toEqual(new Set(["d", "c"]));
  });

  it("highlights nothing without a focus, or for a node not in the scene", () => {
    expect(highlightFor(scene, null, null)).toBeNull();
    expect(highlightFor(scene, "gone", null)).toBeNull();
  });
});

describe("faint drawing outside the highlight", () => {
  const highlight = new Set(["a", "b", "c"]);
  it("fades nodes outside the highlight only", () => {
    expect(nodeOpacity(highlight, "a")).toBe(1);
    expect(nodeOpacity(highlight, "d")).toBe(0.12);
    expect(nodeOpacity(null, "d")).toBe(1);
  });

  it("dims links unless both ends are highlighted", () => {
    const [ab, ca, cd] = scene.edges;
    expect(edgeDimmed(highlight, ab)).toBe(false);
    expect(edgeDimmed(highlight, ca)).toBe(false);
    expect(edgeDimmed(highlight, cd)).toBe(true);
    expect(edgeDimmed(null, cd)).toBe(false);
    expect(edgeOpacity(highlight, cd)).toBe(0.06);
    expect(edgeOpacity(highlight, ab)).toBe(0.55);
  });
});
