/**
 * `npm run bench:timeline [-- --commitments 1000000 --seed 1 --runs 10 --width 1600 --year Y --dist dist --timeout 600000]`
 *
 * The sector timeline at scale, in headless Chromium's DuckDB-WASM, with
 * native DuckDB as the reference in the same run:
 *
 * 1. Generates the synthetic records (scripts/generate.ts, seeded; reused from
 *    the temporary folder) and turns them into tables with the project's own
 *    loaders (src/data/*.arrow.ts, the validated pipeline; its cache is kept in
 *    the temporary folder, so a second run skips this).
 * 2. Keeps only the columns the timeline's queries read (commitments: 21 of
 *    28 columns; status updates: 7 of 13; events and sectors whole), so a
 *    million commitments fit the browser comfortably. The page's other tables
 *    (parties, institutions, sources) stay those of the built site: the
 *    queries read them only when a filter on them is set, and none is.
 * 3. Opens /timeline of the built site (dist/, on loopback, outside requests
 *    blocked), waits for it to be ready and quiet, then replaces its
 *    commitments, events, status_updates and sectors tables with the large
 *    ones (insertArrowFromIPCStream, as the page loads its own) and times:
 *    - the month × sector aggregation (`timelineDensity`, the page's query,
 *      through `database().query()` as the page calls it), R runs;
 *    - drawing the density view of everything (`timelineChart`, mode
 *      "density", at --width px, until the next frame), p50 of 3 with the
 *      renderer the page chooses (canvas past CANVAS_CELLS cells) and p50
 *      of 3 with SVG forced;
 *    - the marks of one zoomed year (the busiest year): its queries with
 *      whole mark rows (`timelineMarks`, `timelineUpdates`), then with the
 *      marks' shapes as typed columns (`timelineMarkShapes` through the
 *      page's `loadMarkShapes`), then drawing each mark (mode "marks") on
 *      canvas (p50 of 3) and as SVG (one run; --renderer canvas|svg|both).
 *    The page's database, SQL builder, chart and queries come from the hooks
 *    it registers on `globalThis.__accordAtlas` (src/components/page-hooks.ts).
 * 4. Native DuckDB (@duckdb/node-api) loads the same slim tables and runs the
 *    same aggregation R times, for the WASM / native ratio.
 * 5. With --interactions (or --profile, which adds a CPU profile of each):
 *    the page's own controls with real input, in a fresh page on the site's
 *    own tables (--dist of a site built at the size wanted), as Chromium's
 *    Event Timing reports them (Interaction to Next Paint); with the canvas
 *    renderer asked (--renderer canvas or both), a mark on canvas clicked at
 *    its painted position and its panel closed, in one more fresh page on a
 *    view of the site's own data with marks (CANVAS_VIEW).
 *
 * Prints a table with the figures, the goals (aggregation ≤ 200 ms; the
 * zoomed year queried ≤ 300 ms and its marks drawn ≤ 200 ms) and the
 * core count, and writes bench/results/timeline-<timestamp>.json.
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { tableFromIPC, tableToIPC } from "apache-arrow";
import type { Page } from "playwright-core";
import { launchBrowser, openPage, type PageHandle } from "../devtools/browser-harness.js";
import { type TableSource, tableFiles } from "../devtools/dist-tables.js";
import { openNative, timeNative } from "../devtools/native-duckdb.js";
import { ROOT } from "../devtools/project-paths.js";
import { placeholderPieces } from "../devtools/sql-pieces.js";
import { startStaticServer } from "../scripts/static-server.js";
import { emptyFilters } from "../src/lib/model/filters.js";
import type { TableName } from "../src/lib/model/tables.js";
import type { SqlFragment } from "../src/lib/sql/fragment.js";
import {
  timelineDensity,
  timelineEvents,
  timelineExtent,
  timelineLanes,
  timelineMarks,
  timelineUpdates,
} from "../src/lib/sql/timeline-queries.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import {
  EVENT_TIMING_OBSERVER,
  type InteractionTiming,
  interactionRows,
  profileLines,
  timeInteraction,
} from "./lib/interaction-timing.js";
import { WAIT_CALM } from "./lib/page.js";
import { ensureData } from "./lib/synthetic-site.js";

const USAGE =
  "Usage: npm run bench:timeline -- [--commitments 1000000] [--seed 1] [--runs 10] [--width 1600] [--year YYYY] [--renderer canvas|svg|both] [--dist dist] [--timeout 600000] [--interactions] [--profile]";
const GOAL_MS = 200;
/** Issue #16: one zoomed year's marks queried within 300 ms and drawn within 200 ms. */
const YEAR_QUERY_GOAL_MS = 300;
const MARKS_DRAW_GOAL_MS = 200;
/** Issue #16: every interaction to the next paint (Event Timing, as Chromium reports it). */
const INTERACTION_GOAL_MS = 100;
const flags = parseFlags(
  process.argv.slice(2),
  ["commitments", "seed", "runs", "width", "year", "renderer", "dist", "timeout"],
  ["interactions", "profile"],
  USAGE,
);
const commitments = intFlag(flags, "commitments", 1_000_000, USAGE);
const seed = flags.get("seed") ?? "1";
const runs = intFlag(flags, "runs", 10, USAGE);
const width = intFlag(flags, "width", 1600, USAGE);
const timeoutMs = intFlag(flags, "timeout", 600_000, USAGE);
const rendererFlag = flags.get("renderer") ?? "both";
if (!["canvas", "svg", "both"].includes(rendererFlag)) throw new Error(USAGE);
const renderersAsked = rendererFlag === "both" ? ["canvas", "svg"] : [rendererFlag];
/** INP of real input on the page (issue #16): opt-in while it is being validated. */
/** A CPU profile of each interaction (implies --interactions); those over the goal print their busiest functions. */
const withProfile = flags.get("profile") === "true";
const noInteractions = flags.get("interactions") !== "true" && !withProfile;
const log = (line: string) => process.stderr.write(`${line}\n`);
const today = new Date().toISOString().slice(0, 10);

