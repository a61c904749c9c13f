/**
 * `npm run bench:queries [-- --commitments 100000 --runs 20 --seed 1 --dist DIR --threads T --timeout 180000 --skip module.query,… --only module.query,…]`
 *
 * How fast every query the pages run (read from the SQL modules by
 * bench/lib/page-query-catalogue.ts: overview, network, timeline, Data page,
 * the SQL page's examples) runs in the browser's DuckDB-WASM on a large
 * synthetic dataset, against native DuckDB on the same machine in the same run:
 *
 * 1. Generates the data (scripts/generate.ts; reused from the temporary
 *    folder when already there) and builds the site on it in a copy of the
 *    project (bench/lib/synthetic-site.ts), or takes an existing build with
 *    --dist.
 * 2. Native DuckDB (@duckdb/node-api) loads the same Arrow files the site
 *    serves, with the same column types, and runs every query R times with
 *    its default threads (the machine's cores, or --threads), then again
 *    after `SET threads = 1`, as DuckDB-WASM runs.
 * 3. Headless Chromium opens `/` of the served build (requests off loopback
 *    are blocked), waits for the page's database to be ready and quiet, and
 *    runs the same fragments R times through `__accordAtlas.database()` (the
 *    page hooks of src/components/page-hooks.ts) as the pages read each:
 *    `query`, conversion to plain rows included, `queryColumns` /
 *    `queryPacked` for the few read as typed columns, or `queryFirstRows`
 *    for the SQL page's examples (the catalogue's `read`). It also times the bare
 *    engine call (prepare, run, Arrow result back from the worker) without
 *    that conversion. Native DuckDB reads the whole result but does not
 *    convert it to JavaScript values (see timeNative).
 *
 * Filter states: none; the sector with the most commitments; the country
 * with the most commitments and the last ten years of the data. The
 * timeline's marks and their updates are timed for the window the page asks
 * them for: the widest ending on the data's last day that holds at most
 * MARK_LIMIT commitments (devtools/marks-window.ts; a wider one is drawn as
 * density, and neither query is sent). Prints, per
 * query and state, the WASM p50, native p50 on its threads and on one, and
 * both ratios beside the goal (≤ 2.5×), with the load average; writes
 * bench/results/queries-<timestamp>.json. A query native DuckDB cannot run
 * on the build's tables (a build older than the SQL) is listed, not timed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { launchBrowser, openPage } from "../devtools/browser-harness.js";
import { tableFiles } from "../devtools/dist-tables.js";
import { ratioCell } from "../devtools/engine-ratio.js";
import { type DayWindow, widestMarksWindow } from "../devtools/marks-window.js";
import { type NativeTimes, nativeSchema, openNative, queryNative, timeNative } from "../devtools/native-duckdb.js";
import { placeholderPieces } from "../devtools/sql-pieces.js";
import { startStaticServer } from "../scripts/static-server.js";
import { emptyFilters, type FilterState } from "../src/lib/model/filters.js";
import { DISPLAY_ROWS } from "../src/lib/notebook/notebook-cells.js";
import { sqlLiteral } from "../src/lib/notebook/sql-literals.js";
import type { SqlFragment } from "../src/lib/sql/fragment.js";
import { timelineLaneCounts } from "../src/lib/sql/timeline-queries.js";
import { MARK_LIMIT, yearRange } from "../src/lib/timeline/density.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import { WAIT_CALM } from "./lib/page.js";
import { pageQueryCatalogue, type ResultRead } from "./lib/page-query-catalogue.js";
import { buildSite, ensureData } from "./lib/synthetic-site.js";

const USAGE =
  "Usage: npm run bench:queries -- [--commitments 100000] [--runs 20] [--seed 1] [--dist DIR] [--threads T] [--timeout MS] [--skip module.query,…] [--only module.query,…]";
/** Issue #16: DuckDB-WASM within 2.5× of native DuckDB on every page query, one thread each side too. */
const GOAL_RATIO = 2.5;
const WARMUP = 1;

