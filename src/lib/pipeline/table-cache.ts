/**
 * Validate once, load many (Node only). The records are read and validated
 * once per state of the data folder; every table, the overview seed and the
 * quality summary are written together into a cache folder, and each loader
 * copies its file from there. Eight loaders would otherwise read a large
 * folder eight times.
 *
 * The cache key is a hash of the data files' paths, sizes and modification
 * times and of the source of src/lib (so a change to the rules rebuilds
 * tables). A lock folder makes concurrent loaders wait for one build. Files
 * are written to a temporary folder and renamed into place, so a failed or
 * interrupted run leaves nothing a loader could read.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MANIFEST_FORMAT, type TableEntry, type TablesManifest } from "../model/contracts.js";
import type { TableName } from "../model/fields.js";
import { formatReport, type Problem } from "../model/problems.js";
import { tableColumns } from "../model/schema.js";
import type { Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";
import { writeColumnsAsIPC } from "./arrow-writer.js";
import { type DatasetResult, loadDataset, reconcile } from "./dataset.js";
import { displayPath, listRecordFiles } from "./files.js";
import { overviewSeed } from "./overview-seed.js";
import { type PartitionPlan, planByDate, planByReference, wholePlan, writeParts } from "./parts-file.js";
import { Progress } from "./progress.js";

export interface Manifest {
  key: string;
  dataDir: string;
  files: number;
  counts: { table: TableName; read: number; written: number }[];
  bytes: Record<string, number>;
  warnings: number;
  seconds: number;
}

export type CacheResult =
  | { ok: true; folder: string; manifest: Manifest }
  | { ok: false; problems: Problem[]; report: string };

const LIB = dirname(fileURLToPath(import.meta.url));
const STALE_LOCK_MS = 30 * 60_000;
const KEEP = 3;
/** CSV files larger than this in all are parsed on a worker thread (see csv-ahead.ts). */
const PARSE_AHEAD_BYTES = 16 * 2 ** 20;

export function cacheRoot(): string {
  return resolve(process.env.ACCORD_CACHE_DIR || "node_modules/.cache/accord-atlas");
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
  for (const file of sourceFiles(LIB)) hash.update(relative(LIB, file)).update(readFileSync(file));
  hash.update(resolve(dir));
  for (const file of listRecordFiles(dir).files) {
    const stat = statSync(file);
    hash.update(`${relative(dir, file)}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 20);
}

/** A lock whose owner has exited, or that is older than any build should take. */
function staleLock(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(join(lock, "pid"), "utf8"));
    if (!pid) return false; // being created right now
    process.kill(pid, 0); // throws when no such process
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The tables for `dir`, built if needed. Returns the cache folder holding
 * `<table>.arrow` (each table whole, in key order), `<table>.parts` (the
 * same rows as the browser gets them: partitions of gzipped Arrow IPC, see
 * src/lib/model/partitions.ts) with their manifest `tables.json`, `overview.json`,
 * `quality.json` and `manifest.json`, or the problems when the records have
 * errors (nothing is cached then).
 */
export function ensureTables(dir: string): CacheResult {
  const root = cacheRoot();
  const key = cacheKey(dir);
  const folder = join(root, `tables-${key}`);
  const lock = `${folder}.lock`;
  mkdirSync(root, { recursive: true });
  for (;;) {
    if (existsSync(join(folder, "manifest.json"))) {
      return { ok: true, folder, manifest: JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) };
    }
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      // Another loader is building these tables: wait for it, unless the lock
      // was left by a process that has gone (interrupted) or is very old.
      if (staleLock(lock)) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return build(dir, key, folder);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function build(dir: string, key: string, folder: string): CacheResult {
  const start = performance.now();
  const progress = new Progress();
  const result: DatasetResult = loadDataset(dir, {
    onFile: progress.reading,
    onPhase: progress.phase,
    parseAheadBytes: PARSE_AHEAD_BYTES,
  });
  if (!result.columns) return { ok: false, problems: result.problems, report: formatReport(result.problems) };
  const stores = result.columns;
  const temp = `${folder}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const bytes: Record<string, number> = {};
  const counts = reconcile(result);
  const warnings = result.problems.filter((p) => p.severity === "warning");
  progress.phase("writing overview.json and quality.json");
  writeFileSync(join(temp, "overview.json"), `${JSON.stringify(overviewSeed(stores))}\n`);
  writeFileSync(
    join(temp, "quality.json"),
    `${JSON.stringify({ files: result.files.length, counts, warnings }, null, 1)}\n`,
  );
  // Which partition each row goes to, decided before any column is let go:
  // parties and updates follow their commitment.
  const plans = partitionPlans(stores);
  const parts = {} as Record<TableName, TableEntry>;
  for (const { table, read, written } of counts) {
    if (read !== written) throw new Error(`${table}: read ${read} records but produced ${written} rows`);
    const store = stores[table];
    progress.phase(`writing ${table}.arrow (${store.length.toLocaleString("en")} rows)`);
    const fd = openSync(join(temp, `${table}.arrow`), "w");
    try {
      bytes[table] = writeColumnsAsIPC(tableColumns(table), store.columns, store.length, (chunk) =>
        writeSync(fd, chunk),
      );
    } finally {
      closeSync(fd);
    }
    const plan = plans[table];
    progress.phase(
      `writing ${table}.parts (${plan.keys.length.toLocaleString("en")} partition${plan.keys.length === 1 ? "" : "s"})`,
    );
    const partsFd = openSync(join(temp, `${table}.parts`), "w");
    try {
      parts[table] = writeParts(tableColumns(table), store.columns, store.length, plan, (chunk) =>
        writeSync(partsFd, chunk),
      );
    } finally {
      closeSync(partsFd);
    }
    for (const name of Object.keys(store.columns)) store.columns[name] = []; // written: let it go before the next
  }
  const tablesManifest: TablesManifest = { format: MANIFEST_FORMAT, tables: parts };
  writeFileSync(join(temp, "tables.json"), `${JSON.stringify(tablesManifest)}\n`);
  const manifest: Manifest = {
    key,
    dataDir: displayPath(dir),
    files: result.files.length,
    counts,
    bytes,
    warnings: warnings.length,
    seconds: Math.round(performance.now() - start) / 1000,
  };
  writeFileSync(join(temp, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  rmSync(folder, { recursive: true, force: true });
  renameSync(temp, folder);
  prune(dirname(folder), folder);
  return { ok: true, folder, manifest };
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

/** The partitions of every table: commitments by year, their parties and updates with them, the rest whole. */
function partitionPlans(stores: Tables<TableStore>): Record<TableName, PartitionPlan> {
  const c = stores.commitments;
  const byDate = planByDate(c.columns.date_from, c.columns.date_to, c.length);
  const plans = {} as Record<TableName, PartitionPlan>;
  for (const table of Object.keys(stores) as TableName[]) plans[table] = wholePlan(stores[table].length);
  plans.commitments = byDate;
  for (const table of ["commitment_parties", "status_updates"] as const) {
    const store = stores[table];
    plans[table] = planByReference(c.columns.id, byDate, store.columns.commitment_id, store.length);
  }
  return plans;
}
