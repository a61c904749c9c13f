import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { commitmentWhere, emptyFilters, type FilterState } from "../../../src/lib/model/filters.js";
import { type DatasetResult, loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { overviewSeed } from "../../../src/lib/pipeline/overview-seed.js";
import { and, raw, sql } from "../../../src/lib/sql/fragment.js";
import { citedSources, eventList, headline } from "../../../src/lib/sql/page-queries.js";

describe("page queries", () => {
  it("bind the filters as parameters", () => {
    const filters = { ...emptyFilters(), sector: ["industry"], from: 2015 };
    expect(headline(filters).params).toEqual(["industry", 2015]);
  });
});

describe("page queries on institutions of every scope (native DuckDB)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("test/fixtures/scopes");
  }, 60_000);
  afterAll(() => db?.close());

  it("count generic institutions apart from named ones, as the build-time seed does", async () => {
    const seed = overviewSeed(loadDataset("test/fixtures/scopes").columns as NonNullable<DatasetResult["columns"]>);
    const [row] = await db.query(headline(emptyFilters()));
    expect({ institutions: row.institutions, generic: row.generic_institutions }).toEqual({
      institutions: 4,
      generic: 2,
    });
    expect(row.institutions).toBe(seed.headline.institutions);
    expect(row.generic_institutions).toBe(seed.headline.generic_institutions);
    const [pakistan] = await db.query(headline({ ...emptyFilters(), country: ["PK"] }));
    // The JPCC and MoC; the chambers of commerce apart.
    expect([pakistan.institutions, pakistan.generic_institutions]).toEqual([2, 2]);
  });
});

describe("the headline figures (native DuckDB, bundled data)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("data");
  }, 60_000);
  afterAll(() => db?.close());

  /** Each figure counted on its own, straight from its definition: the reference for the one-read query. */
  function figuresOneByOne(filters: FilterState) {
    const where = commitmentWhere(filters);
    const count = (condition: string) =>
      sql`SELECT CAST(count(*) AS INTEGER) AS n FROM commitments c WHERE ${and(where, raw(condition))}`;
    const distinct = (column: string) =>
      sql`SELECT CAST(count(DISTINCT ${raw(column)}) AS INTEGER) AS n FROM commitments c WHERE ${where}`;
    const institutions = (condition: string) =>
      sql`SELECT CAST(count(DISTINCT p.institution_id) AS INTEGER) AS n
        FROM commitment_parties p JOIN institutions i ON i.id = p.institution_id JOIN commitments c ON c.id = p.commitment_id
        WHERE ${and(where, raw(condition))}`;
    return {
      commitments: count("TRUE"),
      with_progress: count("c.status IN ('in_progress', 'done')"),
      done: count("c.status = 'done'"),
      stalled: count("c.status IN ('stalled', 'dropped')"),
      events: distinct("c.event_id"),
      sectors: distinct("c.sector"),
      institutions: institutions("i.type <> 'government' AND i.naming <> 'generic'"),
      generic_institutions: institutions("i.naming = 'generic'"),
      total: sql`SELECT CAST(count(*) AS INTEGER) AS n FROM commitments`,
    };
  }

  const states: [string, FilterState][] = [
    ["no filter", emptyFilters()],
    ["a sector", { ...emptyFilters(), sector: ["industry"] }],
    ["a country and years", { ...emptyFilters(), country: ["PK"], from: 2019, to: 2025 }],
    ["two statuses", { ...emptyFilters(), status: ["done", "stalled"] }],
    ["nothing matching", { ...emptyFilters(), sector: ["no-such-sector"] }],
  ];
  for (const [name, filters] of states) {
    it(`equal each figure counted on its own, for ${name}`, async () => {
      const [row] = await db.query(headline(filters));
      const want: Record<string, number> = {};
      for (const [figure, query] of Object.entries(figuresOneByOne(filters))) {
        const [{ n }] = await db.query(query);
        want[figure] = n as number;
      }
      expect(row).toEqual(want);
      if (name === "no filter") expect(want.institutions).toBeGreaterThan(0);
    });
  }
});

