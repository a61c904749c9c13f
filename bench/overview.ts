/**
 * `npm run bench:overview -- [--commitments 1000000] [--seed 1] [--runs 3] [--dist DIR] [--before DIR]`
 *
 * The overview (`/`) on a site built on `--commitments` synthetic records
 * (the data and site bench/timeline.ts and bench/queries.ts use, reused when
 * present), in headless Chromium, once the page has settled: the Sector menu
 * opened, the busiest sector ticked and unticked with real input. For each
 * step, Chromium's Event Timing (input to the next paint, as INP counts it)
 * and, for the filter changes, the time from the input until the page shows
 * the new filter's headline, its sector chart and its table's count. The
 * chart's queries go first (src/lib/client/chart-turn.ts), so the headline
 * and chart are the figures to read against "every chart first"; the table
 * follows. `--dist` is the site to measure (default: this checkout built on
 * the records); `--before` a site built the same way from another commit,
 * measured in the same run, run by run in turn. Prints medians beside the
 * goal and writes bench/results/overview-<date>.json.
 */
import type { Browser, Page } from "playwright-core";
import { openPage } from "../devtools/browser-harness.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import { EVENT_TIMING_OBSERVER, timeInteraction } from "./lib/interaction-timing.js";
import { WAIT_CALM } from "./lib/page.js";
import { loadAverages, measureInTurn, type Site } from "./lib/side-by-side.js";
import { buildSite, ensureData } from "./lib/synthetic-site.js";

const USAGE =
  "Usage: npm run bench:overview -- [--commitments 1000000] [--seed 1] [--runs 3] [--dist DIR] [--before DIR]";
const flags = parseFlags(process.argv.slice(2), ["commitments", "seed", "runs", "dist", "before"], [], USAGE);
const commitments = intFlag(flags, "commitments", 1_000_000, USAGE);
const seed = String(intFlag(flags, "seed", 1, USAGE));
const runs = intFlag(flags, "runs", 3, USAGE);
const INP_GOAL_MS = 100;
const CHART_GOAL_MS = 1000;
const STEP_LIMIT_MS = 120_000;

/** One step's figures (ms): INP, and for a filter change the headline, chart and table shown anew. */
interface Step {
  label: string;
  inpMs: number | null;
  headlineMs: number | null;
  chartMs: number | null;
  tableMs: number | null;
}

/** The table's heading, which leads with the number of matching records. */
const TABLE_COUNT = `[...document.querySelectorAll("h3")].find((h) => / records · /.test(h.textContent))?.textContent ?? ""`;

/**
 * Starts watching, in the page, for what a filter change replaces: the
 * headline cards (a new element), the sector chart's drawing (a new SVG) and
 * the table's count (new text). Each is noted, at its animation frame, in
 * window.__overviewSeen.
 */
