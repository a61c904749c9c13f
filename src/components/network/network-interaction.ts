/**
 * How the user moves around the network chart and picks a node: zoom and
 * pan (d3-zoom, with buttons and keys), dragging a node to move it, a
 * tooltip on hover, click to select, and the zoom calls of the chart's
 * public API (fit, set, get, zoom to a node). It writes the shared state
 * and asks the chart, through hooks, to redraw, re-highlight or select.
 *
 * Keyboard, when the chart has focus: + and − zoom, Shift + arrow keys pan,
 * 0 fits the drawing, Escape clears the selection
 * (src/lib/network/chart-keys.ts); moving between nodes is
 * network-keyboard.ts. Zooms and pans are animated unless the reader asked
 * for reduced motion (network-motion.ts).
 */
import * as d3 from "d3";
// selection.transition() and .interrupt(), which d3-transition adds to d3-selection: imported for that
// effect, which a bundle of d3's used functions alone would leave out (scripts/bundle-modules.ts).
import "d3-transition";
import { type NetworkZoom, ZOOM_K } from "../../lib/model/view-state.js";
import { keyCommand, ZOOM_STEP } from "../../lib/network/chart-keys.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { nodeAt, nodeIndex } from "../../lib/network/hit-test.js";
import type { SceneNode } from "../../lib/network/scene.js";
import {
  centreOn,
  clampScale,
  fitTransform,
  focusTransform,
  toLayout,
  toScreen,
  type ViewTransform,
  viewCentre,
} from "../../lib/network/view-transform.js";
import { el } from "../dom.js";
import { type NetworkChartState, SETTLE_MS } from "./network-chart-state.js";
import { motionMs } from "./network-motion.js";

/** How long (ms) a zoom button, a selection's zoom and a keyboard pan take, when animated. */
const ZOOM_MS = 250;
const FOCUS_MS = 500;
const PAN_MS = 250;

/** The zoom range, the same one a link may ask for. */
const ZOOM_EXTENT: [number, number] = [ZOOM_K[0], ZOOM_K[1]];

/** What the interaction asks of the chart. */
export interface InteractionHooks {
  /** Draw a frame soon. */
  schedule(): void;
  /** The hovered node changed: work out the highlight again. */
  hovered(): void;
  /** A node was dragged to a new place. */
  moved(): void;
  select(id: string | null, options: { notify?: boolean }): void;
  /** Tooltip content for a node. */
  describe?: (node: GraphNode) => (string | Node)[];
}

/** The zoom calls behind the chart's public API. */
export interface NetworkInteraction {
  readonly tooltip: HTMLElement;
  /** Zoom in, zoom out and fit buttons. */
  readonly buttons: HTMLElement;
  getZoom(): NetworkZoom | null;
  setZoom(zoom: NetworkZoom | null): void;
  /** Fits the drawing and tells the page ("aa-zoom" with null). */
  zoomToFit(): void;
  /** On the first drawing: the link's view if one was given, else fit. */
  firstView(): void;
  /** Centres the view on a node, magnifying to at least 1.5. */
  zoomToNode(node: SceneNode): void;
  /** Moves the view to a transform (a keyboard move to a node off screen). */
  panTo(t: ViewTransform): void;
  /** Shows a node's tooltip beside it (the keyboard's active node); null hides it. */
  reveal(node: SceneNode | null): void;
}

interface Interaction {
  root: HTMLElement;
  state: NetworkChartState;
  hooks: InteractionHooks;
  zoom: d3.ZoomBehavior<HTMLElement, unknown>;
  tooltip: HTMLElement;
  settleTimer: ReturnType<typeof setTimeout> | undefined;
}

export function networkInteraction(
  root: HTMLElement,
  state: NetworkChartState,
  hooks: InteractionHooks,
): NetworkInteraction {
  const tooltip = el("div", { class: "aa-net-tooltip", role: "tooltip", hidden: true });
  const ia: Interaction = {
    root,
    state,
    hooks,
    zoom: d3.zoom<HTMLElement, unknown>(),
    tooltip,
    settleTimer: undefined,
  };
  listenZoom(ia);
  // Drag first: when it starts on a node it stops the event before zoom sees it.
  d3.select(root).call(nodeDrag(ia)).call(ia.zoom).on("dblclick.zoom", null);
  listenPointer(ia);
  listenKeys(ia);
  return {
    tooltip,
    buttons: zoomButtons(ia),
    getZoom: () => getZoom(state),
    setZoom: (zoom) => setZoom(ia, zoom),
    zoomToFit: () => fitAndAnnounce(ia),
    firstView: () => firstView(ia),
    zoomToNode: (node) => zoomToNode(ia, node),
    panTo: (t) => moveView(ia, t, PAN_MS),
    reveal: (node) => {
      if (!node) return hideTooltip(ia);
      const [x, y] = toScreen(state.transform, node.x, node.y);
      showTooltip(ia, node, x, y);
    },
  };
}

