/**
 * Where the keyboard is on the timeline chart, without a DOM: the chart is
 * one Tab stop for its marks and one for its lane list, and this is what the
 * chart remembers across redraws (lane collapse, sort, zoom, resize, new
 * filters) to put focus back: which part held focus, which commitment or
 * lane, and where that mark was drawn. Also the marks' order for the arrow
 * keys (earliest first, so Home and End of spatial-nav.ts reach the earliest
 * and latest), and the mark to land on when the one that had focus is gone.
 */
import type { NavPoint } from "../model/spatial-nav.js";

/** The parts of the chart that take focus. */
export type KeyboardArea = "marks" | "lanes" | "control";

/** What held focus in the chart, kept by the page's lane state. */
export interface KeyboardPlace {
  area: KeyboardArea;
  /** A commitment's id (marks), a sector's id (lanes) or a control's key (control). */
  key: string;
  /** Where the mark was drawn, to find the nearest one when it is gone. */
  at: NavPoint | null;
  /** True while focus is in the chart (or was, when a redraw removed the element that had it). */
  inside: boolean;
}

/** A mark that can take focus: its commitment and where its symbol is drawn. */
export interface MarkStopPoint extends NavPoint {
  id: string;
}

/** Marks from earliest (leftmost) to latest, top to bottom on the same day, then by id. */
export function sortEarliestFirst<T extends MarkStopPoint>(stops: readonly T[]): T[] {
  return [...stops].sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The index of the point closest to `at` (straight-line distance, ties to the lower index); -1 when none. */
export function nearestTo(points: readonly NavPoint[], at: NavPoint): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  points.forEach((p, i) => {
    const distance = Math.hypot(p.x - at.x, p.y - at.y);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * The mark to give focus after a redraw: the same commitment when it is
 * still drawn, else the nearest to where it was, else the earliest; -1 when
 * no mark is drawn.
 */
export function markToRestore(stops: readonly MarkStopPoint[], place: Pick<KeyboardPlace, "key" | "at">): number {
  if (stops.length === 0) return -1;
  const same = stops.findIndex((s) => s.id === place.key);
  if (same >= 0) return same;
  return place.at ? nearestTo(stops, place.at) : 0;
}
