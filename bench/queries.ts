/**
 * `npm run bench:queries [-- --commitments 100000 --runs 20 --seed 1 --dist DIR --threads T --timeout 180000]`
 *
 * How fast the pages' own SQL (src/lib/sql/page-queries.ts) runs in the browser's
 * DuckDB-WASM on a large synthetic dataset, against native DuckDB on the same
 * machine in the same run:
 *
 * 1. Generates the data (scripts/generate.ts; reused from the temporary
 *    folder when already there) and builds the site on it in a copy of the
 *    project (bench/lib/synthetic-site.ts), or takes an existing build with
 *    --dist.
 * 2. Native DuckDB (@duckdb/node-api) loads the same Arrow files the site
 *    serves, with the same column types, and runs every query R times.
 * 3. Headless Chromium opens `/` of the served build (requests off loopback
 *    are blocked), waits for the page's database to be ready and quiet, and
 *    runs the same fragments R times through `__accordAtlas.database().query`
 *    (the page hooks of src/components/page-hooks.ts, registered by
 *    src/components/db.ts), which is how the pages run them,
 *    conversion to plain rows included. It also times the bare engine call
 *    (prepare, run, Arrow result back from the worker) without that
 *    conversion. Native DuckDB reads the whole result but does not convert
 *    it to JavaScript values (see timeNative).
 *
 * Filter states: none; the sector with the most commitments; the country
 * with the most commitments and the last ten years of the data. Prints
 * p50/p95 and the ratio of the p50s (goal ≤ 3×), and writes
 * bench/results/queries-<timestamp>.json.
 */
import { resolve } from "node:path";
import { launchBrowser, openPage } from "../devtools/browser-harness.js";
import { tableFiles } from "../devtools/dist-tables.js";
import { type NativeTimes, nativeSchema, openNative, timeNative } from "../devtools/native-duckdb.js";
import { startStaticServer } from "../scripts/static-server.js";
import { emptyFilters, type FilterState } from "../src/lib/model/filters.js";
import { commitmentCount, commitmentPage } from "../src/lib/sql/commitment-page.js";
import type { SqlFragment } from "../src/lib/sql/fragment.js";
import { bySectorAndStatus, citedSources, eventList, freshness, headline } from "../src/lib/sql/page-queries.js";
import { describeMachine, intFlag, machine, ms, parseFlags, quantile, table, writeResult } from "./lib/common.js";
import { WAIT_CALM } from "./lib/page.js";
import { buildSite, ensureData } from "./lib/synthetic-site.js";

const USAGE =
  "Usage: npm run bench:queries -- [--commitments 100000] [--runs 20] [--seed 1] [--dist DIR] [--threads T] [--timeout MS]";
const GOAL_RATIO = 3;
const WARMUP = 1;

const flags = parseFlags(
  process.argv.slice(2),
  ["commitments", "runs", "seed", "dist", "threads", "timeout"],
  [],
  USAGE,
);
const commitments = intFlag(flags, "commitments", 100_000, USAGE);
const runs = intFlag(flags, "runs", 20, USAGE);
const seed = flags.get("seed") ?? "1";
const timeoutMs = intFlag(flags, "timeout", 180_000, USAGE);
const threads = flags.has("threads") ? intFlag(flags, "threads", 1, USAGE) : undefined;
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
const QUERIES: [string, (filters: FilterState) => SqlFragment][] = [
  ["headline", headline],
  ["bySectorAndStatus", bySectorAndStatus],
  ["eventList", eventList],
  ["commitmentPage", (filters) => commitmentPage(filters)],
  [
    "commitmentPage by parties",
    (filters) => commitmentPage(filters, { order: { column: "parties", descending: false } }),
  ],
  ["commitmentCount", commitmentCount],
  ["citedSources", citedSources],
];

