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
 * The engine starts when a query or a table load first needs it, or once
 * the page's first chart is built (the `chart:first` mark), whichever is
 * first: its download and compile would take the cores that chart needs.
 * Its start is src/components/engine-start.ts, imported only then, so
 * DuckDB-WASM's and Arrow's script is no part of what the first chart waits
 * for.
 * The build writes a script into the head of every page that imports
 * DuckDB-WASM that prepares that start (scripts/early-engine.ts: the .wasm
 * fetched on connections of its own and compiled on a thread of its own),
 * and startEngine takes it over
 * (src/components/early-engine.ts).
 *
 * Timing marks for the load benchmark: performance.mark("duckdb:instantiated"),
 * "duckdb:ready" (the engine started and every table asked for so far
 * loaded, the first time) and "duckdb:first-query" (first result).
 */

import { FileAttachment } from "observablehq:stdlib";
import {
  type ArrowTable,
  arrowRows,
  type ColumnResult,
  packedColumns,
  type QueryResult,
  toColumns,
} from "../lib/client/arrow-rows.js";
import { offThreadGunzip } from "../lib/client/gunzip-worker.js";
import { loadMessage } from "../lib/client/load-progress.js";
import { type Preparer, type StatementCache, statementCache } from "../lib/client/statement-cache.js";
import { type LoadProgress, TableLoader, type TableProgress } from "../lib/client/table-loader.js";
import { whenMarked } from "../lib/client/when-marked.js";
import type { TablesManifest } from "../lib/model/contracts.js";
import { FIRST_CHART_MARK } from "../lib/model/load-marks.js";
import { checkManifest, type YearWindow, yearsOf } from "../lib/model/partitions.js";
import { TABLE_NAMES, type TableName } from "../lib/model/tables.js";
import { sql as fragment, type SqlFragment, type SqlParam, type SqlValue } from "../lib/sql/fragment.js";
import { missingTable, tablesIn } from "../lib/sql/tables-read.js";
import type { EngineConnection } from "./engine-start.js";
import { registerPageHooks } from "./page-hooks.js";

export {
  type ArrowTable,
  arrowRows,
  type ColumnKind,
  type ColumnResult,
  type ColumnSchema,
  type QueryResult,
  type Row,
  type Value,
} from "../lib/client/arrow-rows.js";

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
   * Runs a fragment that packs its rows into one list of structs (see
   * packedColumns) and returns the structs' columns: a result of millions
   * of rows reaches the page as one Arrow batch instead of thousands.
   */
  queryPacked(query: SqlFragment): Promise<ColumnResult>;
  /**
   * Runs a fragment and turns only its first `max` rows into objects; the
   * rest are counted (`total`). For results a page shows the start of: a
   * million rows stay Arrow in memory instead of becoming a million objects.
   */
  queryFirstRows(query: SqlFragment, max: number): Promise<{ rows: QueryResult; total: number }>;
  /**
   * Has DuckDB prepare a fragment's text ahead of its first run, so that run
   * only runs it (a filter change's new texts: prepare-ahead.ts). Nothing is
   * run and nothing is started or loaded for it: it resolves to false at once
   * when the engine has not started, the tables the text names are not all
   * in, or it has no parameters (such texts are never prepared); a text that
   * fails to prepare resolves to false and its run reports the error.
   */
  prepare(query: SqlFragment): Promise<boolean>;
  /**
   * Readies a query a reader is about to ask: loads the tables (or the
   * partitions of its years) its text names, as load() does, then has DuckDB
   * prepare the text; nothing is run. Resolves to whether the text is
   * prepared; a failed load rejects, as load() does, and the status line says it.
   */
  warm(query: SqlFragment): Promise<boolean>;
  /**
   * Loads tables without querying them: all of their rows, or those of the
   * partitions a window of years needs. Every table when none is named.
   * Tables a query waits for go into the database first.
   */
  load(tables?: readonly TableName[], window?: YearWindow): Promise<void>;
  /**
   * The underlying DuckDB-WASM instance and connection once the engine has
   * started, for what query() does not cover. Tables are not loaded for
   * these: call load() first.
   */
  engine(): Promise<EngineConnection>;
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

