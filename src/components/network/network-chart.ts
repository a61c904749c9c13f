/**
 * The network chart: draws a scene (src/lib/network/scene.ts) with SVG while
 * it is small and on a canvas past SVG_LIMIT elements (measured, see
 * docs/network.md), with zoom, pan, drag, hover tooltips, click to select,
 * neighbour highlighting and labels that never pile up.
 *
 * Made once per page and fed new scenes with `update(scene)`: nodes that stay
 * keep their place (and the zoom stays where the user left it), new ones fade
 * in, removed ones fade out. The element's `value` is the selected node id
 * (or null); it dispatches "input" when the selection changes, so a page can
 * read it with Generators.input. Once the first frame of each new scene is
 * drawn (on the canvas, when its worker says so) it dispatches "aa-drawn"
 * (and marks "network:first-frame" once), which the benchmark times.
 *
 * The chart is one Tab stop: arrow keys move between nodes, Enter selects
 * one, Escape clears the selection (network-keyboard.ts). Under
 * prefers-reduced-motion nothing fades or glides (network-motion.ts).
 *
 * This file holds the element, its state and its public API; the renderers
 * are network-svg.ts and network-canvas.ts, zoom, drag, hover and view keys
 * are in network-interaction.ts, node keys in network-keyboard.ts, and the
 * state they share is network-chart-state.ts.
 */

import { FIRST_CHART_MARK } from "../../lib/model/load-marks.js";
import type { NetworkZoom } from "../../lib/model/view-state.js";
import { labelPadding, ROOM_LABELS, withFooter } from "../../lib/network/frame-padding.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { highlightFor } from "../../lib/network/highlight.js";
import { nodeIndex } from "../../lib/network/hit-test.js";
import { labelsInView } from "../../lib/network/labels-in-view.js";
import type { Scene } from "../../lib/network/scene.js";
import {
  EVEN_PADDING,
  type FitPadding,
  fitTransform,
  toScreen,
  viewCentre,
  visibleRadius,
} from "../../lib/network/view-transform.js";
import { onceAfterNextPaint } from "../after-paint.js";
import { el, markFirst } from "../dom.js";
import { networkCanvas } from "./network-canvas.js";
import { FADE_MS, labelFont, type NetworkChartState, networkChartState, type Renderer } from "./network-chart-state.js";
import { type NetworkInteraction, networkInteraction } from "./network-interaction.js";
import { type NetworkKeyboard, networkKeyboard } from "./network-keyboard.js";
import { reducedMotion } from "./network-motion.js";
import type { NetworkRenderer } from "./network-renderer.js";
import { networkSvg } from "./network-svg.js";

/**
 * Nodes + links past which the chart draws on a canvas. Measured with
 * bench:network (docs/network.md): at 375 elements SVG keeps every task under
 * 100 ms; at 1,900 its first full draw blocks the page for about 0.6 s where
 * the canvas takes 0.12 s.
 */
export const SVG_LIMIT = 800;

export interface NetworkChartOptions {
  /** Height in pixels; width follows the container. */
  height?: number;
  /** Force a renderer (the benchmark compares them); by default chosen by size. */
  renderer?: Renderer | "auto";
  /** Tooltip content for a node. */
  describe?: (node: GraphNode) => (string | Node)[];
  /** Accessible name of the drawing. */
  label?: string;
  /** A sector's name for its id, for what the keyboard's active node is called. */
  sectorLabel?: (sector: string) => string;
  /** Where to look at first (from a link), instead of fitting the drawing. */
  zoom?: NetworkZoom | null;
  /** The label font size, px (12 by default; the slide type scale's 18). */
  labelSize?: number;
  /** Fit the labels of the largest nodes in the drawing too, not only the nodes (fit=frame). */
  fitLabels?: boolean;
}

