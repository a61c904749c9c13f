/**
 * Which node is under the pointer: a quadtree of node places, searched
 * within 40 screen pixels of the pointer, and a node counts only when the
 * pointer is within its drawn radius plus 4 pixels.
 */
import { type Quadtree, quadtree } from "d3";
import type { SceneNode } from "./scene.js";
import { toLayout, toScreen, type ViewTransform, visibleRadius } from "./view-transform.js";

export type NodeIndex = Quadtree<SceneNode>;

/** A quadtree of the nodes' layout places (rebuilt when nodes move). */
export function nodeIndex(nodes: SceneNode[]): NodeIndex {
  return quadtree<SceneNode>()
    .x((d) => d.x)
    .y((d) => d.y)
    .addAll(nodes);
}

/** The node drawn under screen pixel (px, py) in view `t`, if any. */
export function nodeAt(index: NodeIndex, t: ViewTransform, px: number, py: number): SceneNode | undefined {
  const [x, y] = toLayout(t, px, py);
  const found = index.find(x, y, 40 / t.k);
  if (!found) return undefined;
  const [sx, sy] = toScreen(t, found.x, found.y);
  return Math.hypot(sx - px, sy - py) <= visibleRadius(found.r, t.k) + 4 ? found : undefined;
}
