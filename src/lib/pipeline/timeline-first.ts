/**
 * The timeline's first draw, computed at build time (Node): what the
 * timeline queries of src/lib/sql/timeline-queries.ts return for no filters
 * and no window (lanes, event rules, and the marks with their status updates
 * or, past MARK_LIMIT, the density cells) with the extent and the cited
 * sources, so /timeline draws before DuckDB-WASM has started. Each function
 * follows one query's SQL: its columns, its joins, its order (text compared
 * as DuckDB compares VARCHAR, by code unit for these ids and labels). The
 * cross test test/cross/timeline-first.test.ts runs the SQL in native DuckDB
 * and compares, and the page replaces this with DuckDB-WASM's answer.
 *
 * Input: a table's columns by name, days as YYYY-MM-DD (src/lib/pipeline/arrow-columns.ts
 * reads them from the build's Arrow files).
 */
import type { CitedSource } from "../model/caption.js";
import { CITED_LIMIT } from "../sql/page-queries.js";
import type { LaneRow, RuleRow, UpdateRow } from "../sql/timeline-queries.js";
import { LIST_LIMIT, RULE_KINDS } from "../sql/timeline-queries.js";
import { MARK_LIMIT } from "../timeline/density.js";
import { type DensityInput, packDensity } from "../timeline/density-cells.js";
import type { StoredMark, TimelineFirstFile } from "../timeline/timeline-rows.js";
import type { ColumnReader } from "./arrow-columns.js";

/** The tables the timeline's first draw reads (never the parties: no filters). */
export const FIRST_DRAW_TABLES = [
  "commitments",
  "events",
  "sectors",
  "institutions",
  "sources",
  "status_updates",
] as const;

export type FirstDrawTables = Record<(typeof FIRST_DRAW_TABLES)[number], ColumnReader>;

type Row = Record<string, unknown>;

const text = (a: unknown, b: unknown) => {
  // NULLs last, as DuckDB sorts ascending.
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return (a as string) < (b as string) ? -1 : 1;
};

/** Rows with the named columns (`as` renames). */
function rowsOf(table: ColumnReader, names: readonly string[], indexes?: Iterable<number>): Row[] {
  const columns = names.map((name) => table.column(name));
  const out: Row[] = [];
  const each = indexes ?? Array.from({ length: table.rows }, (_, i) => i);
  for (const i of each) {
    const row: Row = {};
    names.forEach((name, k) => {
      row[name] = columns[k][i] ?? null;
    });
    out.push(row);
  }
  return out;
}

/** The least and greatest of some days, ignoring nulls (least/greatest in DuckDB). */
function span(days: Iterable<unknown>, into: { first: string | null; last: string | null }, end: boolean): void {
  for (const day of days) {
    if (typeof day !== "string") continue;
    if (!end && (into.first === null || day < into.first)) into.first = day;
    if (end && (into.last === null || day > into.last)) into.last = day;
  }
}

/** `timelineExtent`: the first commitment or event to the last commitment, deadline or event. */
function extentOf(t: FirstDrawTables): { first: string | null; last: string | null } {
  const out = { first: null as string | null, last: null as string | null };
  span(t.commitments.column("date_from"), out, false);
  span(t.events.column("start_date_from"), out, false);
  span(t.commitments.column("date_to"), out, true);
  span(t.commitments.column("deadline"), out, true);
  const end = t.events.column("end_date_to");
  const start = t.events.column("start_date_to");
  span(
    end.map((day, i) => day ?? start[i]),
    out,
    true,
  );
  return out;
}

