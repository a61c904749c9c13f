/**
 * `npm run bench:load [--runs=3] [--dist=dist] [--timeout=30000] [--idle=2000] [--settle=1500] [--mbps=N [--latency=20]] [/ /sql /data …]`
 *
 * With --mbps, Chromium's network is throttled to N megabits per second
 * down (and up) with `latency` ms added to each request (DevTools'
 * network emulation), as a visitor on that connection would load the page;
 * without, pages load over loopback, where bytes cost almost nothing.
 *
 * Loads each page of the built site cold (new browser context, HTTP cache off)
 * in headless Chromium, several times, and reports the medians of:
 * - first chart: the page's performance.mark("chart:first") (or
 *   window.__accordMarks["chart:first"]); without one, the first element
 *   matching `[data-chart], .card svg, figure svg` to appear in the DOM;
 * - DuckDB answers: performance.mark("duckdb:first-query") set by
 *   src/components/db.ts when the first query returns;
 * - bytes: response bodies sent by the server for that load (gzipped, as a
 *   static host would send them), and of those the table files
 *   (_file/data/<table>.<hash>.parts or .arrow), in all and by table, and
 *   the build's first-draw files (_file/data/<name>.<hash>.json, e.g.
 *   overview.json, network-layout.json), gzip and raw, in all and by file;
 * - the first SQL answer as a ratio to the bare engine's: a reference page
 *   (bench/lib/bare-engine-page.ts) that only starts the same DuckDB-WASM
 *   from the same server and asks `select 42`, loaded cold as often as
 *   the pages, interleaved with them (goal: 1.1×). Odd runs load the pages
 *   in the order given, even ones in the reverse order.
 * - the longest main-thread task (Long Tasks API: tasks of 50 ms or more;
 *   0 when none) of the load, of those that started after the first chart
 *   (goal: 100 ms), and of those running while tables loaded (from the
 *   first .parts request to duckdb:ready).
 * A load ends once the page has had no new long task for `--settle` ms
 * (1,500 by default) after its marks: what it does once DuckDB is ready (a
 * graph from SQL compared with the first draw) is in the figures too. At a
 * million commitments the network's SQL graph comes 2–3 s after the tables:
 * use `--settle=4000` there.
 * The first chart's goal is 0.5 s on a site of the bundled dataset's size
 * (up to 10,000 commitments, read from the build's tables.json), 1.0 s on a
 * larger one (1,000,000 commitments).
 * All times are milliseconds since navigation start. Results also go to
 * bench/results/load-<timestamp>.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage } from "../devtools/browser-harness.js";
import { type StaticServer, startStaticServer } from "../scripts/static-server.js";
import { FIRST_CHART_MARK } from "../src/lib/model/load-marks.js";
import { BARE_ENGINE_PATH, writeBareEnginePage } from "./lib/bare-engine-page.js";

const GOALS = { firstChartMs: 1000, duckdbMs: 2500, duckdbToBareEngine: 1.1, longestTaskAfterChartMs: 100 };
/** Up to this many commitments a site counts as the bundled dataset's size, whose first chart's goal is 0.5 s. */
const SMALL_SITE = 10_000;

/** The first chart's goal for a built site: 0.5 s on a dataset the size of the bundled one, 1.0 s on a large one. */
function firstChartGoalMs(dist: string): number {
  const dir = resolve(dist, "_file/data");
  const manifest = existsSync(dir)
    ? readdirSync(dir).find((name) => /^tables\.[0-9a-f]+\.json$/.test(name))
    : undefined;
  if (!manifest) return GOALS.firstChartMs;
  const tables = JSON.parse(readFileSync(resolve(dir, manifest), "utf8")) as {
    tables?: { commitments?: { rows?: number } };
  };
  return (tables.tables?.commitments?.rows ?? Number.POSITIVE_INFINITY) <= SMALL_SITE ? 500 : 1000;
}
/** A table file as Framework names it in dist/. */
const TABLE_FILE = /\/_file\/data\/([a-z_]+)\.[0-9a-f]+\.(?:parts|arrow)$/;
/** A build-time first-draw file (a JSON data loader's output) as Framework names it in dist/. */
const FIRST_DRAW_FILE = /\/_file\/data\/([a-z0-9_-]+)\.[0-9a-f]+\.json$/;
const CHART_SELECTOR = "[data-chart], .card svg, figure svg";

