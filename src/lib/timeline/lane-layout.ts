/**
 * Where the timeline's lanes go, without a DOM: the chart's margins at a
 * width (a phone puts each lane's name above its lane), the lane order, each
 * lane's marks stacked in rows whose extents do not overlap, whether the
 * lanes show marks or counts (density.ts chooseMode), each lane's height
 * (collapsed, a density strip, or its rows of marks) and top, and where a
 * row of marks, a density cell or a collapsed lane's trace sits in a lane.
 */

import { group } from "d3";
import type { LaneRow, MarkRow, UpdateRow } from "../sql/timeline-queries.js";
import { chooseMode, packRows, type TimelineMode } from "./density.js";
import type { KeyboardPlace } from "./keyboard-place.js";
import { labelColumnWidth, type MeasureText, type NamedLane } from "./lane-names.js";
import { COLLAPSED_HEIGHT, DENSITY_HEIGHT, LANE_PAD, ROW } from "./lane-sizes.js";
import { type DayScale, markExtent, markFootprint } from "./mark-positions.js";
import type { TimelineData } from "./timeline-rows.js";

export { COLLAPSED_HEIGHT, DENSITY_HEIGHT, LANE_PAD, ROW } from "./lane-sizes.js";

/** Lane order and collapsed lanes: owned by the page so they survive redraws. */
export interface LaneState {
  sort: "count" | "name";
  collapsed: Set<string>;
  /** Whether the table under the chart is open. */
  tableOpen?: boolean;
  /** Where the keyboard was in the chart, to put focus back after a redraw. */
  keyboard?: KeyboardPlace;
}

/** The chart's width and margins. */
export interface ChartFrame {
  width: number;
  /** A phone: lane names above their lanes, fewer label rows. */
  compact: boolean;
  /** Where time starts (the lane names' column). */
  labelWidth: number;
  /** The room above a lane's content for its name (compact only). */
  header: number;
  marginRight: number;
}

/**
 * The frame at a requested width (960 by default, 280 at least). With the
 * lanes (and the page's text measure), the lane names' column is as wide as
 * their names need (lane-names.ts); else a quarter of the width, 210 at most.
 */
export function chartFrame(
  requested?: number,
  names?: { lanes: readonly NamedLane[]; measure?: MeasureText },
): ChartFrame {
  const width = Math.max(280, requested ?? 960);
  const compact = width < 640;
  const column = names ? labelColumnWidth(names.lanes, width, names.measure) : Math.min(210, Math.round(width * 0.26));
  return {
    width,
    compact,
    // On a phone the lane's name sits above its lane, so time gets the full width.
    labelWidth: compact ? 8 : column,
    header: compact ? 16 : 0,
    marginRight: compact ? 10 : 24,
  };
}

/** Lanes by commitments in the window (then name), or by name (then id). */
export function sortLanes(lanes: readonly LaneRow[], sort: LaneState["sort"]): LaneRow[] {
  return [...lanes].sort((a, b) =>
    sort === "name"
      ? a.label.localeCompare(b.label) || a.sector.localeCompare(b.sector)
      : b.n - a.n || a.label.localeCompare(b.label),
  );
}

/** A lane's marks in drawing order with the row of each, and how many rows they take. */
export interface PackedLane {
  marks: MarkRow[];
  rows: number[];
  count: number;
}

/** Each lane's marks stacked so that their extents (mark-positions.ts markExtent) never share a row. */
export function packLanes(
  lanes: readonly LaneRow[],
  marksBy: ReadonlyMap<string, MarkRow[]>,
  updatesBy: ReadonlyMap<string, UpdateRow[]>,
  scale: DayScale,
  frame: ChartFrame,
): Map<string, PackedLane> {
  const packed = new Map<string, PackedLane>();
  for (const lane of lanes) {
    const marks = marksBy.get(lane.sector) ?? [];
    const extents = marks.map((m) => markExtent(m, updatesBy.get(m.id) ?? [], scale, frame.labelWidth, frame.width));
    packed.set(lane.sector, { ...packRows(extents, 2), marks });
  }
  return packed;
}

