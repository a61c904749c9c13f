/**
 * `npm run bench:network [-- --institutions 5000 --links 50000 --countries 40 --seed 7 --runs 3 --renderer auto] [--dist DIR]`
 *
 * The network page on a large synthetic graph, in headless Chromium:
 * generates (seeded) about `--links` commitment–institution links among
 * `--institutions` institutions, builds the site on them, opens /network cold
 * and measures, per run:
 * - first frame: performance.mark("network:first-frame"), set by the chart
 *   on its first drawn frame with nodes (ms since navigation start);
 * - layout settled: the layout is computed ahead of time by the loader, so
 *   the first frame is already final; reported as the same time, plus when
 *   the metrics (computed in a worker) are on the page;
 * - frame time p50/p95 during a scripted pan and zoom (wheel and drag), from
 *   requestAnimationFrame intervals;
 * - filter → redraw: the Sector menu opened with a click, a reader's
 *   FIND_SECTOR_MS later a click on a sector checkbox in it, to the chart's
 *   first frame of the new graph ("aa-drawn", at the time it gives: when the
 *   canvas's worker drew it), adding the sector and removing it again;
 * - longest main-thread task after the first frame (Long Tasks API);
 * - JS heap in use at the end (Chrome DevTools Protocol);
 * - Interaction to Next Paint of real input (Event Timing): the Sector menu,
 *   a sector added and removed, a node pointed at for POINT_AT_NODE_MS then
 *   clicked and its panel closed, zoom by
 *   key and wheel, the search (unless --no-interactions; --profile adds a
 *   CPU profile of each, printed for those over the goal).
 * Then the same page on the default dataset: time from DuckDB's tables being
 * loaded (duckdb:ready) to the first frame.
 * `--dist DIR` measures a site already built on the same generated graph
 * (a copy of an earlier build's dist/, say) instead of building one: two
 * builds compared side by side, runs alternated between them by hand.
 * Prints one table with the goals and writes bench/results/network-<date>.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, openPage } from "../devtools/browser-harness.js";
import { ROOT } from "../devtools/project-paths.js";
import { startStaticServer } from "../scripts/static-server.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import {
  EVENT_TIMING_OBSERVER,
  type InteractionTiming,
  longestTaskSince,
  profileLines,
  timeInteraction,
} from "./lib/interaction-timing.js";
import { buildSite } from "./lib/synthetic-site.js";

const USAGE =
  "Usage: npm run bench:network -- [--institutions 5000] [--links 50000] [--countries 40] [--seed 7] [--runs 3] [--renderer auto|svg|canvas] [--no-default] [--no-interactions] [--profile] [--dist DIR]";
const flags = parseFlags(
  process.argv.slice(2),
  ["institutions", "links", "countries", "seed", "runs", "renderer", "dist"],
  ["no-default", "no-interactions", "interactions", "profile"],
  USAGE,
);
const institutions = intFlag(flags, "institutions", 5000, USAGE);
const links = intFlag(flags, "links", 50_000, USAGE);
const countries = intFlag(flags, "countries", 40, USAGE);
const seed = intFlag(flags, "seed", 7, USAGE);
const runs = intFlag(flags, "runs", 3, USAGE);
const renderer = flags.get("renderer") ?? "auto";
if (!["auto", "svg", "canvas"].includes(renderer)) {
  process.stderr.write(`--renderer takes auto, svg or canvas.\n${USAGE}\n`);
  process.exit(2);
}
const withDefault = flags.get("no-default") !== "true";
/** A CPU profile of each interaction; those over the goal print their busiest functions. */
const withProfile = flags.get("profile") === "true";
/**
 * INP of real input (issue #16), part of every run: about ten interactions
 * after the other figures, seconds beside the cold loads. --no-interactions
 * leaves them out; --interactions (their old opt-in) is still accepted.
 */
const withInteractions = flags.get("no-interactions") !== "true" || withProfile;