interface Options {
  /** Throttled download speed in megabits per second, or undefined for loopback speed. */
  mbps?: number;
  latencyMs: number;
  pages: string[];
  runs: number;
  dist: string;
  timeoutMs: number;
  idleMs: number;
  /** Quiet time (no new long task) a page gets after its marks, before the load ends. */
  settleMs: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    pages: [],
    runs: 3,
    dist: "dist",
    timeoutMs: 30_000,
    idleMs: 2_000,
    settleMs: 1_500,
    latencyMs: 20,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split("=", 2);
    if (flag === "--runs") options.runs = Math.max(1, Number(value));
    else if (flag === "--dist") options.dist = value;
    else if (flag === "--timeout") options.timeoutMs = Number(value);
    else if (flag === "--idle") options.idleMs = Number(value);
    else if (flag === "--settle") options.settleMs = Number(value);
    else if (flag === "--mbps") options.mbps = Number(value);
    else if (flag === "--latency") options.latencyMs = Number(value);
    else if (arg.startsWith("--")) {
      console.error(
        `Unknown option ${arg}. Usage: npm run bench:load -- [--runs=3] [--dist=dist] [--idle=2000] [--settle=1500] [--mbps=N [--latency=20]] [/ /sql /data]`,
      );
      process.exit(2);
    } else options.pages.push(arg.startsWith("/") ? arg : `/${arg}`);
  }
  if (options.pages.length === 0) options.pages = ["/", "/network", "/timeline", "/sql", "/data"];
  if (
    !Number.isFinite(options.runs) ||
    !Number.isFinite(options.timeoutMs) ||
    !Number.isFinite(options.latencyMs) ||
    (options.mbps !== undefined && !(options.mbps > 0))
  ) {
    console.error("--runs, --timeout, --latency and --mbps take numbers (--mbps above 0).");
    process.exit(2);
  }
  return options;
}

/** Runs in the page before its scripts: notes when the first chart appears. */
const INSTRUMENT = `(() => {
  const marks = (window.__benchMarks = {});
  const check = () => {
    if (marks.chartSeen === undefined && document.querySelector(${JSON.stringify(CHART_SELECTOR)})) {
      marks.chartSeen = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-chart"]});
  marks.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) marks.longTasks.push([task.startTime, task.duration]);
    }).observe({type: "longtask", buffered: true});
  } catch {}
})();`;

interface Marks {
  chart: number | null;
  chartSource: "mark" | "dom" | null;
  duckdb: number | null;
  duckdbReady: number | null;
  load: number | null;
  /**
   * The longest main-thread task (Long Tasks API, ≥ 50 ms) of the whole load,
   * of those that started after the first chart (goal 100 ms), and of those
   * while tables loaded.
   */
  longestTask: number | null;
  longestTaskAfterChart: number | null;
  longestTaskTables: number | null;
}

/**
 * Runs in the page: reads the marks (times since navigation start). A string,
 * not a function, because tsx's transform adds helpers that do not exist in
 * the page.
 */
const READ_MARKS = `(() => {
  const mark = (name) =>
    performance.getEntriesByName(name, "mark")[0]?.startTime ?? window.__accordMarks?.[name] ?? null;
  const chartMark = mark(${JSON.stringify(FIRST_CHART_MARK)});
  const chartSeen = window.__benchMarks?.chartSeen ?? null;
  const navigation = performance.getEntriesByType("navigation")[0];
  const tasks = window.__benchMarks?.longTasks ?? [];
  const longest = (xs) => (xs.length ? Math.max(...xs.map(([, d]) => d)) : null);
  // Tables load from their first request until duckdb:ready (or now).
  const parts = performance.getEntriesByType("resource").filter((r) => /.parts$/.test(new URL(r.name).pathname));
  const tablesFrom = parts.length ? Math.min(...parts.map((r) => r.startTime)) : null;
  const tablesTo = mark("duckdb:ready") ?? performance.now();
  return {
    longestTask: longest(tasks) ?? 0,
    longestTaskAfterChart: (chartMark ?? chartSeen) === null ? null : longest(tasks.filter(([s]) => s > (chartMark ?? chartSeen))) ?? 0,
    longestTaskTables: tablesFrom === null ? null : longest(tasks.filter(([s, d]) => s < tablesTo && s + d > tablesFrom)) ?? 0,
    chart: chartMark ?? chartSeen,
    chartSource: chartMark !== null ? "mark" : chartSeen !== null ? "dom" : null,
    duckdb: mark("duckdb:first-query"),
    duckdbReady: mark("duckdb:ready"),
    load: navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : null,
  };
})()`;