// ---- the site -------------------------------------------------------------------------------
const dist = resolve(flags.get("dist") ?? join(ROOT, "dist"));
if (!existsSync(join(dist, "timeline.html"))) {
  if (flags.has("dist")) throw new Error(`No /timeline page in ${dist}: build it first.`);
  log("dist/ has no /timeline page: npm run build");
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error("npm run build failed");
}

// ---- the large tables, through the project's loaders ----------------------------------------
const dataDir = ensureData(commitments, seed);
const work = join(tmpdir(), `accord-bench-timeline-${commitments}-${seed}`);
mkdirSync(work, { recursive: true });
const LARGE = ["commitments", "events", "status_updates", "sectors"] as const;
const KEEP: Partial<Record<(typeof LARGE)[number], string[]>> = {
  commitments: [
    "id",
    "event_id",
    "sector",
    "summary",
    "action",
    "strength",
    "status",
    "status_date",
    "update_count",
    "date",
    "date_precision",
    "date_from",
    "date_to",
    "target_date",
    "target_date_precision",
    "target_date_from",
    "target_date_to",
    "target_event_id",
    "target_note",
    "confidence",
    "deadline",
  ],
  status_updates: ["id", "commitment_id", "status", "date", "date_precision", "date_from", "date_to"],
};
const slim: Record<string, string> = {};
const loaderStarted = performance.now();
for (const name of LARGE) {
  const full = join(work, `${name}.arrow`);
  {
    // The loaders' own cache (in the temporary folder) makes a second run quick.
    log(`Loader src/data/${name}.arrow.ts on ${dataDir}…`);
    const fd = openSync(full, "w");
    const run = spawnSync("npx", ["tsx", `src/data/${name}.arrow.ts`], {
      cwd: ROOT,
      stdio: ["ignore", fd, 2],
      env: {
        ...process.env,
        ACCORD_DATA_DIR: dataDir,
        ACCORD_CACHE_DIR: join(work, "cache"),
        NODE_OPTIONS: "--max-semi-space-size=64 --max-old-space-size=8192",
      },
    });
    closeSync(fd);
    if (run.status !== 0) throw new Error(`src/data/${name}.arrow.ts failed (exit ${run.status})`);
  }
  const keep = KEEP[name];
  slim[name] = join(work, `${name}.slim.arrow`);
  if (existsSync(slim[name]) && statSync(slim[name]).mtimeMs >= statSync(full).mtimeMs) continue;
  const table = tableFromIPC(readFileSync(full));
  writeFileSync(slim[name], tableToIPC(keep ? table.select(keep) : table, "stream"));
  log(
    `  ${name}: ${table.numRows.toLocaleString("en")} rows, ${keep ? `${keep.length} of ${table.numCols}` : table.numCols} columns`,
  );
}
const loaderSeconds = (performance.now() - loaderStarted) / 1000;

// ---- native DuckDB: the same tables, the same aggregation -------------------------------------------------
const small = tableFiles(dist);
const files: Record<TableName, TableSource> = { ...small };
for (const name of LARGE) files[name] = slim[name];
log("Loading the slim tables into native DuckDB…");
const native = await openNative(files);
const density = timelineDensity(emptyFilters(), null, today);
const plain = (f: SqlFragment) => f.params.map((p) => (typeof p === "bigint" ? Number(p) : p));
const nativeTimes = await timeNative(native.connection, density.text, plain(density), runs, 1);
const nativeInfo = { version: native.version, threads: native.threads, loadSeconds: native.loadSeconds };
const yearRow = (
  await native.connection.runAndReadAll(
    "SELECT year(date_from) AS y, count(*) AS n FROM commitments WHERE date_precision = 'day' GROUP BY 1 ORDER BY n DESC, y DESC LIMIT 1",
  )
).getRowsJS()[0] as [number | bigint, number | bigint];
const year = flags.has("year") ? intFlag(flags, "year", 2025, USAGE) : Number(yearRow[0]);
native.close();
const range = { from: `${year}-01-01`, to: `${year}-12-31` };

// ---- DuckDB-WASM in headless Chromium -----------------------------------------------------------
const fragments = {
  density,
  extent: timelineExtent(emptyFilters()),
  lanes: timelineLanes(emptyFilters(), null),
  events: timelineEvents(emptyFilters(), null),
  yearLanes: timelineLanes(emptyFilters(), range),
  yearDensity: timelineDensity(emptyFilters(), range, today),
  yearEvents: timelineEvents(emptyFilters(), range),
  marks: timelineMarks(emptyFilters(), range, today, 10_000_000),
  updates: timelineUpdates(emptyFilters(), range),
};
const wire = Object.fromEntries(
  Object.entries(fragments).map(([k, f]) => [
    k,
    { text: f.text, pieces: placeholderPieces(f.text, f.params), params: plain(f) },
  ]),
);

