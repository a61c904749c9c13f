/**
 * Where things sit on the timeline's time axis, in px, without a DOM: a
 * commitment's mark (a point, or a span for a date known only to the month
 * or year), its target, its status track, the room it takes in its lane when
 * marks are stacked, its own footprint for the legibility rule (density.ts),
 * and the span of a density bin.
 */
import type { DensityRow, MarkRow, UpdateRow } from "../sql/timeline-queries.js";
import { type Extent, MARK_WIDTH, monthEnd } from "./density.js";

/** The time axis: the left edge of a YYYY-MM-DD day, and its right edge (the next day's start). */
export interface DayScale {
  px: (day: string) => number;
  pxEnd: (day: string) => number;
}

type MarkDate = Pick<MarkRow, "date_from" | "date_to" | "date_precision">;
type MarkTarget = Pick<MarkRow, "deadline" | "target_date_precision" | "target_date_from" | "target_date_to">;

/** A mark's own position: a point (x0 = x1 = cx) for a day, else a span over its month or year. */
export interface MarkSpan {
  x0: number;
  x1: number;
  cx: number;
  partial: boolean;
}

export function markSpan(m: MarkDate, { px, pxEnd }: DayScale): MarkSpan {
  const x0 = px(m.date_from);
  const partial = m.date_precision !== "day";
  const x1 = partial ? pxEnd(m.date_to) : x0;
  return { x0, x1, cx: partial ? (x0 + x1) / 2 : x0, partial };
}

/** Where a mark's target goes: its deadline, or a span for a target known only to the month or year. */
export interface TargetSpan {
  x0: number;
  x1: number;
  partial: boolean;
}

/** The target of a mark, null when it has no deadline. */
export function targetSpan(m: MarkTarget, { px, pxEnd }: DayScale): TargetSpan | null {
  if (!m.deadline) return null;
  const partial = Boolean(m.target_date_precision && m.target_date_precision !== "day" && m.target_date_from);
  const x0 = partial ? px(m.target_date_from as string) : px(m.deadline);
  return { x0, x1: partial ? pxEnd(m.target_date_to as string) : x0, partial };
}

/**
 * The room a mark takes in its lane: from its date to the furthest of its
 * span, its target and its status updates, 5 px more either side, clipped to
 * `left` and `right`. Marks whose rooms overlap go on different rows.
 */
export function markExtent(
  m: MarkDate & MarkTarget,
  updates: readonly Pick<UpdateRow, "date_from">[],
  { px, pxEnd }: DayScale,
  left: number,
  right: number,
): Extent {
  const x0 = px(m.date_from);
  let x1 = m.date_precision === "day" ? x0 : pxEnd(m.date_to);
  if (m.deadline)
    x1 = Math.max(
      x1,
      m.target_date_precision && m.target_date_precision !== "day"
        ? pxEnd(m.target_date_to ?? m.deadline)
        : px(m.deadline),
    );
  for (const u of updates) x1 = Math.max(x1, px(u.date_from));
  return { x0: Math.max(x0, left) - 5, x1: Math.min(x1, right) + 5 };
}

/**
 * The mark itself for the legibility rule (density.ts chooseMode): its
 * symbol's width around its date or span; connectors and tracks may share a row.
 */
export function markFootprint(m: MarkDate, { px, pxEnd }: DayScale): Extent {
  const x0 = px(m.date_from);
  const x1 = m.date_precision === "day" ? x0 : pxEnd(m.date_to);
  return { x0: x0 - MARK_WIDTH / 2, x1: Math.max(x1, x0) + MARK_WIDTH / 2 };
}

/** A mark's status track: its segments, each in the status held until the next update, and a dot per update. */
export interface StatusTrack {
  segments: { from: number; to: number; status: string }[];
  dots: { id: string; x: number; status: string }[];
}

/** The track from the mark's centre `cx` ("announced") through each update, in the order given. */
export function statusTrack(
  cx: number,
  updates: readonly Pick<UpdateRow, "id" | "status" | "date_from">[],
  { px }: DayScale,
): StatusTrack {
  const track: StatusTrack = { segments: [], dots: [] };
  let from = cx;
  let status = "announced";
  for (const u of updates) {
    const x = px(u.date_from);
    track.segments.push({ from, to: x, status });
    track.dots.push({ id: u.id, x, status: u.status });
    from = x;
    status = u.status;
  }
  return track;
}

/** The last day of a density bin: the end of its month, or of its year for a year bin. */
export function binLastDay(d: Pick<DensityRow, "bin" | "start">): string {
  return d.bin === "year" ? `${d.start.slice(0, 4)}-12-31` : monthEnd(d.start);
}

/** A density bin's span. */
export function binSpan(d: Pick<DensityRow, "bin" | "start">, { px, pxEnd }: DayScale): Extent {
  return { x0: px(d.start), x1: pxEnd(binLastDay(d)) };
}

/** A density bin's span clipped to `left` and `right`; null when nothing of it is left. */
export function clippedBinSpan(
  d: Pick<DensityRow, "bin" | "start">,
  scale: DayScale,
  left: number,
  right: number,
): Extent | null {
  const x0 = Math.max(left, scale.px(d.start));
  const x1 = Math.min(right, scale.pxEnd(binLastDay(d)));
  return x1 <= x0 ? null : { x0, x1 };
}