/**
 * Tells the listeners, unless nothing they show changed: every query reports
 * the tables' progress, and on loaded tables the status line would otherwise
 * be written to (attributes set, style invalidated) once a query for nothing.
 */
function setStatus(next: DatabaseStatus): void {
  if (
    next.state === current.state &&
    next.message === current.message &&
    next.loaded === current.loaded &&
    next.total === current.total &&
    next.bytes === current.bytes &&
    next.totalBytes === current.totalBytes &&
    next.error === current.error
  )
    return;
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

let instance: Database | undefined;

/**
 * The page's database. The engine starts when a query first needs it or
 * the first chart is built; tables load as queries ask for them, from the
 * first query on (downloads run while the engine starts). Every caller gets
 * the same object. A query rejects with a readable Error (also reported by
 * status()) when the engine or a table it needs fails to load.
 */
export function database(): Promise<Database> {
  instance ??= open();
  return Promise.resolve(instance);
}

/** Status updates while bytes arrive, at most this often (ms). */
const REPORT_EVERY = 150;

/**
 * Prepared statements kept per connection: a page runs a few dozen SQL texts
 * (each filter combination's shape is a text; its values are parameters).
 */
const PREPARED_STATEMENTS_KEPT = 64;

/** A started engine, the page's connection to it, and the connection's kept statements. */
interface Engine extends EngineConnection {
  /** The connection's prepared statements, kept per SQL text (statement-cache.ts). */
  statements: StatementCache<ArrowTable>;
}

/**
 * Starts the engine (src/components/engine-start.ts, imported only now: its
 * script, DuckDB-WASM's and Arrow's, is no part of the page's first chart);
 * rejects with a readable Error, also when that script fails to load.
 */
async function connectEngine(onQuiet: (seconds: number) => void): Promise<Engine> {
  try {
    const { connectEngine: connect } = await import("./engine-start.js");
    const { db, connection } = await connect(onQuiet);
    const statements = statementCache<ArrowTable>(
      connection as unknown as Preparer<ArrowTable>,
      PREPARED_STATEMENTS_KEPT,
    );
    return { db, connection, statements };
  } catch (error) {
    throw new Error(`The query engine (DuckDB-WASM) could not start: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * The status line while the engine starts and tables load: progress at most
 * every REPORT_EVERY ms (at once when forced), `duckdb:ready` marked once,
 * and the first failure kept (the page needs a reload).
 */
function loadingStatus() {
  let started = false;
  let failed: Error | undefined;
  let lastReport = 0;
  let ready = false;
  /** Seconds the engine's start has shown no progress for, once it is slow (the status line says so); 0 while it is not. */
  let quietSeconds = 0;
  setStatus({ state: "starting", message: "Starting the query engine…", loaded: 0, total: 0 });

  const report = (progress: LoadProgress<TableName>, force = false) => {
    if (failed) return;
    const now = performance.now();
    const pending = progress.pending || !started;
    if (!force && pending && current.state !== "ready" && now - lastReport < REPORT_EVERY) return;
    lastReport = now;
    if (progress.tables.some((t) => t.error)) return;
    setStatus({
      state: !started ? "starting" : progress.pending ? "loading tables" : "ready",
      message: loadMessage(progress, started, { quietSeconds }),
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
  const showFailure = (error: Error): void => {
    if (failed) return;
    failed = error;
    setStatus({ state: "error", message: error.message, loaded: current.loaded, total: current.total, error });
  };
  return {
    report,
    showFailure,
    started: () => {
      started = true;
    },
    quiet: (seconds: number) => {
      quietSeconds = seconds;
    },
  };
}

function open(): Database {
  const line = loadingStatus();
  let engine: Promise<Engine> | undefined;
  // The engine's download and compile (34 MB of WebAssembly) would take the
  // cores the page's first chart needs: it starts when a query or a table
  // first needs it, or once the first chart is built, whichever is first.
  const started = (): Promise<Engine> => {
    if (engine) return engine;
    engine = connectEngine((seconds) => {
      line.quiet(seconds);
      line.report(loader.progress(), true);
    });
    engine.then(
      () => {
        mark("duckdb:instantiated");
        line.started();
        line.report(loader.progress(), true);
      },
      (error: Error) => line.showFailure(error),
    );
    return engine;
  };

  const loader = new TableLoader<TableName>({
    manifest: readManifest,
    // Partitions are decompressed in a worker: the main thread stays free while tables load.
    gunzip: offThreadGunzip(),
    url: (table) => TABLE_FILES[table](),
    // Partitions that arrive while the engine starts go in together once it has.
    ready: started,
    insert: async ({ table, ipc, create }) => {
      const { connection } = await started();
      await connection.insertArrowFromIPCStream(ipc, { name: table, create });
    },
    onProgress: (progress) => line.report(progress),
  });

  const fail = (error: Error): never => {
    line.showFailure(error);
    throw error;
  };
  const load = async (tables: readonly TableName[], window?: YearWindow, background = false): Promise<void> => {
    try {
      await loader.ensure(tables, window, { background });
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const run = queryRunner(load, () => started().catch(fail));

  const db: Database = {
    query: async (query) => arrowRows(await run(query)),
    queryColumns: async (query) => toColumns(await run(query)),
    queryPacked: async (query) => packedColumns(await run(query)),
    queryFirstRows: async (query, max) => {
      const table = await run(query);
      return { rows: arrowRows(table, max), total: table.numRows };
    },
    prepare: async (query) => {
      if (!engine || query.params.length === 0) return false;
      const window = yearsOf(query);
      if (!tablesIn(query.text, TABLE_NAMES).every((table) => loader.isLoaded(table, window))) return false;
      const startedEngine = await engine.catch(() => undefined);
      return startedEngine ? startedEngine.statements.prepare(query.text) : false;
    },
    warm: async (query) => {
      await load(tablesIn(query.text, TABLE_NAMES), yearsOf(query), true);
      return db.prepare(query);
    },
    load: (tables = TABLE_NAMES, window) => load(tables, window, true),
    engine: () => started().catch(fail),
  };
  whenMarked(FIRST_CHART_MARK, () => void started());
  // For benchmarks and debugging (bench/queries.ts): gives nothing the page's own SQL box does not.
  registerPageHooks({ database, sql: fragment, status });
  return db;
}

/**
 * Runs a query once the tables it names are loaded; a table it names in a
 * way tablesIn missed is loaded on DuckDB's word (its "table does not
 * exist" error) and the query run again.
 */
function queryRunner(
  load: (tables: readonly TableName[], window?: YearWindow) => Promise<void>,
  engine: () => Promise<Engine>,
): (query: SqlFragment) => Promise<ArrowTable> {
  return async (query) => {
    const window = yearsOf(query);
    const asked = new Set<TableName>(tablesIn(query.text, TABLE_NAMES));
    for (;;) {
      await load([...asked], window);
      const engineNow = await engine();
      try {
        return await runArrow(engineNow, query);
      } catch (error) {
        const missing = missingTable(messageOf(error), TABLE_NAMES);
        if (missing === undefined || asked.has(missing)) throw error;
        asked.add(missing);
      }
    }
  };
}

let firstQuery = true;

/** DuckDB-WASM sends parameters as JSON, which has no bigint. */
function toWire(param: SqlParam): string | number | boolean | null {
  if (typeof param !== "bigint") return param;
  return Number.isSafeInteger(Number(param)) ? Number(param) : String(param);
}

async function runArrow({ connection, statements }: Engine, query: SqlFragment): Promise<ArrowTable> {
  // No parameters: run the text as is, which also allows several statements
  // ("SET …; SELECT …") and statements DuckDB cannot prepare. With them: the
  // text's kept prepared statement, run with this call's values.
  const table =
    query.params.length === 0
      ? ((await connection.query(query.text)) as unknown as ArrowTable)
      : await statements.run(query.text, query.params.map(toWire));
  if (firstQuery) {
    firstQuery = false;
    mark("duckdb:first-query");
  }
  return table;
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
