/**
 * `npm run bench:load [--runs=3] [--dist=dist] [--timeout=30000] [--mbps=N [--latency=20]] [/ /sql /data …]`
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
 *   (_file/data/<table>.<hash>.parts or .arrow), in all and by table.
 * All times are milliseconds since navigation start. Results also go to
 * bench/results/load-<timestamp>.json.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, openPage } from "../devtools/browser-harness.js";
import { startStaticServer } from "../scripts/static-server.js";

const GOALS = { firstChartMs: 1000, duckdbMs: 2500 };
/** A table file as Framework names it in dist/. */
const TABLE_FILE = /\/_file\/data\/([a-z_]+)\.[0-9a-f]+\.(?:parts|arrow)$/;
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
}

function parseArgs(argv: string[]): Options {
  const options: Options = { pages: [], runs: 3, dist: "dist", timeoutMs: 30_000, idleMs: 2_000, latencyMs: 20 };
  for (const arg of argv) {
    const [flag, value] = arg.split("=", 2);
    if (flag === "--runs") options.runs = Math.max(1, Number(value));
    else if (flag === "--dist") options.dist = value;
    else if (flag === "--timeout") options.timeoutMs = Number(value);
    else if (flag === "--idle") options.idleMs = Number(value);
    else if (flag === "--mbps") options.mbps = Number(value);
    else if (flag === "--latency") options.latencyMs = Number(value);
    else if (arg.startsWith("--")) {
      console.error(
        `Unknown option ${arg}. Usage: npm run bench:load -- [--runs=3] [--dist=dist] [--mbps=N [--latency=20]] [/ /sql /data]`,
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
})();`;

interface Marks {
  chart: number | null;
  chartSource: "mark" | "dom" | null;
  duckdb: number | null;
  duckdbReady: number | null;
  load: number | null;
}

/**
 * Runs in the page: reads the marks (times since navigation start). A string,
 * not a function, because tsx's transform adds helpers that do not exist in
 * the page.
 */
const READ_MARKS = `(() => {
  const mark = (name) =>
    performance.getEntriesByName(name, "mark")[0]?.startTime ?? window.__accordMarks?.[name] ?? null;
  const chartMark = mark("chart:first");
  const chartSeen = window.__benchMarks?.chartSeen ?? null;
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
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

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(options.dist);
  if (!existsSync(resolve(dist, "index.html"))) {
    console.error(
      `No built site in ${dist} (index.html is missing). Run \`npm run build\` first, then \`npm run bench:load\`.`,
    );
    process.exit(1);
  }

  let lastActivity = Date.now();
  let loadsDuckDB = false;
  let byTable: Record<string, number> = {};
  const server = await startStaticServer({
    root: dist,
    onResponse: ({ path, bytes }) => {
      lastActivity = Date.now();
      if (path.endsWith(".wasm")) loadsDuckDB = true;
      const table = TABLE_FILE.exec(path)?.[1];
      if (table) byTable[table] = (byTable[table] ?? 0) + bytes;
    },
  });
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  const cpus = os.cpus();
  console.log(
    `Chromium ${chromiumVersion} · ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}) · Node ${process.version}`,
  );
  console.log(
    `Serving ${dist} at ${server.url}; ${options.runs} cold load(s) per page after one warm-up${options.mbps === undefined ? "" : `; network throttled to ${options.mbps} Mbit/s, ${options.latencyMs} ms latency`}.\n`,
  );

  const loadOnce = async (path: string): Promise<Run> => {
    server.reset();
    byTable = {};
    lastActivity = Date.now();
    loadsDuckDB = false;
    const start = Date.now();
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
    // Wait for both marks. A page that fetched DuckDB's wasm gets until the
    // timeout for its first query (compiling the wasm is quiet on the
    // network); otherwise give up once nothing has happened (no request, no
    // new mark) for idleMs: the page has no chart or no query.
    for (;;) {
      if (marks.chart !== null && marks.duckdb !== null && (marks.duckdbReady !== null || !loadsDuckDB)) break;
      const waitingForDuckDB = loadsDuckDB && marks.duckdb === null;
      if (!waitingForDuckDB && Date.now() - lastActivity > options.idleMs) break;
      if (Date.now() - start > options.timeoutMs) {
        timedOut = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
      const next = (await handle.page.evaluate(READ_MARKS)) as Marks;
      if (next.chart !== marks.chart || next.duckdb !== marks.duckdb || next.duckdbReady !== marks.duckdbReady) {
        lastActivity = Date.now();
      }
      marks = next;
    }
    const stats = server.stats();
    await handle.close();
    return {
      ...marks,
      bytes: stats.bytes,
      tableBytes: Object.values(byTable).reduce((n, b) => n + b, 0),
      byTable,
      rawBytes: stats.rawBytes,
      requests: stats.requests,
      notFound: stats.notFound,
      consoleErrors: handle.consoleErrors,
      outsideRequests: handle.outsideRequests,
      timedOut,
    };
  };

  const results = [];
  try {
    for (const path of options.pages) {
      process.stdout.write(`${path}: warm-up`);
      await loadOnce(path); // fills the server's gzip cache; not counted
      const runs: Run[] = [];
      for (let i = 0; i < options.runs; ++i) {
        const run = await loadOnce(path);
        runs.push(run);
        process.stdout.write(`, run ${i + 1} (chart ${seconds(run.chart)}, DuckDB ${seconds(run.duckdb)})`);
      }
      process.stdout.write("\n");
      const last = runs[runs.length - 1];
      for (const problem of [
        ...last.notFound.map((p) => `404 ${p}`),
        ...last.consoleErrors,
        ...last.outsideRequests.map((u) => `outside request: ${u}`),
        ...(runs.some((r) => r.timedOut) ? [`timed out after ${options.timeoutMs} ms`] : []),
      ]) {
        console.log(`  ! ${problem.split("\n")[0]}`);
      }
      results.push({
        page: path,
        firstChartMs: median(runs.map((r) => r.chart)),
        chartSource: last.chartSource,
        duckdbFirstQueryMs: median(runs.map((r) => r.duckdb)),
        duckdbReadyMs: median(runs.map((r) => r.duckdbReady)),
        loadEventMs: median(runs.map((r) => r.load)),
        bytes: median(runs.map((r) => r.bytes)),
        tableBytes: median(runs.map((r) => r.tableBytes)),
        byTable: last.byTable,
        rawBytes: median(runs.map((r) => r.rawBytes)),
        requests: median(runs.map((r) => r.requests)),
        runs,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(
    `\nMedians of ${options.runs} cold load(s). Goals: first chart ≤ ${seconds(GOALS.firstChartMs)}, DuckDB ≤ ${seconds(GOALS.duckdbMs)}.\n`,
  );
  const header = [
    "page",
    "first chart",
    "",
    "DuckDB answers",
    "",
    "DuckDB ready",
    "load event",
    "bytes (gzip)",
    "of which tables",
    "raw",
    "requests",
  ];
  const body = results.map((r) => [
    r.page,
    seconds(r.firstChartMs) + (r.chartSource === "dom" ? " (dom)" : ""),
    verdict(r.firstChartMs, GOALS.firstChartMs),
    seconds(r.duckdbFirstQueryMs),
    verdict(r.duckdbFirstQueryMs, GOALS.duckdbMs),
    seconds(r.duckdbReadyMs),
    seconds(r.loadEventMs),
    megabytes(r.bytes),
    megabytes(r.tableBytes),
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
  console.log("\n— means the page never reached that point (no chart, or no DuckDB query).");

  const report = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? null,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    runsPerPage: options.runs,
    network: options.mbps === undefined ? "loopback" : { mbps: options.mbps, latencyMs: options.latencyMs },
    goals: GOALS,
    chartSelector: CHART_SELECTOR,
    pages: results,
  };
  const dir = resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `load-${report.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${file}`);
}

await main();
