/**
 * The network chart's canvas renderer, used past SVG_LIMIT elements: links
 * and nodes in view drawn in batches of one style (src/lib/network/
 * canvas-batches.ts, painted by network-canvas-paint.ts), new nodes fading
 * in, a ring round the selected node; the labels on a canvas of their own
 * above it. Each full frame is copied once it is on screen, in a task of its
 * own (copying it in the task that drew it would make the browser rasterise
 * every link there and then, inside the frame that answers a filter change
 * or a click): a frame with nothing highlighted is the view's base, and
 * while the view stays put a hover or a selection draws that base faint
 * with the neighbourhood again on top, instead of every link
 * (network-canvas-base.ts). Past LARGE_EDGES links it draws no fade and,
 * mid-gesture, moves and scales the last frame instead of drawing a new
 * one, its labels hidden and any change of highlight left until the gesture
 * pauses.
 */
import * as d3 from "d3";
import { edgeBatches, LARGE_EDGES, nodeBatches, viewBox } from "../../lib/network/canvas-batches.js";
import { framePlan } from "../../lib/network/frame-plan.js";
import type { ViewLabel } from "../../lib/network/labels-in-view.js";
import { drawFromBase, type FrameView, keepFrame, shows } from "./network-canvas-base.js";
import {
  drawLabels,
  type FrameInk,
  fillNodes,
  type Ink,
  outlineNodes,
  ringSelected,
  strokeEdges,
  viewTransform,
} from "./network-canvas-paint.js";
import { type NetworkChartState, SETTLE_MS } from "./network-chart-state.js";
import type { NetworkRenderer } from "./network-renderer.js";

/**
 * The frames kept: the last one (moved during a gesture), the view's base
 * (the last one drawn with nothing highlighted); how many frames were drawn
 * (a copy scheduled for an older one is dropped) and how many times a node
 * was dragged (a kept frame from before shows it in its old place).
 */
interface Frames {
  last: FrameView | null;
  base: FrameView | null;
  drawn: number;
  moves: number;
}

export function networkCanvas(state: NetworkChartState, root: HTMLElement, labels: () => ViewLabel[]): NetworkRenderer {
  const canvas = d3.create("canvas").attr("class", "aa-net-canvas").attr("role", "img");
  const labelCanvas = d3.create("canvas").attr("class", "aa-net-labels").attr("aria-hidden", "true");
  const element = canvas.node() as HTMLCanvasElement;
  const labelLayer = labelCanvas.node() as HTMLCanvasElement;
  const frames: Frames = { last: null, base: null, drawn: 0, moves: 0 };
  return {
    elements: [element, labelLayer],
    show: (visible) => {
      element.style.display = visible ? "" : "none";
      labelLayer.style.display = visible ? "" : "none";
    },
    describe: (label) => canvas.attr("aria-label", label),
    resize: (width, height) => {
      const dpr = window.devicePixelRatio || 1;
      for (const c of [canvas, labelCanvas]) {
        c.attr("width", Math.round(width * dpr))
          .attr("height", Math.round(height * dpr))
          .style("width", `${width}px`)
          .style("height", `${height}px`);
      }
    },
    setScene: () => {},
    invalidate: (part) => {
      if (part === "geometry") frames.moves++;
    },
    draw: (fade) => drawCanvas({ node: element, labelLayer }, frames, state, () => inkOf(root), labels, fade),
  };
}

function inkOf(root: HTMLElement): Ink {
  const style = getComputedStyle(root);
  return {
    bg: style.getPropertyValue("--theme-background").trim() || "#fff",
    fg: style.getPropertyValue("--theme-foreground").trim() || "#222",
  };
}