const flags = parseFlags(
  process.argv.slice(2),
  ["commitments", "runs", "seed", "dist", "threads", "timeout", "skip", "only"],
  [],
  USAGE,
);
const commitments = intFlag(flags, "commitments", 100_000, USAGE);
const runs = intFlag(flags, "runs", 20, USAGE);
const seed = flags.get("seed") ?? "1";
const timeoutMs = intFlag(flags, "timeout", 180_000, USAGE);
const threads = flags.has("threads") ? intFlag(flags, "threads", 1, USAGE) : undefined;
const skip = (flags.get("skip") ?? "").split(",").filter(Boolean);
// Only these queries (while working on a few); every other one is left out, and in the JSON listed as skipped.
const only = (flags.get("only") ?? "").split(",").filter(Boolean);
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---- the site and its tables ------------------------------------------------

const dist = flags.has("dist")
  ? resolve(flags.get("dist") as string)
  : buildSite(ensureData(commitments, seed), `${commitments}-${seed}`);
const files = tableFiles(dist);

// ---- native DuckDB: load, pick the filter states, run ---------------------------

log(`Loading the Arrow tables of ${dist} into native DuckDB…`);
const native = await openNative(files, threads);
log(
  `Native DuckDB ${native.version} (${native.threads} threads): ${native.rows.commitments.toLocaleString("en")} commitments loaded in ${native.loadSeconds.toFixed(1)} s.`,
);

const first = async (text: string): Promise<unknown> =>
  (await native.connection.runAndReadAll(text)).getRowsJS()[0]?.[0] ?? null;
