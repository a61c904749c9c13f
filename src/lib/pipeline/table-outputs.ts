/**
 * Building the tables' files once (Node only): the records read and
 * validated, then written into a temporary folder that is renamed into place,
 * so a failed or interrupted run leaves nothing a loader could read. The
 * folder holds `<table>.arrow` (each table whole, in key order),
 * `<table>.parts` (the same rows as the browser gets them: partitions of
 * gzipped Arrow IPC, see src/lib/model/partitions.ts) with their manifest
 * `tables.json`, `overview.json`, `quality.json` and `manifest.json`.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { MANIFEST_FORMAT, type QualityFile, type TableEntry, type TablesManifest } from "../model/contracts.js";
import { formatReport, type Problem } from "../model/problems.js";
import { tableColumns } from "../model/schema.js";
import type { TableName } from "../model/tables.js";
import type { Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";
import { writeColumnsAsIPC } from "./arrow-writer.js";
import { type DatasetResult, loadDataset, reconcile } from "./dataset.js";
import { displayPath } from "./files.js";
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

/** CSV files larger than this in all are parsed on a worker thread (see csv-ahead.ts). */
const PARSE_AHEAD_BYTES = 16 * 2 ** 20;

export function buildTables(dir: string, key: string, folder: string): CacheResult {
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
  // The published page names files relative to the data folder, never the build machine's paths.
  const warnings = result.problems
    .filter((p) => p.severity === "warning")
    .map((p) => ({ ...p, file: relativeToData(dir, p.file) }));
  progress.phase("writing overview.json and quality.json");
  writeFileSync(join(temp, "overview.json"), `${JSON.stringify(overviewSeed(stores))}\n`);
  writeFileSync(
    join(temp, "quality.json"),
    `${JSON.stringify({ files: result.files.length, counts, warnings } satisfies QualityFile, null, 1)}\n`,
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
  return { ok: true, folder, manifest };
}

/** A record file's path relative to the data folder (`events/2024-05-jmc.yaml`), with '/' on every system. */
export function relativeToData(dir: string, file: string): string {
  const path = relative(resolve(dir), resolve(file));
  return (path === "" || path.startsWith("..") || isAbsolute(path) ? basename(file) : path).split(sep).join("/");
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