const GOALS = {
  firstFrameMs: 1500,
  settledMs: 5000,
  frameP95Ms: 33,
  filterRedrawMs: 200,
  longestTaskMs: 200,
  heapMB: 300,
  defaultAfterTablesMs: 300,
  /** Issue #16: every interaction to the next paint (Event Timing), and no task over this after the first chart. */
  interactionMs: 100,
  longestTaskAfterFirstMs: 100,
};

/** The generator writes about 2.39 parties per commitment (docs/generator.md). */
const PARTIES_PER_COMMITMENT = 2.39;

function ensureGraphData(): string {
  const commitments = Math.round(links / PARTIES_PER_COMMITMENT);
  const dir = join(tmpdir(), `accord-bench-network-${institutions}-${commitments}-${countries}-${seed}`);
  if (existsSync(join(dir, "sectors.yaml"))) {
    process.stderr.write(`Reusing the generated data in ${dir}\n`);
    return dir;
  }
  process.stderr.write(
    `Generating ${commitments.toLocaleString("en")} commitments among ${institutions} institutions…\n`,
  );
  const args = [
    "tsx",
    "scripts/generate.ts",
    "--commitments",
    String(commitments),
    "--institutions",
    String(institutions),
  ];
  args.push("--countries", String(countries), "--seed", String(seed), "--out", dir, "--force");
  const result = spawnSync("npx", args, { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) throw new Error(`scripts/generate.ts failed (exit ${result.status})`);
  return dir;
}

/** In the page before its scripts: long tasks and a frame recorder. */
const INSTRUMENT = `(() => {
  const bench = (window.__bench = { tasks: [], frames: [], recording: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  let last = 0;
  const tick = (t) => {
    if (bench.recording && last) bench.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const MARK = (name: string) => `performance.getEntriesByName(${JSON.stringify(name)}, "mark")[0]?.startTime ?? null`;

async function waitFor<T>(page: Page, expression: string, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = (await page.evaluate(expression)) as T | null;
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Run {
  nodes: number;
  edges: number;
  renderer: string;
  firstFrameMs: number;
  duckdbReadyMs: number | null;
  sqlDrawnMs: number;
  settledMs: number;
  metricsMs: number | null;
  frameP50Ms: number | null;
  frameP95Ms: number | null;
  frames: number;
  filterAddMs: number;
  filterRemoveMs: number;
  filteredNodes: number;
  longestTaskMs: number;
  heapMB: number;
  /** Share menu: the 16:9 slide figure as SVG (built and serialised in the page), and as a 2× PNG (click → file). */
  exportSvgMs: number;
  exportSvgKB: number;
  exportPngMs: number;
  /** Real input through Playwright, as Chromium's Event Timing API reports it (interaction-timing.ts). */
  interactions: InteractionTiming[];
  /** Wheel zoom is not an interaction for Event Timing: its longest animation frame instead. */
  wheelLongestFrameMs: number;
  /** Longest task and long animation frame after the first frame, the interactions above included. */
  longestTaskWithInteractionsMs: number;
  longestFrameAfterFirstMs: number;
  consoleErrors: string[];
}

/** Builds the slide figure the Share menu's SVG button saves, and serialises it. */
const EXPORT_SVG = `(() => {
  const menu = document.querySelector(".aa-share");
  const t0 = performance.now();
  const text = new XMLSerializer().serializeToString(menu.figure("slide"));
  return { ms: performance.now() - t0, bytes: text.length };
})()`;

/** Clicks a sector checkbox and times until the chart has drawn the new graph. */
const FILTER_CLICK = `(async () => {
  const box = [...document.querySelectorAll('.aa-filters input[name="sector"]')].find((b) => b.value === window.__benchSector);
  const chart = document.querySelector(".aa-net");
  // When the new graph was drawn: the event's own time (on the canvas, when its worker drew it; builds before it had none).
  const drawn = new Promise((resolve) =>
    chart.addEventListener("aa-drawn", (e) => resolve({ ...e.detail, at: e.detail.at ?? performance.now() }), { once: true }),
  );
  const t0 = performance.now();
  box.click();
  const detail = await drawn;
  return { ms: detail.at - t0, nodes: detail.nodes };
})()`;

/** The Sector menu's summary in the filter bar. */
const SECTOR_MENU = '.aa-filters summary:has-text("Sector")';

/**
 * How long a reader takes from opening the Sector menu to ticking a sector
 * in it: reading a dozen names and moving the pointer (the page has the
 * filter's statements prepared meanwhile: src/components/prepare-ahead.ts).
 */
const FIND_SECTOR_MS = 300;

/**
 * How long a reader's pointer rests on a node before the click: the tooltip
 * shows, and the page readies the panel's query meanwhile
 * (readyPanelOnApproach in src/components/network/network-side.ts).
 */
const POINT_AT_NODE_MS = 300;

/**
 * A filter change as a reader makes it: the Sector menu opened with a click,
 * FIND_SECTOR_MS, then the sector's box clicked, timed in the page until the
 * new graph is drawn (FILTER_CLICK); the menu is closed again.
 */
async function filterChange(page: Page): Promise<{ ms: number; nodes: number }> {
  await page.click(SECTOR_MENU);
  await page.waitForTimeout(FIND_SECTOR_MS);
  const change = (await page.evaluate(FILTER_CLICK)) as { ms: number; nodes: number };
  await page.click(SECTOR_MENU);
  return change;
}

/** Resolves in the page, at the first animation frame where `expression` holds, to that frame's performance.now(). */
const whenTrue = (page: Page, expression: string) =>
  page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    const check = () => ((${expression}) || performance.now() - started > 30000 ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  })`) as Promise<number>;

