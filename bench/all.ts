/**
 * `npm run bench [-- --quick]`
 *
 * Runs every benchmark there is, one after the other, each in its own
 * process (so none inherits another's memory or warm caches):
 *
 * - load: bench/load.ts, cold page loads of the project's dist/ (built with
 *   `npm run build` first when missing);
 * - loaders: bench/loaders.ts, the record pipeline against native DuckDB;
 * - queries: bench/queries.ts, every page query in DuckDB-WASM against native
 *   DuckDB (its threads and one thread), at 100,000 and (not --quick) 1,000,000
 *   commitments;
 * - network: bench/network.ts, the network page on a seeded graph of 5,000
 *   institutions and 50,000 links (first frame, pan/zoom frame times, filter →
 *   redraw, longest task, heap) and on the default dataset;
 * - timeline: bench/timeline.ts, the timeline's month × sector aggregation in
 *   DuckDB-WASM against native DuckDB, and drawing the density view and one
 *   zoomed year's marks, on 1,000,000 generated commitments;
 * - overview: bench/overview.ts, the overview's filter changes on the same
 *   1,000,000 commitments (INP; the headline, chart and table shown anew);
 * - xlsx: bench/xlsx.ts, reading 200,000 generated commitments from one
 *   workbook against reading them as CSV (time, peak memory).
 *
 * Then reads the JSON each one wrote to bench/results/ and prints one summary
 * table (benchmark, figure, value, reference, ratio or goal), and writes
 * bench/results/all-<timestamp>.json. `--quick` uses smaller datasets and
 * fewer runs (figures are then rougher and not comparable with a full run).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../devtools/project-paths.js";
import { describeMachine, machine, ms, parseFlags, quantile, RESULTS_DIR, table, writeResult } from "./lib/common.js";

const USAGE = "Usage: npm run bench [-- --quick]";
const flags = parseFlags(process.argv.slice(2), [], ["quick"], USAGE);
const quick = flags.has("quick") && flags.get("quick") !== "false";

interface Step {
  name: string;
  script: string;
  args: string[];
  /** The prefix of its JSON in bench/results/ (default: name). */
  results?: string;
}
const STEPS: Step[] = [
  { name: "load", script: "bench/load.ts", args: quick ? ["--runs=1"] : [] },
  { name: "loaders", script: "bench/loaders.ts", args: quick ? ["--commitments", "20000"] : [] },
  { name: "queries", script: "bench/queries.ts", args: quick ? ["--commitments", "20000", "--runs", "5"] : [] },
  // Issue #16: the same queries at a million commitments (fewer runs: the biggest take seconds each).
  ...(quick
    ? []
    : [
        {
          name: "queries 1M",
          results: "queries",
          script: "bench/queries.ts",
          args: ["--commitments", "1000000", "--runs", "3", "--skip", "page.exportCommitments", "--timeout", "600000"],
        },
      ]),
  {
    name: "network",
    script: "bench/network.ts",
    args: quick ? ["--institutions", "1000", "--links", "10000", "--runs", "1"] : [],
  },
  { name: "timeline", script: "bench/timeline.ts", args: quick ? ["--commitments", "20000", "--runs", "5"] : [] },
  // After the timeline, which builds the same million-commitment site.
  {
    name: "overview",
    script: "bench/overview.ts",
    args: quick ? ["--commitments", "20000", "--runs", "1"] : ["--runs", "2"],
  },
  { name: "xlsx", script: "bench/xlsx.ts", args: quick ? ["--commitments", "20000", "--runs", "1"] : [] },
];
const NOT_BUILT: { name: string; issue: string }[] = [];

const resultFiles = (name: string): Set<string> =>
  new Set(existsSync(RESULTS_DIR) ? readdirSync(RESULTS_DIR).filter((f) => f.startsWith(`${name}-`)) : []);

interface Ran {
  name: string;
  command: string;
  exitCode: number | null;
  seconds: number;
  resultFile: string | null;
  result: any;
}

