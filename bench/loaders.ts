/**
 * npm run bench:loaders [-- --commitments N --seed S --data DIR --runs R]
 *
 * How fast the record pipeline (read, validate, normalise, write Arrow: the
 * work of the loaders) runs on a synthetic folder, and how that compares with
 * native DuckDB reading the same CSV files and writing Parquet on the same
 * machine in the same run. The pipeline runs in a child process, under the
 * NODE_OPTIONS of `npm run build`, so its peak memory is its own; with
 * `--runs R` it runs R times (a fresh cache each time) and the best run is
 * reported with the spread, since other jobs on the machine make timings vary.
 * Prints a table and writes bench/results/loaders-*.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const commitments = Number(flag("commitments", "200000"));
const seed = flag("seed", "1");
const data = resolve(flag("data", join(tmpdir(), `accord-bench-${commitments}-${seed}`)));

if (!existsSync(join(data, "sectors.yaml"))) {
  process.stderr.write(`Generating ${commitments.toLocaleString("en")} commitments into ${data}…\n`);
  const gen = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", String(commitments), "--seed", seed, "--out", data, "--force"],
    { stdio: "inherit" },
  );
  if (gen.status !== 0) process.exit(1);
}

// Our pipeline, in a child: the same code path as the loaders, into a fresh cache,
// under the flags the npm scripts give it (package.json).
const runs = Math.max(1, Number(flag("runs", "1")));
const buildOptions = /NODE_OPTIONS='([^']*)' tsx scripts\/build\.ts/.exec(
  JSON.parse(readFileSync("package.json", "utf8")).scripts.build,
)?.[1];
if (buildOptions === undefined) throw new Error("package.json: the build script's NODE_OPTIONS were not found");
interface Run {
  seconds: number;
  maxRssMB: number;
  records: number;
  counts: unknown;
  bytes: Record<string, number>;
}
const all: Run[] = [];
for (let run = 1; run <= runs; run++) {
  const cache = join(tmpdir(), `accord-bench-cache-${process.pid}`);
  rmSync(cache, { recursive: true, force: true });
  if (runs > 1) process.stderr.write(`Run ${run} of ${runs}…\n`);
  const child = spawnSync(
    "npx",
    [
      "tsx",
      "-e",
      `import {ensureTables} from "./src/lib/pipeline/table-cache.ts";
       const t = performance.now();
       const r = ensureTables(${JSON.stringify(data)});
       if (!r.ok) { console.error(r.report); process.exit(1); }
       console.log(JSON.stringify({seconds: (performance.now() - t) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024,
         records: r.manifest.counts.reduce((n, c) => n + c.read, 0), counts: r.manifest.counts, bytes: r.manifest.bytes}));`,
    ],
    {
      encoding: "utf8",
      env: { ...process.env, ACCORD_CACHE_DIR: cache, NODE_OPTIONS: buildOptions },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 26,
    },
  );
  rmSync(cache, { recursive: true, force: true });
  if (child.status !== 0) process.exit(1);
  all.push(JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}"));
}
const ours = all.reduce((best, run) => (run.seconds < best.seconds ? run : best));
const spread = {
  seconds: [Math.min(...all.map((r) => r.seconds)), Math.max(...all.map((r) => r.seconds))],
  peakMemoryMB: [Math.min(...all.map((r) => r.maxRssMB)), Math.max(...all.map((r) => r.maxRssMB))].map(Math.round),
};

// Native DuckDB on the same CSV files: read them all, write Parquet.
const csvs = readdirSync(data).filter((f) => f.endsWith(".csv"));
const out = join(tmpdir(), `accord-bench-parquet-${process.pid}`);
mkdirSync(out, { recursive: true });
const db = await DuckDBInstance.create(":memory:");
const conn = await db.connect();
const start = performance.now();
let rows = 0;
for (const file of csvs) {
  const table = file.split(".")[0];
  const target = join(out, `${file}.parquet`);
  await conn.run(
    `COPY (SELECT * FROM read_csv('${join(data, file)}', header = true, all_varchar = true)) TO '${target}' (FORMAT parquet)`,
  );
  const result = await conn.runAndReadAll(`SELECT count(*) FROM '${target}'`);
  rows += Number(result.getRows()[0][0]);
  void table;
}
const nativeSeconds = (performance.now() - start) / 1000;
const parquetBytes = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
rmSync(out, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  node: process.version,
  commitments,
  data,
  ours: {
    seconds: ours.seconds,
    records: ours.records,
    recordsPerSecond: Math.round(ours.records / ours.seconds),
    peakMemoryMB: Math.round(ours.maxRssMB),
    nodeOptions: buildOptions,
    runs: all.map((r) => ({ seconds: r.seconds, peakMemoryMB: Math.round(r.maxRssMB) })),
    spread,
    arrowBytes: Object.values(ours.bytes as Record<string, number>).reduce((a, b) => a + b, 0),
  },
  nativeDuckDB: {
    seconds: nativeSeconds,
    rows,
    rowsPerSecond: Math.round(rows / nativeSeconds),
    parquetBytes,
    note: "read_csv of the same CSV files (all columns as text) and COPY to Parquet; no validation",
  },
  ratio: ours.seconds / nativeSeconds,
  goals: { seconds: 60, peakMemoryMB: 2048, forCommitments: 1_000_000 },
};

const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
process.stdout.write(
  `\n${result.cores} cores (${result.cpu}) · Node ${result.node} · ${commitments.toLocaleString("en")} commitments (${ours.records.toLocaleString("en")} records)\n\n` +
    `                       time        records/s     peak memory   output\n` +
    `Accord Atlas loaders   ${ours.seconds.toFixed(1).padStart(6)} s   ${result.ours.recordsPerSecond.toLocaleString("en").padStart(10)}   ${String(result.ours.peakMemoryMB).padStart(8)} MB   ${mb(result.ours.arrowBytes)} Arrow\n` +
    `native DuckDB (ref.)   ${nativeSeconds.toFixed(1).padStart(6)} s   ${result.nativeDuckDB.rowsPerSecond.toLocaleString("en").padStart(10)}          —      ${mb(parquetBytes)} Parquet\n\n` +
    (runs > 1
      ? `Best of ${runs} runs; all runs: ${spread.seconds.map((x) => x.toFixed(1)).join("–")} s, ${spread.peakMemoryMB.join("–")} MB peak.\n`
      : "") +
    `Our pipeline ran with NODE_OPTIONS='${buildOptions}' (as npm run build).\n` +
    `Ratio: ${result.ratio.toFixed(1)}× native DuckDB (which validates nothing). Goal for 1,000,000 commitments: ≤ 60 s, ≤ 2 GB peak.\n`,
);
mkdirSync("bench/results", { recursive: true });
const path = join("bench/results", `loaders-${result.date.replace(/[:.]/g, "-")}.json`);
writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`Wrote ${path}\n`);