// ── Zoom and drag ───────────────────────────────────────────────────────
function listenZoom(ia: Interaction): void {
  const { state, hooks } = ia;
  ia.zoom
    .scaleExtent(ZOOM_EXTENT)
    .on("zoom", (event: d3.D3ZoomEvent<HTMLElement, unknown>) => {
      state.transform = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
      state.lastGesture = performance.now();
      if (event.sourceEvent) state.userView = true;
      hideTooltip(ia);
      hooks.schedule();
      // One full frame once the gesture pauses, if a frame since was a shortcut: a view
      // set at once (the first view, a fit) was drawn in full, and drawing it again
      // would cost a second full frame (tens of ms on a large graph) for nothing.
      clearTimeout(ia.settleTimer);
      ia.settleTimer = setTimeout(() => {
        if (state.owesFullFrame) hooks.schedule();
      }, SETTLE_MS + 10);
    })
    .on("end", (event: d3.D3ZoomEvent<HTMLElement, unknown>) => {
      if (event.sourceEvent && state.userView) announceZoom(ia, getZoom(state));
    });
}

function nodeDrag(ia: Interaction): d3.DragBehavior<HTMLElement, unknown, SceneNode | undefined> {
  const { root, state } = ia;
  return d3
    .drag<HTMLElement, unknown, SceneNode | undefined>()
    .subject((event: d3.D3DragEvent<HTMLElement, unknown, SceneNode>) => {
      const [px, py] = d3.pointer(event.sourceEvent, root);
      const node = nodeAt(state.index, state.transform, px, py);
      return node ? { ...node, node } : undefined;
    })
    .on("drag", (event) => {
      const node = (event.subject as { node: SceneNode }).node;
      const [px, py] = d3.pointer(event.sourceEvent, root);
      [node.x, node.y] = toLayout(state.transform, px, py);
      state.dragged.set(node.id, { x: node.x, y: node.y });
      ia.hooks.moved();
      state.index = nodeIndex(state.scene.nodes);
      hideTooltip(ia);
      ia.hooks.schedule();
    });
}

function announceZoom(ia: Interaction, detail: NetworkZoom | null): void {
  ia.root.dispatchEvent(new CustomEvent("aa-zoom", { detail }));
}

/** Applies a view with d3-zoom (its "zoom" event updates the state). */
function applyView(ia: Interaction, t: ViewTransform): void {
  d3.select(ia.root).call(ia.zoom.transform, d3.zoomIdentity.translate(t.x, t.y).scale(t.k));
}

function zoomBy(ia: Interaction, factor: number): void {
  changeView(ia, ZOOM_MS, (view) => ia.zoom.scaleBy(view, factor));
}

/** Moves the view to `t`, animated over `ms` unless the reader asked for reduced motion. */
function moveView(ia: Interaction, t: ViewTransform, ms: number): void {
  const target = d3.zoomIdentity.translate(t.x, t.y).scale(t.k);
  changeView(ia, ms, (view) => ia.zoom.transform(view, target));
}

/**
 * Changes the view by the user's request: `step` applied to the chart's root
 * at once under reduced motion, else as a transition of `ms`; the new zoom
 * is announced when it is reached.
 */
function changeView(
  ia: Interaction,
  ms: number,
  step: (
    view: d3.Selection<HTMLElement, unknown, null, undefined> | d3.Transition<HTMLElement, unknown, null, undefined>,
  ) => void,
): void {
  ia.state.userView = true;
  const duration = motionMs(ms);
  const done = () => announceZoom(ia, getZoom(ia.state));
  const root = d3.select(ia.root);
  if (duration === 0) {
    step(root.interrupt());
    done();
    return;
  }
  const transition = root.transition().duration(duration);
  step(transition);
  transition.on("end", done);
}

function getZoom(state: NetworkChartState): NetworkZoom | null {
  if (!state.userView || !state.width) return null;
  const [x, y] = viewCentre(state.transform, state.width, state.height);
  return { x, y, k: state.transform.k };
}