export interface NetworkChart extends HTMLElement {
  value: string | null;
  update(scene: Scene): void;
  /**
   * Resolves once the scene last given to `update` is on screen: when its
   * first frame is drawn, or at once when no new scene waits for a frame or
   * the chart has no width to draw it at yet.
   */
  shown(): Promise<void>;
  /** Selects a node (null clears) and, with `zoom`, centres the view on it. */
  select(id: string | null, options?: { zoom?: boolean; notify?: boolean }): void;
  zoomToFit(): void;
  /**
   * Where the user is looking: the layout point at the centre and the scale,
   * or null while the drawing is fitted (a link then fits on any screen).
   * The chart dispatches "aa-zoom" when a zoom or pan by the user settles.
   */
  getZoom(): NetworkZoom | null;
  /** Looks at a layout point at a scale; null fits the drawing. */
  setZoom(zoom: NetworkZoom | null): void;
  /** What is drawn now, for exports: the scene, the view and the selection. */
  snapshot(): NetworkSnapshot;
  /** Where a node is drawn, in pixels from the chart's top-left corner (null when not drawn). */
  locate(id: string): { x: number; y: number } | null;
  readonly renderer: Renderer;
  /** Drawn node ids, in drawing order (tests and the accessible table use the scene instead). */
  readonly drawn: { nodes: number; edges: number };
}

export interface NetworkSnapshot {
  scene: Scene;
  /** Layout point at the centre of the drawing, and pixels per layout unit. */
  centre: { x: number; y: number };
  k: number;
  width: number;
  height: number;
  selected: string | null;
  renderer: Renderer;
  /** True while the view is the fitted one (an export then fits its own size). */
  fitted: boolean;
}

/** One chart's parts, for the functions below. */
interface ChartParts {
  root: NetworkChart;
  /** The keyboard help laid over the drawing's foot. */
  help: HTMLElement;
  options: NetworkChartOptions;
  state: NetworkChartState;
  views: Record<Renderer, NetworkRenderer>;
  interaction: NetworkInteraction;
  keyboard: NetworkKeyboard;
  schedule(): void;
  /** Tells the page the selection changed (its "input" event), after the next paint. */
  notify(): void;
}

/** Charts made on this page so far: each one's ids are its own. */
let chartCount = 0;

/** What the chart's description says: how to move around it with a pointer and with keys. */
const HELP_TEXT =
  "Arrow keys move between nodes, Home and End go to the first and last, Enter opens a node's commitments, Escape clears. + and − zoom, Shift + arrows pan, 0 fits. Drag to pan, scroll to zoom, click a node to open it.";

/**
 * The mark of the first frame drawn from a source ("build", "duckdb"), as the
 * page labels its data; also set by the page when SQL's answer keeps the
 * graph on screen (network-page.ts), for the benchmark and tests.
 */
export function markDrawnFrom(source: string, at?: number): void {
  markFirst(`network:drawn:${source}`, null, at);
}

