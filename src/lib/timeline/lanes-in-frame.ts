/**
 * The sector timelines in a frame of fixed height (fit=frame): how many lanes
 * fit, and which lanes to collapse (or whether to switch to the density view)
 * so that the chart fits the frame without scrolling. Pure, so the embed
 * (src/components/timeline/timeline-chart.ts) and a story's checks share it.
 *
 *     lanesThatFit(560, "slide")                        // lanes of counts a 560 px chart holds at the slide scale
 *     fitLanes(lanes, heights, {available: 400, ...})   // {collapse: ["energy", …]}
 */

import { drawingScale } from "../model/frame-layout.js";
import type { TypeScale } from "../model/view-state.js";
import type { TimelineMode } from "./density.js";
import { COLLAPSED_HEIGHT, DENSITY_HEIGHT, LANE_PAD, ROW } from "./lane-sizes.js";

/** The timeline's smallest text in its own pixels (a density cell's count, 10 px). */
export const TIMELINE_SMALLEST_TEXT = 10;
/** Room a chart keeps for its axis and the event rules' labels above the lanes (its own px, one row of labels). */
export const AXIS_ROOM = 44;
/** Room under the last lane (its own px). */
export const FOOT_ROOM = 10;

/** How much larger than its own pixels the timeline is drawn at a type scale. */
export function timelineScale(type: TypeScale): number {
  return drawingScale(type, TIMELINE_SMALLEST_TEXT);
}

/** A lane's height in the chart's own px: a row of marks, a density strip, or collapsed. */
export function laneUnit(mode: TimelineMode | "collapsed"): number {
  if (mode === "collapsed") return COLLAPSED_HEIGHT;
  return mode === "density" ? DENSITY_HEIGHT + LANE_PAD : ROW + LANE_PAD * 2;
}

/**
 * How many lanes of `mode` (density strips by default; "marks" counts one
 * row of marks a lane) a chart `height` CSS px high holds at type scale
 * `type`, under an axis of `axis` px (the chart's own). The height is the
 * chart's, without the frame's title, legend and caption.
 */
export function lanesThatFit(
  height: number,
  type: TypeScale,
  { mode = "density", axis = AXIS_ROOM }: { mode?: TimelineMode | "collapsed"; axis?: number } = {},
): number {
  const own = height / timelineScale(type) - axis - FOOT_ROOM;
  return Math.max(0, Math.floor(own / laneUnit(mode)));
}

export interface LaneFitInput {
  /** Lanes in drawing order, with their commitments in the window. */
  lanes: readonly { sector: string; n: number }[];
  /** Each lane's height as laid out (own px), and a collapsed lane's. */
  heights: ReadonlyMap<string, number>;
  collapsedHeight?: number;
  /** The room the lanes have (own px). */
  available: number;
  /** A lane never collapsed nor left out (the one holding the selected commitment). */
  keep?: string | null;
}

/**
 * The lanes to collapse so that the rest fit `available`: the ones with the
 * fewest commitments first (ties by sector id, from the end), none when all
 * fit. When even every lane collapsed does not fit, the lanes with the fewest
 * commitments are left out (`hide`) until the rest fit; `fits` is false only
 * when not even one lane fits.
 */
export function fitLanes({ lanes, heights, collapsedHeight = COLLAPSED_HEIGHT, available, keep }: LaneFitInput): {
  collapse: string[];
  hide: string[];
  fits: boolean;
} {
  let total = lanes.reduce((sum, l) => sum + (heights.get(l.sector) ?? 0), 0);
  const collapse: string[] = [];
  const hide: string[] = [];
  const order = [...lanes]
    .filter((l) => l.sector !== keep)
    .sort((a, b) => a.n - b.n || b.sector.localeCompare(a.sector));
  for (const lane of order) {
    if (total <= available) break;
    const h = heights.get(lane.sector) ?? 0;
    if (h <= collapsedHeight) continue;
    total -= h - collapsedHeight;
    collapse.push(lane.sector);
  }
  for (const lane of order) {
    if (total <= available || hide.length === lanes.length - 1 || hide.length === order.length) break;
    total -= Math.min(collapsedHeight, heights.get(lane.sector) ?? 0);
    hide.push(lane.sector);
  }
  return { collapse: collapse.filter((id) => !hide.includes(id)), hide, fits: total <= available };
}

/** What the chart's note says when it had to change to fit its frame (empty when it did not). */
export function frameFitNote(density: boolean, collapsed: number, hidden: number, fits: boolean): string {
  const lanes = (n: number) => `${n} lane${n === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (density) parts.push("Counted per month to fit this frame.");
  if (collapsed > 0) parts.push(`${lanes(collapsed)} collapsed to fit this frame.`);
  if (hidden > 0) {
    parts.push(
      `${lanes(hidden)} with the fewest commitments left out to fit this frame: open the full view to see them.`,
    );
  }
  if (!fits) parts.push("The chart is drawn smaller to fit this frame.");
  return parts.join(" ");
}