describe("the cited sources (native DuckDB, bundled data)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("data");
  }, 60_000);
  afterAll(() => db?.close());

  /** The reference: each matching commitment's source counted in JavaScript, most cited first, then by publisher and id. */
  async function citedOneByOne(filters: FilterState, max: number) {
    const cites = await db.query(sql`SELECT c.source_id FROM commitments c WHERE ${commitmentWhere(filters)}`);
    const counts = new Map<string, number>();
    for (const { source_id } of cites) counts.set(String(source_id), (counts.get(String(source_id)) ?? 0) + 1);
    const sources = await db.query(sql`SELECT id, title, publisher, url FROM sources`);
    const cited = sources
      .filter((s) => counts.has(String(s.id)))
      .map((s) => ({
        id: s.id,
        title: s.title,
        publisher: s.publisher,
        url: s.url,
        n: counts.get(String(s.id)) as number,
        cited_total: counts.size,
      }));
    // As DuckDB orders text: by code point, NULL last.
    const byText = (a: unknown, b: unknown) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : String(a) < String(b) ? -1 : 1;
    cited.sort((a, b) => b.n - a.n || byText(a.publisher, b.publisher) || byText(a.id, b.id));
    return cited.slice(0, max);
  }

  const states: [string, FilterState, number][] = [
    ["no filter, cut at 5", emptyFilters(), 5],
    ["a sector", { ...emptyFilters(), sector: ["industry"] }, 50],
    ["a country and years", { ...emptyFilters(), country: ["PK"], from: 2019, to: 2025 }, 50],
    ["nothing matching", { ...emptyFilters(), sector: ["no-such-sector"] }, 50],
  ];
  for (const [name, filters, max] of states) {
    it(`count each source's citations as the commitments do, for ${name}`, async () => {
      const got = await db.query(citedSources(filters, max));
      const want = await citedOneByOne(filters, max);
      expect(got).toEqual(want);
      if (name === "no filter, cut at 5") expect(want[0].cited_total).toBeGreaterThan(5);
    });
  }
});

describe("the overview's event lists (native DuckDB, bundled data)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("data");
  }, 60_000);
  afterAll(() => db?.close());

  /** What the page showed when it fetched every event: split, the upcoming reversed, then cut. */
  async function wholeLists(today: string, upcoming: number, recent: number) {
    const all = await db.query(
      raw(`SELECT id, status, CAST(start_date_from AS VARCHAR) AS day FROM events ORDER BY start_date_from DESC, id`),
    );
    const isUpcoming = (e: (typeof all)[number]) => e.status === "planned" || String(e.day) > today;
    const up = all.filter(isUpcoming).reverse();
    const past = all.filter((e) => !isUpcoming(e));
    return {
      up: up.slice(0, upcoming).map((e) => e.id),
      upTotal: up.length,
      past: past.slice(0, recent).map((e) => e.id),
      pastTotal: past.length,
    };
  }

  it.each(["2017-01-01", "2021-06-30", "2025-02-20"])(
    "fetch only the rows shown, as the whole list cut (today %s)",
    async (today) => {
      const rows = await db.query(eventList(emptyFilters(), { today, upcoming: 3, recent: 4 }));
      const expected = await wholeLists(today, 3, 4);
      const up = rows.filter((r) => r.upcoming);
      const past = rows.filter((r) => !r.upcoming);
      expect(up.map((r) => r.id)).toEqual(expected.up);
      expect(past.map((r) => r.id)).toEqual(expected.past);
      expect(up.every((r) => r.in_list === expected.upTotal)).toBe(true);
      expect(past.every((r) => r.in_list === expected.pastTotal)).toBe(true);
      // Both lists have rows on these days, so the comparison is not of two empty lists.
      expect([up.length, past.length]).toEqual([Math.min(3, expected.upTotal), 4]);
      expect(expected.upTotal).toBeGreaterThan(0);
    },
  );

  it("count each listed event's matching commitments as the whole list did", async () => {
    const filters = { ...emptyFilters(), sector: ["trade"] };
    const rows = await db.query(eventList(filters, { today: "2025-02-20", upcoming: 50, recent: 50 }));
    const counts = await db.query(
      raw(`SELECT event_id AS id, CAST(count(*) AS INTEGER) AS n FROM commitments WHERE sector = 'trade' GROUP BY ALL`),
    );
    const byEvent = new Map(counts.map((r) => [r.id, r.n]));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.commitments).toBe(byEvent.get(row.id) ?? 0);
  });
});
