/**
 * npm run bench:xlsx [-- --commitments N --seed S --runs R]
 *
 * Reading records from one workbook against reading the same records as CSV:
 * the generator writes a folder (200,000 commitments by default), the export
 * (`npm run export -- --records xlsx`) writes its records as one workbook in
 * a folder of its own, then each folder is read (listed, parsed, validated,
 * normalised: loadDataset, the loaders' first step, with the build's CSV
 * worker thread, as a workbook always has one) in a child process of its own, so its peak memory is its own, under the NODE_OPTIONS of
 * `npm run build`. The two alternate, R times each (3 by default); the best
 * run of each is reported with the spread. Prints the two side by side and
 * writes bench/results/xlsx-*.json. Figures in docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { describeMachine, intFlag, machine, parseFlags, table, writeResult } from "./lib/common.js";

const USAGE = "Usage: npm run bench:xlsx [-- --commitments N --seed S --runs R]";
const flags = parseFlags(process.argv.slice(2), ["commitments", "seed", "runs"], [], USAGE);
const commitments = intFlag(flags, "commitments", 200_000, USAGE);
const seed = intFlag(flags, "seed", 1, USAGE);
const runs = Math.max(1, intFlag(flags, "runs", 3, USAGE));

const buildOptions = /NODE_OPTIONS='([^']*)' tsx scripts\/build\.ts/.exec(
  JSON.parse(readFileSync("package.json", "utf8")).scripts.build,
)?.[1];
if (buildOptions === undefined) throw new Error("package.json: the build script's NODE_OPTIONS were not found");

const csvFolder = join(tmpdir(), `accord-bench-${commitments}-${seed}`);
const xlsxFolder = join(tmpdir(), `accord-bench-xlsx-${commitments}-${seed}`);
const workbook = join(xlsxFolder, "records.xlsx");

function step(what: string, args: string[]): number {
  process.stderr.write(`${what}…\n`);
  const started = performance.now();
  const run = spawnSync("npx", ["tsx", ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_OPTIONS: buildOptions },
  });
  if (run.status !== 0) process.exit(1);
  return (performance.now() - started) / 1000;
}

if (!existsSync(join(csvFolder, "sectors.yaml"))) {
  step(`Generating ${commitments.toLocaleString("en")} commitments into ${csvFolder}`, [
    "scripts/generate.ts",
    ...["--commitments", String(commitments), "--seed", String(seed), "--out", csvFolder, "--force"],
  ]);
}
let exportSeconds: number | null = null;
if (!existsSync(workbook)) {
  mkdirSync(xlsxFolder, { recursive: true });
  exportSeconds = step(`Exporting them as one workbook, ${workbook}`, [
    "scripts/export.ts",
    ...["--records", "xlsx", workbook, "--data", csvFolder],
  ]);
}

interface Run {
  seconds: number;
  maxRssMB: number;
  records: number;
  errors: number;
}

/** As the build reads (table-outputs.ts): CSV files parsed on a worker thread past this size, as a workbook always is. */
const PARSE_AHEAD_BYTES = 16 * 2 ** 20;

/** One reading of a folder, in a child process: loadDataset's time, the records read, the peak memory. */
function readFolder(dir: string): Run {
  const child = spawnSync(
    "npx",
    [
      "tsx",
      "-e",
      `import {loadDataset} from "./src/lib/pipeline/dataset.ts";
       const t = performance.now();
       const r = loadDataset(${JSON.stringify(dir)}, { parseAheadBytes: ${PARSE_AHEAD_BYTES} });
       const seconds = (performance.now() - t) / 1000;
       console.log(JSON.stringify({seconds, maxRssMB: process.resourceUsage().maxRSS / 1024,
         records: Object.values(r.read).reduce((a, b) => a + b, 0), errors: r.errors}));`,
    ],
    { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: buildOptions }, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) process.exit(1);
  const run = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as Run;
  if (run.errors) throw new Error(`${dir}: ${run.errors} errors; see npm run validate -- ${dir}`);
  return run;
}

const csvRuns: Run[] = [];
const xlsxRuns: Run[] = [];
for (let run = 1; run <= runs; run++) {
  process.stderr.write(`Run ${run} of ${runs}: CSV, then workbook…\n`);
  // Alternating, so a slow spell on a shared machine falls on both.
  csvRuns.push(readFolder(csvFolder));
  xlsxRuns.push(readFolder(xlsxFolder));
}

const loadAtEnd = loadavg()[0];
const summary = (all: Run[]) => {
  const best = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    seconds: best.seconds,
    peakMemoryMB: Math.round(best.maxRssMB),
    records: best.records,
    recordsPerSecond: Math.round(best.records / best.seconds),
    spread: {
      seconds: [Math.min(...all.map((r) => r.seconds)), Math.max(...all.map((r) => r.seconds))],
      peakMemoryMB: [Math.min(...all.map((r) => r.maxRssMB)), Math.max(...all.map((r) => r.maxRssMB))].map(Math.round),
    },
  };
};
const csv = summary(csvRuns);
const xlsx = summary(xlsxRuns);
const csvBytes = readdirSync(csvFolder).reduce((n, f) => n + statSync(join(csvFolder, f)).size, 0);
const date = new Date().toISOString();
const report = {
  date,
  machine: machine(),
  commitments,
  seed,
  runs,
  loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  nodeOptions: buildOptions,
  csv: { ...csv, folder: csvFolder, bytes: csvBytes },
  xlsx: { ...xlsx, file: workbook, bytes: statSync(workbook).size, exportSeconds },
  ratio: { seconds: xlsx.seconds / csv.seconds, peakMemory: xlsx.peakMemoryMB / csv.peakMemoryMB },
};
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const spread = (s: typeof csv) =>
  `${s.spread.seconds.map((x) => x.toFixed(1)).join("–")} s, ${s.spread.peakMemoryMB.join("–")} MB`;
process.stdout.write(
  `\n${describeMachine()} · ${commitments.toLocaleString("en")} commitments (${csv.records.toLocaleString("en")} records)\n\n${table(
    [
      ["read (loadDataset)", "time", "records/s", "peak memory", "file size", `all ${runs} runs`],
      [
        "CSV folder",
        `${csv.seconds.toFixed(1)} s`,
        csv.recordsPerSecond.toLocaleString("en"),
        `${csv.peakMemoryMB} MB`,
        mb(csvBytes),
        spread(csv),
      ],
      [
        "one workbook",
        `${xlsx.seconds.toFixed(1)} s`,
        xlsx.recordsPerSecond.toLocaleString("en"),
        `${xlsx.peakMemoryMB} MB`,
        mb(report.xlsx.bytes),
        spread(xlsx),
      ],
    ],
  )}\n\nWorkbook / CSV: ${report.ratio.seconds.toFixed(1)}× the time, ${report.ratio.peakMemory.toFixed(1)}× the peak memory (best of ${runs} runs each, alternating; load average ${loadAtEnd.toFixed(1)} at the end; NODE_OPTIONS='${buildOptions}').\n` +
    (exportSeconds === null ? "" : `Writing the workbook (npm run export) took ${exportSeconds.toFixed(1)} s.\n`),
);
process.stdout.write(`Wrote ${writeResult("xlsx", date, report)}\n`);
