// Loading only what a query needs gives the same answers as loading everything.
// Every page query, for filter states with and without years, runs in native
// DuckDB twice: on the full tables (as every page loaded them before), and on
// only the tables its SQL names (src/lib/sql/tables-read.ts), holding only the
// partitions its window needs (src/lib/model/partitions.ts), as the page now loads
// them. The answers must be equal, row for row.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBValue } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TableSource } from "../../devtools/dist-tables.js";
import { type NativeDatabase, openNative } from "../../devtools/native-duckdb.js";
import type { OverviewSeed, TablesManifest } from "../../src/lib/model/contracts.js";
import { emptyFilters, type FilterState } from "../../src/lib/model/filters.js";
import { PARTITIONED, partitionsFor, type YearWindow, yearsOf } from "../../src/lib/model/partitions.js";
import type { TableName } from "../../src/lib/model/tables.js";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";
import { BIPARTITE_LIMIT } from "../../src/lib/network/bipartite.js";
import { ensureTables } from "../../src/lib/pipeline/table-cache.js";
import * as cp from "../../src/lib/sql/commitment-page.js";
import type { SqlFragment } from "../../src/lib/sql/fragment.js";
import * as nq from "../../src/lib/sql/network-queries.js";
import * as q from "../../src/lib/sql/page-queries.js";
import { tablesIn } from "../../src/lib/sql/tables-read.js";
import * as tq from "../../src/lib/sql/timeline-queries.js";

const TODAY = "2026-06-01";
type Rows = Record<string, unknown>[];

let cache: string;
let generated: string;
const previous = process.env.ACCORD_CACHE_DIR;
const opened: NativeDatabase[] = [];

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), "aa-scope-cache-"));
  generated = mkdtempSync(join(tmpdir(), "aa-scope-data-"));
  process.env.ACCORD_CACHE_DIR = cache;
  const gen = spawnSync(
    "npx",
    [
      "tsx",
      "scripts/generate.ts",
      "--commitments",
      "3000",
      "--countries",
      "6",
      "--seed",
      "9",
      "--out",
      generated,
      "--force",
    ],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  for (const db of opened) db.close();
  if (previous === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previous;
  rmSync(cache, { recursive: true, force: true });
  rmSync(generated, { recursive: true, force: true });
});

async function run(db: NativeDatabase, query: SqlFragment): Promise<Rows> {
  const statement = await db.connection.prepare(query.text);
  try {
    if (query.params.length) statement.bind(query.params as DuckDBValue[]);
    return (await statement.runAndReadAll()).getRowObjectsJson() as Rows;
  } finally {
    statement.destroySync();
  }
}

/** A folder's tables: the full ones (each .arrow whole) and the loader's view of them (partitions). */
async function dataset(dir: string) {
  const result = ensureTables(dir);
  if (!result.ok) throw new Error(result.report);
  const folder = result.folder;
  const manifest = JSON.parse(readFileSync(join(folder, "tables.json"), "utf8")) as TablesManifest;
  const full = await openNative(
    Object.fromEntries(TABLE_NAMES.map((t) => [t, join(folder, `${t}.arrow`)])) as Record<TableName, TableSource>,
    1,
  );
  opened.push(full);
  const partial = new Map<string, Promise<NativeDatabase>>();
  /** What the page loads for a query: the tables it names, the partitions of the window (or all). */
  const loaded = (tables: readonly TableName[], window: YearWindow | undefined) => {
    const key = `${tables.join(",")}|${JSON.stringify(window ?? null)}`;
    let db = partial.get(key);
    if (!db) {
      const files: Partial<Record<TableName, TableSource>> = {};
      for (const table of tables) {
        const entry = manifest.tables[table];
        let needed = partitionsFor(entry, window);
        // As the loader does: a table no partition of which is needed still exists, with its smallest.
        if (needed.length === 0) {
          needed = [entry.partitions.reduce((best, p, i) => (p.length < entry.partitions[best].length ? i : best), 0)];
        }
        files[table] = {
          parts: join(folder, `${table}.parts`),
          entry: { ...entry, partitions: needed.map((i) => entry.partitions[i]) },
        };
      }
      db = openNative(files, 1).then((native) => {
        opened.push(native);
        return native;
      });
      partial.set(key, db);
    }
    return db;
  };
  const seed = JSON.parse(readFileSync(join(folder, "overview.json"), "utf8")) as OverviewSeed;
  return { full, loaded, manifest, seed };
}