const SETUP = `(async () => {
  const { wire, tables, width } = ${JSON.stringify({ wire, tables: LARGE, width })};
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  const q = (name) => db.query(aa.sql(wire[name].pieces, ...wire[name].params));
  // Every table of the built site in first (tables load as queries ask for them), then the large ones swapped.
  await db.load();
  const { connection } = await db.engine();
  const t0 = performance.now();
  for (const name of tables) {
    const bytes = new Uint8Array(await (await fetch("/__bench/" + name + ".arrow")).arrayBuffer());
    await connection.query("DROP TABLE " + name);
    await connection.insertArrowFromIPCStream(bytes, { name, create: true });
  }
  const loadMs = performance.now() - t0;
  const [{ n: rows }] = await db.query(aa.sql(["SELECT CAST(count(*) AS INTEGER) AS n FROM commitments"]));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const host = document.createElement("div");
  host.style.cssText = "position:absolute;left:0;top:0;width:" + width + "px;background:white;z-index:100";
  document.body.append(host);
  async function draw(data, mode, renderer) {
    host.replaceChildren();
    await frame();
    const s = performance.now();
    const node = globalThis.__accordAtlas.timeline.timelineChart(data, { width, mode, renderer });
    host.append(node);
    node.getBoundingClientRect();
    await frame();
    const svg = node.querySelector("svg[data-chart]");
    const canvas = node.querySelector("[data-marks-canvas]");
    const cellsCanvas = node.querySelector("[data-cells-canvas]");
    return {
      ms: performance.now() - s,
      mode: svg ? svg.getAttribute("data-mode") : null,
      renderer: canvas ? "canvas" : "svg",
      marks: Number(svg ? svg.getAttribute("data-marks") : 0),
      cellRenderer: cellsCanvas ? "canvas" : "svg",
      cells: cellsCanvas ? Number(cellsCanvas.getAttribute("data-cells-canvas")) : node.querySelectorAll("[data-density]").length,
    };
  }
  globalThis.__bench = { q, draw, host };
  return { loadMs, rows };
})()`;

const AGGREGATE = `(async () => {
  const runs = ${runs};
  const { q } = globalThis.__bench;
  const times = [];
  let density;
  for (let i = 0; i < runs + 1; i++) {
    const s = performance.now();
    density = await q("density");
    if (i > 0) times.push(performance.now() - s);
  }
  globalThis.__bench.density = density;
  // The engine alone: the same prepared statement, the Arrow result not turned into rows.
  const { text, params } = ${JSON.stringify(wire.density)};
  const { connection } = await (await globalThis.__accordAtlas.database()).engine();
  const engine = [];
  for (let i = 0; i < runs + 1; i++) {
    const s = performance.now();
    const statement = await connection.prepare(text);
    try {
      await statement.query(...params);
    } finally {
      await statement.close();
    }
    if (i > 0) engine.push(performance.now() - s);
  }
  return { times, engine, rows: density.length };
})()`;

const DRAW_DENSITY = `(async () => {
  const today = ${JSON.stringify(today)};
  const { q, draw, density } = globalThis.__bench;
  const [lanes, events, [span]] = await Promise.all([q("lanes"), q("events"), q("extent")]);
  const total = lanes.reduce((s, l) => s + l.n, 0);
  const extent = { from: span.first.slice(0, 4) + "-01-01", to: span.last.slice(0, 4) + "-12-31" };
  globalThis.__bench.extent = extent;
  // The renderer the page chooses (canvas past CANVAS_CELLS cells), then SVG forced, for the comparison.
  const data = { lanes, density, events, total, domain: extent, extent, today };
  const draws = [];
  for (let i = 0; i < 3; i++) draws.push(await draw(data, "density"));
  const svgDraws = [];
  for (let i = 0; i < 3; i++) svgDraws.push(await draw(data, "density", "svg"));
  return { draws, svgDraws };
})()`;

