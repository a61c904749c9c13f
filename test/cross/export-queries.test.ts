import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../devtools/native-duckdb.js";
import { emptyFilters, type FilterState } from "../../src/lib/model/filters.js";
import { networkCounts } from "../../src/lib/sql/network-queries.js";
import { EXPORT_COLUMNS, exportCommitments } from "../../src/lib/sql/page-queries.js";
import { timelineLanes } from "../../src/lib/sql/timeline-queries.js";

let db: NativeDataset;
beforeAll(async () => {
  db = await nativeDataset("data");
}, 60_000);
afterAll(() => db?.close());

const cases: [string, FilterState][] = [
  ["no filter", emptyFilters()],
  ["industry", { ...emptyFilters(), sector: ["industry"] }],
  ["2015–2020", { ...emptyFilters(), from: 2015, to: 2020 }],
];

describe.each(cases)("CSV rows behind the charts (%s)", (_name, filters) => {
  it("the network's CSV has one row per commitment it draws, with its source URL", async () => {
    const rows = await db.query(exportCommitments(filters, { withParties: true }));
    const [counts] = await db.query(networkCounts(filters));
    expect(rows.length).toBe(counts.commitments);
    expect(Object.keys(rows[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
    for (const row of rows) expect(String(row.source_url)).toMatch(/^https?:\/\//);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("the timeline's CSV has one row per commitment in its window", async () => {
    const range = { from: "2019-01-01", to: "2025-12-31" };
    const rows = await db.query(exportCommitments(filters, { range }));
    const lanes = await db.query(timelineLanes(filters, range));
    expect(rows.length).toBe(lanes.reduce((sum, l) => sum + Number(l.n), 0));
    const all = await db.query(exportCommitments(filters));
    const total = await db.query(timelineLanes(filters, null));
    expect(all.length).toBe(total.reduce((sum, l) => sum + Number(l.n), 0));
  });
});