/** The institutions with most links (id, name), for a click and a search that hit something. */
const BUSIEST = `(async () => {
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  return db.query(aa.sql(["SELECT p.institution_id AS id, any_value(i.name) AS name FROM commitment_parties p JOIN institutions i ON i.id = p.institution_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 20"]));
})()`;

/** A node's place in the page (the chart's locate hook), if on screen. */
async function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  const box = await page.locator(".aa-net").boundingBox();
  const at = (await page.evaluate(
    `(() => { const c = document.querySelector(".aa-net"); return c.locate ? c.locate(${JSON.stringify(id)}) : null; })()`,
  )) as { x: number; y: number } | null;
  if (!box || !at || at.x < 4 || at.y < 4 || at.x > box.width - 4 || at.y > box.height - 4) return null;
  return { x: box.x + at.x, y: box.y + at.y };
}

/**
 * Issue #16's interactions on the graph, with real input, each timed as
 * Chromium's Event Timing reports it (to the next paint), and to the redrawn
 * graph or the opened panel where there is one: a sector filter added and
 * removed, a node clicked and the panel closed, zoom by key, the search.
 * Wheel zoom is not an interaction for Event Timing: its longest frame instead.
 */
async function measureInteractions(
  page: Page,
  sector: string,
  profile: boolean,
): Promise<{ interactions: InteractionTiming[]; wheelLongestFrameMs: number }> {
  const out: InteractionTiming[] = [];
  const time = (label: string, act: () => Promise<void>, done?: () => Promise<number>) =>
    timeInteraction(page, label, act, { done, profile });
  // A step that cannot act (a click on a covered element) fails with Playwright's reason instead of waiting for ever.
  page.setDefaultTimeout(30_000);
  // `void`: an evaluate that returns a promise is awaited, and this one settles only after the click to come.
  const drawn = `void (window.__benchDrawn = new Promise((r) => document.querySelector(".aa-net").addEventListener("aa-drawn", (e) => r(e.detail.at ?? performance.now()), { once: true })))`;
  const box = `.aa-filters input[name="sector"][value=${JSON.stringify(sector)}]`;
  out.push(await time("open the Sector filter menu", () => page.click(SECTOR_MENU)));
  for (const label of [`filter: add sector ${sector}`, `filter: remove sector ${sector}`]) {
    await page.evaluate(drawn);
    out.push(
      await time(
        label,
        () => page.click(box),
        () => page.evaluate("window.__benchDrawn") as Promise<number>,
      ),
    );
    await page.waitForTimeout(300);
  }
  // Closed again (not timed): left open, the menu could be under the node clicked next.
  await page.click(SECTOR_MENU);
  const busiest = (await page.evaluate(BUSIEST)) as { id: string; name: string }[];
  let target: { id: string; at: { x: number; y: number } } | null = null;
  for (const { id } of busiest) {
    const at = await nodeOnScreen(page, id);
    if (at) {
      target = { id, at };
      break;
    }
  }
  if (target) {
    const { id, at } = target;
    const panel = `document.querySelector('.aa-net-panel[data-node=${JSON.stringify(id)}]')`;
    // The pointer comes to the node first, as a reader's does (not timed).
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(POINT_AT_NODE_MS);
    out.push(
      await time(
        "select: click a node (→ its panel)",
        () => page.mouse.click(at.x, at.y),
        () => whenTrue(page, panel),
      ),
    );
    out.push(await time("close the panel (Escape)", () => page.keyboard.press("Escape")));
  }
  await page.focus(".aa-net");
  out.push(await time("zoom in: + key", () => page.keyboard.press("+")));
  out.push(await time("zoom out: - key", () => page.keyboard.press("-")));
  const chart = await page.locator(".aa-net").boundingBox();
  if (chart) await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
  const wheel = await time("zoom: wheel", async () => {
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(16);
    }
  });
  const search = page.getByRole("combobox", { name: "Find an institution in the network" });
  const name = busiest[0]?.name ?? "a";
  out.push(await time("search: click the box", () => search.click()));
  out.push(await time(`search: type "${name.slice(0, 4)}"`, () => page.keyboard.type(name.slice(0, 4), { delay: 50 })));
  out.push(await time("search: Enter picks the first match", () => page.keyboard.press("Enter")));
  await page.keyboard.press("Escape");
  return { interactions: out, wheelLongestFrameMs: wheel.longestFrameMs };
}

