/**
 * The timeline page's SQL (src/lib/sql/timeline-queries.ts) run by native DuckDB
 * on the bundled records: every query runs, binds its filters as parameters,
 * and its numbers agree with the records read in JavaScript (the status and
 * overdue rules of src/lib/model/status.ts applied row by row).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { commitmentWhere, emptyFilters, eventWhere, type FilterState } from "../../../src/lib/model/filters.js";
import { defaultPair } from "../../../src/lib/model/follow-up.js";
import { deadlineOf, deadlineSql, isOverdue } from "../../../src/lib/model/status.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import type { Row } from "../../../src/lib/records/record-types.js";
import { raw, type SqlFragment, sql } from "../../../src/lib/sql/fragment.js";
import * as q from "../../../src/lib/sql/timeline-queries.js";
import { marksFromColumns, withMarkTexts } from "../../../src/lib/timeline/mark-columns.js";

const TODAY = "2026-11-27";
let db: NativeDataset;
const dataset = loadDataset("data");
const tables = dataset.tables as NonNullable<typeof dataset.tables>;
const DAY = 86_400_000;
const iso = (day: unknown) => (typeof day === "number" ? new Date(day * DAY).toISOString().slice(0, 10) : null);
const events = new Map(tables.events.map((e) => [e.id as string, e]));

/** A commitment's overdue flag by the JavaScript rule. */
function overdueInJs(c: Row, today = TODAY): boolean {
  const t = c.target_event_id ? events.get(c.target_event_id as string) : undefined;
  return isOverdue(
    {
      status: c.status as string,
      target_date_to: iso(c.target_date_to),
      target_event_start_to: iso(t?.start_date_to),
      target_event_end_to: iso(t?.end_date_to),
    },
    today,
  );
}

beforeAll(async () => {
  db = await nativeDataset("data");
}, 60_000);
afterAll(() => db?.close());

