/**
 * The network chart's canvas renderer, used past SVG_LIMIT elements: links
 * and nodes in view drawn in batches of one style (src/lib/network/
 * canvas-batches.ts), new nodes fading in, a ring round the selected node,
 * then the labels. Past LARGE_EDGES links it draws no fade and, mid-gesture,
 * moves and scales the last full frame instead of drawing a new one. That
 * frame is copied in a task of its own once it is on screen (the copy would
 * otherwise make the browser rasterise tens of thousands of links inside the
 * frame that answers a filter change or a click), labels included.
 */
import * as d3 from "d3";
import { type EdgeBatch, edgeBatches, type NodeBatch, nodeBatches, viewBox } from "../../lib/network/canvas-batches.js";
import type { ViewLabel } from "../../lib/network/labels-in-view.js";
import type { Scene } from "../../lib/network/scene.js";
import type { ViewTransform } from "../../lib/network/view-transform.js";
import { labelFont, type NetworkChartState, SETTLE_MS } from "./network-chart-state.js";
import type { NetworkRenderer } from "./network-renderer.js";

/**
 * Links past which the canvas draws them as 1-pixel lines, weight shown by
 * opacity (wider strokes cost about 15× more to rasterise without a GPU), and
 * pans and zooms by moving the last full frame, redrawing in full once the
 * gesture pauses.
 */
export const LARGE_EDGES = 3000;

/** The last full frame (links, nodes and labels) and the view it was drawn for. */
interface FrameCache {
  canvas: HTMLCanvasElement;
  transform: ViewTransform;
  scene: Scene;
  focus: string | null;
}

/** Theme colours read from the page: background (node outlines, label halos) and foreground. */
interface Ink {
  bg: string;
  fg: string;
}

export function networkCanvas(state: NetworkChartState, root: HTMLElement, labels: () => ViewLabel[]): NetworkRenderer {
  const canvas = d3.create("canvas").attr("class", "aa-net-canvas").attr("role", "img");
  const element = canvas.node() as HTMLCanvasElement;
  const frames: Frames = { cache: null, drawn: 0 };
  return {
    element,
    show: (visible) => {
      element.style.display = visible ? "" : "none";
    },
    describe: (label) => canvas.attr("aria-label", label),
    resize: (width, height) => {
      const dpr = window.devicePixelRatio || 1;
      canvas
        .attr("width", Math.round(width * dpr))
        .attr("height", Math.round(height * dpr))
        .style("width", `${width}px`)
        .style("height", `${height}px`);
    },
    setScene: () => {},
    invalidate: () => {},
    draw: (fade) => drawCanvas(element, frames, state, () => inkOf(root), labels, fade),
  };
}

function inkOf(root: HTMLElement): Ink {
  const style = getComputedStyle(root);
  return {
    bg: style.getPropertyValue("--theme-background").trim() || "#fff",
    fg: style.getPropertyValue("--theme-foreground").trim() || "#222",
  };
}

/** The frame kept for gestures, and how many frames were drawn (a copy scheduled for an older one is dropped). */
interface Frames {
  cache: FrameCache | null;
  drawn: number;
}

/** Draws a frame; true while new nodes are still fading in. */
function drawCanvas(
  node: HTMLCanvasElement,
  frames: Frames,
  state: NetworkChartState,
  ink: () => Ink,
  labels: () => ViewLabel[],
  fade: number,
): boolean {
  const { scene, transform, width, height } = state;
  const ctx = node.getContext("2d") as CanvasRenderingContext2D;
  const dpr = window.devicePixelRatio || 1;
  const large = scene.edges.length > LARGE_EDGES;
  if (large) fade = 1; // no fade-in: each full frame of a large graph costs tens of ms
  const focus = state.hovered ?? state.selected;
  const { cache } = frames;
  frames.drawn++;
  if (large && !state.updated && cache && cache.scene === scene && cache.focus === focus && inGesture(state)) {
    moveLastFrame(ctx, node, dpr, state, cache);
    state.owesFullFrame = true;
    return false;
  }
  state.owesFullFrame = false;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  ctx.translate(transform.x, transform.y);
  ctx.scale(transform.k, transform.k);
  // Link widths stay the same on screen whatever the zoom; thinner when
  // there are thousands (wide translucent strokes are slow to rasterise).
  const sw = 1 / transform.k;
  // What is in view (layout coordinates): links and nodes outside are skipped.
  const box = viewBox(transform, width, height);
  strokeEdges(ctx, edgeBatches(scene.edges, box, state.highlight, large), sw, fade);
  const batches = nodeBatches(scene.nodes, box, state.highlight, state.previousIds);
  const colours = ink();
  fillNodes(ctx, batches, transform.k, fade, colours.bg);
  outlineNodes(ctx, batches, transform.k, fade, colours.fg);
  ringSelected(ctx, state, sw, colours.fg);
  ctx.restore();
  drawLabels(ctx, labels(), colours, state.labelSize);
  ctx.globalAlpha = 1;
  if (large) keepLater(frames, node, { transform: { ...transform }, scene, focus });
  else frames.cache = null;
  return fade < 1;
}

function inGesture(state: NetworkChartState): boolean {
  return performance.now() - state.lastGesture < SETTLE_MS;
}

