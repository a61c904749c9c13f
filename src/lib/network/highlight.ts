/**
 * Neighbour highlighting: which nodes stand out while one is hovered or
 * selected (it and its neighbours), and how faint everything else is drawn.
 */
import { neighbourhood, type Scene, type SceneEdge } from "./scene.js";

/** The highlighted ids: the hovered node's neighbourhood, else the selected one's; null when neither is in the scene. */
export function highlightFor(scene: Scene, hovered: string | null, selected: string | null): Set<string> | null {
  const focus = hovered ?? selected;
  return focus && scene.nodes.some((n) => n.id === focus) ? neighbourhood(scene, focus) : null;
}

/** Opacity of a node that is not highlighted while others are. */
export const FAINT_NODE_OPACITY = 0.12;

/** Opacity of a node: faint when something else is highlighted. */
export function nodeOpacity(highlight: Set<string> | null, id: string): number {
  return highlight && !highlight.has(id) ? FAINT_NODE_OPACITY : 1;
}

/** True when a link is drawn faint: something is highlighted and the link does not join two highlighted nodes. */
export function edgeDimmed(
  highlight: Set<string> | null,
  e: { source: { id: string }; target: { id: string } },
): boolean {
  return !!highlight && !(highlight.has(e.source.id) && highlight.has(e.target.id));
}

/** Stroke opacity of a link in the SVG drawing. */
export function edgeOpacity(highlight: Set<string> | null, e: SceneEdge): number {
  return edgeDimmed(highlight, e) ? 0.06 : 0.55;
}
