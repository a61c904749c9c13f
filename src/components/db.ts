/**
 * The page's DuckDB-WASM database, loaded from node_modules (no CDN), opened
 * once per page and shared by every query. Tables load as queries need them:
 * a query waits for the tables its SQL names (src/lib/sql/tables-read.ts) and, of
 * the three large ones, for the years it was marked with (withinYears in
 * src/lib/model/partitions.ts) or else all of them; a table no query names is
 * never downloaded. The loading itself is src/lib/client/table-loader.ts.
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
 * parameter (see src/lib/sql/fragment.ts), never SQL text.
 *
 * Results are plain arrays of plain objects: BIGINT → number (string when
 * beyond ±2^53), DECIMAL → number (exact integers as for BIGINT), DATE →
 * "YYYY-MM-DD" string, TIMESTAMP → Date, TIME → "HH:MM:SS[.ffffff]", LIST →
 * array, STRUCT and MAP → object. Each result also carries non-enumerable
 * `columns` (names in order, also when there are no rows, so Inputs.table
 * draws headers) and `schema` ({name, type, arrowType, nullable} per column).
 *
 * The engine's worker may already be running when the page's modules start:
 * the build writes a script into the head of every page that imports
 * DuckDB-WASM that starts it and its .wasm (scripts/early-engine.ts), and
 * startEngine takes that worker over (src/components/early-engine.ts).
 *
 * Timing marks for the load benchmark: performance.mark("duckdb:instantiated"),
 * "duckdb:ready" (the engine started and every table asked for so far
 * loaded, the first time) and "duckdb:first-query" (first result).
 */

import { FileAttachment } from "observablehq:stdlib";
import * as duckdb from "@duckdb/duckdb-wasm";
import { offThreadGunzip } from "../lib/client/gunzip-worker.js";
import { loadMessage } from "../lib/client/load-progress.js";
import { type LoadProgress, TableLoader, type TableProgress } from "../lib/client/table-loader.js";
import type { TablesManifest } from "../lib/model/contracts.js";
import { checkManifest, type YearWindow, yearsOf } from "../lib/model/partitions.js";
import { TABLE_NAMES, type TableName } from "../lib/model/tables.js";
import { sql as fragment, type SqlFragment, type SqlParam, type SqlValue } from "../lib/sql/fragment.js";
import { missingTable, tablesIn } from "../lib/sql/tables-read.js";
import { adoptEarlyEngine } from "./early-engine.js";
import { moduleWorker } from "./module-worker.js";
import { registerPageHooks } from "./page-hooks.js";

// FileAttachment needs one static string literal per call, and the call must
// be followed by a method (.url()): a bare FileAttachment("x.parts")
// makes Framework guess how to read it. Paths are relative to this module
// (src/components/), so "../data/x.parts" is src/data/x.parts, built by the
// loader src/data/x.parts.ts.
const TABLE_FILES: Record<TableName, () => Promise<string>> = {
  events: () => FileAttachment("../data/events.parts").url(),
  commitments: () => FileAttachment("../data/commitments.parts").url(),
  commitment_parties: () => FileAttachment("../data/commitment_parties.parts").url(),
  status_updates: () => FileAttachment("../data/status_updates.parts").url(),
  institutions: () => FileAttachment("../data/institutions.parts").url(),
  sources: () => FileAttachment("../data/sources.parts").url(),
  sectors: () => FileAttachment("../data/sectors.parts").url(),
};

/** Where each partition of each table lies in its file (src/lib/model/partitions.ts). */
async function readManifest(): Promise<TablesManifest> {
  let json: unknown;
  try {
    json = await FileAttachment("../data/tables.json").json();
  } catch (error) {
    throw new Error(`Could not read the list of table partitions (tables.json): ${messageOf(error)}`, { cause: error });
  }
  return checkManifest(json, TABLE_NAMES);
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
  /** Runs a fragment built with src/lib/sql/fragment.ts; its params are bound, never spliced. */
  query(query: SqlFragment): Promise<QueryResult>;
  /**
   * Runs a fragment and returns its columns as arrays: INTEGER, FLOAT and
   * DOUBLE columns without nulls as typed arrays (no per-row objects: for
   * results of tens of thousands of rows), others as arrays of converted
   * values.
   */
  queryColumns(query: SqlFragment): Promise<ColumnResult>;
  /**
   * Loads tables without querying them: all of their rows, or those of the
   * partitions a window of years needs. Every table when none is named.
   */
  load(tables?: readonly TableName[], window?: YearWindow): Promise<void>;
  /**
   * The underlying DuckDB-WASM instance and connection once the engine has
   * started, for what query() does not cover. Tables are not loaded for
   * these: call load() first.
   */
  engine(): Promise<{ db: duckdb.AsyncDuckDB; connection: duckdb.AsyncDuckDBConnection }>;
}

export type DatabaseState = "starting" | "loading tables" | "ready" | "error";

export interface DatabaseStatus {
  state: DatabaseState;
  /** A sentence for people: "Starting the query engine…", "Loading tables 1/3: commitments (4 of 9 parts) · …". */
  message: string;
  /** Tables loaded so far, of `total` asked for. */
  loaded: number;
  total: number;
  /** Bytes of table data received so far, of `totalBytes` asked for (as stored: gzip). */
  bytes?: number;
  totalBytes?: number;
  /** Each table asked for: its parts and bytes, asked and in. */
  tables?: TableProgress<TableName>[];
  /** When state is "error". */
  error?: Error;
}

