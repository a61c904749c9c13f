import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { emptyFilters, type FilterState } from "../../../src/lib/model/filters.js";
import {
  COMMITMENT_PAGE_SIZE,
  COMMITMENT_SORT_COLUMNS,
  type CommitmentOrder,
  commitmentCount,
  commitmentPage,
  NEWEST_FIRST,
} from "../../../src/lib/sql/commitment-page.js";
import { sql } from "../../../src/lib/sql/fragment.js";

const squash = (text: string) => text.replace(/\s+/g, " ");

describe("commitmentPage", () => {
  it("pages newest first by default, the id breaking ties", () => {
    const text = squash(commitmentPage(emptyFilters()).text);
    expect(text).toContain("ORDER BY sort_key DESC NULLS LAST, c.id LIMIT 50 OFFSET 0)");
    expect(text).toMatch(/ORDER BY page\.sort_key DESC NULLS LAST, c\.id$/);
    expect(COMMITMENT_PAGE_SIZE).toBe(50);
    expect(NEWEST_FIRST).toEqual({ column: "date_from", descending: true });
  });

  it("turns a page number and size into LIMIT and OFFSET, whole and never negative", () => {
    expect(squash(commitmentPage(emptyFilters(), { page: 2, size: 10 }).text)).toContain("LIMIT 10 OFFSET 20)");
    expect(squash(commitmentPage(emptyFilters(), { page: -3, size: 7.9 }).text)).toContain("LIMIT 7 OFFSET 0)");
    expect(squash(commitmentPage(emptyFilters(), { page: 1.5, size: 0 }).text)).toContain("LIMIT 1 OFFSET 1)");
  });

  it("orders by each column's own key, joining only the table it comes from", () => {
    const keys: Record<string, RegExp> = {
      date_from: /SELECT c\.key, c\.id, c\.date_from AS sort_key FROM commitments c WHERE/,
      sector: /SELECT c\.key, c\.id, s\.label AS sort_key FROM commitments c JOIN sectors s ON s\.id = c\.sector WHERE/,
      summary: /SELECT c\.key, c\.id, c\.summary AS sort_key FROM commitments c WHERE/,
      parties:
        /SELECT c\.key, c\.id, pa\.parties AS sort_key FROM commitments c LEFT JOIN \(SELECT p\.commitment_key, array_to_string\(list_sort/,
      status: /SELECT c\.key, c\.id, c\.status AS sort_key FROM commitments c WHERE/,
      event: /SELECT c\.key, c\.id, e\.title AS sort_key FROM commitments c JOIN events e ON e\.id = c\.event_id WHERE/,
      source_publisher:
        /SELECT c\.key, c\.id, src\.publisher AS sort_key FROM commitments c JOIN sources src ON src\.id = c\.source_id WHERE/,
    };
    expect(Object.keys(keys).sort()).toEqual([...COMMITMENT_SORT_COLUMNS].sort());
    for (const column of COMMITMENT_SORT_COLUMNS) {
      const text = squash(commitmentPage(emptyFilters(), { order: { column, descending: false } }).text);
      expect(text, column).toMatch(keys[column]);
      expect(text, column).toContain("ORDER BY sort_key ASC NULLS LAST, c.id LIMIT");
    }
  });

  it("refuses a column it cannot sort by (the order is written into the SQL)", () => {
    const order = { column: "id; DROP TABLE commitments", descending: false } as unknown as CommitmentOrder;
    expect(() => commitmentPage(emptyFilters(), { order })).toThrow(/cannot sort by/);
    const inherited = { column: "toString", descending: false } as unknown as CommitmentOrder;
    expect(() => commitmentPage(emptyFilters(), { order: inherited })).toThrow(/cannot sort by/);
  });

  it("binds the filters as parameters, in the page and in the count", () => {
    const filters = { ...emptyFilters(), sector: ["industry"], from: 2015 };
    expect(commitmentPage(filters, { page: 3 }).params).toEqual(["industry", 2015]);
    expect(commitmentCount(filters).params).toEqual(["industry", 2015]);
    expect(squash(commitmentCount(filters).text)).toMatch(
      /^SELECT CAST\(count\(\*\) AS INTEGER\) AS n FROM commitments c WHERE .*c\.sector IN \(\?\)/,
    );
  });
});

describe("commitmentPage on the records (native DuckDB)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("data");
  }, 120_000);
  afterAll(() => db?.close());

  /** Every page of `size` in turn until one comes back short. */
  async function allPages(filters: FilterState, order: CommitmentOrder, size: number) {
    const rows: Record<string, unknown>[] = [];
    for (let page = 0; ; page++) {
      const got = await db.query(commitmentPage(filters, { order, page, size }));
      rows.push(...got);
      if (got.length < size) return rows;
    }
  }

  /** The order the table promises, computed here: the key (empty last), then the id. */
  function expectedOrder(rows: Record<string, unknown>[], { column, descending }: CommitmentOrder): string[] {
    const key = (r: Record<string, unknown>) => (r[column] == null ? null : String(r[column]));
    return [...rows]
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        if (x !== y) {
          if (x === null) return 1;
          if (y === null) return -1;
          return (x < y ? -1 : 1) * (descending ? -1 : 1);
        }
        return String(a.id) < String(b.id) ? -1 : 1;
      })
      .map((r) => String(r.id));
  }

  it("gives every matching commitment once, in the order asked, page after page", async () => {
    const filters = emptyFilters();
    const [{ n }] = await db.query(commitmentCount(filters));
    expect(Number(n)).toBeGreaterThan(20);
    const whole = await db.query(commitmentPage(filters, { size: 1_000_000 }));
    expect(whole).toHaveLength(Number(n));
    for (const column of COMMITMENT_SORT_COLUMNS) {
      for (const descending of [false, true]) {
        const order = { column, descending };
        const paged = (await allPages(filters, order, 7)).map((r) => String(r.id));
        expect(paged, `${column} ${descending ? "desc" : "asc"}`).toEqual(expectedOrder(whole, order));
      }
    }
  }, 120_000);

  it("counts and pages the same rows under a filter", async () => {
    const [{ sector }] = await db.query(
      sql`SELECT sector FROM commitments GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const filters = { ...emptyFilters(), sector: [String(sector)] };
    const [{ n }] = await db.query(commitmentCount(filters));
    const [{ n: total }] = await db.query(commitmentCount(emptyFilters()));
    expect(Number(n)).toBeGreaterThan(0);
    expect(Number(n)).toBeLessThan(Number(total));
    const paged = await allPages(filters, NEWEST_FIRST, 5);
    expect(paged).toHaveLength(Number(n));
    expect(new Set(paged.map((r) => r.sector)).size).toBe(1);
  }, 120_000);
});