interface Run extends Marks {
  bytes: number;
  /** Bytes of table files sent, in all and by table. */
  tableBytes: number;
  byTable: Record<string, number>;
  /** Bytes of the build's first-draw files, gzip as sent and raw, in all and by file. */
  firstDrawBytes: number;
  firstDrawRawBytes: number;
  byFirstDraw: Record<string, { bytes: number; rawBytes: number }>;
  rawBytes: number;
  requests: number;
  notFound: string[];
  consoleErrors: string[];
  outsideRequests: string[];
  timedOut: boolean;
}

function median(values: (number | null)[]): number | null {
  const xs = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

const milliseconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms)} ms`);
const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (bytes: number | null) =>
  bytes === null ? "—" : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
const verdict = (ms: number | null, goal: number) => (ms === null ? " " : ms <= goal ? "✓" : "✗");

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

/** Throttles the page's network as DevTools does (the page's own requests; its workers share the network stack). */
async function throttle(page: Page, options: Options): Promise<void> {
  const bytesPerSecond = ((options.mbps ?? 0) * 1e6) / 8;
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: options.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
}

interface PageResult {
  page: string;
  firstChartMs: number | null;
  chartSource: Marks["chartSource"];
  duckdbFirstQueryMs: number | null;
  /** The first SQL answer divided by the bare engine's (medians), or null. */
  duckdbToBareEngine: number | null;
  duckdbReadyMs: number | null;
  loadEventMs: number | null;
  /** Medians of the longest main-thread task of each load, of those after the first chart, and of those while tables loaded. */
  longestTaskMs: number | null;
  longestTaskAfterChartMs: number | null;
  longestTaskTablesMs: number | null;
  bytes: number | null;
  tableBytes: number | null;
  byTable: Record<string, number>;
  firstDrawBytes: number | null;
  firstDrawRawBytes: number | null;
  byFirstDraw: Record<string, { bytes: number; rawBytes: number }>;
  rawBytes: number | null;
  requests: number | null;
  runs: Run[];
}

/** The medians of a page's runs. */
function summarize(page: string, runs: Run[], bareEngineMs: number | null): PageResult {
  const last = runs[runs.length - 1];
  const duckdb = median(runs.map((r) => r.duckdb));
  return {
    page,
    firstChartMs: median(runs.map((r) => r.chart)),
    chartSource: last.chartSource,
    duckdbFirstQueryMs: duckdb,
    duckdbToBareEngine: duckdb !== null && bareEngineMs ? duckdb / bareEngineMs : null,
    duckdbReadyMs: median(runs.map((r) => r.duckdbReady)),
    loadEventMs: median(runs.map((r) => r.load)),
    longestTaskMs: median(runs.map((r) => r.longestTask)),
    longestTaskAfterChartMs: median(runs.map((r) => r.longestTaskAfterChart)),
    longestTaskTablesMs: median(runs.map((r) => r.longestTaskTables)),
    bytes: median(runs.map((r) => r.bytes)),
    tableBytes: median(runs.map((r) => r.tableBytes)),
    byTable: last.byTable,
    firstDrawBytes: median(runs.map((r) => r.firstDrawBytes)),
    firstDrawRawBytes: median(runs.map((r) => r.firstDrawRawBytes)),
    byFirstDraw: last.byFirstDraw,
    rawBytes: median(runs.map((r) => r.rawBytes)),
    requests: median(runs.map((r) => r.requests)),
    runs,
  };
}

function printProblems(runs: Run[], options: Options): void {
  const last = runs[runs.length - 1];
  for (const problem of [
    ...last.notFound.map((p) => `404 ${p}`),
    ...last.consoleErrors,
    ...last.outsideRequests.map((u) => `outside request: ${u}`),
    ...(runs.some((r) => r.timedOut) ? [`timed out after ${options.timeoutMs} ms`] : []),
  ]) {
    console.log(`  ! ${problem.split("\n")[0]}`);
  }
}

const ratio = (x: number | null) => (x === null ? "—" : `${x.toFixed(2)}×`);

function printResults(results: PageResult[], bare: PageResult, options: Options): void {
  console.log(
    `\nMedians of ${options.runs} cold load(s). Goals: first chart ≤ ${seconds(GOALS.firstChartMs)}, DuckDB ≤ ${seconds(GOALS.duckdbMs)}, first SQL answer ≤ ${GOALS.duckdbToBareEngine}× the bare engine's, no task over ${GOALS.longestTaskAfterChartMs} ms after the first chart.\n`,
  );
  console.log(
    `Bare engine (${BARE_ENGINE_PATH}: the same DuckDB-WASM, \`select 42\`): first answer ${seconds(bare.duckdbFirstQueryMs)}, ${megabytes(bare.bytes)} gzip.\n`,
  );
  const header = [
    "page",
    "first chart",
    "",
    "DuckDB answers",
    "",
    "÷ bare engine",
    "",
    "DuckDB ready",
    "load event",
    "longest task (after chart · tables)",
    "",
    "bytes (gzip)",
    "of which tables",
    "first draws (gzip · raw)",
    "raw",
    "requests",
  ];
  const body = results.map((r) => [
    r.page,
    seconds(r.firstChartMs) + (r.chartSource === "dom" ? " (dom)" : ""),
    verdict(r.firstChartMs, GOALS.firstChartMs),
    seconds(r.duckdbFirstQueryMs),
    verdict(r.duckdbFirstQueryMs, GOALS.duckdbMs),
    ratio(r.duckdbToBareEngine),
    r.duckdbToBareEngine === null ? " " : r.duckdbToBareEngine <= GOALS.duckdbToBareEngine ? "✓" : "✗",
    seconds(r.duckdbReadyMs),
    seconds(r.loadEventMs),
    `${milliseconds(r.longestTaskMs)} (${milliseconds(r.longestTaskAfterChartMs)} · ${milliseconds(r.longestTaskTablesMs)})`,
    verdict(r.longestTaskAfterChartMs, GOALS.longestTaskAfterChartMs),
    megabytes(r.bytes),
    megabytes(r.tableBytes),
    r.firstDrawBytes ? `${megabytes(r.firstDrawBytes)} · ${megabytes(r.firstDrawRawBytes)}` : "none",
    megabytes(r.rawBytes),
    String(r.requests ?? "—"),
  ]);
  console.log(table([header, ...body]));
  console.log("\nTable bytes by page (last run):");
  for (const r of results) {
    const parts = Object.entries(r.byTable)
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => `${name} ${megabytes(bytes)}`);
    console.log(`  ${r.page}: ${parts.length ? parts.join(", ") : "none"}`);
  }
  console.log("\nFirst-draw files by page (last run; gzip as sent · raw):");
  for (const r of results) {
    const files = Object.entries(r.byFirstDraw)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([name, b]) => `${name}.json ${megabytes(b.bytes)} · ${megabytes(b.rawBytes)}`);
    console.log(`  ${r.page}: ${files.length ? files.join(", ") : "none"}`);
  }
  console.log("\n— means the page never reached that point (no chart, or no DuckDB query).");
}