// One zoomed year: the page's queries for it with whole mark rows (timelineMarks), then with the
// marks' shapes as typed columns (timelineMarkShapes, the page's markData hook; absent from older
// builds), each alone too; then its marks drawn on canvas (p50 of 3) and as SVG (one run), as asked.
const DRAW_YEAR = `(async () => {
  const { today, range, renderers } = ${JSON.stringify({ today, range, renderers: renderersAsked })};
  const { q, draw, extent, host } = globalThis.__bench;
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  const timed = async (work) => {
    const s = performance.now();
    const value = await work();
    return [performance.now() - s, value];
  };
  const [queryMs, [lanes, density, events, marks, updates]] = await timed(() =>
    Promise.all([q("yearLanes"), q("yearDensity"), q("yearEvents"), q("marks"), q("updates")]),
  );
  const [marksMs] = await timed(() => q("marks"));
  const [updatesMs] = await timed(() => q("updates"));
  const [lanesMs] = await timed(() => q("yearLanes"));
  const [eventsMs] = await timed(() => q("yearEvents"));
  const [cellsMs] = await timed(() => q("yearDensity"));
  const shapesOf = aa.timeline.markData?.loadMarkShapes;
  const dataStep = aa.timeline.loadTimelineData;
  let shapesQueryMs = null;
  let dataStepMs = null;
  let pageStepMs = null;
  let dataStepDensity = null;
  let shapesMs = null;
  let shapeCount = null;
  if (shapesOf) {
    const filters = ${JSON.stringify(emptyFilters())};
    const load = () => shapesOf(db, filters, range, today, 10000000);
    await load();
    [shapesQueryMs] = await timed(() =>
      Promise.all([q("yearLanes"), q("yearDensity"), q("yearEvents"), load(), q("updates")]),
    );
    if (dataStep) {
      // The page's data step with the shapes as its mark source: the window's lane counts (the filters'
      // lanes kept from the unzoomed step, as the page zooms from it) and rules, then the shapes and
      // updates, the density cells counted from the marks (no density query).
      const source = { limit: 10000000, load: shapesOf };
      let unzoomedLanes;
      const scope = { extent, lanes: () => (unzoomedLanes ??= q("lanes")) };
      await dataStep(db, filters, null, scope, today);
      const step = () => dataStep(db, filters, range, scope, today, source);
      await step();
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      let stepped;
      const stepRuns = [];
      for (let i = 0; i < 5; i++) {
        let ms;
        [ms, stepped] = await timed(step);
        stepRuns.push(ms);
      }
      dataStepMs = median(stepRuns);
      // The page's own step for the year (its whole mark rows up to MARK_LIMIT: density at this size).
      const pageRuns = [];
      for (let i = 0; i < 5; i++) pageRuns.push((await timed(() => dataStep(db, filters, range, scope, today)))[0]);
      pageStepMs = median(pageRuns);
      const keys = ["sector", "bin", "start", "n", "overdue", "done"];
      const sameCells =
        stepped.density.length === density.length &&
        stepped.density.every((cell, i) => keys.every((k) => String(cell[k]) === String(density[i][k])));
      const sameLanes =
        stepped.lanes.length === lanes.length &&
        stepped.lanes.every((l, i) => ["sector", "total", "n"].every((k) => String(l[k]) === String(lanes[i][k])));
      dataStepDensity = {
        cells: stepped.density.length,
        sameAsSql: sameCells && sameLanes,
        marks: stepped.marks.length,
      };
    }
    let rows;
    [shapesMs, rows] = await timed(load);
    shapeCount = rows.length;
  }
  const total = lanes.reduce((s, l) => s + l.n, 0);
  const data = { lanes, density, events, total, marks, updates, domain: range, extent, today };
  const draws = {};
  for (const renderer of renderers) {
    draws[renderer] = [];
    for (let i = 0; i < (renderer === "svg" ? 1 : 3); i++) draws[renderer].push(await draw(data, "marks", renderer));
  }
  // What the page itself shows for this year at this width (the density rule).
  const chosen = (await draw(data, undefined)).mode;
  host.remove();
  return { queryMs, marksMs, updatesMs, lanesMs, eventsMs, cellsMs, shapesQueryMs, dataStepMs, pageStepMs, dataStepDensity, shapesMs, shapeCount, marks: marks.length, updates: updates.length, draws, chosen };
})()`;

// ---- interactions on the page itself, at this size (issue #16) -------------------------------
const CHART = '[data-chart="timeline"]';