async function measure(url: string, browser: Awaited<ReturnType<typeof launchBrowser>>, sector: string): Promise<Run> {
  const handle = await openPage(browser, url, {
    initScripts: [INSTRUMENT, EVENT_TIMING_OBSERVER],
    intercept: false,
    viewport: { width: 1920, height: 1080 },
  });
  const { page } = handle;
  try {
    const firstFrameMs = await waitFor<number>(page, MARK("network:first-frame"));
    const sqlDrawnMs = await waitFor<number>(page, MARK("network:drawn:duckdb"));
    const duckdbReadyMs = (await page.evaluate(MARK("duckdb:ready"))) as number | null;
    const metricsAt = await waitFor<number>(
      page,
      `document.querySelector('[data-testid="communities"]') ? performance.now() : null`,
    );
    const info = (await page.evaluate(
      `(() => { const c = document.querySelector(".aa-net"); return { nodes: +c.dataset.nodes, edges: +c.dataset.edges, renderer: c.dataset.renderer }; })()`,
    )) as { nodes: number; edges: number; renderer: string };

    // Scripted pan and zoom over the middle of the chart.
    const box = await page.locator(".aa-net").boundingBox();
    if (!box) throw new Error("no chart on the page");
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.evaluate("window.__bench.frames = []; window.__bench.recording = true");
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(16);
    }
    await page.mouse.move(cx - 150, cy + 40);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) {
      await page.mouse.move(cx - 150 + i * 10, cy + 40 - i * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(16);
    }
    await page.evaluate("window.__bench.recording = false");
    const frames = (await page.evaluate("window.__bench.frames")) as number[];

    // Filter → redraw: add a sector, then remove it, each from the opened Sector menu.
    await page.evaluate(`window.__benchSector = ${JSON.stringify(sector)}`);
    const add = await filterChange(page);
    await page.waitForTimeout(500);
    const remove = await filterChange(page);
    await page.waitForTimeout(500);

    const tasks = (await page.evaluate("window.__bench.tasks")) as { start: number; duration: number }[];
    const after = tasks.filter((t) => t.start >= firstFrameMs);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
    const measured = withInteractions ? measureInteractions(page, sector, withProfile) : Promise.resolve(null);
    const { interactions, wheelLongestFrameMs } = (await measured.catch((error: Error) => {
      process.stderr.write(`  ! the interactions failed: ${error.message.split("\n")[0]}\n`);
      return null;
    })) ?? { interactions: [] as InteractionTiming[], wheelLongestFrameMs: 0 };
    const since = await longestTaskSince(page, firstFrameMs);
    // Exports from the Share menu, on the whole graph (after the task list and the heap are read: exports are not interaction).
    const svgExport = (await page.evaluate(EXPORT_SVG)) as { ms: number; bytes: number };
    await page.locator(".aa-share").evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    await page.selectOption('[data-testid="share-preset"]', "slide");
    await page.selectOption('[data-testid="share-scale"]', "2");
    const t0 = performance.now();
    await Promise.all([page.waitForEvent("download"), page.click('[data-testid="share-png"]')]);
    const exportPngMs = performance.now() - t0;

    return {
      ...info,
      firstFrameMs,
      duckdbReadyMs,
      sqlDrawnMs,
      settledMs: firstFrameMs,
      metricsMs: metricsAt,
      frameP50Ms: quantile(frames, 0.5),
      frameP95Ms: quantile(frames, 0.95),
      frames: frames.length,
      filterAddMs: add.ms,
      filterRemoveMs: remove.ms,
      filteredNodes: add.nodes,
      longestTaskMs: after.reduce((m, t) => Math.max(m, t.duration), 0),
      heapMB: heap / 2 ** 20,
      exportSvgMs: svgExport.ms,
      exportSvgKB: svgExport.bytes / 1024,
      exportPngMs,
      interactions,
      wheelLongestFrameMs,
      longestTaskWithInteractionsMs: since.task,
      longestFrameAfterFirstMs: since.frame,
      consoleErrors: handle.consoleErrors,
    };
  } finally {
    await handle.close();
  }
}