const started = performance.now();
const ran: Ran[] = [];
for (const step of STEPS) {
  const command = `npx tsx ${step.script} ${step.args.join(" ")}`.trim();
  process.stdout.write(`\n━━ ${step.name}: ${command}\n`);
  const stepStarted = performance.now();
  let exitCode: number | null = 0;
  if (step.name === "load" && !existsSync(join(ROOT, "dist/index.html"))) {
    process.stdout.write("dist/ is missing: npm run build\n");
    exitCode = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" }).status;
  }
  const before = resultFiles(step.results ?? step.name);
  if (exitCode === 0) {
    exitCode = spawnSync("npx", ["tsx", step.script, ...step.args], { cwd: ROOT, stdio: "inherit" }).status;
  }
  const fresh = [...resultFiles(step.results ?? step.name)].filter((f) => !before.has(f)).sort();
  const file = fresh.length > 0 ? join(RESULTS_DIR, fresh[fresh.length - 1]) : null;
  let result: any = null;
  if (file && exitCode === 0) {
    try {
      result = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      process.stdout.write(`Could not read ${file}: ${(error as Error).message}\n`);
    }
  }
  ran.push({
    name: step.name,
    command,
    exitCode,
    seconds: (performance.now() - stepStarted) / 1000,
    resultFile: file ? relative(ROOT, file) : null,
    result,
  });
}
const totalSeconds = (performance.now() - started) / 1000;

// ---- one summary table ------------------------------------------------------------------

interface Row {
  benchmark: string;
  figure: string;
  value: string;
  reference: string;
  ratioOrGoal: string;
}
const rows: Row[] = [];
const row = (benchmark: string, figure: string, value: string, reference = "", ratioOrGoal = "") =>
  rows.push({ benchmark, figure, value, reference, ratioOrGoal });
const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const seconds = (x: number | null) => (x === null ? "—" : `${(x / 1000).toFixed(2)} s`);
const check = (x: number | null, goal: number) => (x === null ? "" : x <= goal ? " ✓" : " ✗");
const megabytes = (b: number | null) => (b === null ? "—" : `${(b / 1e6).toFixed(2)} MB`);