let current: DatabaseStatus = {
  state: "starting",
  message: "Starting the query engine…",
  loaded: 0,
  total: 0,
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
  // The page's head may have started this worker and its .wasm already
  // (scripts/early-engine.ts): then it is taken over, not started again.
  const early = adoptEarlyEngine(bundle.mainWorker, bundle.mainModule);
  // Framework rewrites the worker as an ES module: a classic worker fails.
  // From another origin (an exported module on another site) it starts from a blob.
  const worker = early?.worker ?? moduleWorker(bundle.mainWorker);
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
    let instantiated: Promise<unknown>;
    if (early) {
      worker.addEventListener("message", (event) => {
        if ((event.data as { type?: string } | null)?.type === "INSTANTIATE_PROGRESS") progress();
      });
      instantiated = early.ready;
    } else instantiated = db.instantiate(bundle.mainModule, bundle.pthreadWorker, () => progress());
    await Promise.race([instantiated, failed]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(watchdog);
  }
  return { db, worker };
}

let instance: Database | undefined;

/**
 * The page's database. The engine starts on the first call; tables load as
 * queries ask for them, from the first query on (downloads run while the
 * engine starts). Every caller gets the same object. A query rejects with a
 * readable Error (also reported by status()) when the engine or a table it
 * needs fails to load.
 */
export function database(): Promise<Database> {
  instance ??= open();
  return Promise.resolve(instance);
}

/** Status updates while bytes arrive, at most this often (ms). */
const REPORT_EVERY = 150;

function open(): Database {
  let started = false;
  let failed: Error | undefined;
  let lastReport = 0;
  let ready = false;
  setStatus({ state: "starting", message: "Starting the query engine…", loaded: 0, total: 0 });

  const report = (progress: LoadProgress<TableName>, force = false) => {
    if (failed) return;
    const now = performance.now();
    const pending = progress.pending || !started;
    if (!force && pending && current.state !== "ready" && now - lastReport < REPORT_EVERY) return;
    lastReport = now;
    const error = progress.tables.find((t) => t.error)?.error;
    if (error) return;
    setStatus({
      state: !started ? "starting" : progress.pending ? "loading tables" : "ready",
      message: loadMessage(progress, started),
      loaded: progress.tables.filter((t) => t.done).length,
      total: progress.tables.length,
      bytes: progress.received,
      totalBytes: progress.bytes,
      tables: progress.tables,
    });
    if (started && !progress.pending && progress.tables.length > 0 && !ready) {
      ready = true;
      mark("duckdb:ready");
    }
  };

  const engine = (async () => {
    let booted: { db: duckdb.AsyncDuckDB; worker: Worker };
    let connection: duckdb.AsyncDuckDBConnection;
    try {
      booted = await startEngine();
      connection = await booted.db.connect();
      // Offline by design: never fetch an extension (a query that needs one
      // fails with DuckDB's message instead of reaching for
      // extensions.duckdb.org), and no query may read files or URLs (a SQL
      // cell typing read_csv('https://…') gets DuckDB's error, not a
      // request). Tables still load: they come in as Arrow from memory.
      await connection.query(
        "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET enable_external_access = false;",
      );
    } catch (error) {
      throw new Error(`The query engine (DuckDB-WASM) could not start: ${messageOf(error)}`, { cause: error });
    }
    return { db: booted.db, connection };
  })();
  engine.then(
    () => {
      mark("duckdb:instantiated");
      started = true;
      report(loader.progress(), true);
    },
    (error: Error) => showFailure(error),
  );

  const loader = new TableLoader<TableName>({
    manifest: readManifest,
    // Partitions are decompressed in a worker: the main thread stays free while tables load.
    gunzip: offThreadGunzip(),
    url: (table) => TABLE_FILES[table](),
    insert: async ({ table, ipc, create }) => {
      const { connection } = await engine;
      await connection.insertArrowFromIPCStream(ipc, { name: table, create });
    },
    onProgress: (progress) => report(progress),
  });

  /** The first failure stays on the status line (the page needs a reload). */
  const showFailure = (error: Error): void => {
    if (failed) return;
    failed = error;
    setStatus({ state: "error", message: error.message, loaded: current.loaded, total: current.total, error });
  };
  const fail = (error: Error): never => {
    showFailure(error);
    throw error;
  };

  const load = async (tables: readonly TableName[], window?: YearWindow): Promise<void> => {
    try {
      await loader.ensure(tables, window);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };

  /** Loads what the query names, runs it; a table it names in a way tablesIn missed is loaded on DuckDB's word. */
  const run = async (query: SqlFragment): Promise<ArrowTable> => {
    const window = yearsOf(query);
    const asked = new Set<TableName>(tablesIn(query.text, TABLE_NAMES));
    for (;;) {
      await load([...asked], window);
      const { connection } = await engine.catch(fail);
      try {
        return await runArrow(connection, query);
      } catch (error) {
        const missing = missingTable(messageOf(error), TABLE_NAMES);
        if (missing === undefined || asked.has(missing)) throw error;
        asked.add(missing);
      }
    }
  };

  const db: Database = {
    query: async (query) => arrowRows(await run(query)),
    queryColumns: async (query) => toColumns(await run(query)),
    load: (tables = TABLE_NAMES, window) => load(tables, window),
    engine: () => engine.catch(fail),
  };
  // For benchmarks and debugging (bench/queries.ts): gives nothing the page's own SQL box does not.
  registerPageHooks({ database, sql: fragment, status });
  return db;
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
 * parameters (arrays expand for IN lists, fragments nest); see src/lib/sql/fragment.ts.
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
export interface ArrowTable {
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

/** An Arrow table or record batch as rows with their columns and schema (the SQL page's cells stream batches). */
export function arrowRows(table: ArrowTable): QueryResult {
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
