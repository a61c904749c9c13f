/**
 * Keyboard movement between a chart's marks or nodes, as a chart with one Tab
 * stop offers it: an arrow key moves to the nearest mark in that direction,
 * Home and End to the first and last in the chart's own order (the earliest
 * and latest mark on a timeline, the first and last node of the network's
 * list). Pure: positions in, an index out; the views keep focus and draw.
 */

/** Where a mark is drawn (its centre, in the chart's pixels). */
export interface NavPoint {
  x: number;
  y: number;
}

/** The keys a chart answers to with movement. */
export type NavKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End";

const NAV_KEYS = new Set<string>(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

/** True for the keys nextInDirection answers to. */
export function isNavKey(key: string): key is NavKey {
  return NAV_KEYS.has(key);
}

/**
 * How far the sideways offset counts against a candidate: a mark straight
 * ahead but far wins over one near but well off to the side.
 */
const SIDEWAYS_WEIGHT = 2;

/**
 * The index to move to from `from` when `key` is pressed: for an arrow, the
 * point ahead in that direction (strictly: more than half a pixel) with the
 * least distance ahead plus twice the distance sideways, ties to the lower
 * index; `from` itself when nothing lies that way. Home is 0 and End the
 * last index; with no current point (`from` < 0) every key starts at 0.
 */
export function nextInDirection(points: readonly NavPoint[], from: number, key: NavKey): number {
  if (points.length === 0) return -1;
  if (key === "Home") return 0;
  if (key === "End") return points.length - 1;
  if (from < 0 || from >= points.length) return 0;
  const origin = points[from];
  const horizontal = key === "ArrowLeft" || key === "ArrowRight";
  const sign = key === "ArrowRight" || key === "ArrowDown" ? 1 : -1;
  let best = from;
  let bestScore = Number.POSITIVE_INFINITY;
  points.forEach((point, i) => {
    if (i === from) return;
    const dx = point.x - origin.x;
    const dy = point.y - origin.y;
    const ahead = sign * (horizontal ? dx : dy);
    if (!(ahead > 0.5)) return;
    const score = ahead + SIDEWAYS_WEIGHT * Math.abs(horizontal ? dy : dx);
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
