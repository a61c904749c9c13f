/**
 * `npx tsx bench/filter-bar.ts [--before DIR] [--dist DIR] [--institutions 5000] [--links 50000] [--runs 3]`
 *
 * The filter bar alone on the network page of the 5,000-institution /
 * 50,000-link graph (the graph bench/network.ts generates), in headless
 * Chromium, once the page has settled (the graph from SQL drawn): real input
 * through Playwright, each step read from Chromium's Event Timing API (input
 * to the next paint, as INP counts it) with the longest task meanwhile (Long
 * Tasks API), plus the bar's own `change` handling (a capture listener on
 * window to a bubble one: the work of the bar's handler, whatever the page
 * does with the new filters later). Steps: open the Sector menu, add and
 * remove a sector, open the Institution menu, tick and untick its first
 * institution. `--dist` is the site to measure (default: this checkout, built
 * on the graph in a copy of the project); `--before` a site built the same
 * way from another commit, measured in the same run for a side-by-side table.
 * Prints each figure beside the goal (≤ 100 ms) and writes
 * bench/results/filter-bar-<date>.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { openPage } from "../devtools/browser-harness.js";
import { ROOT } from "../devtools/project-paths.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import { EVENT_TIMING_OBSERVER, type InteractionTiming, timeInteraction } from "./lib/interaction-timing.js";
import { loadAverages, measureInTurn, type Site } from "./lib/side-by-side.js";
import { buildSite } from "./lib/synthetic-site.js";

const USAGE =
  "Usage: npx tsx bench/filter-bar.ts [--before DIR] [--dist DIR] [--institutions 5000] [--links 50000] [--countries 40] [--seed 7] [--runs 3]";
const flags = parseFlags(
  process.argv.slice(2),
  ["before", "dist", "institutions", "links", "countries", "seed", "runs"],
  [],
  USAGE,
);
const institutions = intFlag(flags, "institutions", 5000, USAGE);
const links = intFlag(flags, "links", 50_000, USAGE);
const countries = intFlag(flags, "countries", 40, USAGE);
const seed = intFlag(flags, "seed", 7, USAGE);
const runs = intFlag(flags, "runs", 3, USAGE);
const GOAL_MS = 100;
const SECTOR = "trade";

/** The graph's data folder: the one bench/network.ts generates for the same options (shared). */
function graphData(): string {
  const commitments = Math.round(links / 2.39);
  const dir = join(tmpdir(), `accord-bench-network-${institutions}-${commitments}-${countries}-${seed}`);
  if (existsSync(join(dir, "sectors.yaml"))) return dir;
  const args = ["tsx", "scripts/generate.ts", "--commitments", String(commitments)];
  args.push("--institutions", String(institutions), "--countries", String(countries), "--seed", String(seed));
  const result = spawnSync("npx", [...args, "--out", dir, "--force"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) throw new Error(`scripts/generate.ts failed (exit ${result.status})`);
  return dir;
}

/** The bar's own handling of each `change`: from a capture listener on window to a bubble one. */
const CHANGE_TIMER = `(() => {
  const times = (window.__barChange = []);
  let t0 = 0;
  addEventListener("change", () => { t0 = performance.now(); }, true);
  addEventListener("change", () => { times.push(performance.now() - t0); });
})();`;

/** One step's figures: INP, the longest task meanwhile, the bar's change handling (ms). */
interface Step {
  label: string;
  inpMs: number | null;
  longestTaskMs: number;
  handlerMs: number | null;
}

/** How many institution boxes the page holds. */
const INSTITUTION_BOXES = `document.querySelectorAll('.aa-filters input[name="institution"]').length`;

async function step(page: Page, label: string, act: () => Promise<void>): Promise<Step> {
  const before = (await page.evaluate("window.__barChange.length")) as number;
  const t: InteractionTiming = await timeInteraction(page, label, act);
  const handler = (await page.evaluate(`window.__barChange.slice(${before})`)) as number[];
  return {
    label,
    inpMs: t.inpMs,
    longestTaskMs: t.longestTaskMs,
    handlerMs: handler.length ? Math.max(...handler) : null,
  };
}

/** One cold load of /network on `url`, settled, then the filter bar's steps. */
async function measure(browser: Browser, url: string): Promise<{ steps: Step[]; boxesAtLoad: number }> {
  const handle = await openPage(browser, `${url}/network`, {
    initScripts: [EVENT_TIMING_OBSERVER, CHANGE_TIMER],
    intercept: false,
    viewport: { width: 1920, height: 1080 },
  });
  const { page } = handle;
  page.setDefaultTimeout(60_000);
  try {
    // Polled from outside: the page's Content-Security-Policy refuses waitForFunction's eval.
    const sqlDrawn = `performance.getEntriesByName("network:drawn:duckdb", "mark").length > 0`;
    for (let waited = 0; !(await page.evaluate(sqlDrawn)); waited += 100) {
      if (waited > 180_000) throw new Error("the graph from SQL was not drawn within 3 minutes");
      await page.waitForTimeout(100);
    }
    await page.waitForSelector('[data-testid="communities"]', { state: "attached", timeout: 180_000 });
    await page.waitForTimeout(1000);
    const boxesAtLoad = (await page.evaluate(INSTITUTION_BOXES)) as number;
    const sectorBox = `.aa-filters input[name="sector"][value="${SECTOR}"]`;
    const steps: Step[] = [];
    steps.push(await step(page, "open the Sector menu", () => page.click('details[data-filter="sector"] summary')));
    steps.push(await step(page, `tick sector ${SECTOR}`, () => page.click(sectorBox)));
    await page.waitForTimeout(1500);
    steps.push(await step(page, `untick sector ${SECTOR}`, () => page.click(sectorBox)));
    await page.waitForTimeout(1500);
    steps.push(
      await step(page, "open the Institution menu", () => page.click('details[data-filter="institution"] summary')),
    );
    const first = '.aa-filters details[data-filter="institution"] label:not([hidden]) input';
    steps.push(await step(page, "tick the first institution", () => page.locator(first).first().click()));
    await page.waitForTimeout(1500);
    steps.push(await step(page, "untick it", () => page.locator(first).first().click()));
    await page.waitForTimeout(1000);
    return { steps, boxesAtLoad };
  } finally {
    await handle.close();
  }
}

/** Medians over runs of each step's figure. */
function medians(all: Step[][], pick: (s: Step) => number | null): (number | null)[] {
  return all[0].map((_, i) =>
    quantile(
      all.map((steps) => pick(steps[i])).filter((v): v is number => v !== null),
      0.5,
    ),
  );
}

function mark(value: number | null): string {
  return value === null ? "" : value <= GOAL_MS ? " ✓" : " ✗";
}

/** One table: each step's INP, longest task and handler time, before and after. */
function report(sites: { name: string; runs: { steps: Step[]; boxesAtLoad: number }[] }[]): string {
  const header = ["Step (median of runs)"];
  for (const s of sites) header.push(`${s.name}: INP`, "longest task", "bar's change handler");
  header.push("Goal");
  const rows: string[][] = [header];
  const figures = sites.map((s) => {
    const steps = s.runs.map((r) => r.steps);
    return [medians(steps, (x) => x.inpMs), medians(steps, (x) => x.longestTaskMs), medians(steps, (x) => x.handlerMs)];
  });
  sites[0].runs[0].steps.forEach((st, i) => {
    const row = [st.label];
    for (const [inp, task, handler] of figures) {
      row.push(`${inp[i] === 16 ? "< 16 ms" : ms(inp[i])}${mark(inp[i])}`);
      row.push(task[i] ? ms(task[i]) : "none ≥ 50 ms", ms(handler[i]));
    }
    row.push(`≤ ${GOAL_MS} ms`);
    rows.push(row);
  });
  const boxes = sites.map((s) => `${s.name}: ${s.runs[0].boxesAtLoad.toLocaleString("en")}`).join(" · ");
  return `${table(rows)}\nInstitution check boxes in the page after load: ${boxes}`;
}

async function main(): Promise<void> {
  const data = graphData();
  const sites: Site[] = [];
  const before = flags.get("before");
  if (before) sites.push({ name: "before", dist: before });
  sites.push({
    name: before ? "after" : "this build",
    dist: flags.get("dist") ?? buildSite(data, `filterbar-${institutions}`),
  });
  const load = loadAverages();
  const results = await measureInTurn(sites, runs, measure);
  const date = new Date().toISOString();
  const end = loadAverages();
  process.stdout.write(
    `Filter bar on /network, ${data}\n${describeMachine()} · load average ${load} at the start, ${end} at the end\n`,
  );
  process.stdout.write(`${report(results)}\n`);
  const file = writeResult("filter-bar", date, { date, machine: machine(), load: { start: load, end }, data, results });
  process.stdout.write(`Written to ${file}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