interface Case {
  query: string;
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
for (const state of states) {
  for (const [query, build] of QUERIES) {
    const fragment = build(state.filters);
    cases.push({ query, state: state.label, filters: state.filters, text: fragment.text, params: plain(fragment) });
  }
}
cases.push({ query: "freshness", state: "—", filters: null, text: freshness.text, params: plain(freshness) });

const nativeTimes: NativeTimes[] = [];
log(`Native: ${cases.length} queries × ${runs} runs (after ${WARMUP} warm-up)…`);
for (const c of cases) nativeTimes.push(await timeNative(native.connection, c.text, c.params, runs, WARMUP));
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
  const { text, params, runs, warmup } = ${JSON.stringify({ text: c.text, params: c.params, runs, warmup: WARMUP })};
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  // A branded fragment, as the pages build them (the text has one "?" per parameter).
  const fragment = aa.sql(text.split("?"), ...params);
  const page = [];
  const engine = [];
  let rows = 0;
  let engineRows = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const result = await db.query(fragment);
    const t = performance.now() - t0;
    if (i >= warmup) page.push(t);
    rows = result.length;
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
  const wasmP50 = quantile(wasm.page, 0.5) as number;
  const nativeP50 = quantile(ref.times, 0.5) as number;
  return {
    query: c.query,
    filters: c.state,
    filterState: c.filters,
    params: c.params,
    rows: wasm.rows,
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
    ratio: wasmP50 / nativeP50,
    engineRatio: (quantile(wasm.engine, 0.5) as number) / nativeP50,
  };
});
const mismatched = results.filter((r) => r.rows !== r.nativeRows);

const m = machine();
const report = {
  date: new Date().toISOString(),
  chromium,
  ...m,
  commitments: tableRows.commitments,
  tableRows,
  dist,
  runs,
  warmup: WARMUP,
  wasm: { version: wasmVersion },
  native: nativeInfo,
  goals: { ratio: GOAL_RATIO },
  filterStates: states,
  schemaDifferences,
  problems,
  results,
};

const header = [
  "query",
  "filters",
  "rows",
  "WASM p50",
  "p95",
  "native p50",
  "p95",
  "ratio",
  "",
  "WASM engine p50",
  "engine ratio",
];
const body = results.map((r) => [
  r.query,
  r.filters,
  r.rows.toLocaleString("en"),
  ms(r.wasm.p50),
  ms(r.wasm.p95),
  ms(r.native.p50),
  ms(r.native.p95),
  `${r.ratio.toFixed(1)}×`,
  r.ratio <= GOAL_RATIO ? "✓" : "✗",
  ms(r.wasm.engineP50),
  `${r.engineRatio.toFixed(1)}×`,
]);
process.stdout.write(
  `\nChromium ${chromium} · ${describeMachine(m)}\n` +
    `${tableRows.commitments.toLocaleString("en")} commitments (${tableRows.commitment_parties.toLocaleString("en")} parties, ${tableRows.events.toLocaleString("en")} events) · DuckDB-WASM ${wasmVersion} (1 thread) vs native DuckDB ${nativeInfo.version} (${nativeInfo.threads} threads)\n` +
    `p50 / p95 of ${runs} runs after ${WARMUP} warm-up. Goal: WASM p50 ≤ ${GOAL_RATIO}× native p50.\n\n` +
    `${table([header, ...body])}\n\n` +
    "WASM: database().query() as the pages call it (prepare, run in the worker, Arrow back, rows made plain objects).\n" +
    "WASM engine: the same without making rows. native: @duckdb/node-api, same prepare, bind and run, whole result\n" +
    "read in DuckDB's format (node-api's conversion to JS values is slower than the query and is left out).\n",
);
for (const problem of [
  ...schemaDifferences.map((d) => `column types differ: ${d}`),
  ...mismatched.map((r) => `${r.query} (${r.filters}): WASM returned ${r.rows} rows, native ${r.nativeRows}`),
  ...problems.map((p) => p.split("\n")[0]),
]) {
  process.stdout.write(`  ! ${problem}\n`);
}
process.stdout.write(`Wrote ${writeResult("queries", report.date, report)}\n`);
