/**
 * What the canvas strokes or fills in one go: the links and nodes in view,
 * grouped by everything that sets their style (colour, width, faintness,
 * fade-in), so a frame of thousands of links costs a few dozen strokes.
 * Large graphs draw every link 1 pixel wide, heavier links more opaque.
 */
import { edgeDimmed, nodeOpacity } from "./highlight.js";
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

/** What batching needs of a node: its id, place and fill (scene and paint nodes both have them). */
export interface BatchNode {
  id: string;
  x: number;
  y: number;
  fill: string;
}

/** What batching needs of a link. */
export interface BatchEdge {
  source: BatchNode;
  target: BatchNode;
  width: number;
  color: string;
}

export interface EdgeBatch<E extends BatchEdge = BatchEdge> {
  color: string;
  /** Line width in screen pixels. */
  lineWidth: number;
  /** Opacity before any fade-in. */
  alpha: number;
  edges: E[];
}

export interface NodeBatch<N extends BatchNode = BatchNode> {
  fill: string;
  opacity: number;
  /** True for nodes already drawn before this scene (they do not fade in). */
  old: boolean;
  nodes: N[];
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
export function edgeBatches<E extends BatchEdge>(
  edges: readonly E[],
  box: ViewBox,
  highlight: Set<string> | null,
  large: boolean,
): EdgeBatch<E>[] {
  const batches = new BatchIndex<EdgeBatch<E>>();
  for (const e of edges) {
    if (outsideBox(box, e.source, e.target)) continue;
    const dim = edgeDimmed(highlight, e);
    // Large graphs: every link 1 px, heavier links more opaque (width 1–8 → 4 steps, as -1 … -4).
    const w = large ? -Math.min(4, Math.ceil(e.width / 2)) : Math.round(e.width);
    const key = w * 2 + (dim ? 1 : 0);
    const batch = batches.get(e.color, key);
    if (batch) batch.edges.push(e);
    else {
      const alpha = dim ? 0.05 : w < 0 ? 0.15 + 0.15 * -w : 0.45;
      batches.add(e.color, key, { color: e.color, lineWidth: w < 0 ? 1 : w, alpha, edges: [e] });
    }
  }
  return batches.inOrder;
}

/**
 * Nodes in view, batched by fill, opacity and whether they are new (new ones
 * fade in; `isOld` says which were drawn before), in first-seen order.
 */
export function nodeBatches<N extends BatchNode>(
  nodes: readonly N[],
  box: ViewBox,
  highlight: Set<string> | null,
  isOld: (node: N) => boolean,
): NodeBatch<N>[] {
  const batches = new BatchIndex<NodeBatch<N>>();
  for (const n of nodes) {
    if (outsideBox(box, n, n)) continue;
    const opacity = nodeOpacity(highlight, n.id);
    const old = isOld(n);
    // Opacity is 0–1: old nodes 2–3.
    const key = opacity + (old ? 2 : 0);
    const batch = batches.get(n.fill, key);
    if (batch) batch.nodes.push(n);
    else batches.add(n.fill, key, { fill: n.fill, opacity, old, nodes: [n] });
  }
  return batches.inOrder;
}

/**
 * Batches by a colour and a number (width or opacity, and a flag), in the
 * order first seen: looked up without building a string key per link
 * (tens of thousands a frame).
 */
class BatchIndex<B> {
  readonly inOrder: B[] = [];
  private readonly byColour = new Map<string, Map<number, B>>();

  get(colour: string, key: number): B | undefined {
    return this.byColour.get(colour)?.get(key);
  }

  add(colour: string, key: number, batch: B): void {
    let keyed = this.byColour.get(colour);
    if (!keyed) {
      keyed = new Map();
      this.byColour.set(colour, keyed);
    }
    keyed.set(key, batch);
    this.inOrder.push(batch);
  }
}

/**
 * Of the links in view, those drawn full while `highlight` is set (both ends
 * highlighted), batched as edgeBatches does: what is drawn again on top of
 * a faint copy of the whole graph.
 */
export function litEdgeBatches<E extends BatchEdge>(
  edges: readonly E[],
  box: ViewBox,
  highlight: Set<string>,
  large: boolean,
): EdgeBatch<E>[] {
  return edgeBatches(
    edges.filter((e) => !edgeDimmed(highlight, e)),
    box,
    highlight,
    large,
  );
}

/** Of the nodes in view, the highlighted ones, batched as nodeBatches does. */
export function litNodeBatches<N extends BatchNode>(
  nodes: readonly N[],
  box: ViewBox,
  highlight: Set<string>,
  isOld: (node: N) => boolean,
): NodeBatch<N>[] {
  return nodeBatches(
    nodes.filter((n) => highlight.has(n.id)),
    box,
    highlight,
    isOld,
  );
}