export function networkChart(options: NetworkChartOptions = {}): NetworkChart {
  const height = options.height ?? 640;
  const idPrefix = `aa-net-${++chartCount}`;
  const root = el("div", {
    class: "aa-net",
    tabindex: 0,
    role: "group",
    "aria-label": options.label ?? "Network of institutions",
    "aria-describedby": `${idPrefix}-help`,
  }) as unknown as NetworkChart;
  root.style.height = `${height}px`;
  const help = el("p", { id: `${idPrefix}-help`, class: "aa-net-help" }, HELP_TEXT);
  const state = networkChartState(height, options.zoom ?? null, options.labelSize);
  const measure = labelMeasure(state.labelSize);
  const labels = () => labelsInView(state.scene.nodes, state, measure);
  // The help's line or lines (measured with the width, in resize) are kept free below a fitted view.
  state.fitRoom = () =>
    withFooter(options.fitLabels ? labelRoomOf(state, measure) : EVEN_PADDING, state.footer, state.height);
  const views = { svg: networkSvg(state, labels), canvas: networkCanvas(state, root, labels) };
  const schedule = frameScheduler(() => drawFrame(parts));
  const interaction = networkInteraction(root, state, {
    schedule,
    hovered: () => refreshHighlight(parts),
    moved: () => {
      views.svg.invalidate("geometry");
      views.canvas.invalidate("geometry");
    },
    select: (id, opts) => selectNode(parts, id, opts),
    describe: options.describe,
  });
  const keyboard = networkKeyboard(
    root,
    state,
    {
      select: (id) => selectNode(parts, id, { notify: true }),
      panTo: interaction.panTo,
      reveal: interaction.reveal,
      sectorLabel: options.sectorLabel,
    },
    idPrefix,
  );
  // The page hears of a selection once the chart's own answer (the highlight, the labels) is on
  // screen: its cells (the panel's query, the address) run outside the click's paint.
  const notify = onceAfterNextPaint(() => root.dispatchEvent(new Event("input", { bubbles: true })));
  const parts: ChartParts = { root, help, options, state, views, interaction, keyboard, schedule, notify };
  root.append(
    ...views.svg.elements,
    ...views.canvas.elements,
    keyboard.ring,
    interaction.buttons,
    interaction.tooltip,
    help,
  );
  new ResizeObserver(() => resize(parts)).observe(root);

  root.value = null;
  root.update = (next) => updateScene(parts, next);
  root.shown = () =>
    state.updated && state.width ? new Promise<void>((resolve) => state.waitingShown.push(resolve)) : Promise.resolve();
  root.select = (id, opts = {}) => selectNode(parts, id, opts);
  root.zoomToFit = interaction.zoomToFit;
  root.getZoom = interaction.getZoom;
  root.setZoom = interaction.setZoom;
  root.snapshot = () => snapshotOf(state);
  root.locate = (id) => {
    const n = state.scene.nodes.find((d) => d.id === id);
    if (!n) return null;
    const [x, y] = toScreen(state.transform, n.x, n.y);
    return { x, y };
  };
  Object.defineProperty(root, "renderer", { get: () => state.renderer });
  Object.defineProperty(root, "drawn", {
    get: () => ({ nodes: state.scene.nodes.length, edges: state.scene.edges.length }),
  });
  return root;
}

/** Runs `draw` on the next animation frame, once however often it is asked. */
function frameScheduler(draw: () => void): () => void {
  let frame = 0;
  return () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };
}

/** A label's text width in the label font, px; each text measured once (a frame asks for hundreds). */
function labelMeasure(size: number): (text: string) => number {
  let measurer: CanvasRenderingContext2D | null = null;
  const widths = new Map<string, number>();
  return (text: string) => {
    let width = widths.get(text);
    if (width === undefined) {
      if (!measurer) {
        measurer = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        measurer.font = labelFont(size);
      }
      width = measurer.measureText(text).width;
      widths.set(text, width);
    }
    return width;
  };
}

/** The room a fitted view keeps around its nodes for the labels of the largest ones (frame-padding.ts). */
function labelRoomOf(state: NetworkChartState, measure: (text: string) => number): FitPadding {
  const nodes = state.scene.nodes;
  const plain = fitTransform(nodes, state.width, state.height);
  const largest = [...nodes].sort((a, b) => b.priority - a.priority).slice(0, ROOM_LABELS);
  const maxR = Math.max(0, ...nodes.map((n) => n.r));
  return labelPadding({
    labelSize: state.labelSize,
    labelWidths: largest.map((n) => measure(n.label)),
    maxRadius: visibleRadius(maxR, plain?.k ?? 1),
    width: state.width,
    height: state.height,
  });
}

function snapshotOf(state: NetworkChartState): NetworkSnapshot {
  const { scene, transform, width, height, selected, renderer } = state;
  const [x, y] = width ? viewCentre(transform, width, height) : [0, 0];
  return { scene, centre: { x, y }, k: transform.k, width, height, selected, renderer, fitted: !state.userView };
}

// ── Drawing ─────────────────────────────────────────────────────────────
function drawFrame({ root, state, views, keyboard, schedule }: ChartParts): void {
  if (!state.width) return;
  // Under reduced motion new nodes are drawn whole at once.
  const fade = reducedMotion() ? 1 : Math.min(1, (performance.now() - state.fadeStart) / FADE_MS);
  const view = views[state.renderer];
  if (view.draw(fade)) schedule();
  keyboard.place();
  if (state.updated) {
    // The first frame that shows a new scene, once drawn: for the benchmark and tests.
    state.updated = false;
    const scene = state.scene;
    const waiting = state.waitingShown.splice(0);
    view.afterDraw((at) => {
      announceFirstFrame(root, scene, at);
      for (const resolve of waiting) resolve();
    });
  }
}

