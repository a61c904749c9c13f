/**
 * The page's DuckDB-WASM database, loaded from node_modules (no CDN) with the
 * seven Accord Atlas tables, opened once per page and shared by every query.
 *
 * Pages use it through `sql`, which ```sql code blocks call:
 *
 * @example
 * ```js
 * import {sql} from "./components/db.js";
 * import * as Inputs from "@observablehq/inputs";
 * ```
 * ```sql
 * SELECT sector, count(*) AS n FROM commitments WHERE status = ${status} GROUP BY 1
 * ```
 *
 * Framework compiles a ```sql block to
 * `display(Inputs.table(await sql`…`, {select: false}))`, so both `sql` and
 * `Inputs` must be in scope; each `${…}` in the block becomes a bound
 * parameter (see src/lib/sql.ts), never SQL text.
 *
 * Results are plain arrays of plain objects: BIGINT → number (string when
 * beyond ±2^53), DECIMAL → number (exact integers as for BIGINT), DATE →
 * "YYYY-MM-DD" string, TIMESTAMP → Date, TIME → "HH:MM:SS[.ffffff]", LIST →
 * array, STRUCT and MAP → object. Each result also carries non-enumerable
 * `columns` (names in order, also when there are no rows, so Inputs.table
 * draws headers) and `schema` ({name, type, arrowType, nullable} per column).
 *
 * Timing marks for the load benchmark: performance.mark("duckdb:instantiated"),
 * "duckdb:ready" (all tables loaded) and "duckdb:first-query" (first result).
 */

import { FileAttachment } from "observablehq:stdlib";
import * as duckdb from "@duckdb/duckdb-wasm";
import { sql as fragment, type SqlFragment, type SqlParam, type SqlValue } from "../lib/sql.js";
import { moduleWorker } from "./module-worker.js";

/** The tables every page gets, in load order. Their columns are documented in docs/. */
export const TABLES = [
  "events",
  "commitments",
  "commitment_parties",
  "status_updates",
  "institutions",
  "sources",
  "sectors",
] as const;
export type TableName = (typeof TABLES)[number];

// FileAttachment needs one static string literal per call, and the call must
// be followed by a method (.url()): a bare FileAttachment("x.arrow")
// makes Framework import apache-arrow from its CDN. Paths are relative to this
// module (src/components/), so "../data/x.arrow" is src/data/x.arrow, built
// by the loader src/data/x.arrow.ts.
const TABLE_FILES: Record<TableName, () => Promise<string>> = {
  events: () => FileAttachment("../data/events.arrow").url(),
  commitments: () => FileAttachment("../data/commitments.arrow").url(),
  commitment_parties: () => FileAttachment("../data/commitment_parties.arrow").url(),
  status_updates: () => FileAttachment("../data/status_updates.arrow").url(),
  institutions: () => FileAttachment("../data/institutions.arrow").url(),
  sources: () => FileAttachment("../data/sources.arrow").url(),
  sectors: () => FileAttachment("../data/sectors.arrow").url(),
};

/** Bytes of table data received so far, across all tables (for the progress line). */
let received = 0;
let lastReport = 0;

function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The status line while tables arrive: tables loaded and megabytes received. */
function progressMessage(state: DatabaseState, loaded: number, total: number): string {
  const data = received >= 1e6 ? ` · ${formatBytes(received)} of tables received` : "";
  return state === "starting" ? `Starting the query engine…${data}` : `Loading tables ${loaded}/${total}${data}…`;
}

function reportBytes(): void {
  const now = performance.now();
  if (now - lastReport < 150 || (current.state !== "starting" && current.state !== "loading tables")) return;
  lastReport = now;
  setStatus({ ...current, bytes: received, message: progressMessage(current.state, current.loaded, current.total) });
}

