/**
 * `npx tsx bench/timeline-marks.ts [--dist DIR] [--before DIR] [--marks 50000] [--lanes 24] [--updates 10000] [--runs 5] [--width 1600] [--renderer canvas|svg] [--profile]`
 *
 * Issue #16's "50,000 timeline marks drawn in ≤ 200 ms", without a million
 * commitments to generate and load: made-up marks of one year
 * (bench/lib/made-up-marks.ts, seeded) handed to the page's own
 * `timelineChart` in the built /timeline (headless Chromium, loopback only),
 * marks mode forced, on canvas by default. A draw is timed from the call to
 * the next frame (the chart built, laid out and its first tiles painted), as
 * bench/timeline.ts times the zoomed year's marks; p50 of --runs after one
 * warm-up. `--before DIR`: another build measured in the same run, its draws
 * alternating with this one's, for a side-by-side table. `--profile`: one more
 * draw of each under Chromium's CPU profiler (devtools/cpu-profile.ts), its
 * busiest functions printed. Writes bench/results/timeline-marks-<date>.json.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, type PageHandle } from "../devtools/browser-harness.js";
import { busiestFunctions, profileDuring, type SelfTime } from "../devtools/cpu-profile.js";
import { ROOT } from "../devtools/project-paths.js";
import { type StaticServer, startStaticServer } from "../scripts/static-server.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import { madeUpYear } from "./lib/made-up-marks.js";
import { WAIT_CALM } from "./lib/page.js";

const USAGE =
  "Usage: npx tsx bench/timeline-marks.ts [--dist dist] [--before DIR] [--marks 50000] [--lanes 24] [--updates 10000] [--year 2025] [--seed 1] [--runs 5] [--width 1600] [--renderer canvas|svg] [--profile]";
/** Issue #16: 50,000 marks drawn within 200 ms. */
const GOAL_MS = 200;
const flags = parseFlags(
  process.argv.slice(2),
  ["dist", "before", "marks", "lanes", "updates", "year", "seed", "runs", "width", "renderer"],
  ["profile"],
  USAGE,
);
const marks = intFlag(flags, "marks", 50_000, USAGE);
const lanes = intFlag(flags, "lanes", 24, USAGE);
const updates = intFlag(flags, "updates", 10_000, USAGE);
const year = intFlag(flags, "year", 2025, USAGE);
const seed = intFlag(flags, "seed", 1, USAGE);
const runs = intFlag(flags, "runs", 5, USAGE);
const width = intFlag(flags, "width", 1600, USAGE);
const renderer = flags.get("renderer") ?? "canvas";
if (!["canvas", "svg"].includes(renderer)) throw new Error(USAGE);
const withProfile = flags.get("profile") === "true";
const log = (line: string) => process.stderr.write(`${line}\n`);

const sites: { name: string; dir: string }[] = [];
if (flags.has("before")) sites.push({ name: "before", dir: resolve(flags.get("before") as string) });
sites.push({
  name: flags.has("before") ? "after" : "this build",
  dir: resolve(flags.get("dist") ?? join(ROOT, "dist")),
});
for (const s of sites)
  if (!existsSync(join(s.dir, "timeline.html"))) throw new Error(`No /timeline page in ${s.dir}: npm run build first.`);

const data = madeUpYear({ marks, lanes, updates, year, seed, today: `${year + 1}-06-30` });

/** Puts the data in the page and defines one timed draw (call, append, layout, next frame). */
const SETUP = `(() => {
  const width = ${width};
  const host = document.createElement("div");
  host.style.cssText = "position:absolute;left:0;top:0;width:" + width + "px;background:white;z-index:100";
  document.body.append(host);
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  globalThis.__benchDraw = async (renderer) => {
    host.replaceChildren();
    await frame();
    const s = performance.now();
    const node = globalThis.__accordAtlas.timeline.timelineChart(globalThis.__benchData, { width, mode: "marks", renderer });
    const built = performance.now() - s;
    host.append(node);
    node.getBoundingClientRect();
    await frame();
    const svg = node.querySelector("svg[data-chart]");
    const layer = node.querySelector("[data-marks-canvas]");
    return {
      ms: performance.now() - s,
      builtMs: built,
      marks: Number(svg?.getAttribute("data-marks") ?? 0),
      height: Number(svg?.getAttribute("height") ?? 0),
      renderer: layer ? "canvas" : "svg",
      tiles: layer ? layer.querySelectorAll("canvas").length : 0,
      painted: Number(layer?.getAttribute("data-tiles-painted") ?? 0),
      elements: node.querySelectorAll("*").length,
    };
  };
})()`;

interface Draw {
  ms: number;
  builtMs: number;
  marks: number;
  height: number;
  renderer: string;
  tiles: number;
  painted: number;
  elements: number;
}

