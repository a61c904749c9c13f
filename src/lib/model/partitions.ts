/**
 * How the tables are cut into partitions for the browser, and which
 * partitions a query needs. Pure: no DOM, no DuckDB, no Node.
 *
 * Every table ships as one `<table>.parts` file: gzip members laid end to end,
 * one per partition, each a complete Arrow IPC stream (schema, dictionaries,
 * record batches, end-of-stream marker) of that partition's rows. The three
 * tables that grow with the records (commitments, commitment_parties,
 * status_updates) have one partition per year of the commitment's `date_from`
 * (a party or an update goes with its commitment), plus `undated`; the small
 * tables have one partition, `all`. `tables.json`, the manifest, gives each
 * partition's byte range in its file, its rows and the dates its commitments
 * cover, so a page fetches the partitions it needs with HTTP Range requests
 * (src/lib/client/table-loader.ts) and decompresses them in the browser.
 *
 * Which partitions a query needs: all of them, unless the query was built
 * with {@link withinYears}, which promises that every row it reads of a
 * partitioned table belongs to a commitment whose dates overlap the window.
 * The query builders (src/lib/sql/page-queries.ts, …) make that promise only where it
 * holds, and test/cross/partitions-scope.test.ts checks each of them against
 * the full tables.
 */

import { type SqlFragment, sql } from "../sql/fragment.js";
import { MANIFEST_FORMAT, type PartitionEntry, type TableEntry, type TablesManifest } from "./contracts.js";
import { emptyFilters, type FilterState, isEmptyFilters } from "./filters.js";
import type { TableName } from "./tables.js";

/** Tables cut by year of their commitment's date; the others ship as one partition. */
export const PARTITIONED: readonly TableName[] = ["commitments", "commitment_parties", "status_updates"];

/** The partition of commitments without a date (and their parties and updates). */
export const UNDATED = "undated";
/** The one partition of an unpartitioned table. */
export const WHOLE = "all";

const MS_PER_DAY = 86_400_000;

/** The partition of a commitment: the year of its `date_from` (days since 1970-01-01), or `undated`. */
export function partitionKey(dateFromDay: number | null | undefined): string {
  if (dateFromDay === null || dateFromDay === undefined || !Number.isFinite(dateFromDay)) return UNDATED;
  return String(new Date(dateFromDay * MS_PER_DAY).getUTCFullYear());
}

/** Partition keys in file order: years ascending, then `undated`. */
export function comparePartitionKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  return Number(a) - Number(b);
}

/** Years, inclusive; an open end reaches every year on that side. */
export interface YearWindow {
  from?: number;
  to?: number;
}

/** The filters' time range as a window, or undefined when they set none. */
export function yearWindow(filters: Pick<FilterState, "from" | "to">): YearWindow | undefined {
  if (filters.from === undefined && filters.to === undefined) return undefined;
  return { from: filters.from, to: filters.to };
}

/**
 * Whether a partition can hold a commitment whose dates overlap the window
 * (the same test as commitmentWhere: `date_to >= from-01-01 AND date_from <=
 * to-12-31`). Undated commitments overlap no window.
 */
export function overlaps(partition: Pick<PartitionEntry, "key" | "from" | "to">, window: YearWindow): boolean {
  if (partition.key === WHOLE) return true;
  if (partition.from === null || partition.to === null) return false;
  if (window.from !== undefined && partition.to < `${pad(window.from)}-01-01`) return false;
  if (window.to !== undefined && partition.from > `${pad(window.to)}-12-31`) return false;
  return true;
}

const pad = (year: number) => String(year).padStart(4, "0");

/** Indices of the partitions a read of the table needs: all, or those overlapping the window. */
export function partitionsFor(entry: TableEntry, window?: YearWindow): number[] {
  const out: number[] = [];
  entry.partitions.forEach((p, i) => {
    if (!window || overlaps(p, window)) out.push(i);
  });
  return out;
}

/** A byte range of a .parts file holding consecutive partitions. */
export interface ByteSpan {
  /** First byte, and one past the last. */
  start: number;
  end: number;
  /** The partitions in it, in file order. */
  parts: number[];
}

/** Groups partitions (indices, any order) into spans of neighbours, one request each. */
export function spansOf(entry: TableEntry, indices: readonly number[]): ByteSpan[] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const spans: ByteSpan[] = [];
  for (const i of sorted) {
    const p = entry.partitions[i];
    if (!p) throw new Error(`no partition ${i} (the table has ${entry.partitions.length})`);
    const last = spans.at(-1);
    if (last && last.parts.at(-1) === i - 1 && last.end === p.offset) {
      last.end = p.offset + p.length;
      last.parts.push(i);
    } else spans.push({ start: p.offset, end: p.offset + p.length, parts: [i] });
  }
  return spans;
}

/**
 * Checks that tables.json is what this page reads, and that each table's
 * partitions tile its file. Throws an Error naming the first problem.
 */
export function checkManifest(value: unknown, tables: readonly TableName[]): TablesManifest {
  const manifest = value as TablesManifest;
  if (!manifest || typeof manifest !== "object" || manifest.format !== MANIFEST_FORMAT) {
    throw new Error(`tables.json: expected format ${MANIFEST_FORMAT}, found ${JSON.stringify(manifest?.format)}`);
  }
  for (const table of tables) {
    const entry = manifest.tables?.[table];
    if (!entry || !Array.isArray(entry.partitions) || entry.partitions.length === 0) {
      throw new Error(`tables.json: no partitions for the table “${table}”`);
    }
    let offset = 0;
    let rows = 0;
    for (const p of entry.partitions) {
      if (p.offset !== offset || !(p.length > 0)) {
        throw new Error(`tables.json: partition ${p.key} of “${table}” does not start where the one before ends`);
      }
      offset += p.length;
      rows += p.rows;
    }
    if (offset !== entry.bytes || rows !== entry.rows) {
      throw new Error(
        `tables.json: the partitions of “${table}” do not add up to its ${entry.bytes} bytes and ${entry.rows} rows`,
      );
    }
  }
  return manifest;
}

// ---- queries that read only some years ---------------------------------------

const scopes = new WeakMap<SqlFragment, YearWindow>();

/**
 * The query, marked as reading only the rows of partitioned tables that
 * belong to commitments overlapping `window` (its commitments are filtered
 * with commitmentWhere over that window, and its parties and updates are
 * reached through those commitments). Without a window, the query itself.
 * A query built from a marked one (interpolated into another) is not marked:
 * the promise holds for the query as written, not for what wraps it.
 */
export function withinYears(query: SqlFragment, window: YearWindow | undefined): SqlFragment {
  if (!window || (window.from === undefined && window.to === undefined)) return query;
  const marked = sql`${query}`;
  scopes.set(marked, { ...window });
  return marked;
}

/** The window a query was marked with, or undefined: it may read every row. */
export function yearsOf(query: SqlFragment): YearWindow | undefined {
  return scopes.get(query);
}

/**
 * Whether `eventWhere(filters)` reads commitments outside the time range: it
 * does when filters other than series and years are set (an event in the
 * range may be the target of a commitment made years before). Queries built
 * on it are marked with a window only when it does not.
 */
export function eventWhereReadsAllYears(filters: FilterState): boolean {
  return !isEmptyFilters({ ...emptyFilters(), ...filters, series: [], from: undefined, to: undefined });
}

/** The window for a query over commitmentWhere(filters), and eventWhere(filters) when `events` is set. */
export function scopeOf(filters: FilterState, options: { events?: boolean } = {}): YearWindow | undefined {
  if (options.events && eventWhereReadsAllYears(filters)) return undefined;
  return yearWindow(filters);
}
