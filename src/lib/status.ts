/**
 * The status rule, in one place: a commitment's current status is the status
 * of its latest status update; with no update it is `announced`.
 *
 * "Latest" compares the last day each update's date covers (a month-precise
 * update dated 2025-08 counts as 31 Aug 2025), then the first day, then the
 * update id, so the result never depends on file order.
 */
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