const median = (xs: (number | null)[]) =>
  quantile(
    xs.filter((x): x is number => x !== null),
    0.5,
  );
const mark = (value: number | null, goal: number) => (value === null ? "" : value <= goal ? " ✓" : " ✗");

/** Per interaction label, the median over the runs of INP (Event Timing) and of the time to the redrawn graph. */
function summariseInteractions(results: readonly Run[]) {
  const labels = [...new Set(results.flatMap((r) => r.interactions.map((i) => i.label)))];
  return labels.map((label) => {
    const of = results.flatMap((r) => r.interactions.filter((i) => i.label === label));
    return {
      label,
      inpMs: median(of.map((i) => i.inpMs)),
      doneMs: median(of.map((i) => i.doneMs)),
      longestTaskMs: median(of.map((i) => i.longestTaskMs)),
      unseen: of.filter((i) => i.inpMs === null).length,
    };
  });
}

/** The interactions table: INP beside the goal, the redrawn graph, and the longest tasks after the first frame. */
function interactionTable(rows: ReturnType<typeof summariseInteractions>, results: readonly Run[]): string {
  const goal = GOALS.interactionMs;
  const inp = (x: number | null) => (x === null ? "no input seen" : x <= 16 ? "< 16 ms" : `${Math.round(x)} ms`);
  const task = median(results.map((r) => r.longestTaskWithInteractionsMs));
  const frame = median(results.map((r) => r.longestFrameAfterFirstMs));
  const wheel = median(results.map((r) => r.wheelLongestFrameMs));
  const lines = [
    ["interaction (real input)", "INP (Event Timing)", "goal", "to the redrawn graph / panel", "longest task"],
    ...rows.map((r) => [
      r.label,
      inp(r.inpMs),
      `≤ ${goal} ms${mark(r.inpMs, goal)}`,
      r.doneMs === null ? "" : ms(r.doneMs),
      r.longestTaskMs ? ms(r.longestTaskMs) : "none ≥ 50 ms",
    ]),
    ["zoom: wheel (not an Event Timing interaction)", "", "", "", `longest frame ${wheel ? ms(wheel) : "< 50 ms"}`],
    [
      "longest task after the first frame (interactions included)",
      ms(task),
      `≤ ${GOALS.longestTaskAfterFirstMs} ms${mark(task, GOALS.longestTaskAfterFirstMs)}`,
      "",
      `longest animation frame ${ms(frame)}`,
    ],
  ];
  return `${table(lines)}\nINP: the slowest Event Timing entry of the interaction, input to next paint, medians of ${results.length} run(s); Chromium reports only entries of 16 ms or more ("< 16 ms": input seen, no entry).`;
}

