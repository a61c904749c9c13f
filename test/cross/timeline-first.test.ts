/**
 * The timeline's first draw from the build (src/lib/pipeline/timeline-first.ts,
 * turned into the chart's data by src/lib/timeline/first-draw.ts) against the
 * page's own SQL (src/lib/sql/timeline-queries.ts) in native DuckDB, for no
 * filters and no window: the same rows, value for value and in the same
 * order. On the sample records (marks) and on a generated folder past
 * MARK_LIMIT (density), for the day the file was made and, for marks, a later
 * day (the page works out overdue itself).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../devtools/native-duckdb.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { arrowColumns } from "../../src/lib/pipeline/arrow-columns.js";
import { ensureTables } from "../../src/lib/pipeline/table-cache.js";
import { FIRST_DRAW_TABLES, type FirstDrawTables, timelineFirst } from "../../src/lib/pipeline/timeline-first.js";
import { citedSources } from "../../src/lib/sql/page-queries.js";
import * as tq from "../../src/lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../src/lib/timeline/density.js";
import { firstDraw } from "../../src/lib/timeline/first-draw.js";
import type { TimelineFirstFile } from "../../src/lib/timeline/timeline-rows.js";
import { timelineDomain } from "../../src/lib/timeline/window.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT = "2026-06-01";
const previousCache = process.env.ACCORD_CACHE_DIR;
let cache: string;
let generated: string;

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), "aa-first-cache-"));
  generated = mkdtempSync(join(tmpdir(), "aa-first-data-"));
  process.env.ACCORD_CACHE_DIR = cache;
  const args = ["--commitments", String(MARK_LIMIT + 600), "--countries", "6", "--seed", "4", "--out", generated];
  const gen = spawnSync("npx", ["tsx", "scripts/generate.ts", ...args, "--force"], { cwd: ROOT, encoding: "utf8" });
  expect(gen.status, gen.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  if (previousCache === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previousCache;
  rmSync(cache, { recursive: true, force: true });
  rmSync(generated, { recursive: true, force: true });
});

/** The file the loader writes for a folder, on the build's day. */
function fileFor(dir: string): TimelineFirstFile {
  const result = ensureTables(dir);
  if (!result.ok) throw new Error(result.report);
  const tables = Object.fromEntries(
    FIRST_DRAW_TABLES.map((name) => [name, arrowColumns(join(result.folder, `${name}.arrow`))]),
  ) as FirstDrawTables;
  return timelineFirst(tables, BUILT);
}

/** What the page's queries answer for no filters and no window on a day. */
async function fromSql(db: NativeDataset, today: string) {
  const none = emptyFilters();
  const [extent] = await db.query(tq.timelineExtent(none));
  const lanes = await db.query(tq.timelineLanes(none, null));
  const total = lanes.reduce((sum, l) => sum + Number(l.n), 0);
  const few = total <= MARK_LIMIT;
  return {
    extent: timelineDomain(extent.first as string | null, extent.last as string | null, today),
    lanes,
    total,
    density: await db.query(tq.timelineDensity(none, null, today)),
    events: await db.query(tq.timelineEvents(none, null)),
    marks: few ? await db.query(tq.timelineMarks(none, null, today, MARK_LIMIT)) : undefined,
    updates: few ? await db.query(tq.timelineUpdates(none, null)) : undefined,
    cited: await db.query(citedSources(none)),
  };
}

const folders = [
  { name: "the sample records (marks)", dir: () => join(ROOT, "data"), mode: "marks" },
  { name: `a generated folder past ${MARK_LIMIT} commitments (density)`, dir: () => generated, mode: "density" },
];

for (const folder of folders) {
  describe(`the timeline's first draw equals its SQL on ${folder.name}`, () => {
    let db: NativeDataset;
    let file: TimelineFirstFile;
    beforeAll(async () => {
      file = fileFor(folder.dir());
      db = await nativeDataset(folder.dir());
    }, 180_000);
    afterAll(() => db?.close());

    it(`holds ${folder.mode}`, () => {
      expect(file.marks === undefined).toBe(folder.mode === "density");
      expect(file.density === undefined).toBe(folder.mode === "marks");
    });

    it("gives the page's rows on the day it was built", async () => {
      const first = firstDraw(file, BUILT);
      if (!first) throw new Error("no first draw on the build's day");
      const sql = await fromSql(db, BUILT);
      const { domain, extent, today, ...data } = first.data;
      expect(first.extent).toEqual(sql.extent);
      expect(domain).toEqual(sql.extent);
      expect(today).toBe(BUILT);
      expect(data).toEqual(omitExtent(sql));
    });

    it(folder.mode === "marks" ? "gives the rows of a later day too" : "gives nothing on another day", async () => {
      const later = "2031-03-15";
      const first = firstDraw(file, later);
      if (folder.mode === "density") {
        expect(first).toBeNull();
        return;
      }
      const sql = await fromSql(db, later);
      expect(first?.extent).toEqual(sql.extent);
      const { domain: _d, extent: _e, today: _t, ...data } = first?.data ?? ({} as NonNullable<typeof first>["data"]);
      expect(data).toEqual(omitExtent(sql));
      // The later day makes more marks overdue: the test would not see a stale build day.
      expect(sql.marks?.filter((m) => m.overdue).length).toBeGreaterThan(0);
    });
  });
}

function omitExtent<T extends { extent: unknown }>(rows: T): Omit<T, "extent"> {
  const { extent: _, ...rest } = rows;
  return rest;
}
