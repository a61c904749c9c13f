/**
 * Prepared statements kept for the SQL texts a page runs again and again.
 * The pages' queries are a few dozen texts with bound parameters (a filter
 * change runs the same texts with other values); DuckDB-WASM prepares,
 * runs and closes each call in its worker, three round trips of which only
 * the run is needed once a text has been prepared. Here a text is prepared
 * once and its statement run with each call's parameters; the `max` most
 * recently used are kept and the one used longest ago is closed (once no
 * call runs on it). A text that
 * fails to prepare, or whose statement fails to run, is forgotten (its
 * statement closed), so the next call prepares it afresh: a failure is never
 * kept. Structural, so it runs without DuckDB (the unit tests' fake
 * connection) and with DuckDB-WASM's AsyncDuckDBConnection alike.
 */

/** A prepared statement: run with parameters, closed when no longer kept. */
export interface Statement<Result> {
  query(...params: unknown[]): Promise<Result>;
  close(): Promise<unknown>;
}

/** What prepares statements (DuckDB-WASM's connection). */
export interface Preparer<Result> {
  prepare(text: string): Promise<Statement<Result>>;
}

export interface StatementCache<Result> {
  /** Runs `text` with `params` on its kept statement, prepared on first use. */
  run(text: string, params: readonly unknown[]): Promise<Result>;
  /**
   * Prepares `text` ahead of its first run and keeps its statement, as `run`
   * would (nothing is run). Resolves to whether it is prepared; a text that
   * fails to prepare is forgotten, its error left for the run that needs it.
   */
  prepare(text: string): Promise<boolean>;
  /** How many statements are kept (for tests). */
  readonly size: number;
}

/** A kept statement, with the calls running on it: it is closed only once none is. */
interface Entry<Result> {
  statement: Promise<Statement<Result>>;
  running: number;
  dropped: boolean;
}

/** Closes a dropped statement once no call runs on it; a failure to close is the engine's, not the caller's. */
function closeWhenIdle<Result>(entry: Entry<Result>): void {
  if (!entry.dropped || entry.running > 0) return;
  entry.statement.then((s) => s.close()).catch(() => {});
}

/** Keeps up to `max` prepared statements of `connection`, the most recently used. */
export function statementCache<Result>(connection: Preparer<Result>, max = 64): StatementCache<Result> {
  if (!Number.isSafeInteger(max) || max < 1)
    throw new Error(`statementCache: max must be a whole number ≥ 1, got ${max}`);
  const kept = new Map<string, Entry<Result>>();
  const drop = (text: string, entry: Entry<Result>) => {
    if (kept.get(text) === entry) kept.delete(text);
    entry.dropped = true;
  };
  const use = (text: string): Entry<Result> => {
    let entry = kept.get(text);
    if (entry)
      kept.delete(text); // set again below: a Map's order is least recently used first
    else entry = { statement: connection.prepare(text), running: 0, dropped: false };
    kept.set(text, entry);
    for (const [old, oldest] of kept) {
      if (kept.size <= max) break;
      drop(old, oldest);
      closeWhenIdle(oldest);
    }
    return entry;
  };
  return {
    get size() {
      return kept.size;
    },
    async run(text, params) {
      const entry = use(text);
      entry.running++;
      try {
        return await (await entry.statement).query(...params);
      } catch (error) {
        drop(text, entry);
        throw error;
      } finally {
        entry.running--;
        closeWhenIdle(entry);
      }
    },
    async prepare(text) {
      const entry = use(text);
      try {
        await entry.statement;
        return true;
      } catch {
        drop(text, entry);
        return false;
      }
    },
  };
}
