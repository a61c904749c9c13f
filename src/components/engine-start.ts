/**
 * The query engine's start: DuckDB-WASM's worker and .wasm (the one the
 * page's head prepared, else the page's own), watched for the failures that
 * never settle, connected and set offline.
 *
 * A module of its own, imported by src/components/db.ts when the engine
 * starts (after the page's first chart, or at its first query): DuckDB-WASM's
 * JavaScript and Apache Arrow, which it imports, are about a quarter of a
 * chart page's script, and none of it is needed to draw the first chart
 * from the build (docs/performance.md, "The engine's script after the first
 * chart").
 */
import * as duckdb from "@duckdb/duckdb-wasm";
import { type QuietWatch, quietWatch } from "../lib/client/quiet-watch.js";
import type { StartedEarlyEngine } from "../lib/model/early-engine.js";
import { adoptEarlyEngine } from "./early-engine.js";
import { moduleWorker } from "./module-worker.js";

/** A started engine and the page's connection to it. */
export interface EngineConnection {
  db: duckdb.AsyncDuckDB;
  connection: duckdb.AsyncDuckDBConnection;
}

/**
 * Seconds without progress after which the status line says the engine is
 * slow to start, and keeps waiting: on a busy or slow computer, compiling
 * 34 MB of WebAssembly (after the last byte, so without progress reports)
 * can take a minute or more, and three embeds of a deck compile at once.
 */
const SLOW_SECONDS = 60;
/** Seconds without progress after which the start counts as failed. */
const STALL_SECONDS = 300;

/** What watches an engine's start: its failure, a call for each progress report, and a stop. */
interface StartWatch {
  failed: Promise<never>;
  progress(): void;
  stop(): void;
}

/**
 * Some failures never settle db.instantiate(): a worker that fails to load
 * (AsyncDuckDB drops its pending requests), and a wasm file that fails to
 * download or compile (Emscripten aborts inside the worker). This watches
 * for them: the worker's error, a missing file, and no progress at all for
 * STALL_SECONDS; after SLOW_SECONDS of quiet `onSlow(true)` (quiet-watch.ts).
 */
function watchStart(worker: Worker, bundle: duckdb.DuckDBBundle, onSlow: (slow: boolean) => void): StartWatch {
  let quiet: QuietWatch | undefined;
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
    quiet = quietWatch({
      slowMs: SLOW_SECONDS * 1000,
      stallMs: STALL_SECONDS * 1000,
      onSlow,
      onStall: () => reject(new Error(`no progress for ${STALL_SECONDS} s while loading ${bundle.mainModule}`)),
    });
  });
  failed.catch(() => {}); // a late failure after a successful start is the worker's to report
  return { failed, progress: () => quiet?.progress(), stop: () => quiet?.stop() };
}

/** Starts DuckDB-WASM from the files Framework copies out of node_modules. */
async function startEngine(onSlow: (slow: boolean) => void): Promise<{ db: duckdb.AsyncDuckDB; worker: Worker }> {
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
  // The page's head prepared this worker and its .wasm's fetch
  // (scripts/early-engine.ts): then that start is taken, not a second one,
  // once its worker answers.
  const early = adoptEarlyEngine(bundle.mainWorker, bundle.mainModule);
  if (early) {
    const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), early.worker);
    if (await answers(db, early.worker)) return instantiate(db, early.worker, bundle, onSlow, early);
    console.warn(
      `DuckDB-WASM: the worker started early did not answer in ${ANSWER_SECONDS} s; the page starts its own.`,
    );
    early.worker.terminate();
  }
  // Framework rewrites the worker as an ES module: a classic worker fails.
  // From another origin (an exported module on another site) it starts from a blob.
  const worker = moduleWorker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  return instantiate(db, worker, bundle, onSlow);
}

/**
 * Seconds an adopted early worker has to answer a ping. It answers at once
 * even while it compiles; one that never does was never let run (seen
 * under Playwright, when a heavily loaded machine starts a worker during
 * an iframe's first parse: the debugger it waits for never resumes it).
 */
const ANSWER_SECONDS = 20;

/** True once the worker answers a ping; false after ANSWER_SECONDS or when it fails. */
function answers(db: duckdb.AsyncDuckDB, worker: Worker): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ANSWER_SECONDS * 1000);
    const settle = (answered: boolean) => {
      clearTimeout(timer);
      resolve(answered);
    };
    worker.addEventListener("error", () => settle(false), { once: true });
    db.ping().then(
      () => settle(true),
      () => settle(false),
    );
  });
}

/**
 * Instantiates the engine in its worker (or waits for the instantiation the
 * head script asked for, `early`), watched for the failures that never settle.
 */
async function instantiate(
  db: duckdb.AsyncDuckDB,
  worker: Worker,
  bundle: duckdb.DuckDBBundle,
  onSlow: (slow: boolean) => void,
  early?: StartedEarlyEngine,
): Promise<{ db: duckdb.AsyncDuckDB; worker: Worker }> {
  const watch = watchStart(worker, bundle, onSlow);
  try {
    let instantiated: Promise<unknown>;
    if (early) {
      // The head's compiler reports the .wasm's bytes; the worker, when it fetches them itself.
      early.onProgress(() => watch.progress());
      worker.addEventListener("message", (event) => {
        if ((event.data as { type?: string } | null)?.type === "INSTANTIATE_PROGRESS") watch.progress();
      });
      instantiated = early.ready;
    } else instantiated = db.instantiate(bundle.mainModule, bundle.pthreadWorker, () => watch.progress());
    await Promise.race([instantiated, watch.failed]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    watch.stop();
  }
  return { db, worker };
}

/**
 * Starts DuckDB-WASM, connects, and sets it offline. `onQuiet(seconds)` once
 * the start has shown no progress for that long (SLOW_SECONDS), and
 * `onQuiet(0)` when it makes progress again; rejects when it fails.
 */
export async function connectEngine(onQuiet: (seconds: number) => void): Promise<EngineConnection> {
  const booted = await startEngine((slow) => onQuiet(slow ? SLOW_SECONDS : 0));
  const connection = await booted.db.connect();
  // Offline by design: never fetch an extension (a query that needs one
  // fails with DuckDB's message instead of reaching for
  // extensions.duckdb.org), and no query may read files or URLs (a SQL
  // cell typing read_csv('https://…') gets DuckDB's error, not a
  // request). Tables still load: they come in as Arrow from memory.
  await connection.query(
    "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET enable_external_access = false;",
  );
  return { db: booted.db, connection };
}
