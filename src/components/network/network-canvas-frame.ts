/**
 * One frame of the network canvas, in its worker: links and nodes in view
 * drawn in batches of one style (src/lib/network/canvas-batches.ts), new
 * nodes fading in, a ring round the selected node. The frame plan
 * (src/lib/network/frame-plan.ts) says how: mid-gesture on a large graph
 * the last full frame moves and scales; while the view stays put a hover
 * or a selection starts from the view's base (network-canvas-base.ts);
 * otherwise every link and node is drawn. Each full frame is copied, as
 * the last frame and/or the view's base, in a task after the one that drew
 * it (the copy makes the canvas rasterise every link), after the page has
 * been told the frame is drawn.
 */
import { edgeBatches, LARGE_EDGES, nodeBatches, viewBox } from "../../lib/network/canvas-batches.js";
import { type FrameDraw, framePlan } from "../../lib/network/frame-plan.js";
import { isOld, type PaintScene } from "../../lib/network/paint-scene.js";
import {
  drawFromBase,
  type FrameMarks,
  type FrameView,
  keepFrame,
  selectedNode,
  shows,
} from "./network-canvas-base.js";
import type { FrameRequest } from "./network-canvas-messages.js";
import {
  type FrameInk,
  fillNodes,
  outlineNodes,
  type Paint2D,
  ringSelected,
  strokeEdges,
  viewTransform,
} from "./network-canvas-paint.js";

/** The worker's canvas and what it knows: the scene, how many times nodes were dragged, the frames kept. */
export interface WorkerCanvas {
  canvas: OffscreenCanvas;
  scene: PaintScene;
  moves: number;
  /** The last frame (moved during a gesture) and the view's base; how many frames were drawn. */
  last: FrameView | null;
  base: FrameView | null;
  drawn: number;
}

export function workerCanvas(canvas: OffscreenCanvas): WorkerCanvas {
  return { canvas, scene: { nodes: [], edges: [] }, moves: 0, last: null, base: null, drawn: 0 };
}

/** What a frame did: how it was drawn, and the links it stroked. */
export interface FrameDone {
  draw: FrameDraw;
  links: number;
}

/**
 * Draws the frame `request` asks for and calls `done` (the canvas then
 * rasterises it in this worker, at its next animation frame); the copies
 * to keep are made in a task after this one.
 */
export function paintFrame(wc: WorkerCanvas, request: FrameRequest, done: (frame: FrameDone) => void): void {
  const { canvas, scene, last, base } = wc;
  const ctx = canvas.getContext("2d") as Paint2D;
  const large = scene.edges.length > LARGE_EDGES;
  // The page asks no fade-in on a large graph (network-canvas.ts).
  const { fade } = request;
  const view = { scene, transform: request.transform, ink: request.ink, moves: wc.moves };
  const marks: FrameMarks = {
    highlight: request.highlight ? new Set(request.highlight) : null,
    selected: request.selected,
  };
  wc.drawn++;
  const plan = framePlan({
    large,
    newScene: request.newScene,
    inGesture: request.inGesture,
    lastKept: last !== null && last.scene === scene && last.moves === wc.moves,
    baseShowsView: () => base !== null && shows(base, view, canvas),
    fading: fade < 1,
    highlighted: marks.highlight !== null,
  });
  if (plan.draw === "move-last" && last) {
    moveLastFrame(ctx, request, last);
    done({ draw: plan.draw, links: 0 });
    return;
  }
  // What is in view (layout coordinates): links and nodes outside are skipped.
  const frame: FrameInk = {
    box: viewBox(request.transform, request.width, request.height),
    colours: request.ink,
    dpr: request.dpr,
  };
  const links =
    plan.draw === "from-base" && base
      ? drawFromBase(ctx, base, view, marks, frame)
      : drawWhole(ctx, view, marks, frame, fade);
  if (!plan.keepLast) wc.last = null;
  const drawn = wc.drawn;
  done({ draw: plan.draw, links });
  // Copied in a task of its own: the copy makes the canvas rasterise its links (tens to hundreds of ms).
  setTimeout(() => {
    // Unless another frame was drawn on the canvas in between.
    if (wc.drawn === drawn) {
      if (plan.keepLast) wc.last = keepFrame(wc.last, canvas, view);
      if (plan.keepBase) wc.base = keepFrame(wc.base, canvas, view);
    }
  }, 0);
}

/** Every link and node in view, new ones fading in, the rest faint while a node is highlighted, the selected node ringed. */
function drawWhole(
  ctx: Paint2D,
  view: Omit<FrameView, "canvas">,
  marks: FrameMarks,
  frame: FrameInk,
  fade: number,
): number {
  const { scene, transform } = view;
  const { box, colours, dpr } = frame;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  viewTransform(ctx, transform, dpr);
  // Link widths stay the same on screen whatever the zoom.
  const large = scene.edges.length > LARGE_EDGES;
  const links = strokeEdges(ctx, edgeBatches(scene.edges, box, marks.highlight, large), 1 / transform.k, fade);
  const batches = nodeBatches(scene.nodes, box, marks.highlight, isOld);
  fillNodes(ctx, batches, transform.k, fade, colours.bg);
  outlineNodes(ctx, batches, transform.k, fade, colours.fg);
  ringSelected(ctx, selectedNode(scene, marks.selected), transform.k, colours.fg);
  ctx.globalAlpha = 1;
  return links;
}

/** Mid-gesture: moves and scales the last full frame to the current view. */
function moveLastFrame(ctx: Paint2D, request: FrameRequest, last: FrameView): void {
  const { transform, dpr } = request;
  const r = transform.k / last.transform.k;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(
    dpr * r,
    0,
    0,
    dpr * r,
    dpr * (transform.x - last.transform.x * r),
    dpr * (transform.y - last.transform.y * r),
  );
  ctx.drawImage(last.canvas, 0, 0, request.width, request.height);
}