async function main(): Promise<void> {
  const dataDir = ensureGraphData();
  const dist = flags.get("dist") ?? buildSite(dataDir, `network-${institutions}-${links}-${countries}-${seed}`);
  const defaultDist = withDefault ? buildSite(join(ROOT, "data"), "network-default") : null;
  const browser = await launchBrowser();
  const m = machine();
  const report: Record<string, unknown> = {};
  try {
    const server = await startStaticServer({ root: dist });
    const query = renderer === "auto" ? "" : `?renderer=${renderer}`;
    // The sector with most commitments in the generated data: a real redraw.
    const sector = "trade";
    process.stderr.write(`Opening ${server.url}/network${query} ${runs} time(s)…\n`);
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(await measure(`${server.url}/network${query}`, browser, sector));
    await server.close();

    const defaultRuns: { firstFrameMs: number; duckdbReadyMs: number | null; afterTablesMs: number | null }[] = [];
    if (defaultDist) {
      const defaultServer = await startStaticServer({ root: defaultDist });
      for (let i = 0; i < runs; i++) {
        const handle = await openPage(browser, `${defaultServer.url}/network`, { intercept: false });
        // The first frame comes from the build; the figure is the first frame of DuckDB's answer.
        const firstFrameMs = await waitFor<number>(handle.page, MARK("network:drawn:duckdb"));
        const duckdbReadyMs = (await handle.page.evaluate(MARK("duckdb:ready"))) as number | null;
        defaultRuns.push({
          firstFrameMs,
          duckdbReadyMs,
          afterTablesMs: duckdbReadyMs === null ? null : firstFrameMs - duckdbReadyMs,
        });
        await handle.close();
      }
      await defaultServer.close();
    }
    const first = results[0];
    const summary = {
      firstFrameMs: median(results.map((r) => r.firstFrameMs)),
      duckdbReadyMs: median(results.map((r) => r.duckdbReadyMs)),
      sqlDrawnMs: median(results.map((r) => r.sqlDrawnMs)),
      settledMs: median(results.map((r) => r.settledMs)),
      metricsMs: median(results.map((r) => r.metricsMs)),
      frameP50Ms: median(results.map((r) => r.frameP50Ms)),
      frameP95Ms: median(results.map((r) => r.frameP95Ms)),
      filterRedrawMs: median(results.map((r) => Math.max(r.filterAddMs, r.filterRemoveMs))),
      longestTaskMs: median(results.map((r) => r.longestTaskMs)),
      heapMB: median(results.map((r) => r.heapMB)),
      defaultAfterTablesMs: median(defaultRuns.map((r) => r.afterTablesMs)),
      exportSvgMs: median(results.map((r) => r.exportSvgMs)),
      exportSvgKB: median(results.map((r) => r.exportSvgKB)),
      exportPngMs: median(results.map((r) => r.exportPngMs)),
    };
    const rows = [
      ["figure", "median", "goal"],
      [
        "first drawn frame (since navigation)",
        ms(summary.firstFrameMs),
        `≤ ${GOALS.firstFrameMs} ms${mark(summary.firstFrameMs, GOALS.firstFrameMs)}`,
      ],
      ["DuckDB tables loaded", ms(summary.duckdbReadyMs), ""],
      ["graph from SQL drawn", ms(summary.sqlDrawnMs), ""],
      [
        "layout settled (precomputed: = first frame)",
        ms(summary.settledMs),
        `≤ ${GOALS.settledMs} ms${mark(summary.settledMs, GOALS.settledMs)}`,
      ],
      ["metrics on the page (worker)", ms(summary.metricsMs), ""],
      ["frame time p50 during pan/zoom", ms(summary.frameP50Ms), ""],
      [
        "frame time p95 during pan/zoom",
        ms(summary.frameP95Ms),
        `≤ ${GOALS.frameP95Ms} ms${mark(summary.frameP95Ms, GOALS.frameP95Ms)}`,
      ],
      [
        "filter → redrawn graph (worst of add/remove)",
        ms(summary.filterRedrawMs),
        `≤ ${GOALS.filterRedrawMs} ms${mark(summary.filterRedrawMs, GOALS.filterRedrawMs)}`,
      ],
      [
        "longest main-thread task after first frame",
        ms(summary.longestTaskMs),
        `≤ ${GOALS.longestTaskMs} ms${mark(summary.longestTaskMs, GOALS.longestTaskMs)}`,
      ],
      [
        "JS heap in use",
        `${summary.heapMB?.toFixed(0) ?? "—"} MB`,
        `≤ ${GOALS.heapMB} MB${mark(summary.heapMB, GOALS.heapMB)}`,
      ],
      [
        "Share: 16:9 slide SVG built and serialised",
        `${ms(summary.exportSvgMs)} · ${summary.exportSvgKB?.toFixed(0) ?? "—"} kB`,
        "",
      ],
      ["Share: 16:9 slide PNG at 2× (click → file)", ms(summary.exportPngMs), ""],
      ...(defaultDist
        ? [
            [
              "default dataset: tables loaded → first frame",
              ms(summary.defaultAfterTablesMs),
              `≤ ${GOALS.defaultAfterTablesMs} ms${mark(summary.defaultAfterTablesMs, GOALS.defaultAfterTablesMs)}`,
            ],
          ]
        : []),
    ];
    process.stdout.write(
      `\n${describeMachine(m)} · Chromium ${browser.version()}\n` +
        `Graph: ${first.nodes.toLocaleString("en")} nodes, ${first.edges.toLocaleString("en")} edges drawn with ${first.renderer} ` +
        `(${institutions} institutions, ~${links.toLocaleString("en")} links generated, seed ${seed}); ` +
        `sector filter leaves ${first.filteredNodes.toLocaleString("en")} nodes; ${runs} cold run(s), ${first.frames} frames recorded per pan/zoom\n\n` +
        `${table(rows)}\n`,
    );
    const interactionSummary = summariseInteractions(results);
    if (withInteractions) process.stdout.write(`\n${interactionTable(interactionSummary, results)}\n`);
    const profiled = results.flatMap((r) => profileLines(r.interactions, GOALS.interactionMs));
    if (profiled.length)
      process.stdout.write(
        `\nCPU profile (main thread) of each interaction over the goal or with a long task:\n${profiled.join("\n")}\n`,
      );
    const errors = results.flatMap((r) => r.consoleErrors);
    if (errors.length) process.stdout.write(`\nConsole errors:\n${errors.map((e) => `  ${e}`).join("\n")}\n`);
    const date = new Date().toISOString();
    Object.assign(report, {
      date,
      machine: m,
      chromium: browser.version(),
      options: { institutions, links, countries, seed, runs, renderer },
      goals: GOALS,
      summary: { ...summary, interactions: interactionSummary },
      runs: results,
      defaultRuns,
    });
    const file = writeResult("network", date, report);
    process.stdout.write(`\nWrote ${file}\n`);
  } finally {
    await browser.close();
  }
}

await main();
