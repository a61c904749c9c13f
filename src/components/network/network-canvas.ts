/**
 * The network chart's canvas renderer, used past SVG_LIMIT elements. Its
 * links and nodes are drawn by a worker that owns the canvas
 * (network-canvas-worker.ts, reached through network-canvas-link.ts): the
 * page sends it each scene packed (src/lib/network/paint-scene.ts) and one
 * small request per frame, so rasterising tens of thousands of links never
 * holds the main thread, and a click, a key or a filter change is answered
 * while a frame is drawn. The labels are painted here, on a canvas of their
 * own above the drawing. Each frame the worker has drawn is announced on
 * the chart as "aa-frame" (how it was drawn, the links stroked), for the
 * tests and the benchmark. Past LARGE_EDGES links the worker draws no fade
 * and, mid-gesture, moves and scales the last frame instead of drawing a
 * new one, its labels hidden and any change of highlight left until the
 * gesture pauses.
 */
import * as d3 from "d3";
import { CHART_FAILED_MARK } from "../../lib/model/load-marks.js";
import { LARGE_EDGES } from "../../lib/network/canvas-batches.js";
import { FrameQueue } from "../../lib/network/frame-queue.js";
import type { ViewLabel } from "../../lib/network/labels-in-view.js";
import { packPaintScene, packPlaces } from "../../lib/network/paint-scene.js";
import { markFirst } from "../dom.js";
import { drawLabels } from "./network-canvas-labels.js";
import { type CanvasLink, canvasLink } from "./network-canvas-link.js";
import type { CanvasReply, FrameRequest } from "./network-canvas-messages.js";
import type { Ink } from "./network-canvas-paint.js";
import { type NetworkChartState, SETTLE_MS } from "./network-chart-state.js";
import type { NetworkRenderer } from "./network-renderer.js";

/** The page's side of the worker: the link once started, frames asked and callbacks waiting for them. */
interface WorkerSide {
  link: CanvasLink | null;
  /** The canvas's size in device pixels, sent when it changes. */
  size: { width: number; height: number };
  frame: number;
  /** Callbacks for when a frame is drawn (given when, on the page's clock), by frame. */
  waiting: Map<number, ((at: number) => void)[]>;
  /** The theme's colours, read for each frame that may draw anew. */
  ink: Ink | null;
  /** One frame at a time goes to the worker; the latest asked for waits. */
  frames: FrameQueue<FrameRequest>;
}

export function networkCanvas(state: NetworkChartState, root: HTMLElement, labels: () => ViewLabel[]): NetworkRenderer {
  const canvas = d3.create("canvas").attr("class", "aa-net-canvas").attr("role", "img");
  const labelCanvas = d3.create("canvas").attr("class", "aa-net-labels").attr("aria-hidden", "true");
  const element = canvas.node() as HTMLCanvasElement;
  const labelLayer = labelCanvas.node() as HTMLCanvasElement;
  const side: WorkerSide = {
    link: null,
    size: { width: 0, height: 0 },
    frame: 0,
    waiting: new Map(),
    ink: null,
    frames: new FrameQueue(),
  };
  const onReply = (reply: CanvasReply) => answered(root, [element, labelLayer], side, reply);
  const link = () => {
    side.link ??= canvasLink(element, onReply);
    return side.link;
  };
  return {
    elements: [element, labelLayer],
    show: (visible) => {
      element.style.display = visible ? "" : "none";
      labelLayer.style.display = visible ? "" : "none";
    },
    describe: (label) => canvas.attr("aria-label", label),
    resize: (width, height) => {
      const dpr = window.devicePixelRatio || 1;
      side.size = { width: Math.round(width * dpr), height: Math.round(height * dpr) };
      labelCanvas.attr("width", side.size.width).attr("height", side.size.height);
      for (const c of [canvas, labelCanvas]) c.style("width", `${width}px`).style("height", `${height}px`);
      side.link?.post({ kind: "size", ...side.size });
    },
    setScene: (scene, active) => {
      if (!active) return;
      const started = side.link !== null;
      const { packed, transfer } = packPaintScene(scene, state.previousIds);
      if (!started) link().post({ kind: "size", ...side.size });
      link().post({ kind: "scene", scene: packed }, transfer);
    },
    invalidate: (part) => {
      if (part !== "geometry" || !side.link || state.renderer !== "canvas") return;
      const places = packPlaces(state.scene);
      side.link.post({ kind: "places", places }, [places.x.buffer, places.y.buffer]);
    },
    draw: (fade) => {
      askFrame(side, link(), state, root, fade);
      const lctx = labelLayer.getContext("2d") as CanvasRenderingContext2D;
      const dpr = window.devicePixelRatio || 1;
      lctx.setTransform(1, 0, 0, 1, 0, 0);
      lctx.clearRect(0, 0, labelLayer.width, labelLayer.height);
      lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawLabels(lctx, labels(), side.ink ?? inkOf(root), state.labelSize);
      return fade < 1 && state.scene.edges.length <= LARGE_EDGES;
    },
    afterDraw: (callback) => {
      const list = side.waiting.get(side.frame);
      if (list) list.push(callback);
      else side.waiting.set(side.frame, [callback]);
    },
  };
}