/** Resolves in the page, at the first animation frame where `expression` holds (or after 60 s), to that frame's time. */
const whenTrue = (page: Page, expression: string) =>
  page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    const check = () => ((${expression}) || performance.now() - started > 60000 ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  })`) as Promise<number>;

/** Remembers the chart drawn now; `chartReplaced` then waits for a new one. */
const rememberChart = (page: Page) =>
  page.evaluate(`void (window.__benchChart = document.querySelector(${JSON.stringify(CHART)}))`);
const chartReplaced = (page: Page) =>
  whenTrue(
    page,
    `document.querySelector(${JSON.stringify(CHART)}) && document.querySelector(${JSON.stringify(CHART)}) !== window.__benchChart`,
  );

/**
 * The page's own controls with real input, on the large tables swapped in:
 * a sector filter added (the busiest sector), zoom to a year by the zoom
 * menu's keyboard, a lane collapsed, a mark clicked (its panel) and the panel
 * closed, "Show all", the filter removed. With `profile`, each one's CPU
 * profile too (the busiest functions of those over the goal are printed).
 */
async function measureInteractions(
  page: Page,
  sector: string,
  profile: boolean,
): Promise<{ timings: InteractionTiming[]; notes: string[] }> {
  const timings: InteractionTiming[] = [];
  const notes: string[] = [];
  const time = (label: string, act: () => Promise<void>, done?: () => Promise<number>) =>
    timeInteraction(page, label, act, { done, profile });
  /** One interaction that redraws the chart: INP, and the time to the chart drawn anew; then the page left to go quiet. */
  const redrawing = async (label: string, act: () => Promise<void>) => {
    await rememberChart(page);
    const timing = await time(label, act, () => chartReplaced(page));
    await page.evaluate(WAIT_CALM);
    return timing;
  };
  const menu = '.aa-filters summary:has-text("Sector")';
  timings.push(await time("open the Sector filter menu", () => page.click(menu)));
  const box = page.locator(`.aa-filters input[name="sector"][value=${JSON.stringify(sector)}]`);
  timings.push(await redrawing(`filter: add sector ${sector}`, () => box.click()));
  // Closed again (not timed): left open, the menu covers the chart's first lane toggle.
  await page.click(menu);
  await page.focus(".aa-zoom select");
  timings.push(await redrawing("zoom: the year menu, ArrowDown (latest year)", () => page.keyboard.press("ArrowDown")));
  const toggle = page.locator(`${CHART} .aa-lane-toggle`).first();
  if ((await toggle.count()) > 0) {
    timings.push(await redrawing("collapse a lane (click)", () => toggle.click()));
    timings.push(
      await redrawing("expand it again (click)", () => page.locator(`${CHART} .aa-lane-toggle`).first().click()),
    );
  } else notes.push("no lane toggle on the chart: lane collapse not measured");
  const mark = page.locator(`${CHART} [data-mark="commitment"]`).first();
  if ((await mark.count()) > 0) {
    const panel = `!document.querySelector('[data-testid="commitment-panel"]')?.hidden`;
    timings.push(
      await time(
        "select a mark (click → its panel)",
        () => mark.click(),
        () => whenTrue(page, panel),
      ),
    );
    await page.evaluate(WAIT_CALM);
    timings.push(await time("close the panel (Escape)", () => page.keyboard.press("Escape")));
  } else notes.push("no SVG mark on the zoomed chart (density or canvas): selection not measured");
  timings.push(await redrawing("zoom: Show all (click)", () => page.click('.aa-zoom button:has-text("Show all")')));
  await page.click(menu);
  timings.push(await redrawing(`filter: remove sector ${sector}`, () => box.click()));
  return { timings, notes };
}

// The built site plus the large tables under /__bench/, served as files (not through
// playwright's routing, which would copy hundreds of megabytes through the protocol).
// One folder per run: the work folder is shared, and another run replacing `site` would swap the pages served.
const site = join(work, `site-${process.pid}`);
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, "__bench"), { recursive: true });
for (const entry of readdirSync(dist)) symlinkSync(join(dist, entry), join(site, entry));
for (const name of LARGE) symlinkSync(slim[name], join(site, "__bench", `${name}.arrow`));
const server = await startStaticServer({ root: site, compress: false });
const browser = await launchBrowser();
const chromium = browser.version();
let page: any;
let interactions: { timings: InteractionTiming[]; notes: string[]; commitments: number | null } = {
  timings: [],
  notes: [],
  commitments: null,
};
const problems: string[] = [];

/** /timeline opened cold with the Event Timing observer, once its own queries are done and its engine is quiet. */
async function openQuietTimeline(search = ""): Promise<PageHandle> {
  log(`Chromium ${chromium}: opening ${server.url}/timeline${search} …`);
  const handle = await openPage(browser, `${server.url}/timeline${search}`, {
    viewport: { width: width + 80, height: 1000 },
    intercept: false,
    initScripts: [EVENT_TIMING_OBSERVER],
  });
  handle.page.setDefaultTimeout(timeoutMs);
  await handle.page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached", timeout: timeoutMs });
  await handle.page.waitForFunction("globalThis.__accordAtlas?.timeline !== undefined", null, { timeout: timeoutMs });
  // The page's own queries share DuckDB's one worker: let them all finish first
  // (the follow-up card is the page's last), then wait for the engine to go quiet.
  await handle.page.waitForSelector('[data-testid="follow-up"], .card:last-of-type .aa-empty', {
    state: "attached",
    timeout: timeoutMs,
  });
  await handle.page.waitForLoadState("networkidle");
  const calm = await handle.page.evaluate(WAIT_CALM);
  if (!calm) log("  ! the page did not go quiet within 60 s; timings may include its work");
  return handle;
}

/** What the page logged that the report must show (the bench serves no favicon; Chromium asks for one when requests are not routed). */
const pageProblems = (handle: PageHandle) => [
  ...handle.consoleErrors.filter((e) => !e.includes("/favicon.ico")),
  ...handle.outsideRequests.map((u) => `outside request: ${u}`),
];

/**
 * The interactions, in a fresh page on the site's own tables (the build's
 * data: pass --dist of a site built on 1,000,000 commitments for that size).
 * Not on the slim tables swapped in above: the page's other queries read
 * columns those leave out, and would fail at the first filter change.
 */
async function interactionsOnOwnData(): Promise<typeof interactions> {
  const handle = await openQuietTimeline();
  try {
    // The number of commitments the page holds, and the busiest sector its filter bar offers.
    const [{ n, sector }] = (await handle.page.evaluate(
      `(async () => { const aa = globalThis.__accordAtlas; const db = await aa.database();
        const offered = [...document.querySelectorAll('.aa-filters input[name="sector"]')].map((b) => b.value);
        const [{ n }] = await db.query(aa.sql(["SELECT CAST(count(*) AS INTEGER) AS n FROM commitments"]));
        const [top] = await db.query(aa.sql(["SELECT sector FROM commitments WHERE sector IN (", ") GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"], offered));
        return [{ n, sector: top.sector }]; })()`,
    )) as { n: number; sector: string }[];
    log(`  the page's own controls, with real input, on its own ${n.toLocaleString("en")} commitments…`);
    let measured: { timings: InteractionTiming[]; notes: string[] } = { timings: [], notes: [] };
    try {
      measured = await measureInteractions(handle.page, sector, withProfile);
    } catch (error) {
      problems.push(`the interactions failed: ${(error as Error).message.split("\n")[0]}`);
    }
    if (renderersAsked.includes("canvas")) {
      const canvas = await canvasSelection(
        (await handle.page.evaluate(CANVAS_VIEW)) as { search: string; years: number[] },
      );
      measured.timings.push(...canvas.timings);
      measured.notes.push(...canvas.notes);
    }
    return { ...measured, commitments: n };
  } finally {
    problems.push(...pageProblems(handle));
    await handle.close();
  }
}

