/**
 * What the pages can show before DuckDB-WASM has started: the filter bar's
 * choices, and the overview's headline and sector chart for the unfiltered
 * records. Computed at build time from the normalised tables (shaped with
 * Arquero) by the loader src/data/overview.json.ts. The pages replace these
 * with the SQL results (src/lib/sql/page-queries.ts) as soon as DuckDB answers; the
 * browser tests check that both give the same numbers.
 */
import * as aq from "arquero";
import type { Option, OverviewSeed } from "../model/contracts.js";
import { countryName } from "../model/countries.js";
import type { Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";

const byText = (key: (o: Option) => string) => (a: Option, b: Option) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

const MS_PER_DAY = 86_400_000;
const yearOf = (day: unknown) => (typeof day === "number" ? new Date(day * MS_PER_DAY).getUTCFullYear() : undefined);

/** The latest of some days (days since 1970-01-01) as YYYY-MM-DD, or null. */
function latestDay(days: readonly unknown[]): string | null {
  let latest: number | undefined;
  for (const day of days) if (typeof day === "number" && (latest === undefined || day > latest)) latest = day;
  return latest === undefined ? null : new Date(latest * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The country filter's choices: every country an institution belongs to (a
 * national body's country, a joint body's members), never an international
 * organisation, which the institution filter reaches.
 */
function countryOptions(institutions: readonly Record<string, unknown>[]): Option[] {
  const codes = new Set<string>();
  for (const i of institutions) for (const code of (i.countries ?? []) as string[]) codes.add(code);
  return [...codes].map((id) => ({ id, label: countryName(id) })).sort(byText((o) => o.label));
}

/**
 * The end_date of the latest held event, as the freshness query picks it: the
 * latest start, then the latest end (none last), then the id. Null when none.
 */
function latestEventEnd(events: readonly Record<string, unknown>[]): string | null {
  const day = (value: unknown) => (typeof value === "number" ? value : Number.NEGATIVE_INFINITY);
  const [latest] = events
    .filter((e) => e.status === "held")
    .sort(
      (a, b) =>
        day(b.start_date_from) - day(a.start_date_from) ||
        day(b.end_date_to) - day(a.end_date_to) ||
        (String(a.id) < String(b.id) ? -1 : 1),
    );
  return typeof latest?.end_date === "string" ? latest.end_date : null;
}

export function overviewSeed(stores: Tables<TableStore>): OverviewSeed {
  // The large tables are read column by column; the small ones as rows.
  const c = stores.commitments.columns;
  const commitments = aq.table({ sector: c.sector, status: c.status });
  const tables = {
    sectors: stores.sectors.rows(),
    institutions: stores.institutions.rows(),
    events: stores.events.rows(),
  };
  const sectors = aq.from(tables.sectors);

  const sector = (sectors.select("id", "label", "color").objects() as Option[]).sort(byText((o) => o.label));
  const country = countryOptions(tables.institutions);
  const institution = tables.institutions
    .map((i) => ({
      id: i.id as string,
      label: (i.acronym ?? i.name) as string,
      keywords: `${i.name} ${i.country_name}`,
    }))
    .sort(byText((o) => o.label.toLowerCase()));
  const series = [...new Set(tables.events.map((e) => e.series).filter((s): s is string => typeof s === "string"))]
    .sort()
    .map((s) => ({ id: s, label: s }));
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const widen = (day: unknown) => {
    const year = yearOf(day);
    if (year === undefined) return;
    if (year < first) first = year;
    if (year > last) last = year;
  };
  for (const day of c.date_from) widen(day);
  for (const day of c.target_date_to) widen(day);
  for (const e of tables.events) widen(e.start_date_from);
  const thisYear = new Date().getUTCFullYear();

  // Named bodies (not whole governments) and generic ones ("relevant ministries") are counted apart.
  const named = new Set(
    tables.institutions.filter((i) => i.type !== "government" && i.naming !== "generic").map((i) => i.id),
  );
  const generic = new Set(tables.institutions.filter((i) => i.naming === "generic").map((i) => i.id));
  const boundIds = new Set(stores.commitment_parties.columns.institution_id as string[]);
  const boundOf = (ids: Set<unknown>) => [...boundIds].filter((id) => ids.has(id)).length;
  const count = (wanted: string[]) => (c.status as string[]).filter((s) => wanted.includes(s)).length;

  const bySector = commitments
    .join(sectors.rename({ id: "sector" }), "sector")
    .groupby("sector", "label", "color", "status")
    .count({ as: "n" })
    .orderby("label", "status")
    .objects() as OverviewSeed["bySector"];

  return {
    freshness: {
      latest_event: latestDay(tables.events.filter((e) => e.status === "held").map((e) => e.start_date_from)),
      latest_event_end: latestEventEnd(tables.events),
      latest_update: latestDay(stores.status_updates.columns.date_from),
      latest_source: latestDay(stores.sources.columns.published_from),
      sources: stores.sources.length,
    },
    options: {
      sector,
      country,
      institution,
      series,
      years: Number.isFinite(first) ? [first, last] : [thisYear, thisYear],
    },
    headline: {
      commitments: stores.commitments.length,
      with_progress: count(["in_progress", "done"]),
      done: count(["done"]),
      stalled: count(["stalled", "dropped"]),
      events: new Set(c.event_id).size,
      sectors: new Set(c.sector).size,
      institutions: boundOf(named),
      generic_institutions: boundOf(generic),
      total: stores.commitments.length,
    },
    bySector,
  };
}
