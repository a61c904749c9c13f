/**
 * Days as whole numbers (days since 1970-01-01, UTC) and their partial-date
 * text. The generator works on day numbers and writes each date as precisely
 * as it chooses: YYYY-MM-DD, YYYY-MM or YYYY.
 */
import type { DatePrecision } from "../model/dates.js";

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** First and last day the generator's dates may fall on. */
export const FIRST_DAY = dayOf(1995, 1, 1);
export const LAST_DAY = dayOf(2026, 12, 31);
export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2026;

// A table of YYYY-MM-DD strings: the generator formats millions of dates.
const TABLE_FROM = dayOf(1990, 1, 1);
const TABLE_TO = dayOf(2040, 12, 31);
let table: string[] | undefined;

function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
  if (day < TABLE_FROM || day > TABLE_TO) return isoOf(day);
  table ??= Array.from({ length: TABLE_TO - TABLE_FROM + 1 }, (_, i) => isoOf(TABLE_FROM + i));
  return table[day - TABLE_FROM];
}

/** The partial date of a day at a precision: 2025-02-10, 2025-02 or 2025. */
export function partialText(day: number, precision: DatePrecision): string {
  const iso = isoDay(day);
  return precision === "day" ? iso : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** First and last day covered by a day written at a precision. */
export function spanOf(day: number, precision: DatePrecision): { from: number; to: number } {
  if (precision === "day") return { from: day, to: day };
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  if (precision === "year") return { from: dayOf(y, 1, 1), to: dayOf(y, 12, 31) };
  const m = date.getUTCMonth() + 1;
  return { from: dayOf(y, m, 1), to: dayOf(y, m + 1, 1) - 1 };
}

export function yearOf(day: number): number {
  return Number(isoDay(day).slice(0, 4));
}
