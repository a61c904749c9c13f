/**
 * The contract between the early engine start the build writes into the
 * head of every page that uses DuckDB-WASM (scripts/early-engine.ts) and
 * the page's database (src/components/db.ts), which adopts the worker that
 * start left instead of starting its own.
 *
 * The head script leaves an `EarlyEngine` at `window[EARLY_ENGINE_GLOBAL]`
 * before the page's own modules have loaded. It starts nothing by itself:
 * the page's database calls `start()` when the engine is first needed or
 * the first chart is drawn (src/components/db.ts), and only then is the
 * .wasm fetched (on connections of its own) and compiled, on a thread of
 * its own, for the engine's worker to instantiate.
 */

/** Where the head script leaves its engine. */
export const EARLY_ENGINE_GLOBAL = "__accordEarlyEngine";

/**
 * The message id of the head script's INSTANTIATE request to the worker.
 * AsyncDuckDB numbers its own requests from 0 up, so a negative id never
 * meets one of them.
 */
export const EARLY_INSTANTIATE_ID = -1;

/** Performance mark set by the head script's `start()` when it has started the worker. */
export const EARLY_ENGINE_MARK = "duckdb:early-start";

/** Performance mark set by the head script when it hands the worker the compiled .wasm. */
export const EARLY_COMPILED_MARK = "duckdb:early-compiled";

export interface EarlyEngine {
  /** Absolute URLs of the worker script and the .wasm it instantiates. */
  workerUrl: string;
  wasmUrl: string;
  /**
   * Fetches and compiles the .wasm, starts the worker and asks it to
   * instantiate; the same started engine on every call. Throws when the
   * worker cannot start.
   */
  start(): StartedEarlyEngine;
  /** Stops the worker if it was started; for a start the page does not take. */
  stop(): void;
}

export interface StartedEarlyEngine {
  worker: Worker;
  /** Settles when the worker has instantiated the .wasm, or failed to. */
  ready: Promise<void>;
  /**
   * Calls the listener as the .wasm's bytes arrive (at most every quarter
   * second): they are compiled before the worker hears of them, so its own
   * progress reports stay silent then.
   */
  onProgress(listener: () => void): void;
}