/**
 * A view of the site's own data whose marks the page draws (canvas forced by
 * ?renderer=canvas, as past CANVAS_MARKS the page chooses it): the sector
 * with the fewest commitments, and the years (up to this one) where its lane
 * would stack the fewest rows, best first (the commitments of its busiest
 * day and those dated only to a month or year, which cross the whole year).
 */
const CANVAS_VIEW = `(async () => {
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  const [{ sector }] = await db.query(aa.sql(["SELECT sector FROM commitments GROUP BY 1 ORDER BY count(*), 1 LIMIT 1"]));
  const years = await db.query(aa.sql([
    "WITH c AS (SELECT year(date_from) AS y0, year(date_to) AS y1, date_from, date_precision FROM commitments WHERE sector = ", "), " +
    "days AS (SELECT y0 AS y, max(n) AS most FROM (SELECT y0, date_from, count(*) AS n FROM c WHERE date_precision = 'day' GROUP BY 1, 2) GROUP BY 1), " +
    "spans AS (SELECT d.y, count(c.y0) AS spans FROM days d LEFT JOIN c ON c.date_precision <> 'day' AND c.y0 <= d.y AND c.y1 >= d.y GROUP BY 1) " +
    "SELECT CAST(d.y AS INTEGER) AS y FROM days d JOIN spans s USING (y) WHERE d.y <= ", " ORDER BY d.most + s.spans, d.y DESC LIMIT 5",
  ], sector, new Date().getUTCFullYear()));
  return { search: "?renderer=canvas&sector=" + encodeURIComponent(sector), years: years.map((r) => r.y) };
})()`;

/**
 * A mark on the canvas selected by a click on its painted position (the
 * position the chart's keyboard gives its earliest mark: its focus ring's
 * centre, the keyboard then sent away), and its panel closed with Escape; in
 * a fresh page opened on `view.search` and zoomed by its year menu to the
 * first of `view.years` whose marks it draws (CANVAS_VIEW).
 */