const WATCH = `(() => {
  const head = document.querySelector('[data-testid="headline"]');
  const svg = document.querySelector(".card svg");
  const count = ${TABLE_COUNT};
  const seen = (window.__overviewSeen = {});
  const started = performance.now();
  const tick = () => {
    const now = performance.now();
    const h = document.querySelector('[data-testid="headline"]');
    if (seen.headline === undefined && h && h !== head) seen.headline = now;
    const s = document.querySelector(".card svg");
    if (seen.chart === undefined && s && s !== svg) seen.chart = now;
    if (seen.table === undefined && (${TABLE_COUNT}) !== count) seen.table = now;
    const all = seen.headline !== undefined && seen.chart !== undefined && seen.table !== undefined;
    if (!all && now - started < ${STEP_LIMIT_MS}) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Resolves to the page time at which all three were seen (polled from outside: the page's CSP refuses waitForFunction). */
async function allSeen(page: Page): Promise<number> {
  for (let waited = 0; waited < STEP_LIMIT_MS; waited += 50) {
    const seen = (await page.evaluate("window.__overviewSeen")) as Record<string, number>;
    if (seen.headline !== undefined && seen.chart !== undefined && seen.table !== undefined) {
      return Math.max(seen.headline, seen.chart, seen.table);
    }
    await page.waitForTimeout(50);
  }
  throw new Error("the headline, chart and table were not all shown anew within 2 minutes");
}

/** One filter change with real input: INP, and when the headline, chart and table were shown anew. */
async function filterStep(page: Page, label: string, act: () => Promise<void>): Promise<Step> {
  await page.evaluate(WATCH);
  const timing = await timeInteraction(page, label, act, { done: () => allSeen(page) });
  const seen = (await page.evaluate("window.__overviewSeen")) as Record<string, number>;
  // doneMs counts from the input to the last of the three to be seen: the input's page time.
  const input = Math.max(seen.headline, seen.chart, seen.table) - (timing.doneMs ?? 0);
  const since = (at: number | undefined) => (at === undefined ? null : at - input);
  await page.evaluate(WAIT_CALM);
  return {
    label,
    inpMs: timing.inpMs,
    headlineMs: since(seen.headline),
    chartMs: since(seen.chart),
    tableMs: since(seen.table),
  };
}

/** The sector with the most commitments among those the filter bar offers. */
const BUSIEST_SECTOR = `(async () => {
  const aa = globalThis.__accordAtlas; const db = await aa.database();
  const offered = [...document.querySelectorAll('.aa-filters input[name="sector"]')].map((b) => b.value);
  const [top] = await db.query(aa.sql(["SELECT sector FROM commitments WHERE sector IN (", ") GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"], offered));
  return top.sector;
})()`;

/** One cold load of `/`, settled (DuckDB's numbers and the table shown, the engine quiet), then the steps. */
async function measure(browser: Browser, url: string): Promise<Step[]> {
  const handle = await openPage(browser, `${url}/`, {
    initScripts: [EVENT_TIMING_OBSERVER],
    intercept: false,
    viewport: { width: 1920, height: 1080 },
  });
  const { page } = handle;
  page.setDefaultTimeout(STEP_LIMIT_MS);
  try {
    await page.waitForSelector('[data-testid="headline"][data-source="duckdb"]', { state: "attached" });
    for (let waited = 0; !(await page.evaluate(`(${TABLE_COUNT}) !== ""`)); waited += 100) {
      if (waited > STEP_LIMIT_MS) throw new Error("the table was not shown within 2 minutes");
      await page.waitForTimeout(100);
    }
    await page.evaluate(WAIT_CALM);
    const sector = (await page.evaluate(BUSIEST_SECTOR)) as string;
    const box = page.locator(`.aa-filters input[name="sector"][value=${JSON.stringify(sector)}]`);
    const menu = await timeInteraction(page, "open the Sector menu", () =>
      page.click('details[data-filter="sector"] summary'),
    );
    const steps: Step[] = [
      { label: "open the Sector menu", inpMs: menu.inpMs, headlineMs: null, chartMs: null, tableMs: null },
    ];
    steps.push(await filterStep(page, "tick the busiest sector", () => box.click()));
    steps.push(await filterStep(page, "untick it", () => box.click()));
    return steps;
  } finally {
    await handle.close();
  }
}

/** The median over runs of one figure of step i. */
function median(all: Step[][], i: number, pick: (s: Step) => number | null): number | null {
  return quantile(
    all.map((steps) => pick(steps[i])).filter((v): v is number => v !== null),
    0.5,
  );
}

function mark(value: number | null, goal: number): string {
  return value === null ? "" : value <= goal ? " ✓" : " ✗";
}

/** One table: each step's INP and the headline, chart and table shown, per site. */
function report(sites: { name: string; runs: Step[][] }[]): string {
  const header = ["Step (median of runs)"];
  for (const s of sites) header.push(`${s.name}: INP`, "headline", "chart", "table");
  const rows: string[][] = [header];
  sites[0].runs[0].forEach((step, i) => {
    const row = [step.label];
    for (const s of sites) {
      const inp = median(s.runs, i, (x) => x.inpMs);
      const chart = median(s.runs, i, (x) => x.chartMs);
      row.push(`${inp === 16 ? "< 16 ms" : ms(inp)}${mark(inp, INP_GOAL_MS)}`);
      row.push(ms(median(s.runs, i, (x) => x.headlineMs)), `${ms(chart)}${mark(chart, CHART_GOAL_MS)}`);
      row.push(ms(median(s.runs, i, (x) => x.tableMs)));
    }
    rows.push(row);
  });
  return (
    `${table(rows)}\nGoals: INP ≤ ${INP_GOAL_MS} ms; the chart shown anew ≤ ${CHART_GOAL_MS} ms at 1,000,000 commitments ` +
    "(headline, chart and table: from the input to the frame that shows them; — where a step redraws none)."
  );
}

async function main(): Promise<void> {
  const data = ensureData(commitments, seed);
  const sites: Site[] = [];
  const before = flags.get("before");
  if (before) sites.push({ name: "before", dist: before });
  sites.push({
    name: before ? "after" : "this build",
    dist: flags.get("dist") ?? buildSite(data, `${commitments}-${seed}`),
  });
  const load = loadAverages();
  const results = await measureInTurn(sites, runs, measure);
  const date = new Date().toISOString();
  const end = loadAverages();
  process.stdout.write(
    `Overview (/), ${commitments.toLocaleString("en")} commitments (${data})\n` +
      `${describeMachine()} · load average ${load} at the start, ${end} at the end\n${report(results)}\n`,
  );
  const file = writeResult("overview", date, {
    date,
    machine: machine(),
    load: { start: load, end },
    commitments,
    data,
    results,
  });
  process.stdout.write(`Written to ${file}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
