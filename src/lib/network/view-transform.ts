/**
 * The network chart's view as numbers: a zoom transform (screen = layout × k
 * + offset), conversions both ways, how large a node is drawn at a zoom, the
 * transform that fits every node in the drawing and the one that centres a
 * layout point. No DOM: the chart hands these to d3-zoom.
 */
import { extent } from "d3";
import { ZOOM_K } from "../model/view-state.js";

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** Pixels kept free around the drawing when it is fitted. */
const FIT_PADDING = 48;
/** A fitted drawing is never magnified past this (a lone node stays small). */
const FIT_MAX_K = 4;
/** Selecting a node with zoom magnifies at least this much. */
const SELECT_MIN_K = 1.5;

/** Screen pixels of a layout point. */
export function toScreen(t: ViewTransform, x: number, y: number): [number, number] {
  return [x * t.k + t.x, y * t.k + t.y];
}

/** Layout point under a screen pixel. */
export function toLayout(t: ViewTransform, x: number, y: number): [number, number] {
  return [(x - t.x) / t.k, (y - t.y) / t.k];
}

/** On-screen radius of a node of layout radius `r` at zoom `k`: it grows slower than the zoom, and never below 2 px. */
export function visibleRadius(r: number, k: number): number {
  return Math.max(2, r * Math.sqrt(k));
}

/** The layout point at the centre of a drawing `width` × `height`. */
export function viewCentre(t: ViewTransform, width: number, height: number): [number, number] {
  return toLayout(t, width / 2, height / 2);
}

/** A zoom scale kept within the range a link may ask for (ZOOM_K). */
export function clampScale(k: number): number {
  return Math.max(ZOOM_K[0], Math.min(ZOOM_K[1], k));
}

/** The transform that shows layout point `point` at the centre, at scale `k`. */
export function centreOn(point: { x: number; y: number }, k: number, width: number, height: number): ViewTransform {
  return { x: width / 2 - point.x * k, y: height / 2 - point.y * k, k };
}

/** The transform that centres a selected node, magnifying to at least SELECT_MIN_K. */
export function focusTransform(
  point: { x: number; y: number },
  k: number,
  width: number,
  height: number,
): ViewTransform {
  return centreOn(point, Math.max(k, SELECT_MIN_K), width, height);
}

/** Pixels kept free on each side of a fitted drawing (for its labels: frame-padding.ts). */
export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The padding of a fitted drawing unless told otherwise: FIT_PADDING on each side. */
export const EVEN_PADDING: Readonly<FitPadding> = {
  top: FIT_PADDING,
  right: FIT_PADDING,
  bottom: FIT_PADDING,
  left: FIT_PADDING,
};

/**
 * The transform that fits every node in a drawing `width` × `height` with
 * `padding` around it (EVEN_PADDING by default), centred in what is left;
 * null with no nodes or no width yet.
 */
export function fitTransform(
  nodes: readonly { x: number; y: number }[],
  width: number,
  height: number,
  padding?: FitPadding,
): ViewTransform | null {
  if (!nodes.length || !width) return null;
  const [x0, x1] = extent(nodes, (n) => n.x) as [number, number];
  const [y0, y1] = extent(nodes, (n) => n.y) as [number, number];
  const p = padding ?? EVEN_PADDING;
  const w = Math.max(1, width - p.left - p.right);
  const h = Math.max(1, height - p.top - p.bottom);
  const k = Math.min(FIT_MAX_K, w / Math.max(1, x1 - x0), h / Math.max(1, y1 - y0));
  return { x: p.left + w / 2 - (k * (x0 + x1)) / 2, y: p.top + h / 2 - (k * (y0 + y1)) / 2, k };
}

/**
 * The transform that brings layout point `point` into view with `margin`
 * pixels to spare, panning as little as it can (the scale stays); null when
 * the point is in view already. For a keyboard move to a node off screen.
 */
export function panIntoView(
  t: ViewTransform,
  point: { x: number; y: number },
  width: number,
  height: number,
  margin = FIT_PADDING,
): ViewTransform | null {
  const [sx, sy] = toScreen(t, point.x, point.y);
  const m = Math.min(margin, width / 2, height / 2);
  const shift = (at: number, size: number) => (at < m ? m - at : at > size - m ? size - m - at : 0);
  const dx = shift(sx, width);
  const dy = shift(sy, height);
  if (dx === 0 && dy === 0) return null;
  return { x: t.x + dx, y: t.y + dy, k: t.k };
}