interface Opened {
  name: string;
  server: StaticServer;
  handle: PageHandle;
  draws: Draw[];
  busiest: SelfTime[];
}

async function open(browser: Browser, site: { name: string; dir: string }): Promise<Opened> {
  const server = await startStaticServer({ root: site.dir, compress: false });
  log(`${site.name}: opening ${server.url}/timeline (${site.dir}) …`);
  const handle = await openPage(browser, `${server.url}/timeline`, {
    viewport: { width: width + 80, height: 1000 },
    intercept: false,
  });
  const { page } = handle;
  page.setDefaultTimeout(180_000);
  await page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached" });
  await page.waitForFunction("globalThis.__accordAtlas?.timeline !== undefined");
  await page.waitForSelector('[data-testid="follow-up"], .card:last-of-type .aa-empty', { state: "attached" });
  await page.evaluate(WAIT_CALM);
  await page.evaluate(`globalThis.__benchData = ${JSON.stringify(data)}`);
  await page.evaluate(SETUP);
  return { name: site.name, server, handle, draws: [], busiest: [] };
}

const drawOnce = (page: Page) => page.evaluate(`globalThis.__benchDraw(${JSON.stringify(renderer)})`) as Promise<Draw>;

const browser = await launchBrowser();
const opened: Opened[] = [];
try {
  for (const s of sites) opened.push(await open(browser, s));
  for (const o of opened) await drawOnce(o.handle.page); // warm-up
  // The builds' draws alternate, so a busy moment on the machine falls on both.
  for (let i = 0; i < runs; i++)
    for (const o of opened) {
      const d = await drawOnce(o.handle.page);
      o.draws.push(d);
      log(`  ${o.name} run ${i + 1}: ${ms(d.ms)} (built in ${ms(d.builtMs)})`);
    }
  if (withProfile)
    for (const o of opened) {
      const { selfTimes } = await profileDuring(o.handle.page, () => drawOnce(o.handle.page));
      o.busiest = busiestFunctions(selfTimes, 15, 2);
    }
} finally {
  for (const o of opened) {
    for (const e of o.handle.consoleErrors) log(`  ! ${o.name}: ${e.split("\n")[0]}`);
    await o.handle.close();
    await o.server.close();
  }
  await browser.close();
}

const load = loadavg().map((x) => Number(x.toFixed(2)));
const p50 = (o: Opened, pick: (d: Draw) => number) => quantile(o.draws.map(pick), 0.5) as number;
const first = opened[0].draws[0];
const header = ["figure", ...opened.map((o) => o.name), "goal"];
const last = opened[opened.length - 1];
const rows = [
  header,
  [
    `draw ${first.marks.toLocaleString("en")} marks (${updates.toLocaleString("en")} updates, ${lanes} lanes) on ${renderer}, p50 of ${runs}`,
    ...opened.map((o) => ms(p50(o, (d) => d.ms))),
    `≤ ${GOAL_MS} ms ${p50(last, (d) => d.ms) <= GOAL_MS ? "✓" : "✗"}`,
  ],
  ["  of which timelineChart() itself", ...opened.map((o) => ms(p50(o, (d) => d.builtMs))), ""],
  [
    "  min – max",
    ...opened.map((o) => `${ms(Math.min(...o.draws.map((d) => d.ms)))} – ${ms(Math.max(...o.draws.map((d) => d.ms)))}`),
    "",
  ],
  ["elements in the chart", ...opened.map((o) => o.draws[0].elements.toLocaleString("en")), ""],
  ["tiles (painted at once)", ...opened.map((o) => `${o.draws[0].tiles} (${o.draws[0].painted})`), ""],
  ["chart height, px", ...opened.map((o) => o.draws[0].height.toLocaleString("en")), ""],
];
const m = machine();
process.stdout.write(
  `\n${describeMachine(m)} · chart ${width} px wide · marks mode forced · year ${year}, seed ${seed}\n` +
    `Load average at the end: ${load.join(", ")}.\n\n${table(rows)}\n`,
);
for (const o of opened)
  if (o.busiest.length) {
    process.stdout.write(`\nCPU profile of one draw, ${o.name} (self time):\n`);
    for (const b of o.busiest) process.stdout.write(`  ${ms(b.selfMs).padStart(8)}  ${b.name}\n`);
  }
const date = new Date().toISOString();
const report = {
  date,
  ...m,
  loadAverage: load,
  marks,
  lanes,
  updates,
  year,
  seed,
  width,
  renderer,
  goalMs: GOAL_MS,
  sites: opened.map((o) => ({
    name: o.name,
    dir: sites.find((s) => s.name === o.name)?.dir,
    draws: o.draws,
    busiest: o.busiest,
  })),
};
process.stdout.write(`Wrote ${writeResult("timeline-marks", date, report)}\n`);