/** Mid-gesture: moves and scales the last full frame to the current view. */
function moveLastFrame(
  ctx: CanvasRenderingContext2D,
  node: HTMLCanvasElement,
  dpr: number,
  state: NetworkChartState,
  cache: FrameCache,
): void {
  const { transform } = state;
  const r = transform.k / cache.transform.k;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, node.width, node.height);
  ctx.setTransform(
    dpr * r,
    0,
    0,
    dpr * r,
    dpr * (transform.x - cache.transform.x * r),
    dpr * (transform.y - cache.transform.y * r),
  );
  ctx.drawImage(cache.canvas, 0, 0, state.width, state.height);
}

/** One stroke per batch of links; `sw` is one screen pixel in layout units. */
function strokeEdges(ctx: CanvasRenderingContext2D, batches: EdgeBatch[], sw: number, fade: number): void {
  for (const batch of batches) {
    ctx.strokeStyle = batch.color;
    ctx.globalAlpha = batch.alpha * fade;
    ctx.lineWidth = batch.lineWidth * sw;
    ctx.beginPath();
    for (const e of batch.edges) {
      ctx.moveTo(e.source.x, e.source.y);
      if (e.bend === 0) ctx.lineTo(e.target.x, e.target.y);
      else {
        // The same curve as edgePathData (src/lib/network/scene.ts).
        const len = Math.hypot(e.target.x - e.source.x, e.target.y - e.source.y) || 1;
        const off = e.bend * Math.min(24, len * 0.15);
        const mx = (e.source.x + e.target.x) / 2 - ((e.target.y - e.source.y) / len) * off;
        const my = (e.source.y + e.target.y) / 2 + ((e.target.x - e.source.x) / len) * off;
        ctx.quadraticCurveTo(mx, my, e.target.x, e.target.y);
      }
    }
    ctx.stroke();
  }
}

/**
 * One fill and outline per batch of nodes at zoom `k`: squares for
 * commitments, circles for institutions; new ones fade in.
 */
function fillNodes(ctx: CanvasRenderingContext2D, batches: NodeBatch[], k: number, fade: number, bg: string): void {
  const sw = 1 / k;
  const shrink = Math.sqrt(k);
  for (const batch of batches) {
    ctx.globalAlpha = batch.opacity * (batch.old ? 1 : fade);
    ctx.fillStyle = batch.fill;
    ctx.strokeStyle = bg;
    ctx.lineWidth = sw;
    ctx.beginPath();
    for (const n of batch.nodes) {
      const r = n.r / shrink;
      if (n.data.kind === "commitment") ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(n.x + r, n.y);
        ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      }
    }
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * The outlines that mark a node besides its colour, as the SVG draws them: a
 * ring (international organisation), a ring and an inner ring (joint body),
 * a dashed outline (generic institution).
 */
function outlineNodes(ctx: CanvasRenderingContext2D, batches: NodeBatch[], k: number, fade: number, fg: string): void {
  const sw = 1 / k;
  const shrink = Math.sqrt(k);
  ctx.strokeStyle = fg;
  for (const batch of batches) {
    for (const n of batch.nodes) {
      if (n.outline === "plain" && !n.dashed) continue;
      ctx.globalAlpha = batch.opacity * (batch.old ? 1 : fade);
      const r = n.r / shrink;
      ctx.setLineDash(n.dashed ? [3 * sw, 2 * sw] : []);
      ctx.lineWidth = (n.dashed ? 1.5 : 2) * sw;
      ctx.beginPath();
      ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      if (n.outline === "double") {
        ctx.moveTo(n.x + r * 0.55, n.y);
        ctx.arc(n.x, n.y, r * 0.55, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
}

/** A ring round the selected node. */
function ringSelected(ctx: CanvasRenderingContext2D, state: NetworkChartState, sw: number, fg: string): void {
  if (!state.selected) return;
  const n = state.scene.nodes.find((d) => d.id === state.selected);
  if (!n) return;
  ctx.globalAlpha = 1;
  ctx.strokeStyle = fg;
  ctx.lineWidth = 2.5 * sw;
  ctx.beginPath();
  ctx.arc(n.x, n.y, n.r / Math.sqrt(state.transform.k) + 3 * sw, 0, 2 * Math.PI);
  ctx.stroke();
}

/**
 * Copies the frame just drawn for moving during the next gesture, in a task
 * after the one that drew it (once painted, the copy is cheap), unless
 * another frame was drawn on the canvas in between.
 */
function keepLater(frames: Frames, node: HTMLCanvasElement, view: Omit<FrameCache, "canvas">): void {
  const drawn = frames.drawn;
  setTimeout(() => {
    if (frames.drawn === drawn) frames.cache = keepFrame(frames.cache, node, view);
  }, 0);
}

function keepFrame(cache: FrameCache | null, node: HTMLCanvasElement, view: Omit<FrameCache, "canvas">): FrameCache {
  let canvas = cache?.canvas;
  if (!canvas || canvas.width !== node.width || canvas.height !== node.height) {
    canvas = document.createElement("canvas");
    canvas.width = node.width;
    canvas.height = node.height;
  }
  const cctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  cctx.clearRect(0, 0, node.width, node.height);
  cctx.drawImage(node, 0, 0);
  return { canvas, ...view };
}

/** Labels with a halo of the background colour; faint ones at a third of the opacity. */
function drawLabels(ctx: CanvasRenderingContext2D, labels: ViewLabel[], ink: Ink, size: number): void {
  ctx.font = labelFont(size);
  ctx.lineJoin = "round";
  for (const l of labels) {
    ctx.globalAlpha = l.strong ? 1 : 0.35;
    ctx.lineWidth = 3;
    ctx.strokeStyle = ink.bg;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = ink.fg;
    ctx.fillText(l.text, l.x, l.y);
  }
}