describe("timeline queries on the bundled records", () => {
  it("the loader's deadline column is deadlineOf of each commitment's target", () => {
    let withDeadline = 0;
    for (const c of tables.commitments) {
      const t = c.target_event_id ? events.get(c.target_event_id as string) : undefined;
      const want = deadlineOf({
        target_date_to: iso(c.target_date_to),
        target_event_start_to: iso(t?.start_date_to),
        target_event_end_to: iso(t?.end_date_to),
      });
      expect(iso(c.deadline), String(c.id)).toBe(want);
      if (want) withDeadline += 1;
    }
    // Both kinds of target occur: dates, and events without a date.
    expect(withDeadline).toBeGreaterThan(5);
    expect(tables.commitments.some((c) => !c.target_date && c.target_event_id && c.deadline !== null)).toBe(true);
  });

  it("flag overdue exactly as the JavaScript rule does, for several todays", async () => {
    for (const today of ["2024-01-01", "2025-06-30", "2025-12-31", "2026-01-01", TODAY, "2030-01-01"]) {
      const rows = await db.query(q.timelineMarks(emptyFilters(), null, today));
      expect(rows).toHaveLength(tables.commitments.length);
      const sqlOverdue = rows.filter((r) => r.overdue).map((r) => r.id);
      const jsOverdue = tables.commitments.filter((c) => overdueInJs(c, today)).map((c) => c.id);
      expect(sqlOverdue.sort(), today).toEqual((jsOverdue as string[]).sort());
    }
  });

  it("count the marks of a filter as the records do", async () => {
    const filters: FilterState = { ...emptyFilters(), sector: ["industry"] };
    const lanes = await db.query(q.timelineLanes(filters, null));
    const marks = await db.query(q.timelineMarks(filters, null, TODAY));
    const want = tables.commitments.filter((c) => c.sector === "industry").length;
    expect(want).toBeGreaterThan(0);
    expect(marks).toHaveLength(want);
    expect(lanes.map((l) => [l.sector, l.n])).toEqual([["industry", want]]);
  });

  it("window a range by the commitments' date spans", async () => {
    const range = { from: "2025-01-01", to: "2025-12-31" };
    const marks = await db.query(q.timelineMarks(emptyFilters(), range, TODAY));
    const want = tables.commitments.filter(
      (c) => (iso(c.date_to) as string) >= range.from && (iso(c.date_from) as string) <= range.to,
    );
    expect(marks.map((m) => m.id).sort()).toEqual(want.map((c) => c.id).sort());
  });

  it("give the marks' shapes as typed columns and their texts by id, together equal to timelineMarks", async () => {
    const range = { from: "2024-01-01", to: "2026-12-31" };
    const full = await db.query(q.timelineMarks(emptyFilters(), range, TODAY));
    const shapes = await db.query(q.timelineMarkShapes(emptyFilters(), range, TODAY));
    const names = Object.keys(shapes[0] ?? {});
    const columns = Object.fromEntries(names.map((n) => [n, shapes.map((r) => r[n])]));
    const marks = marksFromColumns({ numRows: shapes.length, columns });
    const ids = marks.map((m) => m.id);
    const texts = await db.query(q.timelineMarkTexts(emptyFilters(), ids));
    expect(withMarkTexts(marks, texts as unknown as q.MarkText[])).toHaveLength(full.length);
    expect(full.length).toBeGreaterThan(20);
    expect(full.some((m) => m.deadline) && full.some((m) => m.overdue)).toBe(true);
    const keys = Object.keys(marks[0]) as (keyof q.MarkRow)[];
    // timelineMarks says NULL for "not overdue" when there is no deadline; the shapes say 0.
    const pick = (m: object) =>
      Object.fromEntries(
        keys.map((k) => [k, k === "overdue" ? Boolean((m as q.MarkRow)[k]) : ((m as q.MarkRow)[k] ?? null)]),
      );
    expect(marks.map(pick)).toEqual(full.map((m) => pick(m)));
  });

  it("aggregate by month and sector to the same total, year-only dates in year bins", async () => {
    const density = await db.query(q.timelineDensity(emptyFilters(), null, TODAY));
    expect(density.reduce((s, d) => s + (d.n as number), 0)).toBe(tables.commitments.length);
    const yearOnly = tables.commitments.filter((c) => c.date_precision === "year").length;
    expect(density.filter((d) => d.bin === "year").reduce((s, d) => s + (d.n as number), 0)).toBe(yearOnly);
    for (const d of density) expect(String(d.start)).toMatch(d.bin === "year" ? /^\d{4}-01-01$/ : /^\d{4}-\d{2}-01$/);
    const overdue = tables.commitments.filter((c) => overdueInJs(c)).length;
    expect(density.reduce((s, d) => s + (d.overdue as number), 0)).toBe(overdue);
  });

  it("score the 8th JMC as its records say", async () => {
    const rows = await db.query(q.scorecardByEvent(emptyFilters(), TODAY));
    const jmc8 = rows.find((r) => r.id === "pk-by-jmc-8");
    const made = tables.commitments.filter((c) => c.event_id === "pk-by-jmc-8");
    expect(made.length).toBeGreaterThan(10);
    expect(jmc8).toMatchObject({
      made: made.length,
      progress: made.filter((c) => c.status === "in_progress" || c.status === "done").length,
      done: made.filter((c) => c.status === "done").length,
      overdue: made.filter((c) => overdueInJs(c)).length,
      no_news: made.filter((c) => c.update_count === 0).length,
    });
    const bySector = await db.query(q.scorecardBySector(emptyFilters(), TODAY));
    expect(bySector.reduce((s, r) => s + (r.made as number), 0)).toBe(tables.commitments.length);
  });

  it("list what is due next: open, deadline ahead, soonest first, the 9th JMC among them", async () => {
    const rows = await db.query(q.dueNext(emptyFilters(), "2025-03-01"));
    expect(rows.length).toBeGreaterThan(0);
    const deadlines = rows.map((r) => String(r.deadline));
    expect(deadlines).toEqual([...deadlines].sort());
    for (const r of rows) {
      expect(String(r.deadline) >= "2025-03-01").toBe(true);
      expect(["done", "dropped"]).not.toContain(r.status);
    }
    expect(rows.map((r) => r.target_event_id)).toContain("pk-by-jmc-9");
  });

  it("bind every filter value as a parameter", () => {
    const filters: FilterState = { ...emptyFilters(), sector: ["x'); DROP TABLE commitments; --"], from: 2020 };
    for (const fragment of [
      q.timelineLanes(filters, { from: "2020-01-01", to: "2020-12-31" }),
      q.timelineMarks(filters, null, TODAY),
      q.timelineDensity(filters, null, TODAY),
      q.scorecardByEvent(filters, TODAY),
      q.dueNext(filters, TODAY),
    ]) {
      expect(fragment.text).not.toContain("DROP TABLE");
      expect(fragment.params).toContain("x'); DROP TABLE commitments; --");
    }
  });

  it("run the extent, events, updates, sessions and panel queries", async () => {
    const [extent] = await db.query(q.timelineExtent(emptyFilters()));
    expect(String(extent.first) <= "2015-12-31").toBe(true);
    expect(String(extent.last) >= "2026-12-31").toBe(true);
    const rules = await db.query(q.timelineEvents(emptyFilters(), null));
    expect(rules.map((r) => r.id)).toContain("pk-by-jmc-8");
    const updates = await db.query(q.timelineUpdates(emptyFilters(), null));
    expect(updates).toHaveLength(tables.status_updates.length);
    // Filtered, exactly the updates of the matching commitments (joined on the integer keys), by commitment and date.
    const sectorOf = new Map(tables.commitments.map((c) => [c.id as string, c.sector as string]));
    for (const sector of new Set(sectorOf.values())) {
      const filtered = await db.query(q.timelineUpdates({ ...emptyFilters(), sector: [sector] }, null));
      const expected = tables.status_updates.filter((u) => sectorOf.get(u.commitment_id as string) === sector);
      expect(filtered.map((u) => u.id).sort(), sector).toEqual(expected.map((u) => u.id).sort());
      const order = filtered.map((u) => `${u.commitment_id}\u0000${u.date_to}`);
      expect(order, sector).toEqual([...order].sort());
    }
    const sessions = await db.query(q.seriesSessions(emptyFilters()));
    expect(sessions.find((s) => s.id === "pk-by-jmc-8")?.commitments).toBe(
      tables.commitments.filter((c) => c.event_id === "pk-by-jmc-8").length,
    );
    const pair = await db.query(q.sessionCommitments(emptyFilters(), ["pk-by-jmc-7", "pk-by-jmc-8"]));
    expect(pair.length).toBe(
      tables.commitments.filter((c) => c.event_id === "pk-by-jmc-7" || c.event_id === "pk-by-jmc-8").length,
    );
    expect(pair.find((c) => c.id === "pk-by-jmc-7-prepare-jmc-8")?.update_events).toEqual(["pk-by-jmc-8"]);
    const [detail] = await db.query(q.commitmentDetail("pk-by-jmc-8-skills-competition", TODAY));
    expect(detail).toMatchObject({ id: "pk-by-jmc-8-skills-competition", deadline: "2025-12-31" });
    // Its parties, and only its own, as the records list them.
    const names = new Map(tables.institutions.map((i) => [i.id as string, (i.name ?? i.id) as string]));
    const parties = tables.commitment_parties
      .filter((p) => p.commitment_id === "pk-by-jmc-8-skills-competition")
      .map((p) => ({ name: names.get(p.institution_id as string) as string, role: p.role as string }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    expect(parties.length).toBeGreaterThan(1);
    expect(detail.parties).toBe(parties.map((p) => `${p.name} (${p.role})`).join("; "));
    // A commitment's updates, found by its key: exactly its own, oldest first.
    const id = "pk-by-jmc-7-prepare-jmc-8";
    const key = tables.commitments.find((c) => c.id === id)?.key as number;
    const mine = tables.status_updates.filter((u) => u.commitment_id === id);
    expect(mine.length).toBeGreaterThan(0);
    const found = await db.query(q.commitmentUpdates(key));
    expect(found.map((u) => u.id).sort()).toEqual(mine.map((u) => u.id).sort());
    expect(await db.query(q.commitmentUpdates(key + 1))).not.toEqual(found);
  });
});

describe("the timeline's extent (native DuckDB, bundled data)", () => {
  /** One figure read on its own, straight from its definition: the reference for the query that reads each table once. */
  async function one(query: SqlFragment): Promise<unknown> {
    const [row] = await db.query(query);
    return row.v ?? null;
  }
  async function extentOneByOne(filters: FilterState) {
    const fromCommitments = (figure: SqlFragment) =>
      sql`SELECT ${figure} AS v FROM commitments c WHERE ${commitmentWhere(filters)}`;
    const fromEvents = (figure: SqlFragment) => sql`SELECT ${figure} AS v FROM events e WHERE ${eventWhere(filters)}`;
    const known = async (queries: SqlFragment[]) => {
      const values = await Promise.all(queries.map(one));
      return values.filter((v): v is string | number => v !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    };
    const firsts = await known([fromCommitments(raw("min(c.date_from)")), fromEvents(raw("min(e.start_date_from)"))]);
    const lasts = await known([
      fromCommitments(raw("max(c.date_to)")),
      fromCommitments(sql`max(${deadlineSql()})`),
      fromEvents(raw("max(coalesce(e.end_date_to, e.start_date_to))")),
    ]);
    const commitments = await one(fromCommitments(raw("CAST(count(*) AS INTEGER)")));
    return { first: firsts[0] ?? null, last: lasts.at(-1) ?? null, commitments };
  }

  const states: [string, FilterState][] = [
    ["no filter", emptyFilters()],
    ["a sector", { ...emptyFilters(), sector: ["industry"] }],
    ["a country and years", { ...emptyFilters(), country: ["PK"], from: 2019, to: 2025 }],
    [
      "a series and a status",
      { ...emptyFilters(), series: ["Pakistan–Belarus Joint Ministerial Commission"], status: ["done"] },
    ],
    ["nothing matching", { ...emptyFilters(), sector: ["no-such-sector"] }],
  ];
  for (const [name, filters] of states) {
    it(`equals each figure read on its own, for ${name}`, async () => {
      const [extent] = await db.query(q.timelineExtent(filters));
      const want = await extentOneByOne(filters);
      expect(extent).toEqual(want);
      if (name === "nothing matching") expect(want.commitments).toBe(0);
      else expect(want.commitments).toBeGreaterThan(0);
    });
  }
});

describe("timeline queries on institutions of every scope and span targets", () => {
  let scopes: NativeDataset;
  beforeAll(async () => {
    scopes = await nativeDataset("test/fixtures/scopes");
  }, 60_000);
  afterAll(() => scopes?.close());

  it("give a rule its series' short name and the body whose session it is", async () => {
    const rules = await scopes.query(q.timelineEvents(emptyFilters(), null));
    const byId = Object.fromEntries(rules.map((r) => [r.id, [r.series_short, r.series_body]]));
    const body = "Pakistan–Belarus Joint Permanent Commission on Cooperation";
    expect(byId).toEqual({ "jpcc-3": ["JPCC", body], "jpcc-4": ["JPCC", body] });
    const sessions = await scopes.query(q.seriesSessions(emptyFilters()));
    expect(sessions.map((s) => s.series_short)).toEqual(["JPCC", "JPCC"]);
  });

  it("count a span target overdue only after its end", async () => {
    const overdue = async (today: string) =>
      (await scopes.query(q.timelineMarks(emptyFilters(), null, today)))
        .filter((m) => m.overdue)
        .map((m) => m.id)
        .sort();
    // jpcc3-energy-un is due 2024/2025: not overdue during 2025, overdue from 2026.
    expect(await overdue("2025-06-30")).toEqual([]);
    expect(await overdue("2026-01-01")).toEqual(["jpcc3-chambers", "jpcc3-energy-un"]);
    // jpcc3-roadmap is due 2027/2028.
    expect(await overdue("2028-12-31")).not.toContain("jpcc3-roadmap");
    expect(await overdue("2029-01-01")).toContain("jpcc3-roadmap");
    const [roadmap] = (await scopes.query(q.dueNext(emptyFilters(), "2027-06-01"))).filter(
      (r) => r.id === "jpcc3-roadmap",
    );
    expect([roadmap.target_date, String(roadmap.deadline)]).toEqual(["2027/2028", "2028-12-31"]);
  });
});

describe("the follow-up section's series and sessions", () => {
  let world: NativeDataset;
  beforeAll(async () => {
    world = await nativeDataset("test/fixtures/world-sample");
  }, 60_000);
  afterAll(() => world?.close());

  /** The series with a default pair (src/lib/model/follow-up.ts), from every session, in the sessions' order. */
  function seriesWithPairs(sessions: Row[]): string[] {
    const bySeries = new Map<string, Row[]>();
    for (const s of sessions) bySeries.set(String(s.series), [...(bySeries.get(String(s.series)) ?? []), s]);
    return [...bySeries]
      .filter(([, list]) => defaultPair(list as unknown as { id: string; session: number; commitments: number }[]))
      .map(([series]) => series);
  }

  it.each([
    ["no filter", emptyFilters()],
    ["one sector", { ...emptyFilters(), sector: ["trade"] }],
    ["from 2020", { ...emptyFilters(), from: 2020 }],
  ])("name the series with two sessions to compare, as the rule on every session does (%s)", async (_, filters) => {
    for (const data of [db, world]) {
      const every = await data.query(q.seriesSessions(filters));
      const expected = seriesWithPairs(every);
      const series = (await data.query(q.followUpSeries(filters))).map((r) => r.series);
      expect(series).toEqual(expected);
      for (const name of new Set(every.map((s) => String(s.series)))) {
        expect(await data.query(q.seriesSessions(filters, name))).toEqual(every.filter((s) => s.series === name));
      }
    }
    // The bundled records have series with and without pairs, so the rule is tested both ways.
    const every = await db.query(q.seriesSessions(filters));
    const paired = (await db.query(q.followUpSeries(filters))).length;
    expect(paired).toBeGreaterThan(0);
    expect(paired).toBeLessThan(new Set(every.map((s) => s.series)).size);
  });
});
