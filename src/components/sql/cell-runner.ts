/**
 * Runs a notebook cell's SQL on a connection of its own, streaming the
 * result in record batches so a long query can be cancelled (DuckDB-WASM
 * works in its worker, between polls; the page stays responsive). At most
 * DISPLAY_ROWS rows become JavaScript values; the rest are only counted.
 */
import type * as duckdb from "@duckdb/duckdb-wasm";
import { DISPLAY_ROWS } from "../../lib/notebook/notebook-cells.js";
import { splitStatements } from "../../lib/notebook/sql-spans.js";
import { type ArrowTable, arrowRows, type Database, type QueryResult } from "../db.js";

export interface CellOutcome {
  rows: QueryResult;
  /** Every row of the result, also those past DISPLAY_ROWS. */
  total: number;
  milliseconds: number;
}

/** DuckDB's error for one statement of a cell, and where that statement starts in the cell. */
export class StatementError extends Error {
  constructor(
    message: string,
    readonly start: number,
  ) {
    super(message);
    this.name = "StatementError";
  }
}

/** Runs `step`; its failure is told with where the statement starts. */
async function inStatement<T>(start: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new StatementError(error instanceof Error ? error.message : String(error), start);
  }
}

export class CancelledError extends Error {
  constructor() {
    super("The query was cancelled.");
    this.name = "CancelledError";
  }
}

let shared: Promise<duckdb.AsyncDuckDBConnection> | undefined;
/** Runs wait for the one before: one connection runs one query at a time. */
let queue: Promise<unknown> = Promise.resolve();

/** The notebook's own connection: cancelling it never touches the page's other queries. */
function notebookConnection(db: Database): Promise<duckdb.AsyncDuckDBConnection> {
  shared ??= db.engine().then(({ db: engine }) => engine.connect());
  return shared;
}

/** A cell's run: its outcome, and a cancel that stops it. */
export interface CellRun {
  done: Promise<CellOutcome>;
  cancel(): void;
}

/** Starts running `text`; statements before the last run whole, the last one streams and can be cancelled. */
export function runCell(db: Database, text: string): CellRun {
  let cancelled = false;
  let connection: duckdb.AsyncDuckDBConnection | undefined;
  let started = performance.now();
  const before = queue;
  const done = (async () => {
    await before;
    if (cancelled) throw new CancelledError();
    started = performance.now();
    connection = await notebookConnection(db);
    const statements = splitStatements(text);
    if (statements.length === 0) throw new Error("The cell has no statement to run.");
    const open = connection;
    for (const statement of statements.slice(0, -1)) {
      if (cancelled) throw new CancelledError();
      await inStatement(statement.start, () => open.query(statement.text));
    }
    if (cancelled) throw new CancelledError();
    const last = statements[statements.length - 1];
    const reader = await inStatement(last.start, () => open.send(last.text, true));
    const batches: QueryResult[] = [];
    let total = 0;
    let kept = 0;
    for await (const batch of reader) {
      if (cancelled) throw new CancelledError();
      total += batch.numRows;
      if (kept < DISPLAY_ROWS) {
        const rows = arrowRows(batch as unknown as ArrowTable);
        batches.push(rows);
        kept += rows.length;
      }
    }
    const rows = joinBatches(batches, reader.schema as unknown as ArrowTable["schema"]);
    return { rows, total, milliseconds: performance.now() - started };
  })().catch((error) => {
    // What DuckDB says when a query is interrupted is the cancel, not a failure.
    throw cancelled ? new CancelledError() : error;
  });
  queue = done.catch(() => {});
  return {
    done,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      connection?.cancelSent().catch(() => false);
    },
  };
}

/** The batches' rows as one result (cut at DISPLAY_ROWS); no batch: the columns from the schema. */
function joinBatches(batches: QueryResult[], schema: ArrowTable["schema"]): QueryResult {
  const first = batches[0] ?? arrowRows({ numRows: 0, schema, getChildAt: () => null });
  const rows = batches.flat().slice(0, DISPLAY_ROWS);
  Object.defineProperties(rows, {
    columns: { value: first.columns, enumerable: false },
    schema: { value: first.schema, enumerable: false },
  });
  return rows as QueryResult;
}