/** Downloads a table, reporting bytes as they arrive (a large table takes a while). */
async function download(name: TableName): Promise<Uint8Array> {
  const response = await fetch(await TABLE_FILES[name]());
  if (!response.ok) throw new Error(`${response.status} ${response.statusText || "error"} for ${response.url}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    received += value.length;
    reportBytes();
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** A converted cell value. */
export type Value = string | number | boolean | null | Date | Uint8Array | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;

/**
 * What a column holds after conversion: "date" is a "YYYY-MM-DD" string,
 * "timestamp" a Date, "integer" a number (or a string past ±2^53).
 */
export type ColumnKind =
  | "integer"
  | "number"
  | "string"
  | "boolean"
  | "date"
  | "timestamp"
  | "time"
  | "list"
  | "struct"
  | "map"
  | "binary"
  | "other";

export interface ColumnSchema {
  name: string;
  type: ColumnKind;
  /** Arrow's name for the type DuckDB sent, e.g. "Int64", "Utf8", "Date32<DAY>". */
  arrowType: string;
  nullable: boolean;
}

/** A result as columns (see Database.queryColumns). */
export interface ColumnResult {
  numRows: number;
  columns: Record<string, ArrayLike<unknown>>;
}

/** Rows, plus non-enumerable column names and schema. */
export type QueryResult = Row[] & { readonly columns: string[]; readonly schema: ColumnSchema[] };

export interface Database {
  /** Runs a fragment built with src/lib/sql.ts; its params are bound, never spliced. */
  query(query: SqlFragment): Promise<QueryResult>;
  /**
   * Runs a fragment and returns its columns as arrays: INTEGER, FLOAT and
   * DOUBLE columns without nulls as typed arrays (no per-row objects: for
   * results of tens of thousands of rows), others as arrays of converted
   * values.
   */
  queryColumns(query: SqlFragment): Promise<ColumnResult>;
  /** The underlying DuckDB-WASM instance, for what query() does not cover. */
  readonly db: duckdb.AsyncDuckDB;
  readonly connection: duckdb.AsyncDuckDBConnection;
}

export type DatabaseState = "starting" | "loading tables" | "ready" | "error";

export interface DatabaseStatus {
  state: DatabaseState;
  /** A sentence for people: "Starting the query engine…", "Loading tables 3/7…". */
  message: string;
  /** Tables loaded so far, of `total`. */
  loaded: number;
  total: number;
  /** Bytes of table data received so far. */
  bytes?: number;
  /** When state is "error". */
  error?: Error;
}

let current: DatabaseStatus = {
  state: "starting",
  message: "Starting the query engine…",
  loaded: 0,
  total: TABLES.length,
};
const listeners = new Set<(status: DatabaseStatus) => void>();

function setStatus(next: DatabaseStatus): void {
  current = next;
  for (const listener of listeners) listener(current);
}

/** The current status of the page's database (a snapshot; see onStatus). */
export function status(): DatabaseStatus {
  return current;
}

/**
 * Calls listener with the current status now and on every change; returns a
 * function that unsubscribes. Fits Framework's Generators.observe:
 *
 * @example
 * ```js
 * const dbStatus = Generators.observe(onStatus);
 * ```
 * ```js
 * dbStatus.state === "ready" ? "" : html`<p class=${dbStatus.state}>${dbStatus.message}</p>`
 * ```
 */
export function onStatus(listener: (status: DatabaseStatus) => void): () => void {
  listeners.add(listener);
  listener(current);
  return () => {
    listeners.delete(listener);
  };
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // marks are diagnostics only
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Seconds without download progress before a start counts as stalled. */
const STALL_SECONDS = 60;

/** Starts DuckDB-WASM from the files Framework copies out of node_modules. */
async function startEngine(): Promise<{ db: duckdb.AsyncDuckDB; worker: Worker }> {
  const bundles: duckdb.DuckDBBundles = {
    mvp: {
      mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
      mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js"),
    },
    eh: {
      mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
      mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"),
    },
  };
  const bundle = await duckdb.selectBundle(bundles);
  if (!bundle.mainWorker) throw new Error("no DuckDB-WASM worker fits this browser");
  // Framework rewrites the worker as an ES module: a classic worker fails.
  // From another origin (an exported module on another site) it starts from a blob.
  const worker = moduleWorker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  // Some failures never settle db.instantiate(): a worker that fails to load
  // (AsyncDuckDB drops its pending requests), and a wasm file that fails to
  // download or compile (Emscripten aborts inside the worker). Watch for them.
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let progress = () => {};
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener(
      "error",
      (event) => {
        const detail = (event as ErrorEvent).message;
        reject(new Error(detail || `the worker script did not load (${bundle.mainWorker})`));
      },
      { once: true },
    );
    // Runs alongside the worker's own download: costs no time.
    fetch(bundle.mainModule, { method: "HEAD" }).then(
      (response) => {
        if (response.status === 404 || response.status === 410) {
          reject(new Error(`the WebAssembly file is missing (${response.status} for ${bundle.mainModule})`));
        }
      },
      () => {}, // offline or HEAD refused: the watchdog still applies
    );
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(
        () => reject(new Error(`no progress for ${STALL_SECONDS} s while loading ${bundle.mainModule}`)),
        STALL_SECONDS * 1000,
      );
    };
    arm();
    progress = arm;
  });
  failed.catch(() => {}); // a late failure after a successful start is the worker's to report
  try {
    await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker, () => progress()), failed]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(watchdog);
  }
  return { db, worker };
}

let opening: Promise<Database> | undefined;

/**
 * The page's database: DuckDB-WASM started once, with all tables loaded.
 * Every caller gets the same promise; it rejects with a readable Error (also
 * reported by status()) when the engine or a table fails to load.
 */
export function database(): Promise<Database> {
  opening ??= open();
  return opening;
}

function loadTable(name: TableName): Promise<Uint8Array> {
  return download(name).catch((error: unknown) => {
    throw new Error(`Could not download the table “${name}”: ${messageOf(error)}`);
  });
}

async function open(): Promise<Database> {
  const total = TABLES.length;
  setStatus({ state: "starting", message: "Starting the query engine…", loaded: 0, total });
  // Fetch the tables while the engine starts.
  const downloads = TABLES.map((name) => {
    const download = loadTable(name);
    download.catch(() => {}); // handled below; avoids an unhandled rejection while the engine starts
    return download;
  });
  let engine: { db: duckdb.AsyncDuckDB; worker: Worker };
  let connection: duckdb.AsyncDuckDBConnection;
  try {
    engine = await startEngine();
    connection = await engine.db.connect();
    // Offline by design: never fetch an extension (a query that needs one fails
    // with DuckDB's message instead of reaching for extensions.duckdb.org).
    await connection.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;");
  } catch (error) {
    return fail(new Error(`The query engine (DuckDB-WASM) could not start: ${messageOf(error)}`, { cause: error }));
  }
  mark("duckdb:instantiated");
  let loaded = 0;
  setStatus({
    state: "loading tables",
    message: progressMessage("loading tables", loaded, total),
    loaded,
    total,
    bytes: received,
  });
  try {
    await Promise.all(
      TABLES.map(async (name, i) => {
        const bytes = await downloads[i];
        try {
          await connection.insertArrowFromIPCStream(bytes, { name, create: true });
        } catch (error) {
          throw new Error(`Could not load the table “${name}”: ${messageOf(error)}`, { cause: error });
        }
        loaded += 1;
        // After a failure the other tables may still arrive: keep the error.
        if (current.state === "loading tables") {
          setStatus({
            state: "loading tables",
            message: progressMessage("loading tables", loaded, total),
            loaded,
            total,
            bytes: received,
          });
        }
      }),
    );
  } catch (error) {
    return fail(error instanceof Error ? error : new Error(String(error)));
  }
  try {
    // The tables are in; from here on no query may read files or URLs (a SQL
    // cell typing read_csv('https://…') gets DuckDB's error, not a request).
    await connection.query("SET enable_external_access = false;");
  } catch (error) {
    return fail(
      new Error(`Could not lock the query engine to the loaded tables: ${messageOf(error)}`, { cause: error }),
    );
  }
  mark("duckdb:ready");
  setStatus({ state: "ready", message: `Ready: ${total} tables loaded.`, loaded, total });
  // For benchmarks and debugging (bench/queries.ts); gives nothing the page's own SQL box does not.
  (globalThis as { __accordAtlas?: unknown }).__accordAtlas = { database, sql: fragment };
  return {
    db: engine.db,
    connection,
    query: async (query) => toRows(await runArrow(connection, query)),
    queryColumns: async (query) => toColumns(await runArrow(connection, query)),
  };
}

function fail(error: Error): never {
  setStatus({ state: "error", message: error.message, loaded: current.loaded, total: current.total, error });
  throw error;
}

let firstQuery = true;

/** DuckDB-WASM sends parameters as JSON, which has no bigint. */
function toWire(param: SqlParam): string | number | boolean | null {
  if (typeof param !== "bigint") return param;
  return Number.isSafeInteger(Number(param)) ? Number(param) : String(param);
}

async function runArrow(connection: duckdb.AsyncDuckDBConnection, query: SqlFragment): Promise<ArrowTable> {
  let table: ArrowTable;
  if (query.params.length === 0) {
    // No parameters: run the text as is, which also allows several statements
    // ("SET …; SELECT …") and statements DuckDB cannot prepare.
    table = (await connection.query(query.text)) as unknown as ArrowTable;
  } else {
    const statement = await connection.prepare(query.text);
    try {
      table = (await statement.query(...query.params.map(toWire))) as unknown as ArrowTable;
    } finally {
      await statement.close();
    }
  }
  if (firstQuery) {
    firstQuery = false;
    mark("duckdb:first-query");
  }
  return table;
}

/** Numeric columns without nulls stay typed arrays; the rest go through the row converters. */
function toColumns(table: ArrowTable): ColumnResult {
  const columns: Record<string, ArrayLike<unknown>> = {};
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i);
    if (!vector) return;
    const numeric = (field.type.typeId === T.Int && (field.type.bitWidth ?? 64) <= 32) || field.type.typeId === T.Float;
    if (numeric && vector.nullCount === 0) columns[field.name] = vector.toArray();
    else {
      const convert = converter(field.type);
      const out = new Array(table.numRows);
      for (let r = 0; r < table.numRows; r++) {
        const value = vector.get(r);
        out[r] = value === null || value === undefined ? null : convert(value);
      }
      columns[field.name] = out;
    }
  });
  return { numRows: table.numRows, columns };
}

/**
 * Runs a SQL template on the page's database. Interpolated values are bound
 * parameters (arrays expand for IN lists, fragments nest); see src/lib/sql.ts.
 *
 * @example
 * const rows = await sql`SELECT * FROM commitments WHERE sector = ${sector} LIMIT ${10}`;
 */
export async function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<QueryResult> {
  const query = fragment(strings, ...values);
  const db = await database();
  return db.query(query);
}

// ---- Arrow → plain values ---------------------------------------------------
// Typed structurally (and by Arrow's numeric type ids) so this module does
// not pull a second copy of apache-arrow into the page.

interface ArrowType {
  typeId: number;
  bitWidth?: number;
  unit?: number;
  scale?: number;
  children?: ArrowField[];
  dictionary?: ArrowType;
  toString(): string;
}
interface ArrowField {
  name: string;
  type: ArrowType;
  nullable: boolean;
}
interface ArrowVector {
  get(index: number): unknown;
  toArray(): ArrayLike<unknown>;
  nullCount: number;
}
interface ArrowTable {
  numRows: number;
  schema: { fields: ArrowField[] };
  getChildAt(index: number): ArrowVector | null;
}

// apache-arrow's Type enum
const T = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  List: 12,
  Struct: 13,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  LargeBinary: 19,
  LargeUtf8: 20,
  Dictionary: -1,
} as const;

type Convert = (value: unknown) => Value;

function integer(value: bigint): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : String(value);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function timeOfDay(value: unknown, unit: number): string {
  // Time units: 0 s, 1 ms, 2 µs, 3 ns; values are number or bigint.
  const perSecond = [1n, 1000n, 1000000n, 1000000000n][unit] ?? 1n;
  const ticks = typeof value === "bigint" ? value : BigInt(Math.round(Number(value)));
  const seconds = Number(ticks / perSecond);
  const fraction = ticks % perSecond;
  const base = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return fraction === 0n ? base : `${base}.${String(fraction).padStart(String(perSecond).length - 1, "0")}`;
}

function kindOf(type: ArrowType): ColumnKind {
  switch (type.typeId) {
    case T.Int:
      return "integer";
    case T.Float:
      return "number";
    case T.Decimal:
      return type.scale === 0 ? "integer" : "number";
    case T.Utf8:
    case T.LargeUtf8:
      return "string";
    case T.Bool:
      return "boolean";
    case T.Date:
      return "date";
    case T.Timestamp:
      return "timestamp";
    case T.Time:
      return "time";
    case T.List:
    case T.FixedSizeList:
      return "list";
    case T.Struct:
      return "struct";
    case T.Map:
      return "map";
    case T.Binary:
    case T.LargeBinary:
    case T.FixedSizeBinary:
      return "binary";
    case T.Dictionary:
      return type.dictionary ? kindOf(type.dictionary) : "other";
    default:
      return "other";
  }
}

function converter(type: ArrowType): Convert {
  const child = (i: number) => converter(type.children?.[i]?.type ?? { typeId: T.Null });
  let convert: Convert;
  switch (type.typeId) {
    case T.Int:
      convert = (v) => (typeof v === "bigint" ? integer(v) : (v as number));
      break;
    case T.Decimal: {
      const scale = type.scale ?? 0;
      // Arrow's BigNum: String() is exact; valueOf(scale) applies the scale.
      convert =
        scale === 0
          ? (v) => integer(BigInt(String(v)))
          : (v) => (v as { valueOf(scale: number): number }).valueOf(scale);
      break;
    }
    case T.Date:
      convert = (v) => new Date(v as number).toISOString().slice(0, 10);
      break;
    case T.Timestamp:
      convert = (v) => new Date(v as number);
      break;
    case T.Time:
      convert = (v) => timeOfDay(v, type.unit ?? 0);
      break;
    case T.List:
    case T.FixedSizeList: {
      const item = child(0);
      convert = (v) => Array.from(v as Iterable<unknown>, (x) => (x == null ? null : item(x)));
      break;
    }
    case T.Struct: {
      const fields = (type.children ?? []).map((f) => [f.name, converter(f.type)] as const);
      convert = (v) => {
        const row = v as Record<string, unknown>;
        const out: Record<string, Value> = {};
        for (const [name, fieldConvert] of fields) {
          const x = row[name];
          out[name] = x == null ? null : fieldConvert(x);
        }
        return out;
      };
      break;
    }
    case T.Map: {
      // A map is a list of {key, value} structs.
      const entry = type.children?.[0]?.type;
      const value = converter(entry?.children?.[1]?.type ?? { typeId: T.Null });
      convert = (v) => {
        const out: Record<string, Value> = {};
        for (const [k, x] of v as Iterable<[unknown, unknown]>) out[String(k)] = x == null ? null : value(x);
        return out;
      };
      break;
    }
    case T.Dictionary:
      convert = type.dictionary ? converter(type.dictionary) : generic;
      break;
    default:
      convert = generic;
  }
  return convert;
}

function generic(v: unknown): Value {
  if (typeof v === "bigint") return integer(v);
  return v as Value;
}

function toRows(table: ArrowTable): QueryResult {
  const fields = table.schema.fields;
  const columns = fields.map((f) => f.name);
  const converters = fields.map((f) => converter(f.type));
  const vectors = fields.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; ++r) {
    const row: Row = {};
    for (let c = 0; c < fields.length; ++c) {
      const value = vectors[c]?.get(r);
      row[columns[c]] = value == null ? null : converters[c](value);
    }
    rows[r] = row;
  }
  const schema: ColumnSchema[] = fields.map((f) => ({
    name: f.name,
    type: kindOf(f.type),
    arrowType: String(f.type),
    nullable: f.nullable,
  }));
  Object.defineProperties(rows, {
    columns: { value: columns, enumerable: false },
    schema: { value: schema, enumerable: false },
  });
  return rows as QueryResult;
}