/** Draws a frame; true while new nodes are still fading in. */
function drawCanvas(
  canvases: { node: HTMLCanvasElement; labelLayer: HTMLCanvasElement },
  frames: Frames,
  state: NetworkChartState,
  ink: () => Ink,
  labels: () => ViewLabel[],
  fade: number,
): boolean {
  const { node, labelLayer } = canvases;
  const { scene, transform } = state;
  const ctx = node.getContext("2d") as CanvasRenderingContext2D;
  const lctx = labelLayer.getContext("2d") as CanvasRenderingContext2D;
  const dpr = window.devicePixelRatio || 1;
  const large = scene.edges.length > LARGE_EDGES;
  // No fade-in on a large graph: each full frame costs tens of ms.
  if (large) fade = 1;
  const { last, base } = frames;
  frames.drawn++;
  lctx.setTransform(1, 0, 0, 1, 0, 0);
  lctx.clearRect(0, 0, labelLayer.width, labelLayer.height);
  // The theme's colours are read, and the base compared, only for a frame drawn anew.
  let view: Omit<FrameView, "canvas"> | undefined;
  const viewNow = () => {
    view ??= { scene, transform: { ...transform }, ink: ink(), moves: frames.moves };
    return view;
  };
  const plan = framePlan({
    large,
    newScene: state.updated,
    inGesture: inGesture(state),
    lastKept: last !== null && last.scene === scene && last.moves === frames.moves,
    baseShowsView: () => base !== null && shows(base, viewNow(), node),
    fading: fade < 1,
    highlighted: state.highlight !== null,
  });
  state.owesFullFrame = plan.draw === "move-last";
  if (plan.draw === "move-last" && last) {
    moveLastFrame(ctx, node, dpr, state, last);
    return false;
  }
  const { ink: colours } = viewNow();
  // What is in view (layout coordinates): links and nodes outside are skipped.
  const box = viewBox(transform, state.width, state.height);
  if (plan.draw === "from-base" && base) drawFromBase(ctx, node, base, state, { box, colours, dpr });
  else drawWhole(ctx, state, { box, colours, dpr }, fade);
  lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawLabels(lctx, labels(), colours, state.labelSize);
  keepLater(frames, node, viewNow(), { last: plan.keepLast, base: plan.keepBase });
  return fade < 1;
}

function inGesture(state: NetworkChartState): boolean {
  return performance.now() - state.lastGesture < SETTLE_MS;
}

/** Every link and node in view, new ones fading in, the rest faint while a node is highlighted, the selected node ringed. */
function drawWhole(ctx: CanvasRenderingContext2D, state: NetworkChartState, frame: FrameInk, fade: number): void {
  const { scene, transform, highlight } = state;
  const { box, colours, dpr } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, state.width, state.height);
  viewTransform(ctx, transform, dpr);
  // Link widths stay the same on screen whatever the zoom.
  const sw = 1 / transform.k;
  const large = scene.edges.length > LARGE_EDGES;
  strokeEdges(ctx, edgeBatches(scene.edges, box, highlight, large), sw, fade);
  const batches = nodeBatches(scene.nodes, box, highlight, state.previousIds);
  fillNodes(ctx, batches, transform.k, fade, colours.bg);
  outlineNodes(ctx, batches, transform.k, fade, colours.fg);
  ringSelected(ctx, state, sw, colours.fg);
  ctx.globalAlpha = 1;
}

/** Mid-gesture: moves and scales the last full frame to the current view. */
function moveLastFrame(
  ctx: CanvasRenderingContext2D,
  node: HTMLCanvasElement,
  dpr: number,
  state: NetworkChartState,
  last: FrameView,
): void {
  const { transform } = state;
  const r = transform.k / last.transform.k;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, node.width, node.height);
  ctx.setTransform(
    dpr * r,
    0,
    0,
    dpr * r,
    dpr * (transform.x - last.transform.x * r),
    dpr * (transform.y - last.transform.y * r),
  );
  ctx.drawImage(last.canvas, 0, 0, state.width, state.height);
}

/**
 * Copies the frame just drawn, as the last frame and/or the view's base, in
 * a task after the one that drew it (once painted, the copy is cheap),
 * unless another frame was drawn on the canvas in between.
 */
function keepLater(
  frames: Frames,
  node: HTMLCanvasElement,
  view: Omit<FrameView, "canvas">,
  as: { last: boolean; base: boolean },
): void {
  if (!as.last) frames.last = null;
  if (!as.last && !as.base) return;
  const drawn = frames.drawn;
  setTimeout(() => {
    if (frames.drawn !== drawn) return;
    if (as.last) frames.last = keepFrame(frames.last, node, view);
    if (as.base) frames.base = keepFrame(frames.base, node, view);
  }, 0);
}