const topSector = String(
  await first("SELECT sector FROM commitments WHERE sector IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"),
);
const topCountry = String(
  await first(`SELECT i.country FROM commitment_parties p JOIN institutions i ON i.id = p.institution_id
    WHERE i.country IS NOT NULL GROUP BY 1 ORDER BY count(DISTINCT p.commitment_id) DESC, 1 LIMIT 1`),
);
const lastYear = Number(await first("SELECT year(max(date_from)) FROM commitments"));
// What the other builders are called with: the busiest institution, one of its commitments, the series with the
// most sessions and its last two.
const institutionId = String(
  await first("SELECT institution_id FROM commitment_parties GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"),
);
const commitmentId = String(
  await first(`SELECT min(commitment_id) FROM commitment_parties WHERE institution_id = ${sqlLiteral(institutionId)}`),
);
const series = String(
  await first(`SELECT series FROM events WHERE series IS NOT NULL AND session IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
);
const sessions = (
  await native.connection.runAndReadAll(`SELECT id FROM events WHERE series = ${sqlLiteral(series)}
    AND session IS NOT NULL ORDER BY session DESC, id LIMIT 2`)
)
  .getRowsJS()
  .map((r) => String(r[0]))
  .reverse();
// The page asks for a window's marks and updates only while it holds at most MARK_LIMIT commitments (wider ones are
// density): the widest such window ending on the last year's last day, by the page's own count of it.
const windowCount = async (window: DayWindow): Promise<number> =>
  (await queryNative(native.connection, timelineLaneCounts(emptyFilters(), window))).reduce(
    (sum, row) => sum + Number(row.n),
    0,
  );
const marks = await widestMarksWindow(yearRange(lastYear), MARK_LIMIT, windowCount);
log(
  `Timeline marks and updates timed for ${marks.window.from} – ${marks.window.to}: ${marks.commitments.toLocaleString("en")} commitments${marks.drawnAsMarks ? ` (the page draws at most ${MARK_LIMIT.toLocaleString("en")} as marks)` : `, over the ${MARK_LIMIT.toLocaleString("en")} the page draws as marks even for one day`}.`,
);
const schemaFile = readdirSync(join(dist, "_file/data")).find((f) => /^schema\.[0-9a-f]+\.json$/.test(f));
const catalogue = pageQueryCatalogue({
  today: new Date().toISOString().slice(0, 10),
  year: lastYear,
  marksWindow: marks.window,
  institutionId,
  commitmentId,
  commitmentKey: Number(await first(`SELECT key FROM commitments WHERE id = ${sqlLiteral(commitmentId)}`)),
  series,
  sessionIds: [sessions[0] ?? "", sessions[1] ?? sessions[0] ?? ""],
  schema: schemaFile ? JSON.parse(readFileSync(join(dist, "_file/data", schemaFile), "utf8")) : [],
});

interface State {
  label: string;
  filters: FilterState;
}
const states: State[] = [
  { label: "none", filters: emptyFilters() },
  { label: `sector ${topSector}`, filters: { ...emptyFilters(), sector: [topSector] } },
  {
    label: `country ${topCountry}, ${lastYear - 9}–${lastYear}`,
    filters: { ...emptyFilters(), country: [topCountry], from: lastYear - 9, to: lastYear },
  },
];

interface Case {
  query: string;
  /** How the page reads the result (Database.query, queryColumns, queryPacked or queryFirstRows). */
  read: ResultRead;
  state: string;
  filters: FilterState | null;
  text: string;
  params: (string | number | boolean | null)[];
}
const plain = (fragment: SqlFragment) =>
  fragment.params.map((p) => {
    if (typeof p === "bigint") throw new Error("bench: bigint parameters cannot be sent to the page");
    return p;
  });
const cases: Case[] = [];
const unknown = only.filter((name) => !catalogue.queries.some((q) => q.name === name));
if (unknown.length) throw new Error(`--only: no query named ${unknown.join(", ")} in the catalogue`);
if (only.length)
  skip.push(...catalogue.queries.map((q) => q.name).filter((name) => !only.includes(name) && !skip.includes(name)));
const timed = catalogue.queries.filter((q) => !skip.includes(q.name));
for (const state of states) {
  for (const q of timed) {
    if (!q.build) continue;
    const fragment = q.build(state.filters);
    cases.push({
      query: q.name,
      read: q.read,
      state: state.label,
      filters: state.filters,
      text: fragment.text,
      params: plain(fragment),
    });
  }
}
for (const q of timed) {
  if (q.fragment)
    cases.push({
      query: q.name,
      read: q.read,
      state: "—",
      filters: null,
      text: q.fragment.text,
      params: plain(q.fragment),
    });
}

// A query native DuckDB cannot run (e.g. a table built by an older site) is left out, and said so.
const failed: string[] = [];
for (const c of [...cases]) {
  try {
    await timeNative(native.connection, c.text, c.params, 0, 1);
  } catch (error) {
    failed.push(`${c.query} (${c.state}): ${(error as Error).message.split("\n")[0]}`);
    cases.splice(cases.indexOf(c), 1);
  }
}
const nativeTimes: NativeTimes[] = [];
log(`Native (${native.threads} threads): ${cases.length} queries × ${runs} runs (after ${WARMUP} warm-up)…`);
for (const c of cases) nativeTimes.push(await timeNative(native.connection, c.text, c.params, runs, WARMUP));
// The same on one thread, as DuckDB-WASM runs.
await native.connection.run("SET threads = 1");
const nativeOneTimes: NativeTimes[] = [];
log(`Native (1 thread): ${cases.length} queries × ${runs} runs…`);
for (const c of cases) nativeOneTimes.push(await timeNative(native.connection, c.text, c.params, runs, WARMUP));
const nativeColumns = await nativeSchema(native.connection);
const nativeInfo = { version: native.version, threads: native.threads, loadSeconds: native.loadSeconds };
const tableRows = native.rows;
native.close();

// ---- DuckDB-WASM in headless Chromium ---------------------------------------------

interface PageTimes {
  page: number[];
  engine: number[];
  rows: number;
  engineRows: number;
}

// Scripts for the page are strings: tsx's transform would add helpers to a
// function that do not exist in the page. They read globalThis.__accordAtlas,
// the hooks of src/components/page-hooks.ts.
const SETTLE = `(async () => {
  const calm = await ${WAIT_CALM};
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  await db.load(); // every table whole, as the native reference has them
  const [{ version }] = await db.query(aa.sql(["SELECT version() AS version"]));
  const columns = await db.query(aa.sql(["SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"]));
  return { calm, version, columns: columns.map((c) => c.table_name + "." + c.column_name + " " + c.data_type) };
})()`;

const runCase = (c: Case) => `(async () => {
  const { text, pieces, params, runs, warmup, read, firstRows } = ${JSON.stringify({ text: c.text, pieces: placeholderPieces(c.text, c.params), params: c.params, runs, warmup: WARMUP, read: c.read, firstRows: DISPLAY_ROWS })};
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  // A branded fragment, as the pages build them (the text cut at its placeholders).
  const fragment = aa.sql(pieces, ...params);
  const page = [];
  const engine = [];
  let rows = 0;
  let engineRows = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const result = read === "queryFirstRows" ? await db.queryFirstRows(fragment, firstRows) : await db[read](fragment);
    const t = performance.now() - t0;
    if (i >= warmup) page.push(t);
    rows = read === "query" ? result.length : read === "queryFirstRows" ? result.total : result.numRows;
  }
  // The engine alone: the same calls query() makes, without turning the Arrow result into rows.
  const { connection } = await db.engine();
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    let arrow;
    if (params.length === 0) {
      arrow = await connection.query(text);
    } else {
      const statement = await connection.prepare(text);
      try {
        arrow = await statement.query(...params);
      } finally {
        await statement.close();
      }
    }
    const t = performance.now() - t0;
    if (i >= warmup) engine.push(t);
    engineRows = arrow.numRows;
  }
  return { page, engine, rows, engineRows };
})()`;

const server = await startStaticServer({ root: dist });
const browser = await launchBrowser();
const chromium = browser.version();
const pageTimes: PageTimes[] = [];
let wasmVersion = "";
let wasmColumns: string[] = [];
let problems: string[] = [];
try {
  log(`Chromium ${chromium}: opening ${server.url}/ …`);
  const opened = performance.now();
  const handle = await openPage(browser, `${server.url}/`);
  await handle.page.waitForSelector('.aa-status[data-state="ready"], .aa-status[data-state="error"]', {
    state: "attached",
    timeout: timeoutMs,
  });
  const state = await handle.page.getAttribute(".aa-status", "data-state");
  if (state !== "ready") {
    throw new Error(`The page's database failed: ${await handle.page.textContent(".aa-status")}`);
  }
  const exposed = await handle.page.evaluate("globalThis.__accordAtlas !== undefined");
  if (!exposed) {
    throw new Error(
      "The page does not expose globalThis.__accordAtlas (src/components/page-hooks.ts): rebuild the site, or drop --dist.",
    );
  }
  log(
    `Ready after ${((performance.now() - opened) / 1000).toFixed(1)} s; waiting for the page's own queries to finish…`,
  );
  const settled = (await handle.page.evaluate(SETTLE)) as { calm: boolean; version: string; columns: string[] };
  if (!settled.calm) log("  ! the page did not go quiet within 60 s; timings may include its work");
  wasmVersion = settled.version;
  wasmColumns = settled.columns;
  log(`DuckDB-WASM ${wasmVersion}: ${cases.length} queries × ${runs} runs (after ${WARMUP} warm-up)…`);
  for (const c of cases) {
    const times = (await handle.page.evaluate(runCase(c))) as PageTimes;
    pageTimes.push(times);
    log(
      `  ${c.query} (${c.state}): p50 ${ms(quantile(times.page, 0.5))}, ${times.rows.toLocaleString("en")} ${times.rows === 1 ? "row" : "rows"}`,
    );
  }
  problems = [...handle.consoleErrors, ...handle.outsideRequests.map((u) => `outside request (blocked): ${u}`)];
  await handle.close();
} finally {
  await browser.close();
  await server.close();
}

