/**
 * The timeline's time axis as a DayScale (mark-positions.ts): a YYYY-MM-DD
 * day's left and right edges in px, each worked out once per day. A zoomed
 * year's 50,000 marks, their targets and updates name a few hundred distinct
 * days; parsing a Date and scaling it for each of them, several times a mark
 * (lane packing, hit boxes, painting), was a good part of the chart's draw.
 */
import type { DayScale } from "./mark-positions.js";

/** A day's start, ms since the epoch (UTC). */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
const DAY_MS = 86_400_000;

/**
 * The DayScale of a linear time scale `x` (ms since the epoch → px, as a d3
 * UTC scale takes Dates): `px(day)` is x at the day's start, `pxEnd(day)` at
 * the next day's start; each day's answer is kept.
 */
export function dayScale(x: (date: Date) => number): DayScale {
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  return {
    px(day) {
      let v = starts.get(day);
      if (v === undefined) {
        v = x(new Date(dayStart(day)));
        starts.set(day, v);
      }
      return v;
    },
    pxEnd(day) {
      let v = ends.get(day);
      if (v === undefined) {
        v = x(new Date(dayStart(day) + DAY_MS));
        ends.set(day, v);
      }
      return v;
    },
  };
}
