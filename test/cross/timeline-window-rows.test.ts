/**
 * The timeline's data step (src/components/timeline/timeline-data.ts) makes
 * two of a window's row sets in JavaScript rather than asking the query that
 * defines them. Here, in native DuckDB on the sample records, for the whole
 * extent, each year, a month and filtered windows, value for value and in
 * the same order:
 * - the density cells `densityRows` counts from the window's marks are the
 *   rows `timelineDensity` answers for that window, on two days (overdue
 *   depends on the day);
 * - the lanes `windowLanes` makes from the filters' lanes with no window and
 *   the window's `timelineLaneCounts` are the rows of `timelineLanes` for it.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../devtools/native-duckdb.js";
import { emptyFilters, type FilterState } from "../../src/lib/model/filters.js";
import * as tq from "../../src/lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../src/lib/timeline/density.js";
import { type DensityInput, densityRows } from "../../src/lib/timeline/density-cells.js";
import { windowLanes } from "../../src/lib/timeline/window-lanes.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DAYS = ["2025-06-01", "2031-03-15"];

let db: NativeDataset;
beforeAll(async () => {
  db = await nativeDataset(join(ROOT, "data"));
}, 180_000);
afterAll(() => db?.close());

/** The windows checked: none, every year the records touch, one month. */
function windows(): (tq.TimeRange | null)[] {
  const years = Array.from({ length: 2027 - 2015 }, (_, i) => 2015 + i);
  return [
    null,
    ...years.map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` })),
    { from: "2025-02-01", to: "2025-02-28" },
  ];
}

async function compare(filters: FilterState, range: tq.TimeRange | null, today: string) {
  const marks = (await db.query(tq.timelineMarks(filters, range, today, MARK_LIMIT))) as unknown as DensityInput[];
  const sql = await db.query(tq.timelineDensity(filters, range, today));
  expect(marks.length).toBeLessThanOrEqual(MARK_LIMIT - 1);
  expect(densityRows(marks, today)).toEqual(sql);
  return marks.length;
}

describe("a window's density cells counted from its marks equal timelineDensity's", () => {
  for (const today of DAYS) {
    it(`for no filters, every window, on ${today}`, async () => {
      let seen = 0;
      for (const range of windows()) seen += await compare(emptyFilters(), range, today);
      // The windows held marks: the comparison was not of empty lists.
      expect(seen).toBeGreaterThan(100);
    });
  }

  it("for filtered windows (a sector, a status, a country)", async () => {
    const [sector] = await db.query(tq.timelineLanes(emptyFilters(), null));
    const filtered: FilterState[] = [
      { ...emptyFilters(), sector: [String(sector.sector)] },
      { ...emptyFilters(), status: ["done", "in_progress"] },
      { ...emptyFilters(), country: ["PK"] },
    ];
    let overdue = 0;
    for (const filters of filtered) {
      for (const range of windows()) {
        await compare(filters, range, DAYS[1]);
        const cells = await db.query(tq.timelineDensity(filters, range, DAYS[1]));
        overdue += cells.reduce((s, c) => s + Number(c.overdue), 0);
      }
    }
    // Some cells count overdue commitments: that column was compared too.
    expect(overdue).toBeGreaterThan(0);
  });
});

/** Filters that leave some sectors out, and some windows with none of a sector's commitments. */
function filterSets(): FilterState[] {
  return [
    emptyFilters(),
    { ...emptyFilters(), status: ["done", "in_progress"] },
    { ...emptyFilters(), country: ["PK"] },
    { ...emptyFilters(), from: 2019, to: 2023 },
  ];
}

describe("a window's lanes from the filters' lanes and the window's counts equal timelineLanes'", () => {
  it("for every window and filter set", async () => {
    let zeroes = 0;
    for (const filters of filterSets()) {
      const all = (await db.query(tq.timelineLanes(filters, null))) as unknown as tq.LaneRow[];
      for (const range of windows()) {
        const counts = (await db.query(tq.timelineLaneCounts(filters, range))) as unknown as tq.LaneCount[];
        const lanes = windowLanes(all, counts);
        expect(lanes).toEqual(await db.query(tq.timelineLanes(filters, range)));
        zeroes += lanes.filter((l) => l.n === 0).length;
      }
    }
    // Lanes with none in the window were compared too (they come from the lanes, not the counts).
    expect(zeroes).toBeGreaterThan(0);
  });
});
