/**
 * The table files of a built site (dist/_file/data/<table>.<hash>.parts with
 * their tables.json entries), as the pages load them, for native DuckDB to
 * read the same rows.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TableEntry, TablesManifest } from "../src/lib/model/contracts.js";
import { TABLE_NAMES, type TableName } from "../src/lib/model/tables.js";

/** A table's rows: an Arrow IPC file, or a .parts file with its tables.json entry. */
export type TableSource = string | { parts: string; entry: TableEntry };

/**
 * The built file of each table as the pages load it,
 * dist/_file/data/<table>.<hash>.parts, with its entry in tables.json.
 */
export function tableFiles(dist: string): Record<TableName, TableSource> {
  const dir = resolve(dist, "_file/data");
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const one = (name: string, ext: string) => {
    const matches = names.filter((n) => new RegExp(`^${name}\\.[0-9a-f]+\\.${ext}$`).test(n));
    if (matches.length !== 1) throw new Error(`Expected one ${name}.<hash>.${ext} in ${dir}, found ${matches.length}.`);
    return join(dir, matches[0]);
  };
  const manifest = JSON.parse(readFileSync(one("tables", "json"), "utf8")) as TablesManifest;
  const files = {} as Record<TableName, TableSource>;
  for (const table of TABLE_NAMES) files[table] = { parts: one(table, "parts"), entry: manifest.tables[table] };
  return files;
}