/** Commitment codes (row numbers) differ between the two databases: compare ids. */
async function decoded(db: NativeDatabase, name: string, rows: Rows): Promise<Rows> {
  if (name === "networkLinkCodes") {
    const ids = new Map((await run(db, idsQuery)).map((r) => [r.code, r.id]));
    return rows
      .map((r) => ({ ...r, commitment: ids.get(r.commitment) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (name === "packedLinkCodes") return decoded(db, "networkLinkCodes", (rows[0]?.links ?? []) as Rows);
  if (name === "networkCommitments") return rows.map(({ code: _, ...r }) => r);
  return rows;
}
const idsQuery = { text: "SELECT CAST(rowid AS INTEGER) AS code, id FROM commitments", params: [] } as SqlFragment;

/** Every query the pages run for a filter state, by name. */
function pageQueries(
  f: FilterState,
  pick: { commitment: string; commitmentKey: number; institution: string; events: string[]; total: number },
) {
  const range = f.from !== undefined ? { from: `${f.from}-03-01`, to: `${f.from}-10-31` } : null;
  return {
    headline: q.headline(f, pick.total),
    headlineCountingAll: q.headline(f),
    bySectorAndStatus: q.bySectorAndStatus(f),
    eventList: q.eventList(f, { today: TODAY, upcoming: 5, recent: 10 }),
    commitmentPage: cp.commitmentPage(f, { size: 1000 }),
    commitmentPageByParties: cp.commitmentPage(f, { order: { column: "parties", descending: false }, size: 1000 }),
    commitmentCount: cp.commitmentCount(f),
    citedSources: q.citedSources(f),
    freshness: q.freshness,
    timelineLanes: tq.timelineLanes(f, range),
    timelineLaneCounts: tq.timelineLaneCounts(f, range),
    timelineExtent: tq.timelineExtent(f),
    timelineMarks: tq.timelineMarks(f, range, TODAY),
    timelineUpdates: tq.timelineUpdates(f, range),
    timelineDensity: tq.timelineDensity(f, range, TODAY),
    timelineEvents: tq.timelineEvents(f, range),
    scorecardByEvent: tq.scorecardByEvent(f, TODAY),
    scorecardBySector: tq.scorecardBySector(f, TODAY),
    dueNext: tq.dueNext(f, TODAY),
    seriesSessions: tq.seriesSessions(f),
    followUpSeries: tq.followUpSeries(f),
    sessionCommitments: tq.sessionCommitments(f, pick.events),
    timelineDetail: tq.commitmentDetail(pick.commitment, TODAY, f),
    timelineUpdatesOfOne: tq.commitmentUpdates(pick.commitmentKey, f),
    networkLinkCodes: nq.networkLinkCodes(f),
    packedLinkCodes: nq.packedLinkCodes(f),
    networkCommitments: nq.networkCommitments(f, BIPARTITE_LIMIT),
    networkCounts: nq.networkCounts(f),
    networkCommitmentCounts: nq.networkCommitmentCounts(f),
    institutionCommitments: nq.institutionCommitments(f, pick.institution, { limit: 1_000_000, offset: 0 }),
    institutionCommitmentsPage: nq.institutionCommitments(f, pick.institution, { limit: 5, offset: 3 }),
    networkDetail: nq.commitmentDetail(pick.commitment, f),
    institutionIndex: nq.institutionIndex,
    sectorIndex: nq.sectorIndex,
  };
}

describe.each([
  ["data/", () => "data"],
  ["a generated folder (3,000 commitments, 6 countries)", () => generated],
])("queries on %s", (_, dir) => {
  it("give the same rows with only what they name, and only their years, loaded", async () => {
    const { full, loaded } = await dataset(dir());
    const first = async (text: string) => (await run(full, { text, params: [] } as unknown as SqlFragment))[0] ?? {};
    const sector = String((await first("SELECT sector FROM commitments GROUP BY 1 ORDER BY count(*) DESC, 1")).sector);
    const country = String(
      (await first("SELECT country FROM institutions WHERE country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1"))
        .country,
    );
    const institution = String(
      (await first("SELECT institution_id AS i FROM commitment_parties GROUP BY 1 ORDER BY count(*) DESC, 1")).i,
    );
    const series = String(
      (await first("SELECT series FROM events WHERE series IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1")).series,
    );
    const years = await first("SELECT year(min(date_from)) AS a, year(max(date_from)) AS b FROM commitments");
    const [a, b] = [Number(years.a), Number(years.b)];
    const mid = Math.round((a + b) / 2);
    const states: FilterState[] = [
      { ...emptyFilters(), from: mid, to: mid + 1 },
      { ...emptyFilters(), from: b - 1 },
      { ...emptyFilters(), to: a + 1 },
      { ...emptyFilters(), from: mid - 2, to: mid + 2, sector: [sector] },
      { ...emptyFilters(), from: mid, country: [country] },
      { ...emptyFilters(), from: a, to: mid, institution: [institution] },
      { ...emptyFilters(), from: mid - 1, series: [series] },
      { ...emptyFilters(), to: mid, status: ["done", "in_progress"] },
      { ...emptyFilters(), from: b + 5 }, // after every commitment
      // Events after the last commitment that are the targets of earlier ones (the next sessions):
      // eventWhere reaches them through commitments outside the years.
      { ...emptyFilters(), from: b + 1, sector: [sector] },
      { ...emptyFilters(), sector: [sector] }, // no years: every partition
    ];
    let scoped = 0;
    let compared = 0;
    for (const f of states) {
      const inWindow = await run(full, cp.commitmentPage(f, { size: 1 }));
      const sessions = (await run(full, tq.seriesSessions(f))).filter((s) => Number(s.commitments) > 0);
      const commitment = String(inWindow[0]?.id ?? "none");
      const pick = {
        commitment,
        commitmentKey: Number((await first(`SELECT key FROM commitments WHERE id = '${commitment}'`)).key ?? 0),
        institution,
        events: sessions.slice(-2).map((s) => String(s.id)),
        total: Number((await first("SELECT count(*) AS n FROM commitments")).n),
      };
      for (const [name, query] of Object.entries(pageQueries(f, pick))) {
        const window = yearsOf(query);
        if (window) scoped++;
        const tables = tablesIn(query.text, TABLE_NAMES);
        const lazy = await loaded(tables, window);
        const expected = await decoded(full, name, await run(full, query));
        const actual = await decoded(lazy, name, await run(lazy, query));
        expect(actual, `${name} with ${JSON.stringify(f)}`).toEqual(expected);
        compared++;
      }
    }
    // The test means something: most queries were marked, and some returned rows from part of the data.
    expect(scoped).toBeGreaterThan(compared / 2);
  }, 240_000);

  it("the build's freshness (shown instead of running the query) is the query's answer", async () => {
    const { full, seed } = await dataset(dir());
    const [row] = await run(full, q.freshness);
    expect(seed.freshness).toEqual({ ...row, sources: Number(row.sources) });
    expect(seed.freshness.latest_update).not.toBeNull();
  });

  it("mark no query that counts the whole table", () => {
    const f = { ...emptyFilters(), from: 2020 };
    expect(yearsOf(q.headline(f))).toBeUndefined(); // counts every commitment for `total`
    expect(yearsOf(q.freshness)).toBeUndefined();
    expect(yearsOf(q.eventList({ ...f, sector: ["x"] }, { today: TODAY, upcoming: 5, recent: 10 }))).toBeUndefined(); // events may be targets of older commitments
    expect(yearsOf(tq.commitmentDetail("x", TODAY))).toBeUndefined();
    for (const table of PARTITIONED) expect(TABLE_NAMES).toContain(table);
  });
});
