import { describe, expect, it } from "vitest";
import { nodeAt, nodeIndex } from "../../../src/lib/network/hit-test.js";
import { sceneNode } from "./scene-fixture.js";

const a = sceneNode("a", 0, 0, { r: 5 });
const b = sceneNode("b", 100, 0, { r: 5 });
const index = nodeIndex([a, b]);

describe("nodeAt", () => {
  it("finds the node under the pointer, within its drawn radius plus 4 px", () => {
    const identity = { x: 0, y: 0, k: 1 };
    expect(nodeAt(index, identity, 1, 1)?.id).toBe("a");
    expect(nodeAt(index, identity, 108.9, 0)?.id).toBe("b");
    expect(nodeAt(index, identity, 109.5, 0)).toBeUndefined();
    expect(nodeAt(index, identity, 50, 0)).toBeUndefined();
  });

  it("works in screen pixels whatever the view", () => {
    // Zoomed 4× and moved: b is drawn at (420, 10) with radius 5 × √4 = 10.
    const t = { x: 20, y: 10, k: 4 };
    expect(nodeAt(index, t, 420, 10)?.id).toBe("b");
    expect(nodeAt(index, t, 433, 10)?.id).toBe("b");
    expect(nodeAt(index, t, 435, 10)).toBeUndefined();
  });

  it("finds nothing in an empty chart", () => {
    expect(nodeAt(nodeIndex([]), { x: 0, y: 0, k: 1 }, 0, 0)).toBeUndefined();
  });
});
