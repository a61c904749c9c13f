/**
 * The last valid tables under `npm start` (Node only). scripts/dev.ts names a
 * file in ACCORD_LAST_GOOD_TABLES and writes there the cache folder of the
 * last records that were valid; a loader that Framework runs while the records
 * have errors (a table no open page had asked for since the last change) then
 * writes that folder's table instead of failing, so the pages never get a 500
 * for a table: they show the records' report instead
 * (src/components/records-report.ts). Without the variable (`npm run build`,
 * a loader run by hand) nothing changes: records with errors stop the loader.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CacheResult } from "./table-outputs.js";

const VARIABLE = "ACCORD_LAST_GOOD_TABLES";

/** Writes the folder of valid tables to `file` (whole, by rename). */
export function rememberGoodTables(file: string, folder: string): void {
  writeFileSync(`${file}.${process.pid}`, folder);
  renameSync(`${file}.${process.pid}`, file);
}

/** The last valid tables the dev server named, when it named some that are still there. */
export function lastGoodTables(env: NodeJS.ProcessEnv = process.env): Extract<CacheResult, { ok: true }> | undefined {
  const file = env[VARIABLE];
  if (!file || !existsSync(file)) return undefined;
  const folder = readFileSync(file, "utf8").trim();
  const manifestFile = join(folder, "manifest.json");
  if (!folder || !existsSync(manifestFile)) return undefined;
  return { ok: true, folder, manifest: JSON.parse(readFileSync(manifestFile, "utf8")) };
}

/** The variable scripts/dev.ts passes to the preview server and its loaders. */
export const LAST_GOOD_TABLES_VARIABLE = VARIABLE;