/** A lane's height: collapsed, a density strip, or its rows of marks (one at least), plus its header. */
export function laneHeight({
  collapsed,
  mode,
  rows,
  header,
}: {
  collapsed: boolean;
  mode: TimelineMode;
  rows: number | undefined;
  header: number;
}): number {
  if (collapsed) return COLLAPSED_HEIGHT + header;
  if (mode === "density") return DENSITY_HEIGHT + LANE_PAD + header;
  return Math.max(1, rows ?? 1) * ROW + LANE_PAD * 2 + header;
}

/** Lanes one under the other from `start`: each lane's top, and where the last one ends. */
export function stackLanes(
  lanes: readonly LaneRow[],
  heights: ReadonlyMap<string, number>,
  start: number,
): { top: Map<string, number>; end: number } {
  const top = new Map<string, number>();
  let y = start;
  for (const lane of lanes) {
    top.set(lane.sector, y);
    y += heights.get(lane.sector) ?? 0;
  }
  return { top, end: y };
}

export interface LaneLayout {
  /** The lanes in drawing order. */
  lanes: LaneRow[];
  mode: TimelineMode;
  /** Each lane's marks and their rows; empty when the marks were not fetched. */
  packed: Map<string, PackedLane>;
  /** Status updates by commitment id. */
  updatesBy: Map<string, UpdateRow[]>;
  /** Each lane's top and height, px. */
  top: Map<string, number>;
  height: Map<string, number>;
  /** The height of the whole chart. */
  chartHeight: number;
}

export interface LaneLayoutInput {
  state: LaneState;
  frame: ChartFrame;
  scale: DayScale;
  /** The y of the axis; the lanes start just under it. */
  axisTop: number;
  /** A forced mode; by default the density rule decides. */
  mode?: TimelineMode;
}

/** The lanes of one window: order, stacking, mode, heights and tops. */
export function layoutLanes(
  data: Pick<TimelineData, "lanes" | "total" | "marks" | "updates">,
  { state, frame, scale, axisTop, mode }: LaneLayoutInput,
): LaneLayout {
  const lanes = sortLanes(data.lanes, state.sort);
  const updatesBy = group(data.updates ?? [], (u) => u.commitment_id);
  const marksBy = group(data.marks ?? [], (m) => m.sector);
  const packed = data.marks ? packLanes(lanes, marksBy, updatesBy, scale, frame) : new Map<string, PackedLane>();
  const chosen =
    mode ??
    chooseMode({
      total: data.total,
      lanes: data.marks
        ? lanes.map((l) => (marksBy.get(l.sector) ?? []).map((m) => markFootprint(m, scale)))
        : undefined,
    });
  const height = new Map(
    lanes.map((l) => [
      l.sector,
      laneHeight({
        collapsed: state.collapsed.has(l.sector),
        mode: chosen,
        rows: packed.get(l.sector)?.count,
        header: frame.header,
      }),
    ]),
  );
  const { top, end } = stackLanes(lanes, height, axisTop + 4);
  return { lanes, mode: chosen, packed, updatesBy, top, height, chartHeight: end + 6 };
}

/** The y of the middle of a row of marks, in a lane whose content starts at `top`. */
export function markRowY(top: number, row: number): number {
  return top + LANE_PAD + row * ROW + ROW / 2;
}

/** A density cell's band in a lane: a month's cell fills the strip, a year's is a thin bar at its foot. */
export function densityCellBand(top: number, year: boolean): { y: number; height: number } {
  return year
    ? { y: top + LANE_PAD / 2 + DENSITY_HEIGHT - 9, height: 7 }
    : { y: top + LANE_PAD / 2, height: DENSITY_HEIGHT - 11 };
}

/** The band of a collapsed lane's trace (one tick per month with commitments). */
export function traceBand(top: number): { y: number; height: number } {
  return { y: top + 6, height: 6 };
}
