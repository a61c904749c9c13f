/**
 * The timeline's time window: "today" (the URL may pin it, for reproducible
 * views and tests) and the extent drawn when nothing is zoomed, from the
 * first record to beyond the latest target date and today.
 */
import { parsePartialDate } from "../model/dates.js";
import { parseWindow } from "../model/view-state.js";
import type { TimeRange } from "../sql/timeline-queries.js";

/** `?today=YYYY-MM-DD` when valid, else the current UTC day. */
export function todayFrom(search: string, now: Date = new Date()): string {
  const value = new URLSearchParams(search).get("today");
  const parsed = value ? parsePartialDate(value) : undefined;
  return parsed?.precision === "day" ? parsed.text : now.toISOString().slice(0, 10);
}

/**
 * The unzoomed window: from the first day of the first record's year to the
 * last day of the year after the latest date (records, deadlines, today), so
 * the latest target has room after it.
 */
export function timelineDomain(first: string | null, last: string | null, today: string): TimeRange {
  const start = first ?? today;
  const end = last && last > today ? last : today;
  const endYear = Number(end.slice(0, 4)) + (end.slice(5) > "06-30" ? 1 : 0);
  return { from: `${start.slice(0, 4)}-01-01`, to: `${endYear}-12-31` };
}

/** A window read from `?window=YYYY-MM-DD..YYYY-MM-DD`, or null (the link rule of src/lib/model/view-state.ts). */
export function windowFrom(search: string): TimeRange | null {
  return parseWindow(new URLSearchParams(search).get("window"), []);
}