function inkOf(root: HTMLElement): Ink {
  const style = getComputedStyle(root);
  return {
    bg: style.getPropertyValue("--theme-background").trim() || "#fff",
    fg: style.getPropertyValue("--theme-foreground").trim() || "#222",
  };
}

/**
 * Asks the worker for a frame (sent once it has drawn the one before it,
 * src/lib/network/frame-queue.ts). A large graph mid-gesture moves its last
 * frame, and a full frame is then owed once the gesture pauses (owed also
 * when the worker had no last frame to move and drew in full: one frame more
 * than needed, after a drag or a resize mid-gesture).
 */
function askFrame(side: WorkerSide, link: CanvasLink, state: NetworkChartState, root: HTMLElement, fade: number): void {
  const large = state.scene.edges.length > LARGE_EDGES;
  const inGesture = performance.now() - state.lastGesture < SETTLE_MS;
  const movesLast = large && inGesture && !state.updated;
  // The theme's colours are read only for a frame that may be drawn anew.
  if (!side.ink || !movesLast) side.ink = inkOf(root);
  state.owesFullFrame = movesLast;
  side.frame++;
  const request = side.frames.ask({
    kind: "frame",
    frame: side.frame,
    transform: { ...state.transform },
    width: state.width,
    height: state.height,
    dpr: window.devicePixelRatio || 1,
    ink: side.ink,
    // No fade-in on a large graph: each full frame costs tens of ms.
    fade: large ? 1 : fade,
    highlight: state.highlight ? [...state.highlight] : null,
    selected: state.selected,
    inGesture,
    newScene: state.updated,
  });
  if (request) link.post(request);
}

/**
 * A frame drawn: the next one waiting goes to the worker, the callbacks
 * run and "aa-frame" announces it, with when it was drawn. An error is said
 * on the label layer, as the drawing's accessible name, and logged.
 */
function answered(
  root: HTMLElement,
  [element, labelLayer]: [HTMLCanvasElement, HTMLCanvasElement],
  side: WorkerSide,
  reply: CanvasReply,
): void {
  if (reply.kind === "error") {
    const text = `The drawing could not be made: ${reply.message}`;
    element.setAttribute("aria-label", text);
    sayError(labelLayer, text, side.ink ?? inkOf(root));
    console.error(`network canvas: ${reply.message}`);
    // What waits for the first chart (DuckDB, the metrics) need not wait for this one.
    markFirst(CHART_FAILED_MARK, null);
    return;
  }
  const next = side.frames.drawn();
  if (next) side.link?.post(next);
  // When the worker drew it, on the page's clock (the page may answer the message later).
  const at = reply.drawnAt - performance.timeOrigin;
  root.dispatchEvent(new CustomEvent("aa-frame", { detail: { draw: reply.draw, links: reply.links, at } }));
  for (const [frame, callbacks] of side.waiting) {
    if (frame > reply.frame) continue;
    side.waiting.delete(frame);
    for (const callback of callbacks) callback(at);
  }
}

function sayError(layer: HTMLCanvasElement, text: string, ink: Ink): void {
  const ctx = layer.getContext("2d") as CanvasRenderingContext2D;
  const dpr = window.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.font = "14px system-ui, sans-serif";
  ctx.fillStyle = ink.fg;
  ctx.fillText(text, 16, 28);
}
