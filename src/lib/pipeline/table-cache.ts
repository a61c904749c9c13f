/**
 * Validate once, load many (Node only). The records are read and validated
 * once per state of the data folder; every table, the overview seed and the
 * quality summary are written together into a cache folder, and each loader
 * copies its file from there. Eight loaders would otherwise read a large
 * folder eight times.
 *
 * The key (cache-key.ts), the lock (cache-lock.ts) and the build
 * (table-outputs.ts) each have their own module; this one finds or builds
 * the folder for a data folder and keeps the newest few.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { cacheKey, cacheRoot } from "./cache-key.js";
import { withLock } from "./cache-lock.js";
import { buildTables, type CacheResult, type Manifest } from "./table-outputs.js";

const KEEP = 3;

/**
 * The tables for `dir`, built if needed: the cache folder (see
 * table-outputs.ts for what it holds), or the problems when the records have
 * errors (nothing is cached then).
 */
export function ensureTables(dir: string): CacheResult {
  const root = cacheRoot();
  const key = cacheKey(dir);
  const folder = join(root, `tables-${key}`);
  const manifestFile = join(folder, "manifest.json");
  mkdirSync(root, { recursive: true });
  const cached = (): CacheResult => ({
    ok: true,
    folder,
    manifest: JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest,
  });
  return withLock(
    `${folder}.lock`,
    () => existsSync(manifestFile),
    cached,
    () => {
      const result = buildTables(dir, key, folder);
      if (result.ok) prune(root, folder);
      return result;
    },
  );
}

/** Keeps the newest few cache folders. */
function prune(root: string, keep: string): void {
  const folders = readdirSync(root)
    .filter((name) => /^tables-[0-9a-f]+$/.test(name))
    .map((name) => join(root, name))
    .filter((path) => path !== keep)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const path of folders.slice(KEEP - 1)) rmSync(path, { recursive: true, force: true });
}
