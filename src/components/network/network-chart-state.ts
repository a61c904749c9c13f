/**
 * The network chart's shared state: one mutable object per chart that the
 * chart (src/components/network/network-chart.ts), its two renderers and its
 * interaction read and write, and the timings and font they share.
 */
import type { NetworkZoom } from "../../lib/model/view-state.js";
import { type NodeIndex, nodeIndex } from "../../lib/network/hit-test.js";
import type { Scene } from "../../lib/network/scene.js";
import type { FitPadding, ViewTransform } from "../../lib/network/view-transform.js";

export type Renderer = "svg" | "canvas";

/** A zoom or pan that paused this long (ms) is over: a full frame is drawn. */
export const SETTLE_MS = 150;
/** How long (ms) new nodes and links fade in and removed ones fade out. */
export const FADE_MS = 300;
/** The labels' font at a size in px (12 on the page, 18 at the slide type scale). */
export function labelFont(size: number): string {
  return `${size}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
}

export interface NetworkChartState {
  /** Drawing size in pixels; the width follows the container (0 until measured). */
  readonly height: number;
  width: number;
  /** The label font size, px. */
  readonly labelSize: number;
  /**
   * The room a fitted view keeps around its nodes: for labels (fit=frame) or
   * the fixed padding, and for the help text over the drawing's foot; null
   * for the fixed padding alone.
   */
  fitRoom: (() => FitPadding) | null;
  /** The height, px, of the text laid over the drawing's foot (the keyboard help), measured with the width. */
  footer: number;
  scene: Scene;
  /** Ids of the nodes of the scene before this one (they do not fade in). */
  previousIds: Set<string>;
  renderer: Renderer;
  transform: ViewTransform;
  /** True once the first view was set (fitted, or the link's one). */
  fitted: boolean;
  /** True once the user zoomed or panned (or a link set the view): the view is then not "fitted". */
  userView: boolean;
  /** A view asked for before the chart had a width. */
  pendingZoom: NetworkZoom | null;
  selected: string | null;
  hovered: string | null;
  /** Ids of the hovered or selected node and its neighbours, or null. */
  highlight: Set<string> | null;
  /** Node places for finding the node under the pointer. */
  index: NodeIndex;
  /** Nodes the user dragged, and where to: they keep that place in later scenes. */
  readonly dragged: Map<string, { x: number; y: number }>;
  /** When the current scene arrived (its fade-in starts then). */
  fadeStart: number;
  /** True from a new scene until its first frame is drawn. */
  updated: boolean;
  /** Called once the new scene's first frame is drawn (`shown`). */
  readonly waitingShown: (() => void)[];
  /** When the last zoom or pan event came (performance.now()). */
  lastGesture: number;
  /**
   * True when the last frame was a gesture's shortcut (the last full frame
   * moved, or labels hidden): a full frame is owed once the gesture pauses.
   */
  owesFullFrame: boolean;
}

export function networkChartState(height: number, zoom: NetworkZoom | null, labelSize = 12): NetworkChartState {
  return {
    height,
    width: 0,
    labelSize,
    fitRoom: null,
    footer: 0,
    scene: { nodes: [], edges: [] },
    previousIds: new Set(),
    renderer: "svg",
    transform: { x: 0, y: 0, k: 1 },
    fitted: false,
    userView: false,
    pendingZoom: zoom,
    selected: null,
    hovered: null,
    highlight: null,
    index: nodeIndex([]),
    dragged: new Map(),
    fadeStart: 0,
    updated: false,
    waitingShown: [],
    lastGesture: Number.NEGATIVE_INFINITY,
    owesFullFrame: false,
  };
}
