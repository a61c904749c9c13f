/**
 * What every loader does (Node only): get the validated tables for the data
 * folder (built once, see table-cache.ts), then write one file to stdout and
 * a one-line summary to stderr. On any error it prints the full report and
 * exits non-zero without writing a byte, so no partial table is left behind;
 * under `npm start` it writes the last valid tables instead (last-good-tables.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TablesManifest } from "../model/contracts.js";
import type { TableName } from "../model/tables.js";
import { dataDir } from "./dataset.js";
import { displayPath } from "./files.js";
import { lastGoodTables } from "./last-good-tables.js";
import { ensureTables } from "./table-cache.js";

/** The cache folder with the validated tables, or exit with the full report when the records have errors. */
export function tablesOrExit(what: string) {
  const dir = dataDir();
  const result = ensureTables(dir);
  if (!result.ok) {
    const kept = lastGoodTables();
    if (kept) {
      process.stderr.write(`${what}: ${displayPath(dir)} has errors; writing the last valid tables.\n`);
      return kept;
    }
    process.stderr.write(`${result.report}\n${what} not written: ${displayPath(dir)} has errors.\n`);
    process.exit(1);
  }
  return result;
}

/** Writes one table as Arrow IPC. */
export function writeTable(table: TableName): void {
  const { folder, manifest } = tablesOrExit(`${table}.arrow`);
  const bytes = readFileSync(join(folder, `${table}.arrow`));
  const count = manifest.counts.find((c) => c.table === table);
  if (!count || count.read !== count.written) {
    process.stderr.write(`${table}.arrow not written: records read and rows written do not match.\n`);
    process.exit(1);
  }
  process.stdout.write(bytes);
  process.stderr.write(
    `${table}.arrow: read ${count.read} record${count.read === 1 ? "" : "s"} from ${manifest.files} files in ${manifest.dataDir}, wrote ${count.written} rows (${bytes.length} bytes)\n`,
  );
}

/**
 * Writes one table as the browser loads it: its partitions, each a gzipped
 * Arrow IPC stream, end to end (see src/lib/model/partitions.ts and tables.json).
 */
export function writeTableParts(table: TableName): void {
  const { folder, manifest } = tablesOrExit(`${table}.parts`);
  const bytes = readFileSync(join(folder, `${table}.parts`));
  const entry = (JSON.parse(readFileSync(join(folder, "tables.json"), "utf8")) as TablesManifest).tables[table];
  const count = manifest.counts.find((c) => c.table === table);
  if (!count || count.read !== count.written || entry?.rows !== count.written || entry.bytes !== bytes.length) {
    process.stderr.write(`${table}.parts not written: records read, rows written and partitions do not match.\n`);
    process.exit(1);
  }
  process.stdout.write(bytes);
  process.stderr.write(
    `${table}.parts: ${count.written} rows in ${entry.partitions.length} partition${entry.partitions.length === 1 ? "" : "s"} (${bytes.length} bytes, ${entry.rawBytes} as Arrow)\n`,
  );
}

/** Writes one of the JSON summaries built with the tables (overview.json, quality.json, tables.json). */
export function writeSummary(name: "overview.json" | "quality.json" | "tables.json"): void {
  const { folder, manifest } = tablesOrExit(name);
  const bytes = readFileSync(join(folder, name));
  process.stdout.write(bytes);
  process.stderr.write(`${name}: from ${manifest.files} files in ${manifest.dataDir} (${bytes.length} bytes)\n`);
}
