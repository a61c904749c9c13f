/**
 * The `.parts` file of a table (Node only), written and read back.
 *
 * Writing: a table as the browser gets it, its rows grouped into
 * partitions (src/lib/model/partitions.ts says which), each partition one Arrow
 * IPC stream with dictionary-encoded string columns where that halves them
 * (src/lib/pipeline/arrow-writer.ts), gzipped on its own, the members laid end to end in one
 * `.parts` file. Returns the manifest entry with each member's byte range.
 *
 * Rows keep their order (the table's key order) within a partition.
 * Same rows, same bytes: the dictionaries are sorted and gzip runs at a
 * fixed level with no timestamp.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { type Table, tableFromIPC } from "apache-arrow";
import type { PartitionEntry, TableEntry } from "../model/contracts.js";
import type { ColumnSpec } from "../model/fields.js";
import { comparePartitionKeys, partitionKey, WHOLE } from "../model/partitions.js";
import { BATCH_ROWS, chooseEncodings, type Encodings, encodedIPC } from "./arrow-writer.js";

/** Which partition each row goes to. */
export interface PartitionPlan {
  /** Partition keys, in file order. */
  keys: string[];
  /** Index into `keys`, by row. */
  rowPart: Int32Array;
  /** First date_from and last date_to (YYYY-MM-DD) of each partition's commitments, or null. */
  from: (string | null)[];
  to: (string | null)[];
}

const MS_PER_DAY = 86_400_000;
const isoDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** One partition holding every row (the small tables). */
export function wholePlan(length: number): PartitionPlan {
  return { keys: [WHOLE], rowPart: new Int32Array(length), from: [null], to: [null] };
}

/** The commitments by year of `date_from` (days since 1970-01-01); undated ones last. */
export function planByDate(dateFrom: readonly unknown[], dateTo: readonly unknown[], length: number): PartitionPlan {
  const keyOfRow: string[] = new Array(length);
  const seen = new Set<string>();
  for (let i = 0; i < length; i++) {
    const day = dateFrom[i];
    const key = partitionKey(typeof day === "number" ? day : null);
    keyOfRow[i] = key;
    seen.add(key);
  }
  const keys = [...seen].sort(comparePartitionKeys);
  const position = new Map(keys.map((k, i) => [k, i]));
  const rowPart = new Int32Array(length);
  const first: (number | null)[] = keys.map(() => null);
  const last: (number | null)[] = keys.map(() => null);
  for (let i = 0; i < length; i++) {
    const p = position.get(keyOfRow[i]) as number;
    rowPart[i] = p;
    const a = dateFrom[i];
    const b = dateTo[i];
    if (typeof a === "number" && (first[p] === null || a < (first[p] as number))) first[p] = a;
    if (typeof b === "number" && (last[p] === null || b > (last[p] as number))) last[p] = b;
  }
  return {
    keys,
    rowPart,
    from: first.map((d) => (d === null ? null : isoDay(d))),
    to: last.map((d) => (d === null ? null : isoDay(d))),
  };
}

/**
 * Rows that belong to a commitment (its parties, its updates) go to the
 * commitment's partition. `commitmentIds` is the commitments' id column in
 * key order (sorted as the stores sort: by UTF-16 code units); `refs` the
 * rows' commitment ids. Throws on an id that is not a commitment (validation
 * has already refused those).
 */
export function planByReference(
  commitmentIds: readonly unknown[],
  commitments: PartitionPlan,
  refs: readonly unknown[],
  length: number,
): PartitionPlan {
  const rowPart = new Int32Array(length);
  let cursor = 0;
  for (let i = 0; i < length; i++) {
    const id = String(refs[i]);
    // Rows sorted by commitment (parties) hit the cursor or the next row; others search.
    if (String(commitmentIds[cursor]) !== id) {
      if (cursor + 1 < commitmentIds.length && String(commitmentIds[cursor + 1]) === id) cursor += 1;
      else cursor = search(commitmentIds, id);
    }
    if (cursor < 0) throw new Error(`row ${i} refers to the commitment “${id}”, which is not in the table`);
    rowPart[i] = commitments.rowPart[cursor];
  }
  return { keys: commitments.keys, rowPart, from: commitments.from, to: commitments.to };
}

function search(sorted: readonly unknown[], id: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = String(sorted[mid]);
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export interface WritePartsOptions {
  batchRows?: number;
  /** Chosen from the whole table when not given. */
  encodings?: Encodings;
  /** gzip level; 6 (zlib's default, what static hosts and our server use) unless set. */
  level?: number;
}

/**
 * Writes the rows as partitions through `write` (for example to a file) and
 * returns the table's manifest entry. Partitions without rows are left out;
 * a table without rows gets one empty partition, `all`, so the browser can
 * create it with its columns.
 */
export function writeParts(
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, readonly unknown[]>>,
  length: number,
  plan: PartitionPlan,
  write: (bytes: Uint8Array) => void,
  options: WritePartsOptions = {},
): TableEntry {
  const encodings = options.encodings ?? chooseEncodings(columns, values, length);
  const level = options.level ?? 6;
  // Rows grouped by partition, each group in table order (a counting sort).
  const counts = new Int32Array(plan.keys.length);
  for (let i = 0; i < length; i++) counts[plan.rowPart[i]]++;
  const starts = new Int32Array(plan.keys.length + 1);
  for (let p = 0; p < plan.keys.length; p++) starts[p + 1] = starts[p] + counts[p];
  const order = new Int32Array(length);
  const next = starts.slice(0, plan.keys.length);
  for (let i = 0; i < length; i++) order[next[plan.rowPart[i]]++] = i;

  const partitions: PartitionEntry[] = [];
  let offset = 0;
  let rawBytes = 0;
  const emit = (
    key: string,
    rows: number,
    slice: Record<string, unknown[]>,
    from: string | null,
    to: string | null,
  ) => {
    const ipc = encodedIPC(columns, encodings, slice, rows, options.batchRows ?? BATCH_ROWS);
    const member = gzipSync(ipc, { level });
    write(member);
    partitions.push({ key, rows, offset, length: member.length, from, to });
    offset += member.length;
    rawBytes += ipc.length;
  };
  if (length === 0) {
    // An empty table still ships its columns, as one partition every read loads.
    emit(WHOLE, 0, Object.fromEntries(columns.map((c) => [c.name, []])), null, null);
    return { rows: 0, bytes: offset, rawBytes, partitions };
  }
  for (let p = 0; p < plan.keys.length; p++) {
    const rows = counts[p];
    if (rows === 0) continue;
    const slice: Record<string, unknown[]> = {};
    for (const column of columns) {
      const source = values[column.name];
      const cells = new Array(rows);
      for (let r = 0; r < rows; r++) cells[r] = source[order[starts[p] + r]];
      slice[column.name] = cells;
    }
    emit(plan.keys[p], rows, slice, plan.from[p], plan.to[p]);
  }
  return { rows: length, bytes: offset, rawBytes, partitions };
}

/**
 * Reads a .parts file back with its tables.json entry: one Arrow table per
 * partition, in file order, each cut at its byte range and checked against
 * its row count.
 */
export function readParts(bytes: Uint8Array, entry: TableEntry): Table[] {
  return entry.partitions.map((p) => {
    const table = tableFromIPC(gunzipSync(bytes.subarray(p.offset, p.offset + p.length)));
    if (table.numRows !== p.rows)
      throw new Error(`partition ${p.key}: ${table.numRows} rows, tables.json says ${p.rows}`);
    return table;
  });
}
