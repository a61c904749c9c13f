/**
 * Native DuckDB (@duckdb/node-api) as the reference for the browser's
 * DuckDB-WASM, for the benchmarks and the tests: the same Arrow files the
 * site serves (or a data folder's tables, as the build makes them), loaded
 * with the same column types, queried with the same SQL and parameters.
 *
 * Tables are filled with the Appender API, one data chunk (2,048 rows) at a
 * time, straight from apache-arrow's vectors: no temporary files and no
 * extension (autoinstall and autoload are off, so nothing is downloaded).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBResultReader,
  type DuckDBValue,
  dateValue,
  listValue,
} from "@duckdb/node-api";
import { type DataType, type Field, type Table, Type, tableFromIPC, type Vector } from "apache-arrow";
import { tableColumns } from "../src/lib/model/schema.js";
import { TABLE_NAMES, type TableName } from "../src/lib/model/tables.js";
import { columnsToArrowIPC } from "../src/lib/pipeline/arrow-writer.js";
import { loadDataset } from "../src/lib/pipeline/dataset.js";
import { readParts } from "../src/lib/pipeline/parts-file.js";
import type { SqlFragment } from "../src/lib/sql/fragment.js";
import type { TableSource } from "./dist-tables.js";

const DAY_MS = 86_400_000;

/** The DuckDB type DuckDB-WASM's insertArrowFromIPCStream gives an Arrow type. */
function duckdbType(type: DataType): string {
  switch (type.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
      return "VARCHAR";
    case Type.Int: {
      const { bitWidth, isSigned } = type as DataType & { bitWidth: number; isSigned: boolean };
      const name = { 8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT" }[bitWidth] ?? "BIGINT";
      return isSigned ? name : `U${name}`;
    }
    case Type.Float:
      return "DOUBLE";
    case Type.Bool:
      return "BOOLEAN";
    case Type.Date:
      return "DATE";
    case Type.List: {
      const child = (type as DataType & { children: Field[] }).children[0];
      return `${duckdbType(child.type)}[]`;
    }
    case Type.Dictionary:
      // Dictionary-encoded strings (the .parts files): DuckDB-WASM makes them VARCHAR.
      return duckdbType((type as DataType & { dictionary: DataType }).dictionary);
    default:
      throw new Error(`native DuckDB: no DuckDB type for Arrow ${String(type)}`);
  }
}

type Convert = (value: unknown) => DuckDBValue;

/** Turns what apache-arrow's Vector.get returns into what the appender takes. */
function converter(type: DataType): Convert {
  switch (type.typeId) {
    case Type.Date:
      // apache-arrow 17 gives milliseconds since the epoch (older: a Date).
      return (v) => dateValue(Math.round((v instanceof Date ? v.getTime() : Number(v)) / DAY_MS));
    case Type.List: {
      const item = converter((type as DataType & { children: Field[] }).children[0].type);
      return (v) => listValue(Array.from(v as Iterable<unknown>, (x) => (x == null ? null : item(x))));
    }
    case Type.Int:
      return (v) => (typeof v === "bigint" ? v : Number(v));
    default:
      return (v) => v as DuckDBValue;
  }
}

export interface NativeDatabase {
  connection: DuckDBConnection;
  version: string;
  threads: number;
  /** Seconds to read the Arrow files and fill the tables. */
  loadSeconds: number;
  rows: Record<TableName, number>;
  close(): void;
}

/** The Arrow tables of a source: one for an .arrow file, one per partition for a .parts file. */
function readSource(source: TableSource): Table[] {
  return typeof source === "string"
    ? [tableFromIPC(readFileSync(source))]
    : readParts(readFileSync(source.parts), source.entry);
}

/** Opens an in-memory native DuckDB with the tables loaded from their files (the seven, or those given). */
export async function openNative(
  files: Partial<Record<TableName, TableSource>>,
  threads?: number,
): Promise<NativeDatabase> {
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    ...(threads ? { threads: String(threads) } : {}),
  });
  const connection = await instance.connect();
  const started = performance.now();
  const rows = {} as Record<TableName, number>;
  for (const name of TABLE_NAMES) {
    const source = files[name];
    if (source === undefined) continue;
    const parts = readSource(source);
    const fields = parts[0].schema.fields;
    const columns = fields.map((f) => `"${f.name.replaceAll('"', '""')}" ${duckdbType(f.type)}`);
    await connection.run(`CREATE TABLE ${name} (${columns.join(", ")})`);
    const appender = await connection.createAppender(name);
    const types = fields.map((_, i) => appender.columnType(i));
    const converters = fields.map((f) => converter(f.type));
    rows[name] = 0;
    for (const arrow of parts) {
      const vectors = fields.map((f) => arrow.getChild(f.name) as Vector);
      const chunkSize = 2048;
      for (let start = 0; start < arrow.numRows; start += chunkSize) {
        const n = Math.min(chunkSize, arrow.numRows - start);
        const chunk = DuckDBDataChunk.create(types, n);
        for (let c = 0; c < fields.length; ++c) {
          const values: DuckDBValue[] = new Array(n);
          const vector = vectors[c];
          const convert = converters[c];
          for (let i = 0; i < n; ++i) {
            const value = vector.get(start + i);
            values[i] = value == null ? null : convert(value);
          }
          chunk.setColumnValues(c, values);
        }
        appender.appendDataChunk(chunk);
      }
      rows[name] += arrow.numRows;
    }
    appender.flushSync();
    appender.closeSync();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const [[version, threadCount]] = (
    await connection.runAndReadAll("SELECT version(), current_setting('threads')")
  ).getRowsJS() as [[string, bigint | number]];
  return {
    connection,
    version,
    threads: Number(threadCount),
    loadSeconds,
    rows,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** "table.column TYPE" for every column, to compare with DuckDB-WASM's. */
export async function nativeSchema(connection: DuckDBConnection): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
  );
  return reader.getRowsJS().map(([t, c, d]) => `${String(t)}.${String(c)} ${String(d)}`);
}

