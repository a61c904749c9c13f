/**
 * What the canvas strokes or fills in one go: the links and nodes in view,
 * grouped by everything that sets their style (colour, width, faintness,
 * fade-in), so a frame of thousands of links costs a few dozen strokes.
 * Large graphs draw every link 1 pixel wide, heavier links more opaque.
 */
import { edgeDimmed, nodeOpacity } from "./highlight.js";
import type { SceneEdge, SceneNode } from "./scene.js";
import { toLayout, type ViewTransform } from "./view-transform.js";

/**
 * Links past which the canvas draws them as 1-pixel lines, weight shown by
 * opacity (wider strokes cost about 15× more to rasterise without a GPU), and
 * pans and zooms by moving the last full frame, redrawing in full once the
 * gesture pauses.
 */
export const LARGE_EDGES = 3000;

/** The layout rectangle in view. */
export interface ViewBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface EdgeBatch {
  color: string;
  /** Line width in screen pixels. */
  lineWidth: number;
  /** Opacity before any fade-in. */
  alpha: number;
  edges: SceneEdge[];
}

export interface NodeBatch {
  fill: string;
  opacity: number;
  /** True for nodes already drawn before this scene (they do not fade in). */
  old: boolean;
  nodes: SceneNode[];
}

/** What is in view of a drawing `width` × `height`, with `margin` pixels around, in layout units. */
export function viewBox(t: ViewTransform, width: number, height: number, margin = 30): ViewBox {
  const [x0, y0] = toLayout(t, -margin, -margin);
  const [x1, y1] = toLayout(t, width + margin, height + margin);
  return { x0, y0, x1, y1 };
}

/** True when the segment a–b cannot cross the box (both ends beyond one side). */
export function outsideBox(box: ViewBox, a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  const { x0, y0, x1, y1 } = box;
  return (a.x < x0 && b.x < x0) || (a.x > x1 && b.x > x1) || (a.y < y0 && b.y < y0) || (a.y > y1 && b.y > y1);
}

/** Links in view, batched by colour, width and faintness, in first-seen order. */
export function edgeBatches(
  edges: readonly SceneEdge[],
  box: ViewBox,
  highlight: Set<string> | null,
  large: boolean,
): EdgeBatch[] {
  const batches = new Map<string, EdgeBatch>();
  for (const e of edges) {
    if (outsideBox(box, e.source, e.target)) continue;
    const dim = edgeDimmed(highlight, e);
    // Large graphs: every link 1 px, heavier links more opaque (width 1–8 → 4 steps, as -1 … -4).
    const w = large ? -Math.min(4, Math.ceil(e.width / 2)) : Math.round(e.width);
    const key = `${e.color}|${w}|${dim ? 1 : 0}`;
    const batch = batches.get(key);
    if (batch) batch.edges.push(e);
    else {
      const alpha = dim ? 0.05 : w < 0 ? 0.15 + 0.15 * -w : 0.45;
      batches.set(key, { color: e.color, lineWidth: w < 0 ? 1 : w, alpha, edges: [e] });
    }
  }
  return [...batches.values()];
}

/** Nodes in view, batched by fill, opacity and whether they are new (new ones fade in), in first-seen order. */
export function nodeBatches(
  nodes: readonly SceneNode[],
  box: ViewBox,
  highlight: Set<string> | null,
  previousIds: ReadonlySet<string>,
): NodeBatch[] {
  const batches = new Map<string, NodeBatch>();
  for (const n of nodes) {
    if (outsideBox(box, n, n)) continue;
    const opacity = nodeOpacity(highlight, n.id);
    const old = previousIds.has(n.id);
    const key = `${n.fill}|${opacity}|${old ? 1 : 0}`;
    const batch = batches.get(key);
    if (batch) batch.nodes.push(n);
    else batches.set(key, { fill: n.fill, opacity, old, nodes: [n] });
  }
  return [...batches.values()];
}

/**
 * Of the links in view, those drawn full while `highlight` is set (both ends
 * highlighted), batched as edgeBatches does: what is drawn again on top of
 * a faint copy of the whole graph.
 */
export function litEdgeBatches(
  edges: readonly SceneEdge[],
  box: ViewBox,
  highlight: Set<string>,
  large: boolean,
): EdgeBatch[] {
  return edgeBatches(
    edges.filter((e) => !edgeDimmed(highlight, e)),
    box,
    highlight,
    large,
  );
}

/** Of the nodes in view, the highlighted ones, batched as nodeBatches does. */
export function litNodeBatches(
  nodes: readonly SceneNode[],
  box: ViewBox,
  highlight: Set<string>,
  previousIds: ReadonlySet<string>,
): NodeBatch[] {
  return nodeBatches(
    nodes.filter((n) => highlight.has(n.id)),
    box,
    highlight,
    previousIds,
  );
}