for (const step of ran) {
  const r = step.result;
  if (!r) {
    row(step.name, "—", `failed (exit ${step.exitCode})`, "", "see the output above");
    continue;
  }
  if (step.name === "load") {
    const goals = { firstChartMs: num(r.goals?.firstChartMs) ?? 1000, duckdbMs: num(r.goals?.duckdbMs) ?? 2500 };
    for (const page of r.pages ?? []) {
      const chart = num(page.firstChartMs);
      const duckdb = num(page.duckdbFirstQueryMs);
      if (chart !== null) {
        row(
          "load",
          `${page.page} first chart`,
          seconds(chart),
          "",
          `goal ≤ ${seconds(goals.firstChartMs)}${check(chart, goals.firstChartMs)}`,
        );
      }
      row(
        "load",
        `${page.page} DuckDB answers`,
        seconds(duckdb),
        "",
        `goal ≤ ${seconds(goals.duckdbMs)}${check(duckdb, goals.duckdbMs)}`,
      );
      const toBare = num(page.duckdbToBareEngine);
      if (toBare !== null) {
        const goal = num(r.goals?.duckdbToBareEngine) ?? 1.1;
        row(
          "load",
          `${page.page} first SQL answer ÷ bare engine`,
          `${toBare.toFixed(2)}×`,
          `bare engine ${seconds(num(r.bareEngine?.duckdbFirstQueryMs))}`,
          `goal ≤ ${goal}×${check(toBare, goal)}`,
        );
      }
      row(
        "load",
        `${page.page} transferred`,
        `${megabytes(num(page.bytes))} gzip`,
        `${megabytes(num(page.rawBytes))} raw`,
      );
    }
  } else if (step.name === "loaders") {
    const n = num(r.commitments);
    const ours = num(r.ours?.seconds);
    const native = num(r.nativeDuckDB?.seconds);
    const goal = r.goals ?? {};
    const at = `${(num(goal.forCommitments) ?? 1_000_000).toLocaleString("en")}`;
    row(
      "loaders",
      `pipeline, ${n?.toLocaleString("en") ?? "?"} commitments (${num(r.ours?.records)?.toLocaleString("en") ?? "?"} records)`,
      ours === null ? "—" : `${ours.toFixed(1)} s`,
      native === null ? "" : `native DuckDB ${native.toFixed(1)} s`,
      `${num(r.ratio)?.toFixed(1) ?? "?"}× · goal ≤ ${num(goal.seconds) ?? 60} s at ${at}`,
    );
    row(
      "loaders",
      "peak memory",
      `${num(r.ours?.peakMemoryMB) ?? "—"} MB`,
      "",
      `goal ≤ ${num(goal.peakMemoryMB) ?? 2048} MB at ${at}`,
    );
  } else if (step.name.startsWith("queries")) {
    const goal = num(r.goals?.ratio) ?? 2.5;
    const at = num(r.commitments)?.toLocaleString("en") ?? "?";
    for (const q of r.results ?? []) {
      const ratio = num(q.ratio);
      const one = num(q.ratioOneThread);
      row(
        step.name,
        `${at}: ${q.query} (${q.filters}), ${num(q.rows)?.toLocaleString("en") ?? "?"} ${q.rows === 1 ? "row" : "rows"}`,
        `${ms(num(q.wasm?.p50))} WASM`,
        `native ${ms(num(q.native?.p50))} · 1 thread ${ms(num(q.nativeOneThread?.p50))}`,
        ratio === null
          ? ""
          : `${ratio.toFixed(1)}×${check(ratio, goal)} · 1 thread ${one === null ? "?" : `${one.toFixed(1)}×${check(one, goal)}`} · goal ≤ ${goal}×`,
      );
    }
  } else if (step.name === "network") {
    const g = r.goals ?? {};
    const sum = r.summary ?? {};
    const first = (r.runs ?? [])[0] ?? {};
    const size = `${num(first.nodes)?.toLocaleString("en") ?? "?"} nodes, ${num(first.edges)?.toLocaleString("en") ?? "?"} links (${first.renderer ?? "?"})`;
    const goalRow = (figure: string, value: number | null, goal: number | null, unit = "ms") =>
      row(
        "network",
        figure,
        unit === "MB" ? `${value === null ? "—" : value.toFixed(0)} MB` : ms(value),
        "",
        goal === null ? "" : `goal ≤ ${goal} ${unit}${check(value, goal)}`,
      );
    goalRow(`first frame, ${size}`, num(sum.firstFrameMs), num(g.firstFrameMs));
    goalRow("layout settled (precomputed)", num(sum.settledMs), num(g.settledMs));
    goalRow("frame time p95, pan/zoom", num(sum.frameP95Ms), num(g.frameP95Ms));
    goalRow("filter → redrawn graph", num(sum.filterRedrawMs), num(g.filterRedrawMs));
    goalRow("longest main-thread task after first frame", num(sum.longestTaskMs), num(g.longestTaskMs));
    goalRow("JS heap", num(sum.heapMB), num(g.heapMB), "MB");
    const inpGoal = num(g.interactionMs);
    for (const i of sum.interactions ?? []) {
      const inp = num(i.inpMs);
      row(
        "network",
        `INP: ${i.label}`,
        inp === null ? "no input seen" : inp <= 16 ? "< 16 ms" : ms(inp),
        num(i.doneMs) === null ? "" : `redrawn ${ms(num(i.doneMs))}`,
        inpGoal === null ? "" : `goal ≤ ${inpGoal} ms${check(inp, inpGoal)}`,
      );
    }
    goalRow(
      "default dataset: tables loaded → SQL graph drawn",
      num(sum.defaultAfterTablesMs),
      num(g.defaultAfterTablesMs),
    );
  } else if (step.name === "timeline") {
    const goal = num(r.goals?.aggregationMs) ?? 200;
    const wasm = num(r.wasm?.aggregation?.p50);
    const ratio = num(r.ratio);
    const n = num(r.commitments)?.toLocaleString("en") ?? "?";
    row(
      "timeline",
      `month × sector aggregation, ${n} commitments`,
      `${ms(wasm)} WASM`,
      `native ${ms(num(r.native?.aggregation?.p50))} · WASM engine alone ${ms(num(r.wasm?.aggregationEngine?.p50))}`,
      `${ratio === null ? "?" : ratio.toFixed(1)}× · goal ≤ ${goal} ms${check(wasm, goal)}`,
    );
    row("timeline", "draw the density view", ms(num(r.wasm?.densityDraw?.p50)));
    const inpGoal = num(r.goals?.interactionMs) ?? 100;
    for (const i of r.interactions ?? []) {
      const inp = num(i.inpMs);
      row(
        "timeline",
        `INP: ${i.label}`,
        inp === null ? "no input seen" : inp <= 16 ? "< 16 ms" : ms(inp),
        num(i.doneMs) === null ? "" : `redrawn ${ms(num(i.doneMs))}`,
        `goal ≤ ${inpGoal} ms${check(inp, inpGoal)}`,
      );
    }
    row(
      "timeline",
      `draw one zoomed year's marks (${num(r.wasm?.year?.marks)?.toLocaleString("en") ?? "?"})`,
      ms(num(r.wasm?.year?.drawP50)),
      `query ${ms(num(r.wasm?.year?.queryMs))}`,
    );
  } else if (step.name === "overview") {
    // The last site measured is this build (a --before site comes first).
    const site = (r.results ?? []).at(-1);
    const steps: any[][] = site?.runs ?? [];
    const median = (i: number, key: string) =>
      quantile(
        steps.map((run) => num(run[i]?.[key])).filter((v): v is number => v !== null),
        0.5,
      );
    (steps[0] ?? []).forEach((st: { label: string }, i: number) => {
      const inp = median(i, "inpMs");
      const chart = median(i, "chartMs");
      row(
        "overview",
        `INP: ${st.label}`,
        inp === null ? "no input seen" : inp <= 16 ? "< 16 ms" : ms(inp),
        chart === null ? "" : `chart ${ms(chart)} · table ${ms(median(i, "tableMs"))}`,
        `goal ≤ 100 ms${check(inp, 100)}`,
      );
    });
  } else if (step.name === "xlsx") {
    const n = num(r.commitments)?.toLocaleString("en") ?? "?";
    const time = (x: unknown) => (num(x) === null ? "—" : `${(num(x) as number).toFixed(1)} s`);
    row(
      "xlsx",
      `read ${n} commitments from one workbook`,
      `${time(r.xlsx?.seconds)}, ${num(r.xlsx?.peakMemoryMB) ?? "—"} MB peak`,
      `as CSV ${time(r.csv?.seconds)}, ${num(r.csv?.peakMemoryMB) ?? "—"} MB peak`,
      `${num(r.ratio?.seconds)?.toFixed(1) ?? "?"}× the time`,
    );
  }
}
for (const missing of NOT_BUILT) row(missing.name, "—", "not built yet", "", `issue: ${missing.issue}`);