// ---- report ---------------------------------------------------------------------------

const schemaDifferences = [
  ...nativeColumns.filter((c) => !wasmColumns.includes(c)).map((c) => `native only: ${c}`),
  ...wasmColumns.filter((c) => !nativeColumns.includes(c)).map((c) => `WASM only: ${c}`),
];
const results = cases.map((c, i) => {
  const wasm = pageTimes[i];
  const ref = nativeTimes[i];
  const one = nativeOneTimes[i];
  const wasmP50 = quantile(wasm.page, 0.5) as number;
  const nativeP50 = quantile(ref.times, 0.5) as number;
  const nativeOneP50 = quantile(one.times, 0.5) as number;
  return {
    query: c.query,
    filters: c.state,
    filterState: c.filters,
    params: c.params,
    rows: wasm.rows,
    /** Rows of DuckDB-WASM's Arrow answer: what native's count is compared with (a packed answer is one row). */
    engineRows: wasm.engineRows,
    nativeRows: ref.rows,
    wasm: {
      p50: wasmP50,
      p95: quantile(wasm.page, 0.95),
      engineP50: quantile(wasm.engine, 0.5),
      engineP95: quantile(wasm.engine, 0.95),
      runs: wasm.page,
      engineRuns: wasm.engine,
    },
    native: { p50: nativeP50, p95: quantile(ref.times, 0.95), runs: ref.times },
    nativeOneThread: { p50: nativeOneP50, p95: quantile(one.times, 0.95), runs: one.times },
    ratio: wasmP50 / nativeP50,
    ratioOneThread: wasmP50 / nativeOneP50,
    engineRatio: (quantile(wasm.engine, 0.5) as number) / nativeP50,
    engineRatioOneThread: (quantile(wasm.engine, 0.5) as number) / nativeOneP50,
  };
});
const mismatched = results.filter((r) => r.engineRows !== r.nativeRows);

