/**
 * Test helper: a data folder's tables in native DuckDB (@duckdb/node-api),
 * as the browser gets them (the same Arrow IPC, the same column types), to
 * run the page's SQL fragments with their bound parameters.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBValue } from "@duckdb/node-api";
import { openNative } from "../../bench/lib/native.js";
import type { TableName } from "../../src/lib/model/fields.js";
import { TABLE_NAMES } from "../../src/lib/model/fields.js";
import { tableColumns } from "../../src/lib/model/schema.js";
import { columnsToArrowIPC } from "../../src/lib/pipeline/arrow-writer.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import type { SqlFragment } from "../../src/lib/sql/fragment.js";

export type Rows = Record<string, unknown>[];

export interface NativeDataset {
  query(fragment: SqlFragment): Promise<Rows>;
  close(): void;
}

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
    async query(fragment) {
      const statement = await native.connection.prepare(fragment.text);
      try {
        if (fragment.params.length) statement.bind(fragment.params as DuckDBValue[]);
        const reader = await statement.runAndReadAll();
        return reader.getRowObjectsJson() as Rows;
      } finally {
        statement.destroySync();
      }
    },
    close: native.close,
  };
}
