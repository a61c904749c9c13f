import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import {
  commitmentWhere,
  describeFilters,
  emptyFilters,
  eventWhere,
  type FilterState,
  isEmptyFilters,
  MAX_VALUE_LENGTH,
  MAX_VALUES,
  parseFilters,
  serializeFilters,
} from "../../../src/lib/model/filters.js";
import { sql } from "../../../src/lib/sql/fragment.js";

const full: FilterState = {
  sector: ["industry", "agriculture"],
  country: ["PK"],
  institution: ["pk-hit"],
  series: ["Pakistan–Belarus Joint Ministerial Commission"],
  status: ["done"],
  from: 2015,
  to: 2025,
};

describe("URL round trip", () => {
  it("restores every filter from the query string it writes", () => {
    const search = serializeFilters(full);
    const { state, notices } = parseFilters(search);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...full, sector: ["agriculture", "industry"] });
    expect(serializeFilters(state)).toBe(search);
  });

  it("writes a stable, readable query string", () => {
    expect(serializeFilters(full)).toBe(
      "?sector=agriculture&sector=industry&country=PK&institution=pk-hit&series=Pakistan%E2%80%93Belarus+Joint+Ministerial+Commission&status=done&from=2015&to=2025",
    );
  });

  it("writes nothing for no filters, and keeps other parameters", () => {
    expect(serializeFilters(emptyFilters())).toBe("");
    expect(serializeFilters({ ...emptyFilters(), status: ["done"] }, "?zoom=2&sector=old")).toBe("?status=done&zoom=2");
    expect(isEmptyFilters(parseFilters("?zoom=2").state)).toBe(true);
  });

  it("deduplicates and sorts values", () => {
    expect(parseFilters("?sector=b&sector=a&sector=b").state.sector).toEqual(["a", "b"]);
  });
});

describe("hostile or stale URLs", () => {
  const known = { sector: ["industry", "agriculture"], status: ["done", "announced"] };

  it("drops unknown values with a notice", () => {
    const { state, notices } = parseFilters("?sector=industry&sector=<script>alert(1)</script>&status=nope", known);
    expect(state.sector).toEqual(["industry"]);
    expect(state.status).toEqual([]);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain("unknown sector");
  });

  it("drops over-long values and caps the number of values", () => {
    const long = "x".repeat(MAX_VALUE_LENGTH + 1);
    expect(parseFilters(`?institution=${long}`).notices[0]).toContain("longer than");
    const many = Array.from({ length: MAX_VALUES + 5 }, (_, i) => `institution=i${i}`).join("&");
    const parsed = parseFilters(`?${many}`);
    expect(parsed.state.institution).toHaveLength(MAX_VALUES);
    expect(parsed.notices.some((n) => n.includes(`first ${MAX_VALUES}`))).toBe(true);
  });

  it("refuses years that are not years and ranges that end before they start", () => {
    expect(parseFilters("?from=abc&to=99999").state).toEqual(emptyFilters());
    expect(parseFilters("?from=abc").notices[0]).toContain("expected a year");
    const reversed = parseFilters("?from=2020&to=2010");
    expect(reversed.state.from).toBeUndefined();
    expect(reversed.notices[0]).toContain("ends before it starts");
  });
});

describe("SQL", () => {
  it("binds every value as a parameter, never as SQL text", () => {
    const hostile = { ...emptyFilters(), sector: ["x') OR 1=1 --"] };
    const where = commitmentWhere(hostile);
    expect(where.text).not.toContain("OR 1=1");
    expect(where.params).toEqual(["x') OR 1=1 --"]);
  });

  it("is TRUE with no filters", () => {
    expect(commitmentWhere(emptyFilters()).text.trim()).toBe("TRUE");
    expect(eventWhere(emptyFilters()).text.trim()).toBe("TRUE");
  });

  it("orders parameters as the conditions appear", () => {
    const where = commitmentWhere(full);
    expect(where.params).toEqual([
      "industry",
      "agriculture",
      "done",
      "Pakistan–Belarus Joint Ministerial Commission",
      "pk-hit",
      "PK",
      2015,
      2025,
    ]);
    expect(where.text.match(/\?/g)).toHaveLength(8);
  });

  it("filters events by the commitments they hold or are the target of, read once", () => {
    const where = eventWhere({ ...emptyFilters(), sector: ["industry"] });
    expect(where.text).toContain("target_event_id");
    expect(where.params).toEqual(["industry"]);
  });
});

describe("describeFilters", () => {
  it("puts the filters in words for captions", () => {
    const labels = { sector: new Map([["industry", "Industry & machinery"]]) };
    expect(describeFilters({ ...emptyFilters(), sector: ["industry"], from: 2015, to: 2020 }, labels)).toBe(
      "Sector: Industry & machinery · 2015–2020",
    );
    expect(describeFilters(emptyFilters())).toBe("All commitments");
  });
});

describe("the country filter on institutions of every scope (native DuckDB)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("test/fixtures/scopes");
  }, 60_000);
  afterAll(() => db?.close());

  const ids = async (state: FilterState) =>
    (await db.query(sql`SELECT c.id FROM commitments c WHERE ${commitmentWhere(state)} ORDER BY c.id`)).map(
      (r) => r.id,
    );

  it("matches a joint body's commitments under each of its members", async () => {
    expect(await ids({ ...emptyFilters(), country: ["BY"] })).toEqual(["jpcc3-chambers", "jpcc3-kz", "jpcc3-roadmap"]);
    expect(await ids({ ...emptyFilters(), country: ["PK"] })).toEqual(["jpcc3-chambers", "jpcc3-roadmap"]);
    expect(await ids({ ...emptyFilters(), country: ["KZ"] })).toEqual(["jpcc3-kz"]);
  });

  it("reaches an international organisation through the institution filter, never a country", async () => {
    const all = await ids({ ...emptyFilters(), country: ["PK", "BY", "KZ"] });
    expect(all).not.toContain("jpcc3-energy-un");
    expect(await ids({ ...emptyFilters(), institution: ["undp"] })).toEqual(["jpcc3-energy-un"]);
  });
});

describe("the events a filter keeps (native DuckDB, bundled data)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("data");
  }, 60_000);
  afterAll(() => db?.close());

  const states: [string, FilterState][] = [
    // Political commitments aim at sessions where no political commitment is held: the target's half is needed.
    ["a sector", { ...emptyFilters(), sector: ["political"] }],
    ["a country", { ...emptyFilters(), country: ["PK"] }],
    ["a status", { ...emptyFilters(), status: ["done"] }],
    ["nothing matching", { ...emptyFilters(), sector: ["no-such-sector"] }],
  ];
  for (const [name, state] of states) {
    it(`keeps each event a matching commitment is held at or aims at, and no other, for ${name}`, async () => {
      const matching = await db.query(
        sql`SELECT c.event_id, c.target_event_id FROM commitments c WHERE ${commitmentWhere(state)}`,
      );
      const held = new Set(matching.map((c) => String(c.event_id)));
      const aimed = new Set(matching.flatMap((c) => (c.target_event_id === null ? [] : [String(c.target_event_id)])));
      const want = [...new Set([...held, ...aimed])].sort();
      const kept = (await db.query(sql`SELECT e.id FROM events e WHERE ${eventWhere(state)} ORDER BY e.id`)).map((r) =>
        String(r.id),
      );
      expect(kept).toEqual(want);
      if (name === "a sector") expect([...aimed].some((id) => !held.has(id))).toBe(true);
    });
  }
});