/** What the server sent during one load, and when it last sent anything. */
interface Traffic {
  lastActivity: number;
  loadsDuckDB: boolean;
  byTable: Record<string, number>;
  byFirstDraw: Record<string, { bytes: number; rawBytes: number }>;
}

const freshTraffic = (): Traffic => ({ lastActivity: Date.now(), loadsDuckDB: false, byTable: {}, byFirstDraw: {} });

/** Records a response into the current load's traffic. */
function recordResponse(traffic: Traffic, path: string, bytes: number, rawBytes: number): void {
  traffic.lastActivity = Date.now();
  if (path.endsWith(".wasm")) traffic.loadsDuckDB = true;
  const table = TABLE_FILE.exec(path)?.[1];
  if (table) traffic.byTable[table] = (traffic.byTable[table] ?? 0) + bytes;
  const firstDraw = FIRST_DRAW_FILE.exec(path)?.[1];
  if (firstDraw) {
    const seen = traffic.byFirstDraw[firstDraw] ?? { bytes: 0, rawBytes: 0 };
    traffic.byFirstDraw[firstDraw] = { bytes: seen.bytes + bytes, rawBytes: seen.rawBytes + rawBytes };
  }
}

/**
 * Waits until the page has had no new long task for settleMs (the work a
 * page does after DuckDB is ready: a graph or chart from SQL, compared with
 * the first draw and redrawn), within the timeout, and reads its marks again,
 * so the longest task after the first chart covers that work too.
 */
