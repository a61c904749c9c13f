/**
 * The status rule, in one place: a commitment's current status is the status
 * of its latest status update; with no update it is `announced`.
 *
 * "Latest" compares the last day each update's date covers (a month-precise
 * update dated 2025-08 counts as 31 Aug 2025), then the first day, then the
 * update id, so the result never depends on file order.
 */

import { raw, type SqlFragment, sql } from "../sql/fragment.js";
import type { Status } from "./schema.js";

export interface DatedStatus {
  id: string;
  status: Status;
  /** Last day covered by the update's date: YYYY-MM-DD, or days since 1970 (compare like with like). */
  date_to: string | number;
  /** First day covered: YYYY-MM-DD, or days since 1970. */
  date_from: string | number;
  date: string;
}

export function compareUpdates(a: DatedStatus, b: DatedStatus): number {
  return (
    (a.date_to < b.date_to ? -1 : a.date_to > b.date_to ? 1 : 0) ||
    (a.date_from < b.date_from ? -1 : a.date_from > b.date_from ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function latestUpdate<T extends DatedStatus>(updates: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const u of updates) if (!latest || compareUpdates(u, latest) > 0) latest = u;
  return latest;
}

export function deriveStatus(updates: readonly DatedStatus[]): { status: Status; status_date: string | null } {
  const latest = latestUpdate(updates);
  return latest ? { status: latest.status, status_date: latest.date } : { status: "announced", status_date: null };
}

// ---- Deadlines and overdue ------------------------------------------------------
//
// The overdue rule, in one place (documented in docs/tracking.md):
//
// 1. A commitment's deadline is the last day its target covers: the target
//    date's last day (a target "2025" is due by 2025-12-31, "2025-06" by
//    2025-06-30); without a target date, the last day of its target event
//    (its end date when it has one, else its start date, so a session planned
//    for "2026" is due by 2026-12-31). With neither it has no deadline and is
//    never overdue.
// 2. It is overdue when its deadline is before today and its current status
//    (the latest update, above) is neither `done` nor `dropped`: the target
//    has passed with no completion evidence, and nobody said it was abandoned.
//    The deadline day itself is not overdue yet.
//
// The loader stores each commitment's deadline (rule 1) in the `deadline`
// column; `overdueSql` is rule 2 in SQL for the pages' queries. The unit tests
// check that the SQL and the JavaScript give the same answers.

/** Statuses that close a commitment: it cannot be overdue. */
export const CLOSED_STATUSES: readonly Status[] = ["done", "dropped"];

/** Days as YYYY-MM-DD strings, or as days since 1970 (compare like with like). */
export interface TargetSpan<D extends string | number = string> {
  /** Last day covered by the target date (null when there is none). */
  target_date_to?: D | null;
  /** Last day covered by the target event's start date. */
  target_event_start_to?: D | null;
  /** Last day covered by the target event's end date, when it lasts several days. */
  target_event_end_to?: D | null;
}

/** The deadline (last day) of a commitment, or null when it has none. */
export function deadlineOf<D extends string | number>(c: TargetSpan<D>): D | null {
  return c.target_date_to ?? c.target_event_end_to ?? c.target_event_start_to ?? null;
}

/** True when the deadline is before `today` (YYYY-MM-DD) and the status is not done or dropped. */
export function isOverdue(c: TargetSpan & { status: Status | string }, today: string): boolean {
  const deadline = deadlineOf(c);
  return deadline !== null && deadline < today && !CLOSED_STATUSES.includes(c.status as Status);
}

/** The deadline in SQL for a commitment aliased `c`: the loader's `deadline` column (a DATE, or NULL). */
export function deadlineSql(c = "c"): SqlFragment {
  return raw(`${c}.deadline`);
}

/** The overdue condition in SQL (see {@link isOverdue}); `today` is bound as a parameter. */
export function overdueSql(today: string, c = "c"): SqlFragment {
  const closed = raw(CLOSED_STATUSES.map((s) => `'${s}'`).join(", "));
  return sql`(${deadlineSql(c)} < CAST(${today} AS DATE) AND ${raw(`${c}.status`)} NOT IN (${closed}))`;
}