const m = machine();
const chromium = ran.map((s) => s.result?.chromium).find((c) => typeof c === "string") ?? null;
const queries = ran.find((s) => s.name === "queries")?.result;
process.stdout.write(
  `\n━━ Summary${quick ? " (--quick: small datasets, few runs)" : ""}\n` +
    `${describeMachine(m)}${chromium ? ` · Chromium ${chromium}` : ""}\n` +
    (queries
      ? `queries: ${num(queries.commitments)?.toLocaleString("en")} commitments, p50 of ${queries.runs} runs\n`
      : "") +
    "\n" +
    table([
      ["benchmark", "figure", "value", "reference", "ratio or goal"],
      ...rows.map((r) => [r.benchmark, r.figure, r.value, r.reference, r.ratioOrGoal]),
    ]) +
    "\n\n" +
    ran
      .map((s) => `${s.name}: ${s.seconds.toFixed(0)} s${s.exitCode === 0 ? "" : ` (exit ${s.exitCode})`}`)
      .join(" · ") +
    ` · total ${Math.floor(totalSeconds / 60)} min ${Math.round(totalSeconds % 60)} s\n`,
);

const date = new Date().toISOString();
const file = writeResult("all", date, {
  date,
  quick,
  ...m,
  chromium,
  totalSeconds,
  benchmarks: ran.map(({ result: _result, ...step }) => step),
  notBuilt: NOT_BUILT.map((b) => ({ ...b, status: "not built yet" })),
  summary: rows,
});
process.stdout.write(`Wrote ${file}\n`);
if (ran.some((s) => s.exitCode !== 0)) process.exit(1);