function setZoom(ia: Interaction, z: NetworkZoom | null): void {
  const { state } = ia;
  if (!state.width) {
    state.pendingZoom = z;
    return;
  }
  state.pendingZoom = null;
  if (!z) {
    zoomToFit(ia);
    return;
  }
  state.userView = true;
  state.fitted = true;
  applyView(ia, centreOn(z, clampScale(z.k), state.width, state.height));
}

function firstView(ia: Interaction): void {
  ia.state.fitted = true;
  if (ia.state.pendingZoom) setZoom(ia, ia.state.pendingZoom);
  else zoomToFit(ia);
}

function zoomToFit(ia: Interaction): void {
  const { state } = ia;
  state.userView = false;
  const t = fitTransform(state.scene.nodes, state.width, state.height, state.fitRoom?.() ?? undefined);
  if (t) applyView(ia, t);
}

function fitAndAnnounce(ia: Interaction): void {
  zoomToFit(ia);
  announceZoom(ia, null);
}

function zoomToNode(ia: Interaction, node: SceneNode): void {
  const { state } = ia;
  moveView(ia, focusTransform(node, state.transform.k, state.width, state.height), FOCUS_MS);
}

function zoomButtons(ia: Interaction): HTMLElement {
  return el(
    "div",
    { class: "aa-net-buttons" },
    el(
      "button",
      { type: "button", "aria-label": "Zoom in", title: "Zoom in (+)", onclick: () => zoomBy(ia, ZOOM_STEP) },
      "+",
    ),
    el(
      "button",
      { type: "button", "aria-label": "Zoom out", title: "Zoom out (−)", onclick: () => zoomBy(ia, 1 / ZOOM_STEP) },
      "−",
    ),
    el(
      "button",
      { type: "button", "aria-label": "Fit the drawing", title: "Fit (0)", onclick: () => fitAndAnnounce(ia) },
      "Fit",
    ),
  );
}

// ── Pointer: hover, click; keyboard ─────────────────────────────────────
function listenPointer(ia: Interaction): void {
  const { root, state, hooks } = ia;
  root.addEventListener("pointermove", (event) => {
    if (event.buttons) return;
    const [px, py] = d3.pointer(event, root);
    const node = nodeAt(state.index, state.transform, px, py);
    const id = node?.id ?? null;
    root.style.cursor = node ? "pointer" : "grab";
    if (id !== state.hovered) {
      state.hovered = id;
      hooks.hovered();
    }
    if (node) showTooltip(ia, node, px, py);
    else hideTooltip(ia);
  });
  root.addEventListener("pointerleave", () => {
    state.hovered = null;
    hideTooltip(ia);
    hooks.hovered();
  });
  root.addEventListener("click", (event) => {
    if ((event.target as Element).closest(".aa-net-tooltip")) return;
    if ((event.target as Element).closest(".aa-net-buttons")) return;
    const [px, py] = d3.pointer(event, root);
    const node = nodeAt(state.index, state.transform, px, py);
    hideTooltip(ia);
    hooks.select(node ? node.id : null, { notify: true });
  });
}

function listenKeys(ia: Interaction): void {
  const { root, state } = ia;
  root.addEventListener("keydown", (event) => {
    const command = keyCommand(event.key, event.shiftKey);
    if (!command) return;
    const s = d3.select(root);
    if (command.kind === "zoom") s.call(ia.zoom.scaleBy, command.factor);
    else if (command.kind === "pan")
      s.call(ia.zoom.translateBy, command.dx / state.transform.k, command.dy / state.transform.k);
    else if (command.kind === "fit") fitAndAnnounce(ia);
    else ia.hooks.select(null, { notify: true });
    event.preventDefault();
    if (command.kind === "zoom" || command.kind === "pan") {
      state.userView = true;
      announceZoom(ia, getZoom(state));
    }
  });
}

function showTooltip(ia: Interaction, node: SceneNode, px: number, py: number): void {
  const { tooltip, state } = ia;
  const lines = ia.hooks.describe ? ia.hooks.describe(node.data) : [node.data.label];
  tooltip.replaceChildren(...lines.map((line) => (typeof line === "string" ? el("div", {}, line) : line)));
  tooltip.hidden = false;
  const w = tooltip.offsetWidth;
  const h = tooltip.offsetHeight;
  tooltip.style.left = `${Math.max(4, Math.min(state.width - w - 4, px + 14))}px`;
  tooltip.style.top = `${py + 14 + h > state.height ? Math.max(4, py - h - 10) : py + 14}px`;
}

function hideTooltip(ia: Interaction): void {
  ia.tooltip.hidden = true;
}
