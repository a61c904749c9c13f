import { describe, expect, it } from "vitest";
import { MANIFEST_FORMAT, type PartitionEntry, type TableEntry } from "../../../src/lib/model/contracts.js";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import {
  checkManifest,
  comparePartitionKeys,
  eventWhereReadsAllYears,
  overlaps,
  partitionKey,
  partitionsFor,
  scopeOf,
  spansOf,
  UNDATED,
  WHOLE,
  withinYears,
  yearsOf,
} from "../../../src/lib/model/partitions.js";
import { sql } from "../../../src/lib/sql/fragment.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A table of partitions `keys` of 100 bytes each, laid end to end; years cover their whole year. */
function table(keys: string[]): TableEntry {
  const partitions: PartitionEntry[] = keys.map((key, i) => ({
    key,
    rows: 10,
    offset: i * 100,
    length: 100,
    from: key === UNDATED || key === WHOLE ? null : `${key}-01-01`,
    to: key === UNDATED || key === WHOLE ? null : `${key}-12-31`,
  }));
  return { rows: 10 * keys.length, bytes: 100 * keys.length, rawBytes: 300 * keys.length, partitions };
}

describe("partition keys", () => {
  it("are the year of date_from, or undated", () => {
    expect(partitionKey(day("2024-02-29"))).toBe("2024");
    expect(partitionKey(day("1999-12-31"))).toBe("1999");
    expect(partitionKey(day("1969-06-01"))).toBe("1969"); // before the epoch: negative days
    expect(partitionKey(null)).toBe(UNDATED);
    expect(partitionKey(undefined)).toBe(UNDATED);
    expect(partitionKey(Number.NaN)).toBe(UNDATED);
  });

  it("sort by year, undated last", () => {
    expect(["2020", UNDATED, "1999", "2003"].sort(comparePartitionKeys)).toEqual(["1999", "2003", "2020", UNDATED]);
  });
});

describe("which partitions a window needs", () => {
  const entry = table(["2019", "2020", "2021", "2022", UNDATED]);

  it("all of them without a window, the undated one included", () => {
    expect(partitionsFor(entry)).toEqual([0, 1, 2, 3, 4]);
  });

  it("those whose dates overlap the years, never the undated one", () => {
    expect(partitionsFor(entry, { from: 2020, to: 2021 })).toEqual([1, 2]);
    expect(partitionsFor(entry, { from: 2021 })).toEqual([2, 3]);
    expect(partitionsFor(entry, { to: 2019 })).toEqual([0]);
    expect(partitionsFor(entry, { from: 2030 })).toEqual([]);
  });

  it("compares the partition's first and last day with the window's, as commitmentWhere does", () => {
    // A partition keyed 2020 whose commitments run into 2021 (a span) is needed for 2021.
    const p = { key: "2020", from: "2020-03-01", to: "2021-01-31" };
    expect(overlaps(p, { from: 2021, to: 2021 })).toBe(true);
    expect(overlaps(p, { from: 2022 })).toBe(false);
    expect(overlaps(p, { to: 2019 })).toBe(false);
    expect(overlaps({ key: WHOLE, from: null, to: null }, { from: 2022 })).toBe(true);
  });
});

describe("spans", () => {
  const entry = table(["2019", "2020", "2021", "2022", "2023"]);

  it("merge neighbouring partitions into one byte range", () => {
    expect(spansOf(entry, [3, 1, 2])).toEqual([{ start: 100, end: 400, parts: [1, 2, 3] }]);
    expect(spansOf(entry, [0, 2, 4, 2])).toEqual([
      { start: 0, end: 100, parts: [0] },
      { start: 200, end: 300, parts: [2] },
      { start: 400, end: 500, parts: [4] },
    ]);
    expect(spansOf(entry, [])).toEqual([]);
  });

  it("refuse a partition that does not exist", () => {
    expect(() => spansOf(entry, [5])).toThrow(/no partition 5/);
  });
});

describe("checkManifest", () => {
  const good = { format: MANIFEST_FORMAT, tables: { commitments: table(["2020", "2021"]), sectors: table([WHOLE]) } };

  it("accepts partitions that tile their file", () => {
    expect(checkManifest(good, ["commitments", "sectors"])).toBe(good);
  });

  it("names what is wrong", () => {
    expect(() => checkManifest({ ...good, format: 2 }, ["sectors"])).toThrow(/expected format 1, found 2/);
    expect(() => checkManifest(good, ["events"])).toThrow(/no partitions for the table “events”/);
    const gap = structuredClone(good);
    gap.tables.commitments.partitions[1].offset = 150;
    expect(() => checkManifest(gap, ["commitments"])).toThrow(/partition 2021 of “commitments” does not start/);
    const short = structuredClone(good);
    short.tables.commitments.bytes = 999;
    expect(() => checkManifest(short, ["commitments"])).toThrow(/do not add up to its 999 bytes/);
  });
});

describe("queries marked with a window", () => {
  const query = sql`SELECT count(*) FROM commitments c WHERE c.sector = ${"health"}`;

  it("carry their window; unmarked ones read every year", () => {
    const marked = withinYears(query, { from: 2020 });
    expect(yearsOf(marked)).toEqual({ from: 2020 });
    expect(marked.text).toBe(query.text);
    expect(marked.params).toEqual(query.params);
    expect(yearsOf(query)).toBeUndefined();
  });

  it("lose the mark when built into another query, and are not marked without a window", () => {
    const marked = withinYears(query, { to: 2020 });
    expect(yearsOf(sql`SELECT * FROM (${marked})`)).toBeUndefined();
    expect(withinYears(query, undefined)).toBe(query);
    expect(withinYears(query, {})).toBe(query);
  });

  it("take the filters' years; with events, only when eventWhere keeps to them", () => {
    const years = { ...emptyFilters(), from: 2020, to: 2022 };
    expect(scopeOf(years)).toEqual({ from: 2020, to: 2022 });
    expect(scopeOf(emptyFilters())).toBeUndefined();
    expect(scopeOf({ ...years, series: ["JMC"] }, { events: true })).toEqual({ from: 2020, to: 2022 });
    const sector = { ...years, sector: ["health"] };
    expect(eventWhereReadsAllYears(sector)).toBe(true);
    expect(scopeOf(sector)).toEqual({ from: 2020, to: 2022 });
    expect(scopeOf(sector, { events: true })).toBeUndefined();
  });
});