async function settle(page: Page, marks: Marks, start: number, options: Options): Promise<Marks> {
  const count = () => page.evaluate("(window.__benchMarks?.longTasks ?? []).length") as Promise<number>;
  let seen = await count();
  let quietSince = Date.now();
  while (Date.now() - quietSince < options.settleMs && Date.now() - start < options.timeoutMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await count();
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
  return { ...marks, ...((await page.evaluate(READ_MARKS)) as Marks) };
}

/**
 * Loads a page cold and waits for its marks. A page that fetched DuckDB's
 * wasm gets until the timeout for its first query (compiling the wasm is
 * quiet on the network); otherwise it is done once nothing has happened (no
 * request, no new mark) for idleMs: the page has no chart or no query. The
 * bare engine page draws no chart: done once it has answered.
 */
async function loadOnce(
  browser: Browser,
  server: StaticServer,
  traffic: Traffic,
  path: string,
  options: Options,
): Promise<Run> {
  server.reset();
  Object.assign(traffic, freshTraffic());
  const start = Date.now();
  const wantsChart = path !== BARE_ENGINE_PATH;
  // Observe requests without routing them: routing costs a round trip to
  // playwright per request (~0.3–0.5 s on DuckDB pages), which a visitor
  // would not pay. A new context starts with an empty cache.
  const handle = await openPage(browser, `${server.url}${path}`, {
    initScripts: [INSTRUMENT],
    intercept: false,
    beforeGoto: options.mbps === undefined ? undefined : (page) => throttle(page, options),
  });
  let marks = (await handle.page.evaluate(READ_MARKS)) as Marks;
  let timedOut = false;
  for (;;) {
    const chartDone = marks.chart !== null || !wantsChart;
    if (chartDone && marks.duckdb !== null && (marks.duckdbReady !== null || !traffic.loadsDuckDB)) break;
    const waitingForDuckDB = traffic.loadsDuckDB && marks.duckdb === null;
    if (!waitingForDuckDB && Date.now() - traffic.lastActivity > options.idleMs) break;
    if (Date.now() - start > options.timeoutMs) {
      timedOut = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
    const next = (await handle.page.evaluate(READ_MARKS)) as Marks;
    if (next.chart !== marks.chart || next.duckdb !== marks.duckdb || next.duckdbReady !== marks.duckdbReady) {
      traffic.lastActivity = Date.now();
    }
    marks = next;
  }
  if (!timedOut) marks = await settle(handle.page, marks, start, options);
  const stats = server.stats();
  await handle.close();
  const firstDraws = Object.values(traffic.byFirstDraw);
  return {
    ...marks,
    bytes: stats.bytes,
    tableBytes: Object.values(traffic.byTable).reduce((n, b) => n + b, 0),
    byTable: traffic.byTable,
    firstDrawBytes: firstDraws.reduce((n, b) => n + b.bytes, 0),
    firstDrawRawBytes: firstDraws.reduce((n, b) => n + b.rawBytes, 0),
    byFirstDraw: traffic.byFirstDraw,
    rawBytes: stats.rawBytes,
    requests: stats.requests,
    notFound: stats.notFound,
    consoleErrors: handle.consoleErrors,
    outsideRequests: handle.outsideRequests,
    timedOut,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(options.dist);
  if (!existsSync(resolve(dist, "index.html"))) {
    console.error(
      `No built site in ${dist} (index.html is missing). Run \`npm run build\` first, then \`npm run bench:load\`.`,
    );
    process.exit(1);
  }
  GOALS.firstChartMs = firstChartGoalMs(dist);
  const traffic = freshTraffic();
  const overlay = writeBareEnginePage(dist);
  const server = await startStaticServer({
    root: dist,
    overlay: overlay.dir,
    onResponse: ({ path, bytes, rawBytes }) => recordResponse(traffic, path, bytes, rawBytes),
  });
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  const cpus = os.cpus();
  const loadAverage = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ");
  console.log(
    `Chromium ${chromiumVersion} · ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}) · Node ${process.version} · load average ${loadAverage()}`,
  );
  console.log(
    `Serving ${dist} at ${server.url}; ${options.runs} cold load(s) per page after one warm-up, the pages and the bare engine interleaved, every other run in reverse order${options.mbps === undefined ? "" : `; network throttled to ${options.mbps} Mbit/s, ${options.latencyMs} ms latency`}.\n`,
  );
  const paths = [...options.pages, BARE_ENGINE_PATH];
  const runsOf = new Map<string, Run[]>(paths.map((p) => [p, []]));
  try {
    process.stdout.write("warm-up");
    for (const path of paths) await loadOnce(browser, server, traffic, path, options); // fills the gzip cache
    process.stdout.write("\n");
    // Round after round, every page once per round, so the pages and the
    // reference meet the same neighbours on a shared machine; every other
    // round in the reverse order, so that of two pages side by side neither
    // is always loaded first (on 7 Dec 2026 the first of a pair of builds
    // of /network was the faster in each of three runs, whichever build it was).
    for (let i = 0; i < options.runs; ++i) {
      process.stdout.write(`run ${i + 1}:`);
      for (const path of i % 2 === 0 ? paths : [...paths].reverse()) {
        const run = await loadOnce(browser, server, traffic, path, options);
        runsOf.get(path)?.push(run);
        process.stdout.write(` ${path} (chart ${seconds(run.chart)}, DuckDB ${seconds(run.duckdb)})`);
      }
      process.stdout.write(`; load average ${loadAverage()}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(overlay.dir, { recursive: true, force: true });
  }
  for (const path of paths) {
    const runs = runsOf.get(path) ?? [];
    if (runs.some((r) => r.notFound.length || r.consoleErrors.length || r.outsideRequests.length || r.timedOut)) {
      console.log(`${path}:`);
      printProblems(runs, options);
    }
  }
  const bare = summarize(BARE_ENGINE_PATH, runsOf.get(BARE_ENGINE_PATH) ?? [], null);
  const results = options.pages.map((path) => summarize(path, runsOf.get(path) ?? [], bare.duckdbFirstQueryMs));
  printResults(results, bare, options);
  writeReport({ chromiumVersion, cpus, options, bare, results });
}

function writeReport(r: {
  chromiumVersion: string;
  cpus: os.CpuInfo[];
  options: Options;
  bare: PageResult;
  results: PageResult[];
}): void {
  const report = {
    date: new Date().toISOString(),
    chromium: r.chromiumVersion,
    cores: r.cpus.length,
    cpu: r.cpus[0]?.model.trim() ?? null,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg(),
    runsPerPage: r.options.runs,
    network: r.options.mbps === undefined ? "loopback" : { mbps: r.options.mbps, latencyMs: r.options.latencyMs },
    goals: GOALS,
    chartSelector: CHART_SELECTOR,
    bareEngine: r.bare,
    pages: r.results,
  };
  const dir = resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `load-${report.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${file}`);
}

await main();
