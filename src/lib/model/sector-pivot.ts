/**
 * The overview's sector chart as a table: a row a sector (most commitments
 * first, then by name: the chart's order too), a column a status present (in
 * the status vocabulary's order), and the sector's total. The chart draws
 * from it, and its table (what a screen reader user reads instead of the
 * bars) shows it. Pure.
 */
import type { Status } from "./schema.js";
import { STATUS_ORDER } from "./value-labels.js";

/** One bar segment of the chart: a sector's commitments of one status. */
export interface SectorStatusCount {
  label: string;
  status: string;
  n: number;
}

export interface SectorPivot {
  statuses: Status[];
  rows: { label: string; counts: number[]; total: number }[];
  /** Every commitment the chart counts. */
  total: number;
}

/** The statuses the rows hold, in the status vocabulary's order (the chart's colour domain, legend and columns). */
export function statusesIn(rows: readonly Pick<SectorStatusCount, "status">[]): Status[] {
  return STATUS_ORDER.filter((s) => rows.some((r) => r.status === s));
}

export function sectorPivot(rows: readonly SectorStatusCount[]): SectorPivot {
  const statuses = statusesIn(rows);
  const bySector = new Map<string, number[]>();
  for (const row of rows) {
    const counts = bySector.get(row.label) ?? statuses.map(() => 0);
    const column = statuses.indexOf(row.status as Status);
    if (column >= 0) counts[column] += row.n;
    bySector.set(row.label, counts);
  }
  const table = [...bySector].map(([label, counts]) => ({ label, counts, total: counts.reduce((a, b) => a + b, 0) }));
  table.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  return { statuses, rows: table, total: table.reduce((sum, row) => sum + row.total, 0) };
}