async function canvasSelection(view: {
  search: string;
  years: number[];
}): Promise<{ timings: InteractionTiming[]; notes: string[] }> {
  const handle = await openQuietTimeline(view.search);
  const { page } = handle;
  try {
    const layer = `${CHART} .aa-marks-canvas`;
    for (const year of view.years) {
      if ((await page.locator(layer).count()) > 0) break;
      await rememberChart(page);
      await page.selectOption(".aa-zoom select", String(year));
      await chartReplaced(page);
      await page.evaluate(WAIT_CALM);
    }
    if ((await page.locator(layer).count()) === 0) {
      const tried = `/timeline${view.search} in ${view.years.join(", ")}`;
      return { timings: [], notes: [`no canvas marks at ${tried} (density): canvas selection not measured`] };
    }
    // Which view it is, for the label: the sector, the year zoomed to and the marks painted.
    const drawn = await page.locator(CHART).getAttribute("data-marks");
    const zoomed = (await page.locator(".aa-zoom select").inputValue()) || "all years";
    const where = `${new URLSearchParams(view.search).get("sector")}, ${zoomed}, ${drawn} marks`;
    await page.focus(layer);
    const ring = page.locator(`${CHART} .aa-mark-focus`);
    await ring.evaluate((r) => r.scrollIntoView({ block: "center" }));
    const at = await ring.evaluate((r) => {
      const b = r.getBoundingClientRect();
      return { id: r.getAttribute("data-id") ?? "", x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await page.evaluate("document.activeElement?.blur()");
    await page.evaluate(WAIT_CALM);
    const panel = `document.querySelector('[data-testid="commitment-panel"]')`;
    const shown = `!${panel}?.hidden && ${panel}?.getAttribute("data-id") === ${JSON.stringify(at.id)}`;
    const timings = [
      await timeInteraction(
        page,
        `select a mark on canvas (click → its panel; ${where})`,
        () => page.mouse.click(at.x, at.y),
        {
          done: () => whenTrue(page, shown),
          profile: withProfile,
        },
      ),
    ];
    await page.evaluate(WAIT_CALM);
    timings.push(
      await timeInteraction(page, "close the panel (Escape, canvas)", () => page.keyboard.press("Escape"), {
        profile: withProfile,
      }),
    );
    return { timings, notes: [] };
  } catch (error) {
    return { timings: [], notes: [`canvas selection failed: ${(error as Error).message.split("\n")[0]}`] };
  } finally {
    problems.push(...pageProblems(handle));
    await handle.close();
  }
}

try {
  const handle = await openQuietTimeline();
  log(`Replacing the page's tables with ${commitments.toLocaleString("en")} commitments and timing (year ${year})…`);
  const setup = (await handle.page.evaluate(SETUP)) as { loadMs: number; rows: number };
  log(`  tables loaded in ${ms(setup.loadMs)}; the aggregation, ${runs} runs…`);
  const aggregation = (await handle.page.evaluate(AGGREGATE)) as { times: number[]; engine: number[]; rows: number };
  log(`  p50 ${ms(quantile(aggregation.times, 0.5))}; drawing the density view…`);
  type DensityDraw = { ms: number; cells: number; cellRenderer: string };
  const { draws: densityDraws, svgDraws: densitySvgDraws } = (await handle.page.evaluate(DRAW_DENSITY)) as {
    draws: DensityDraw[];
    svgDraws: DensityDraw[];
  };
  log(
    `  ${ms(densityDraws[0].ms)} (${densityDraws[0].cellRenderer}), SVG ${ms(densitySvgDraws[0].ms)}; one year's marks…`,
  );
  let zoomed: any = null;
  try {
    zoomed = await handle.page.evaluate(DRAW_YEAR);
  } catch (error) {
    problems.push(`drawing the marks of ${range.from.slice(0, 4)} failed: ${(error as Error).message.split("\n")[0]}`);
  }
  page = {
    loadMs: setup.loadMs,
    rows: setup.rows,
    aggregation: aggregation.times,
    engine: aggregation.engine,
    densityRows: aggregation.rows,
    densityDraws,
    densitySvgDraws,
    yearQueryMs: zoomed?.queryMs ?? null,
    year: zoomed,
    yearMarks: zoomed?.marks ?? 0,
    yearUpdates: zoomed?.updates ?? 0,
    markDraws: zoomed?.draws ?? {},
    chosen: zoomed?.chosen ?? "—",
  };
  problems.push(...pageProblems(handle));
  await handle.close();
  if (!noInteractions) interactions = await interactionsOnOwnData();
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}

// ---- report ------------------------------------------------------------------------------------------
const wasmP50 = quantile(page.aggregation, 0.5) as number;
const nativeP50 = quantile(nativeTimes.times, 0.5) as number;
const densityDraw = quantile(
  page.densityDraws.map((d: { ms: number }) => d.ms),
  0.5,
) as number;
const densitySvgDraw = quantile(
  page.densitySvgDraws.map((d: { ms: number }) => d.ms),
  0.5,
) as number;
const densityRenderer = (page.densityDraws[0] as { cellRenderer?: string }).cellRenderer ?? "svg";
// Each renderer's draws of the year's marks, p50 (null when not asked, or when the build has no canvas renderer).
const drawsOf = (renderer: string) =>
  ((page.markDraws[renderer] ?? []) as { ms: number; renderer: string }[]).filter((d) => d.renderer === renderer);
const drawP50 = (renderer: string) => {
  const draws = drawsOf(renderer);
  return draws.length
    ? (quantile(
        draws.map((d) => d.ms),
        0.5,
      ) as number)
    : null;
};
const canvasDraw = drawP50("canvas");
const svgDraw = drawP50("svg");
const m = machine();
// Other work on the machine skews every figure: say how busy it was.
const load = loadavg().map((x) => Number(x.toFixed(2)));
const report = {
  date: new Date().toISOString(),
  chromium,
  ...m,
  loadAverage: load,
  commitments: page.rows,
  seed,
  dataDir,
  dist,
  runs,
  width,
  today,
  year,
  loaderSeconds,
  wasm: {
    tablesLoadMs: page.loadMs,
    aggregation: {
      p50: wasmP50,
      p95: quantile(page.aggregation, 0.95),
      runs: page.aggregation,
      rows: page.densityRows,
    },
    densityDraw: { p50: densityDraw, renderer: densityRenderer, runs: page.densityDraws },
    densityDrawSvg: { p50: densitySvgDraw, runs: page.densitySvgDraws },
    year: {
      queryMs: page.yearQueryMs,
      marksQueryMs: page.year?.marksMs ?? null,
      updatesQueryMs: page.year?.updatesMs ?? null,
      lanesQueryMs: page.year?.lanesMs ?? null,
      eventsQueryMs: page.year?.eventsMs ?? null,
      cellsQueryMs: page.year?.cellsMs ?? null,
      shapesQueryMs: page.year?.shapesQueryMs ?? null,
      dataStepMs: page.year?.dataStepMs ?? null,
      pageStepMs: page.year?.pageStepMs ?? null,
      dataStepDensity: page.year?.dataStepDensity ?? null,
      shapesMs: page.year?.shapesMs ?? null,
      shapeCount: page.year?.shapeCount ?? null,
      marks: page.yearMarks,
      updates: page.yearUpdates,
      canvasDrawP50: canvasDraw,
      svgDrawP50: svgDraw,
      runs: page.markDraws,
      modeTheRuleChooses: page.chosen,
    },
  },
  native: {
    ...nativeInfo,
    aggregation: {
      p50: nativeP50,
      p95: quantile(nativeTimes.times, 0.95),
      runs: nativeTimes.times,
      rows: nativeTimes.rows,
    },
  },
  ratio: wasmP50 / nativeP50,
  goals: {
    aggregationMs: GOAL_MS,
    yearQueryMs: YEAR_QUERY_GOAL_MS,
    marksDrawMs: MARKS_DRAW_GOAL_MS,
    interactionMs: INTERACTION_GOAL_MS,
  },
  interactions: interactions.timings,
  interactionCommitments: interactions.commitments,
  interactionNotes: interactions.notes,
  problems,
};
const goal = (value: number | null, limit: number) =>
  value === null ? "" : `goal ≤ ${limit} ms ${value <= limit ? "✓" : "✗"}`;
/** The zoomed year's rows: its queries (whole rows, then shapes), then its marks drawn by each renderer. */
function yearRows(): string[][] {
  const y = page.year;
  const shapes = y?.shapesQueryMs ?? null;
  const step = y?.dataStepMs ?? null;
  const marks = page.yearMarks.toLocaleString("en");
  return [
    [
      `query one zoomed year (${year}): lanes, cells, rules, whole mark rows, updates`,
      ms(page.yearQueryMs),
      "",
      shapes === null ? goal(page.yearQueryMs, YEAR_QUERY_GOAL_MS) : "was",
    ],
    [
      "  of which the marks alone (timelineMarks, rows)",
      ms(y?.marksMs ?? null),
      `updates alone ${ms(y?.updatesMs ?? null)}`,
      "",
    ],
    [
      "  lanes alone (timelineLanes)",
      ms(y?.lanesMs ?? null),
      `rules alone ${ms(y?.eventsMs ?? null)}`,
      `cells alone ${ms(y?.cellsMs ?? null)}`,
    ],
    [
      `same, the marks as shapes in columns (timelineMarkShapes)`,
      ms(shapes),
      "",
      step === null ? goal(shapes, YEAR_QUERY_GOAL_MS) : "was",
    ],
    ["  of which the shapes alone", ms(y?.shapesMs ?? null), `${(y?.shapeCount ?? 0).toLocaleString("en")} marks`, ""],
    [
      "the page's data step, shapes as its marks: lane counts, rules, shapes, updates; cells from the marks, p50 of 5",
      ms(step),
      y?.dataStepDensity
        ? `${y.dataStepDensity.cells} cells, lanes and cells ${y.dataStepDensity.sameAsSql ? "=" : "≠"} SQL's`
        : "",
      goal(step, YEAR_QUERY_GOAL_MS),
    ],
    [
      "the page's own step for that year (density past MARK_LIMIT): lane counts, rules, cells, p50 of 5",
      ms(y?.pageStepMs ?? null),
      "",
      goal(y?.pageStepMs ?? null, YEAR_QUERY_GOAL_MS),
    ],
    [
      `draw its ${marks} marks (${page.yearUpdates.toLocaleString("en")} updates) on canvas, p50 of 3`,
      ms(canvasDraw),
      "",
      goal(canvasDraw, MARKS_DRAW_GOAL_MS),
    ],
    [`draw them as SVG, one run`, ms(svgDraw), "", `the page would show: ${page.chosen}`],
  ];
}
const rows = [
  ["figure", "value", "reference", "goal or ratio"],
  [
    `month × sector aggregation (${page.densityRows.toLocaleString("en")} rows), WASM p50`,
    ms(wasmP50),
    `native ${ms(nativeP50)} (${nativeInfo.threads} threads)`,
    `${(wasmP50 / nativeP50).toFixed(1)}× native · goal ≤ ${GOAL_MS} ms ${wasmP50 <= GOAL_MS ? "✓" : "✗"}`,
  ],
  ["  p95", ms(quantile(page.aggregation, 0.95)), `native ${ms(quantile(nativeTimes.times, 0.95))}`, ""],
  [
    "  engine only (Arrow result, no rows made), p50",
    ms(quantile(page.engine, 0.5)),
    "",
    `${((quantile(page.engine, 0.5) as number) / nativeP50).toFixed(1)}× native`,
  ],
  [
    `draw the density view (${page.densityDraws[0].cells.toLocaleString("en")} cells), ${densityRenderer === "canvas" ? "on canvas" : "as SVG (this build has no canvas cells)"}, p50 of 3`,
    ms(densityDraw),
    `SVG forced ${ms(densitySvgDraw)}`,
    `${(densitySvgDraw / densityDraw).toFixed(1)}× less than SVG`,
  ],
  ...yearRows(),
  ["load the slim tables into DuckDB-WASM", ms(page.loadMs), `native ${nativeInfo.loadSeconds.toFixed(1)} s`, ""],
];
process.stdout.write(
  `\nChromium ${chromium} · ${describeMachine(m)}\n` +
    `${page.rows.toLocaleString("en")} commitments (seed ${seed}) · DuckDB-WASM (1 thread) vs native DuckDB ${nativeInfo.version} · chart ${width} px wide\n` +
    `p50 of ${runs} runs after 1 warm-up (draws: p50 of 3; SVG marks one run). Load average at the end: ${load.join(", ")}.\n\n${table(rows)}\n`,
);
if (interactions.timings.length > 0) {
  const head = [
    `interaction on /timeline, ${(interactions.commitments ?? 0).toLocaleString("en")} commitments (real input)`,
    "INP (Event Timing)",
    "goal",
    "to the redrawn chart / panel",
    "longest task",
  ];
  process.stdout.write(
    `\n${table([head, ...interactionRows(interactions.timings, INTERACTION_GOAL_MS)])}\n` +
      "INP: the slowest Event Timing entry of the interaction, input to next paint; Chromium reports only entries of 16 ms or more.\n",
  );
}
const profiled = profileLines(interactions.timings, INTERACTION_GOAL_MS);
if (profiled.length) {
  process.stdout.write(
    `\nCPU profile (main thread) of each interaction over the goal or with a long task:\n${profiled.join("\n")}\n`,
  );
}
for (const n of interactions.notes) process.stdout.write(`  ! ${n}\n`);
for (const p of problems) process.stdout.write(`  ! ${p.split("\n")[0]}\n`);
process.stdout.write(`Wrote ${writeResult("timeline", report.date, report)}\n`);