/** How many rows hold each value of a column. */
function countBy(values: readonly unknown[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** `timelineLanes` without a window: every sector with commitments, by label. */
function lanesOf(t: FirstDrawTables): LaneRow[] {
  const counts = countBy(t.commitments.column("sector"));
  return rowsOf(t.sectors, ["id", "label", "color"])
    .filter((s) => counts.has(s.id))
    .map((s) => ({
      sector: s.id as string,
      label: s.label as string,
      color: s.color as string,
      total: counts.get(s.id) as number,
      n: counts.get(s.id) as number,
    }))
    .sort((a, b) => text(a.label, b.label) || text(a.sector, b.sector));
}

const RULE_COLUMNS = [
  "id",
  "title",
  "kind",
  "status",
  "start_date",
  "start_date_precision",
  "start_date_from",
  "start_date_to",
  "end_date_to",
  "series",
  "series_short",
  "session",
  "place",
] as const;

/** `timelineEvents` without filters or a window: the rule kinds, sessions first, then by commitments made. */
function eventsOf(t: FirstDrawTables): RuleRow[] {
  const made = countBy(t.commitments.column("event_id"));
  const bodies = new Map(rowsOf(t.institutions, ["id", "name"]).map((b) => [b.id, b.name]));
  const kinds: readonly string[] = RULE_KINDS;
  const rows = rowsOf(t.events, [...RULE_COLUMNS, "series_body_id"])
    .filter((e) => kinds.includes(e.kind as string))
    .map((e): Row => {
      const { series_body_id, ...rule } = e;
      return {
        ...rule,
        end_date_to: e.end_date_to ?? e.start_date_to,
        series_body: bodies.get(series_body_id) ?? null,
        commitments: made.get(e.id) ?? 0,
      };
    });
  const session = (e: Row) => (e.kind === "commission_session" ? 0 : 1);
  rows.sort(
    (a, b) =>
      session(a) - session(b) ||
      (b.commitments as number) - (a.commitments as number) ||
      text(a.start_date_from, b.start_date_from) ||
      text(a.id, b.id),
  );
  return rows.slice(0, LIST_LIMIT) as unknown as RuleRow[];
}

const MARK_COLUMNS = [
  "id",
  "sector",
  "summary",
  "action",
  "strength",
  "status",
  "status_date",
  "update_count",
  "date",
  "date_precision",
  "date_from",
  "date_to",
  "target_date",
  "target_date_precision",
  "target_date_from",
  "target_date_to",
  "target_event_id",
  "target_note",
  "deadline",
  "event_id",
  "confidence",
] as const;

/** `timelineMarks` without filters or a window (overdue left to the page, which knows its day). */
function marksOf(t: FirstDrawTables): StoredMark[] {
  const events = new Map(rowsOf(t.events, ["id", "title", "status"]).map((e) => [e.id, e]));
  const marks = rowsOf(t.commitments, MARK_COLUMNS).map((c): Row => {
    const target = c.target_event_id === null ? undefined : events.get(c.target_event_id);
    return {
      ...c,
      target_event: target?.title ?? null,
      target_event_status: target?.status ?? null,
      event: events.get(c.event_id)?.title ?? null,
    };
  });
  marks.sort((a, b) => text(a.sector, b.sector) || text(a.date_from, b.date_from) || text(a.id, b.id));
  return marks as unknown as StoredMark[];
}

/** `timelineUpdates` without filters or a window. */
function updatesOf(t: FirstDrawTables): UpdateRow[] {
  const rows = rowsOf(t.status_updates, [
    "commitment_id",
    "id",
    "status",
    "date",
    "date_precision",
    "date_from",
    "date_to",
  ]);
  rows.sort(
    (a, b) =>
      text(a.commitment_id, b.commitment_id) ||
      text(a.date_to, b.date_to) ||
      text(a.date_from, b.date_from) ||
      text(a.id, b.id),
  );
  return rows as unknown as UpdateRow[];
}

/** `citedSources` without filters: the most cited sources with how many commitments cite each, and how many in all. */
function citedOf(t: FirstDrawTables): CitedSource[] {
  const counts = countBy(t.commitments.column("source_id"));
  const cited = rowsOf(t.sources, ["id", "title", "publisher", "url"]).filter((s) => counts.has(s.id));
  return cited
    .map((s): Row => ({ ...s, n: counts.get(s.id) as number, cited_total: cited.length }))
    .sort((a, b) => (b.n as number) - (a.n as number) || text(a.publisher, b.publisher) || text(a.id, b.id))
    .slice(0, CITED_LIMIT) as unknown as CitedSource[];
}

/** What the density cells read of each commitment, without making rows of them all. */
function* densityInputs(t: FirstDrawTables): Generator<DensityInput> {
  const [sector, precision, from, deadline, status] = [
    "sector",
    "date_precision",
    "date_from",
    "deadline",
    "status",
  ].map((name) => t.commitments.column(name));
  for (let i = 0; i < t.commitments.rows; i++) {
    yield {
      sector: sector[i] as string,
      date_precision: (precision[i] ?? null) as string | null,
      date_from: from[i] as string,
      deadline: (deadline[i] ?? null) as string | null,
      status: status[i] as string,
    };
  }
}

/**
 * The file: marks and updates up to MARK_LIMIT commitments (the page then
 * needs no day from the build), else the density cells on `today`.
 */
export function timelineFirst(t: FirstDrawTables, today: string): TimelineFirstFile {
  const total = t.commitments.rows;
  const few = total <= MARK_LIMIT;
  return {
    ...extentOf(t),
    lanes: lanesOf(t),
    events: eventsOf(t),
    total,
    ...(few ? { marks: marksOf(t), updates: updatesOf(t) } : { density: packDensity(densityInputs(t), today) }),
    cited: citedOf(t),
  };
}