/** Marks and announces a new scene's first frame, drawn at `at` (performance.now()). */
function announceFirstFrame(root: HTMLElement, scene: Scene, at: number): void {
  if (scene.nodes.length) {
    markFirst("network:first-frame", null, at);
    markFirst(FIRST_CHART_MARK, null, at);
  }
  // First frame drawn from each source ("build", "duckdb"), as the page labels its data.
  markDrawnFrom(root.dataset.source ?? "unknown", at);
  const detail = { nodes: scene.nodes.length, edges: scene.edges.length, at };
  root.dispatchEvent(new CustomEvent("aa-drawn", { detail }));
}

function refreshHighlight({ state, views, schedule }: ChartParts): void {
  state.highlight = highlightFor(state.scene, state.hovered, state.selected);
  views.svg.invalidate("style");
  views.canvas.invalidate("style");
  schedule();
}

function selectNode(parts: ChartParts, id: string | null, opts: { zoom?: boolean; notify?: boolean }): void {
  const { root, state } = parts;
  const node = id ? state.scene.nodes.find((n) => n.id === id) : undefined;
  const next = node ? node.id : null;
  if (opts.zoom && node) parts.interaction.zoomToNode(node);
  if (next === state.selected) return;
  state.selected = next;
  root.value = state.selected;
  parts.keyboard.selectionChanged();
  refreshHighlight(parts);
  if (opts.notify !== false) parts.notify();
}

// ── Data and size ───────────────────────────────────────────────────────
function chooseRenderer(options: NetworkChartOptions, next: Scene): Renderer {
  if (options.renderer === "svg" || options.renderer === "canvas") return options.renderer;
  return next.nodes.length + next.edges.length > SVG_LIMIT ? "canvas" : "svg";
}

function updateScene(parts: ChartParts, next: Scene): void {
  const { root, state, views } = parts;
  state.previousIds = new Set(state.scene.nodes.map((n) => n.id));
  for (const n of next.nodes) {
    const moved = state.dragged.get(n.id);
    if (moved) {
      n.x = moved.x;
      n.y = moved.y;
    }
  }
  state.scene = next;
  const renderer = chooseRenderer(parts.options, next);
  state.renderer = renderer;
  root.dataset.renderer = renderer;
  root.dataset.nodes = String(next.nodes.length);
  root.dataset.edges = String(next.edges.length);
  views.svg.show(renderer === "svg");
  views.canvas.show(renderer === "canvas");
  const label = `${next.nodes.length} nodes and ${next.edges.length} links`;
  views.svg.describe(label);
  views.canvas.describe(label);
  state.index = nodeIndex(next.nodes);
  if (state.selected && !next.nodes.some((n) => n.id === state.selected)) {
    state.selected = null;
    root.value = null;
    parts.notify();
  }
  parts.keyboard.sceneChanged();
  state.fadeStart = performance.now();
  state.updated = true;
  views.svg.setScene(next, renderer === "svg");
  views.canvas.setScene(next, renderer === "canvas");
  refreshHighlight(parts);
  if (!state.fitted && next.nodes.length && state.width) parts.interaction.firstView();
  parts.schedule();
}

function resize(parts: ChartParts): void {
  const { root, help, state, views } = parts;
  const next = Math.floor(root.clientWidth);
  if (!next || next === state.width) return;
  state.width = next;
  // Read here, after layout (a ResizeObserver's callback), not in each fit: the help and its 4 px from the edge.
  state.footer = help.offsetHeight + 4;
  views.svg.resize(state.width, state.height);
  views.canvas.resize(state.width, state.height);
  if (!state.fitted && state.scene.nodes.length) parts.interaction.firstView();
  parts.schedule();
}
