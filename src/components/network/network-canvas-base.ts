/**
 * The canvas worker's kept frames, and drawing from the view's base: the
 * last frame drawn with nothing highlighted (links and nodes; the labels
 * are on the page's layer of their own). While the view stays put, a frame
 * starts from it, copied whole, or faint while a node is hovered or
 * selected with that node's neighbourhood drawn again on top, so hovering,
 * selecting and clearing a selection cost a copy and a few strokes instead
 * of drawing every link again (tens of ms each on a graph of tens of
 * thousands).
 */
import { LARGE_EDGES, litEdgeBatches, litNodeBatches } from "../../lib/network/canvas-batches.js";
import { FAINT_NODE_OPACITY } from "../../lib/network/highlight.js";
import { isOld, type PaintScene } from "../../lib/network/paint-scene.js";
import type { ViewTransform } from "../../lib/network/view-transform.js";
import {
  type FrameInk,
  fillNodes,
  type Ink,
  outlineNodes,
  type Paint2D,
  ringSelected,
  strokeEdges,
  viewTransform,
} from "./network-canvas-paint.js";

/** A copy of a frame and what it shows. */
export interface FrameView {
  canvas: OffscreenCanvas;
  scene: PaintScene;
  transform: ViewTransform;
  ink: Ink;
  /** The drag count it was drawn at (a dragged node moves without a new scene). */
  moves: number;
}

/** What a frame shows besides its scene and view: the highlight, the selected node. */
export interface FrameMarks {
  highlight: Set<string> | null;
  selected: string | null;
}

/** True when the kept frame shows `view` at the canvas's pixel size. */
export function shows(kept: FrameView, view: Omit<FrameView, "canvas">, node: OffscreenCanvas): boolean {
  const { transform: a } = kept;
  const { transform: b } = view;
  return (
    kept.scene === view.scene &&
    a.x === b.x &&
    a.y === b.y &&
    a.k === b.k &&
    kept.canvas.width === node.width &&
    kept.canvas.height === node.height &&
    kept.ink.bg === view.ink.bg &&
    kept.ink.fg === view.ink.fg &&
    kept.moves === view.moves
  );
}

/** Copies the canvas (reusing the kept frame's canvas when it has the size) as a frame showing `view`. */
export function keepFrame(kept: FrameView | null, node: OffscreenCanvas, view: Omit<FrameView, "canvas">): FrameView {
  let canvas = kept?.canvas;
  if (!canvas || canvas.width !== node.width || canvas.height !== node.height) {
    canvas = new OffscreenCanvas(node.width, node.height);
  }
  const cctx = canvas.getContext("2d") as Paint2D;
  cctx.clearRect(0, 0, node.width, node.height);
  cctx.drawImage(node, 0, 0);
  return { canvas, ...view };
}

/**
 * The base copied (faint while a node is highlighted), the highlighted
 * neighbourhood on top, the selected node's ring. Returns the links stroked.
 */
export function drawFromBase(
  ctx: Paint2D,
  base: FrameView,
  view: Omit<FrameView, "canvas">,
  marks: FrameMarks,
  frame: FrameInk,
): number {
  const { scene, transform } = view;
  const { highlight } = marks;
  const { box, colours, dpr } = frame;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.globalAlpha = highlight ? FAINT_NODE_OPACITY : 1;
  ctx.drawImage(base.canvas, 0, 0);
  ctx.globalAlpha = 1;
  viewTransform(ctx, transform, dpr);
  let links = 0;
  if (highlight) {
    const large = scene.edges.length > LARGE_EDGES;
    links = strokeEdges(ctx, litEdgeBatches(scene.edges, box, highlight, large), 1 / transform.k, 1);
    const lit = litNodeBatches(scene.nodes, box, highlight, isOld);
    fillNodes(ctx, lit, transform.k, 1, colours.bg);
    outlineNodes(ctx, lit, transform.k, 1, colours.fg);
  }
  ringSelected(ctx, selectedNode(scene, marks.selected), transform.k, colours.fg);
  ctx.globalAlpha = 1;
  return links;
}

/** The selected node, if it is in the scene. */
export function selectedNode(scene: PaintScene, selected: string | null) {
  return selected === null ? undefined : scene.nodes.find((n) => n.id === selected);
}
