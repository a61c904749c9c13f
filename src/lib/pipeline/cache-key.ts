/**
 * Where the validated tables are cached and under which key (Node only). The
 * key is a hash of the data files' paths, sizes and modification times and
 * of the source of src/lib (every folder of it, so a change to the rules
 * rebuilds the tables).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listRecordFiles } from "./files.js";

/** src/lib: this file's folder's parent. */
const LIB = join(dirname(fileURLToPath(import.meta.url)), "..");

export function cacheRoot(): string {
  return resolve(process.env.ACCORD_CACHE_DIR || "node_modules/.cache/accord-atlas");
}

/** The source files the key hashes: every .ts file under src/lib. */
export function keySourceFiles(): string[] {
  return sourceFiles(LIB);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

/** The cache key: what the tables depend on. */
export function cacheKey(dir: string): string {
  const hash = createHash("sha256");
  for (const file of keySourceFiles()) hash.update(relative(LIB, file)).update(readFileSync(file));
  hash.update(resolve(dir));
  for (const file of listRecordFiles(dir).files) {
    const stat = statSync(file);
    hash.update(`${relative(dir, file)}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 20);
}