const m = machine();
// Other work on the machine skews every figure: say how busy it was.
const load = loadavg().map((x) => Number(x.toFixed(2)));
const report = {
  date: new Date().toISOString(),
  chromium,
  ...m,
  loadAverage: load,
  commitments: tableRows.commitments,
  tableRows,
  dist,
  runs,
  warmup: WARMUP,
  wasm: { version: wasmVersion },
  native: nativeInfo,
  goals: { ratio: GOAL_RATIO },
  filterStates: states,
  untimed: catalogue.untimed,
  skipped: skip,
  schemaDifferences,
  failed,
  problems,
  results,
};

const header = [
  "query",
  "filters",
  "rows",
  "WASM p50",
  `native p50 (${nativeInfo.threads} threads)`,
  "ratio",
  "native p50 (1 thread)",
  "ratio",
  "WASM engine p50",
  "engine ratio (1 thread)",
];
const body = results.map((r) => [
  r.query,
  r.filters,
  r.rows.toLocaleString("en"),
  ms(r.wasm.p50),
  ms(r.native.p50),
  ratioCell(r.wasm.p50, r.native.p50, GOAL_RATIO),
  ms(r.nativeOneThread.p50),
  ratioCell(r.wasm.p50, r.nativeOneThread.p50, GOAL_RATIO),
  ms(r.wasm.engineP50),
  ratioCell(r.wasm.engineP50, r.nativeOneThread.p50, GOAL_RATIO),
]);
const over = (key: "ratio" | "ratioOneThread") => results.filter((r) => r[key] > GOAL_RATIO).length;
process.stdout.write(
  `\nChromium ${chromium} · ${describeMachine(m)} · load average ${load.join(", ")}\n` +
    `${tableRows.commitments.toLocaleString("en")} commitments (${tableRows.commitment_parties.toLocaleString("en")} parties, ${tableRows.events.toLocaleString("en")} events) · DuckDB-WASM ${wasmVersion} (1 thread) vs native DuckDB ${nativeInfo.version} (${nativeInfo.threads} threads, then SET threads = 1)\n` +
    `p50 of ${runs} runs after ${WARMUP} warm-up. Goal: WASM p50 ≤ ${GOAL_RATIO}× native p50, both ratios.\n\n` +
    `${table([header, ...body])}\n\n` +
    `Over ${GOAL_RATIO}×: ${over("ratio")} of ${results.length} against native on ${nativeInfo.threads} threads, ${over("ratioOneThread")} against one thread.\n` +
    "WASM: database().query() as the pages call it (prepare, run in the worker, Arrow back, rows made plain objects).\n" +
    "WASM engine: the same without making rows. native: @duckdb/node-api, same prepare, bind and run, whole result\n" +
    "read in DuckDB's format (node-api's conversion to JS values is slower than the query and is left out).\n" +
    (catalogue.untimed.length
      ? `Not timed (no arguments known in bench/lib/page-query-catalogue.ts): ${catalogue.untimed.join(", ")}\n`
      : "") +
    (only.length ? `Only (--only): ${only.join(", ")}\n` : skip.length ? `Skipped (--skip): ${skip.join(", ")}\n` : ""),
);
for (const problem of [
  ...schemaDifferences.map((d) => `column types differ: ${d}`),
  ...failed.map((f) => `not timed, native DuckDB failed: ${f}`),
  ...mismatched.map((r) => `${r.query} (${r.filters}): WASM returned ${r.engineRows} rows, native ${r.nativeRows}`),
  ...problems.map((p) => p.split("\n")[0]),
]) {
  process.stdout.write(`  ! ${problem}\n`);
}
process.stdout.write(`Wrote ${writeResult("queries", report.date, report)}\n`);