export interface NativeTimes {
  /** Milliseconds per run, warm-up runs left out. */
  times: number[];
  rows: number;
}

/**
 * Runs text with params as the page does: a prepared statement (prepared,
 * bound, run and closed each time) when there are parameters, a plain query
 * otherwise, reading the whole result (every chunk, in DuckDB's own format).
 * Rows are not turned into JavaScript values: node-api does that one value
 * at a time, which costs more than the query (about 5 s for 100,000 rows of
 * commitmentRows) and says nothing about DuckDB.
 */
export async function timeNative(
  connection: DuckDBConnection,
  text: string,
  params: readonly DuckDBValue[],
  runs: number,
  warmup = 1,
): Promise<NativeTimes> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < warmup + runs; ++i) {
    const started = performance.now();
    let reader: DuckDBResultReader;
    if (params.length === 0) {
      reader = await connection.runAndReadAll(text);
    } else {
      const statement = await connection.prepare(text);
      try {
        statement.bind([...params]);
        reader = await statement.runAndReadAll();
      } finally {
        statement.destroySync();
      }
    }
    const elapsed = performance.now() - started;
    if (i >= warmup) times.push(elapsed);
    rows = reader.currentRowCount;
  }
  return { times, rows };
}

export type Rows = Record<string, unknown>[];

/** A data folder's tables in native DuckDB, queried with the page's SQL fragments. */
export interface NativeDataset {
  query(fragment: SqlFragment): Promise<Rows>;
  close(): void;
}

/**
 * Loads a data folder (src/lib/pipeline/dataset.ts) and opens its tables in
 * native DuckDB as the browser gets them: the same Arrow IPC, the same column
 * types. Queries bind the fragment's parameters and return plain rows.
 */
export async function nativeDataset(dir: string): Promise<NativeDataset> {
  const dataset = loadDataset(dir);
  if (!dataset.columns) throw new Error(`${dir} is not valid: ${dataset.errors} errors`);
  const work = mkdtempSync(join(tmpdir(), "accord-native-"));
  const files = {} as Record<TableName, string>;
  for (const table of TABLE_NAMES) {
    const store = dataset.columns[table];
    files[table] = join(work, `${table}.arrow`);
    writeFileSync(files[table], columnsToArrowIPC(tableColumns(table), store.columns, store.length));
  }
  const native = await openNative(files, 1);
  rmSync(work, { recursive: true, force: true });
  return {
    query: (fragment) => queryNative(native.connection, fragment),
    close: native.close,
  };
}

/** A page's SQL fragment run on a native connection, its parameters bound: plain rows. */
export async function queryNative(connection: DuckDBConnection, fragment: SqlFragment): Promise<Rows> {
  const statement = await connection.prepare(fragment.text);
  try {
    if (fragment.params.length) statement.bind(fragment.params as DuckDBValue[]);
    const reader = await statement.runAndReadAll();
    return reader.getRowObjectsJson() as Rows;
  } finally {
    statement.destroySync();
  }
}
