/**
 * The synthetic data generator, through its pure functions (no files):
 * determinism, the shape of what it makes (skew, shares, dates) and that every
 * record is one the validator accepts.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { COLUMNS, GENERATED_FILE, generateToMemory } from "../../../src/lib/generate/generate.js";
import { isCountryCode } from "../../../src/lib/model/countries.js";
import { epochDay, parseDateOrSpan, parsePartialDate } from "../../../src/lib/model/dates.js";
import { ENTITY } from "../../../src/lib/model/schema.js";
import type { TableName } from "../../../src/lib/model/tables.js";

type Row = Record<string, string>;

const day = (iso: string | undefined) => (iso ? epochDay(iso) : Number.NaN);

function rowsOf(files: Map<string, string>, table: string): Row[] {
  const rows: Row[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file.split(".")[0] !== table || !file.endsWith(".csv")) continue;
    rows.push(...(parse(text, { columns: true }) as Row[]));
  }
  return rows;
}

const small = generateToMemory({ commitments: 300, institutions: 40, countries: 4, seed: 1 });

describe("determinism", () => {
  it("gives byte-identical files for the same options", () => {
    const again = generateToMemory({ commitments: 300, institutions: 40, countries: 4, seed: 1 });
    expect([...again.files.keys()]).toEqual([...small.files.keys()]);
    for (const [file, text] of small.files) expect(again.files.get(file)).toBe(text);
  });

  it("gives different records for a different seed", () => {
    const other = generateToMemory({ commitments: 300, institutions: 40, countries: 4, seed: 2 });
    expect(other.files.get("commitments.csv")).not.toBe(small.files.get("commitments.csv"));
    expect(other.files.get("events.csv")).not.toBe(small.files.get("events.csv"));
  });

  it("does not depend on how the text is cut into chunks", () => {
    const coarse = generateToMemory({ commitments: 300, institutions: 40, countries: 4, seed: 1, chunkRows: 7 });
    for (const [file, text] of small.files) expect(coarse.files.get(file)).toBe(text);
  });
});

describe("files", () => {
  it("writes the tables as CSV with the schema's columns, and sectors as YAML", () => {
    expect([...small.files.keys()]).toEqual([
      "sectors.yaml",
      "institutions.csv",
      "events.csv",
      "commitments.csv",
      "status_updates.csv",
      "sources.csv",
    ]);
    for (const file of small.files.keys()) expect(file).toMatch(GENERATED_FILE);
    for (const [table, columns] of Object.entries(COLUMNS)) {
      const header = small.files.get(`${table}.csv`)?.split("\n")[0].split(",");
      expect(header).toEqual([...columns]);
      const allowed = [...Object.keys(ENTITY[table as keyof typeof COLUMNS].fields), "parties"];
      for (const column of columns) expect(allowed).toContain(column);
    }
    const sectors = parseYaml(small.files.get("sectors.yaml") ?? "").sectors as Row[];
    expect(sectors).toHaveLength(24);
    for (const s of sectors) {
      expect(s.id).toMatch(/^[a-z_]+$/);
      expect(s.color).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it("splits big tables into numbered parts of at most partRows rows, each with a header", () => {
    const { files, summary } = generateToMemory({
      commitments: 2500,
      institutions: 40,
      countries: 4,
      seed: 3,
      partRows: 1000,
    });
    const parts = [...files.keys()].filter((f) => f.startsWith("commitments."));
    expect(parts).toEqual(["commitments.0001.csv", "commitments.0002.csv", "commitments.0003.csv"]);
    const counts = parts.map((f) => (parse(files.get(f) ?? "", { columns: true }) as Row[]).length);
    expect(counts).toEqual([1000, 1000, 500]);
    expect([...files.keys()].filter((f) => f.startsWith("status_updates."))).toEqual(["status_updates.0001.csv"]);
    expect(summary.counts.commitments).toBe(2500);
    expect(summary.files.find((f) => f.file === "commitments.0003.csv")?.rows).toBe(500);
  });

  it("quotes fields holding commas, quotes and line breaks", () => {
    const { files } = generateToMemory({ commitments: 5000, institutions: 200, countries: 8, seed: 5 });
    const text = files.get("commitments.csv") ?? "";
    const rows = rowsOf(files, "commitments");
    expect(rows.some((r) => r.summary.includes(","))).toBe(true);
    expect(rows.some((r) => r.note.includes('"'))).toBe(true);
    expect(rows.some((r) => r.note.includes("\n"))).toBe(true);
    // Strict parsing: every row has the header's field count.
    const records = parse(text, { relax_column_count: false }) as string[][];
    expect(records.length).toBe(rows.length + 1);
  });
});

describe("many institutions per country", () => {
  it("gives every institution its own id, also where a company name spells a template's (Central + Bank)", () => {
    const { files } = generateToMemory({ commitments: 50, institutions: 5000, countries: 40, seed: 7 });
    const rows = rowsOf(files, "institutions");
    const ids = rows.map((i) => i.id);
    expect(rows.filter((i) => !i.scope && !i.naming)).toHaveLength(5000);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("pk-central-bank");
    expect(ids).toContain("pk-central-bank-company");
  });
});

describe("shape of 5,000 commitments", () => {
  const { files, summary } = generateToMemory({ commitments: 5000, institutions: 200, countries: 8, seed: 11 });
  const commitments = rowsOf(files, "commitments");
  const events = rowsOf(files, "events");
  const updates = rowsOf(files, "status_updates");
  const institutions = rowsOf(files, "institutions");
  const sources = rowsOf(files, "sources");
  const sectors = (parseYaml(files.get("sectors.yaml") ?? "").sectors as Row[]).map((s) => s.id);
  const parties = commitments.map((c) => c.parties.split(";").map((p) => p.split(":")));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const institutionById = new Map(institutions.map((i) => [i.id, i]));

  it("makes the counts asked for, and about one event per 25 commitments", () => {
    expect(commitments).toHaveLength(5000);
    // The named national bodies asked for, then joint commissions, organisations and generic bodies.
    expect(institutions.filter((i) => !i.scope && !i.naming)).toHaveLength(200);
    expect(new Set(institutions.map((i) => i.country).filter(Boolean)).size).toBe(8);
    expect(summary.counts.institutions).toBe(institutions.length);
    expect(events.length).toBeGreaterThanOrEqual(200);
    expect(events.length).toBeLessThan(240);
    expect(summary.counts.commitment_parties).toBe(parties.flat().length);
    expect(summary.counts.status_updates).toBe(updates.length);
    expect(summary.counts.sources).toBe(sources.length);
  });

  it("binds 1–4 parties per commitment, 2.3 on average, from the event's two countries", () => {
    const counts = parties.map((p) => p.length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(4);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(2.0);
    expect(mean).toBeLessThan(2.6);
    const countriesOfEvent = new Map<string, Set<string>>();
    commitments.forEach((c, i) => {
      const set = countriesOfEvent.get(c.event_id) ?? new Set();
      for (const [id] of parties[i]) {
        const body = institutionById.get(id);
        if (body?.scope === "international") continue;
        for (const code of body?.scope === "joint" ? body.members.split(";") : [body?.country ?? "?"]) set.add(code);
      }
      countriesOfEvent.set(c.event_id, set);
    });
    for (const [eventId, set] of countriesOfEvent) {
      // Event ids start with the pair's codes: pk-by-jc-8.
      const pair = eventId.split("-").slice(0, 2);
      for (const country of set) expect(pair, eventId).toContain(country.toLowerCase());
    }
    // No institution twice in one commitment.
    for (const p of parties) expect(new Set(p.map(([id]) => id)).size).toBe(p.length);
  });

  it("skews involvement: the top 5% of institutions fill at least 40% of party slots, governments lead", () => {
    const slots = new Map<string, number>();
    for (const [id] of parties.flat()) slots.set(id, (slots.get(id) ?? 0) + 1);
    const ranked = [...slots.values()].sort((a, b) => b - a);
    const total = ranked.reduce((a, b) => a + b, 0);
    const top = ranked.slice(0, Math.ceil(institutions.length * 0.05)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThanOrEqual(0.4);
    const busiest = [...slots].sort((a, b) => b[1] - a[1])[0][0];
    expect(institutionById.get(busiest)?.type).toBe("government");
  });

  it("uses every sector, trade and industry far more than sports and media", () => {
    const bySector = new Map<string, number>();
    for (const c of commitments) bySector.set(c.sector, (bySector.get(c.sector) ?? 0) + 1);
    expect([...bySector.keys()].sort()).toEqual([...sectors].sort());
    const n = (s: string) => bySector.get(s) ?? 0;
    expect(n("trade")).toBeGreaterThan(5 * n("sports"));
    expect(n("industry")).toBeGreaterThan(5 * n("media"));
  });

  it("gives ~15% of commitments 1–3 status updates, each on or after its commitment and the one before", () => {
    const byCommitment = new Map<string, Row[]>();
    for (const u of updates) byCommitment.set(u.commitment_id, [...(byCommitment.get(u.commitment_id) ?? []), u]);
    const share = byCommitment.size / commitments.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
    const commitmentById = new Map(commitments.map((c) => [c.id, c]));
    for (const [id, list] of byCommitment) {
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(3);
      const c = commitmentById.get(id);
      expect(c).toBeDefined();
      const made = parsePartialDate(c?.date || eventById.get(c?.event_id ?? "")?.start_date || "");
      expect(made).toBeDefined();
      let previous = day(made?.to);
      list.forEach((u, i) => {
        const d = parsePartialDate(u.date);
        expect(d, u.id).toBeDefined();
        // On or after the whole span of the commitment's date, and after the whole span of the update before.
        if (i === 0) expect(day(d?.from), u.id).toBeGreaterThanOrEqual(previous);
        else expect(day(d?.from), u.id).toBeGreaterThan(previous);
        previous = day(d?.to);
        // Sensible transitions: nothing follows done or dropped.
        if (i < list.length - 1) expect(["done", "dropped"]).not.toContain(u.status);
        expect(["in_progress", "done", "stalled", "dropped"]).toContain(u.status);
      });
    }
  });

  it("writes valid partial dates, ~10% to the month and ~3% to the year", () => {
    const dates = [
      ...events.flatMap((e) => [e.start_date, e.end_date]),
      ...commitments.map((c) => c.date),
      ...updates.map((u) => u.date),
      ...sources.map((s) => s.published),
    ].filter(Boolean);
    for (const d of dates) expect(parsePartialDate(d), d).toBeDefined();
    for (const c of commitments) if (c.target_date) expect(parseDateOrSpan(c.target_date), c.target_date).toBeDefined();
    // Shares on 2,000 events (200 are too few to pin down a 3% share).
    const more = rowsOf(
      generateToMemory({ commitments: 50_000, institutions: 200, countries: 8, seed: 11 }).files,
      "events",
    );
    const starts = more.filter((e) => e.status !== "planned").map((e) => e.start_date);
    const month = starts.filter((d) => d.length === 7).length / starts.length;
    const year = starts.filter((d) => d.length === 4).length / starts.length;
    expect(month).toBeGreaterThan(0.08);
    expect(month).toBeLessThan(0.12);
    expect(year).toBeGreaterThan(0.02);
    expect(year).toBeLessThan(0.04);
    const years = starts.map((d) => Number(d.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(1997);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2025);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
  });

  it("numbers sessions within each series in date order, and gives some commitments targets", () => {
    const bySeries = new Map<string, Row[]>();
    for (const e of events) if (e.series) bySeries.set(e.series, [...(bySeries.get(e.series) ?? []), e]);
    expect(bySeries.size).toBeGreaterThan(20);
    for (const list of bySeries.values()) {
      expect(list.map((e) => Number(e.session))).toEqual(list.map((_, i) => i + 1));
      // Each session's date reaches at least as far as the start of the one before.
      const spans = list.map((e) => parsePartialDate(e.start_date));
      for (let i = 1; i < spans.length; i++) expect(day(spans[i]?.to)).toBeGreaterThanOrEqual(day(spans[i - 1]?.from));
    }
    const targetEvents = commitments.filter((c) => c.target_event_id).length / commitments.length;
    const targetDates = commitments.filter((c) => c.target_date).length / commitments.length;
    expect(targetEvents).toBeGreaterThan(0.03);
    expect(targetDates).toBeGreaterThan(0.1);
  });

  it("has joint commissions, international organisations, generic bodies and span targets, a small share each", () => {
    const scope = (s: string) => institutions.filter((i) => i.scope === s);
    expect(scope("joint").length).toBeGreaterThan(10);
    expect(scope("international")).toHaveLength(5);
    expect(institutions.filter((i) => i.naming === "generic")).toHaveLength(8);
    const bound = (test: (i: Row) => boolean) =>
      parties.filter((p) => p.some(([id]) => test(institutionById.get(id) as Row))).length / parties.length;
    expect(bound((i) => i.scope === "joint")).toBeGreaterThan(0.005);
    expect(bound((i) => i.scope === "joint")).toBeLessThan(0.05);
    expect(bound((i) => i.scope === "international")).toBeGreaterThan(0.005);
    expect(bound((i) => i.naming === "generic")).toBeGreaterThan(0.01);
    const targets = commitments.filter((c) => c.target_date);
    const spans = targets.filter((c) => c.target_date.includes("/")).length / targets.length;
    expect(spans).toBeGreaterThan(0.08);
    expect(spans).toBeLessThan(0.25);
    // Every commission session names its series' short name and its pair's joint commission.
    for (const e of events.filter((e) => e.kind === "commission_session")) {
      const body = institutionById.get(e.series_body_id);
      expect([e.series_short, body?.scope], e.id).toEqual(["JC", "joint"]);
      expect(e.id.startsWith(body?.members.toLowerCase().replace(";", "-") ?? "?"), e.id).toBe(true);
    }
  });

  it("mostly has high confidence, with some medium and low, and notes on a few percent", () => {
    const share = (v: string) => commitments.filter((c) => c.confidence === v).length / commitments.length;
    expect(share("high")).toBeGreaterThan(0.75);
    expect(share("medium")).toBeGreaterThan(0.05);
    expect(share("low")).toBeGreaterThan(0.005);
    const notes = commitments.filter((c) => c.note).length / commitments.length;
    expect(notes).toBeGreaterThan(0.01);
    expect(notes).toBeLessThan(0.06);
  });

  it("makes records the validator accepts: unique ids, known references, allowed values, safe text", () => {
    const ids = (rows: Row[]) => new Set(rows.map((r) => r.id));
    for (const rows of [commitments, events, updates, institutions, sources]) expect(ids(rows).size).toBe(rows.length);
    const sourceIds = ids(sources);
    const eventIds = ids(events);
    const sectorIds = new Set(sectors);
    const enumOf = (table: TableName, field: string) => ENTITY[table].fields[field].values ?? [];
    commitments.forEach((c, index) => {
      expect(eventIds.has(c.event_id)).toBe(true);
      expect(sourceIds.has(c.source_id)).toBe(true);
      expect(sectorIds.has(c.sector)).toBe(true);
      if (c.target_event_id) expect(eventIds.has(c.target_event_id)).toBe(true);
      expect(enumOf("commitments", "action")).toContain(c.action);
      expect(enumOf("commitments", "strength")).toContain(c.strength);
      for (const [id, role] of parties[index]) {
        expect(institutionById.has(id)).toBe(true);
        if (role !== undefined) expect(enumOf("commitment_parties", "role")).toContain(role);
      }
    });
    for (const u of updates) {
      expect(sourceIds.has(u.source_id)).toBe(true);
      if (u.event_id) expect(eventIds.has(u.event_id)).toBe(true);
    }
    for (const e of events) {
      for (const s of e.source_ids.split(";")) expect(sourceIds.has(s)).toBe(true);
      expect(enumOf("events", "kind")).toContain(e.kind);
      expect(isCountryCode(e.host_country)).toBe(true);
    }
    for (const i of institutions) {
      if (i.scope === "international") expect(i.country).toBe("");
      else if (i.scope === "joint") expect(i.members.split(";").filter(isCountryCode)).toHaveLength(2);
      else expect(isCountryCode(i.country)).toBe(true);
      expect(enumOf("institutions", "type")).toContain(i.type);
      for (const s of i.source_ids ? i.source_ids.split(";") : []) expect(sourceIds.has(s)).toBe(true);
    }
    for (const s of sources) expect(s.url).toMatch(/^https?:\/\/example\.org\/[^\s]+$/);
    const texts = [...files.values()].join("");
    expect(texts).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(texts).not.toMatch(/<\/?[a-z!][^>]*>|&[a-z]+;|&#\d+;/i);
  });
});
