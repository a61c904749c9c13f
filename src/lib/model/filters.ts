/**
 * The shared filter state: what the filter bar selects, how it is written in
 * the URL query string (so a copied link restores the view), and how it
 * becomes SQL with bound parameters. Every page applies filters through
 * `commitmentWhere` and `eventWhere`.
 */
import { and, empty, raw, type SqlFragment, sql } from "../sql/fragment.js";

export interface FilterState {
  sector: string[];
  country: string[];
  institution: string[];
  series: string[];
  status: string[];
  /** First year of the time range (inclusive). */
  from?: number;
  /** Last year of the time range (inclusive). */
  to?: number;
}

export const LIST_KEYS = ["sector", "country", "institution", "series", "status"] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export const FILTER_KEYS = [...LIST_KEYS, "from", "to"] as const;

export const MAX_VALUES = 50;
export const MAX_VALUE_LENGTH = 200;
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

/** The values that exist, so the URL cannot select what is not there. */
export type KnownValues = Partial<Record<ListKey, Iterable<string>>>;

export function emptyFilters(): FilterState {
  return { sector: [], country: [], institution: [], series: [], status: [] };
}

export function isEmptyFilters(state: FilterState): boolean {
  return LIST_KEYS.every((k) => state[k].length === 0) && state.from === undefined && state.to === undefined;
}

const LABELS: Record<(typeof FILTER_KEYS)[number], string> = {
  sector: "sector",
  country: "country",
  institution: "institution",
  series: "event series",
  status: "status",
  from: "from year",
  to: "to year",
};

/**
 * Reads filters from a query string. Values that are malformed, too long, too
 * many, or not among `known` are dropped, each with a notice for the page to
 * show; they never reach SQL text. Parameters that are not filters are left
 * alone (other views keep their own state in the URL).
 */
export function parseFilters(
  search: string | URLSearchParams,
  known: KnownValues = {},
): { state: FilterState; notices: string[] } {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const state = emptyFilters();
  const notices: string[] = [];
  const knownSets = Object.fromEntries(
    Object.entries(known).map(([k, v]) => [k, new Set(v as Iterable<string>)]),
  ) as Partial<Record<ListKey, Set<string>>>;
  for (const key of LIST_KEYS) {
    const values = params.getAll(key);
    const seen = new Set<string>();
    for (const raw of values) {
      const value = raw.trim();
      if (value === "") continue;
      if (value.length > MAX_VALUE_LENGTH) {
        notices.push(`Ignored a ${LABELS[key]} filter longer than ${MAX_VALUE_LENGTH} characters.`);
        continue;
      }
      if (knownSets[key] && !knownSets[key].has(value)) {
        notices.push(`Ignored unknown ${LABELS[key]} “${shorten(value)}”.`);
        continue;
      }
      if (seen.has(value)) continue;
      if (seen.size >= MAX_VALUES) {
        notices.push(`Ignored ${LABELS[key]} filters past the first ${MAX_VALUES}.`);
        break;
      }
      seen.add(value);
    }
    state[key] = [...seen].sort();
  }
  for (const key of ["from", "to"] as const) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const year = /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) {
      notices.push(`Ignored ${LABELS[key]} “${shorten(raw)}”: expected a year between ${MIN_YEAR} and ${MAX_YEAR}.`);
      continue;
    }
    state[key] = year;
  }
  if (state.from !== undefined && state.to !== undefined && state.from > state.to) {
    notices.push(`Ignored the time range ${state.from}–${state.to}: it ends before it starts.`);
    state.from = undefined;
    state.to = undefined;
  }
  return { state, notices };
}

/** A value from a link, safe and short enough to quote in a notice (control characters replaced, 40 characters at most). */
export function shorten(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/**
 * Writes filters into a query string, keeping parameters that are not
 * filters. Keys come in a fixed order and values sorted, so the same view
 * always has the same link.
 */
export function serializeFilters(state: FilterState, base: string | URLSearchParams = ""): string {
  const params = new URLSearchParams(base);
  for (const key of FILTER_KEYS) params.delete(key);
  const out = new URLSearchParams();
  for (const key of LIST_KEYS) for (const value of [...new Set(state[key])].sort()) out.append(key, value);
  if (state.from !== undefined) out.set("from", String(state.from));
  if (state.to !== undefined) out.set("to", String(state.to));
  for (const [k, v] of params) out.append(k, v);
  const text = out.toString();
  return text ? `?${text}` : "";
}

/**
 * The condition a commitment (aliased `c`) must meet. Country: a party
 * belongs to one of the countries chosen (any of its `countries`, so a joint
 * body matches each of its members and an international organisation none).
 * Time range: the
 * commitment's date span overlaps the years chosen (a commitment dated only
 * "2025" matches a range ending in 2025). Parties are found by the integer
 * join keys (schema.ts), not the text ids: at a million commitments the country
 * condition ran 3.5–5× faster in DuckDB-WASM (docs/performance.md).
 */
export function commitmentWhere(state: FilterState, alias = "c"): SqlFragment {
  const c = (column: string) => raw(`${alias}.${column}`);
  return and(
    state.sector.length ? sql`${c("sector")} IN (${state.sector})` : empty,
    state.status.length ? sql`${c("status")} IN (${state.status})` : empty,
    state.series.length ? sql`${c("event_id")} IN (SELECT id FROM events WHERE series IN (${state.series}))` : empty,
    state.institution.length
      ? sql`${c("key")} IN (SELECT commitment_key FROM commitment_parties WHERE institution_id IN (${state.institution}))`
      : empty,
    state.country.length
      ? sql`${c("key")} IN (SELECT p.commitment_key FROM commitment_parties p JOIN (SELECT key, unnest(countries) AS country FROM institutions) i ON i.key = p.institution_key WHERE i.country IN (${state.country}))`
      : empty,
    state.from !== undefined ? sql`${c("date_to")} >= make_date(CAST(${state.from} AS INTEGER), 1, 1)` : empty,
    state.to !== undefined ? sql`${c("date_from")} <= make_date(CAST(${state.to} AS INTEGER), 12, 31)` : empty,
  );
}

/**
 * The condition an event (aliased `e`) must meet: in the chosen series and
 * time range, and, when commitment filters are set, holding or being the
 * target of at least one matching commitment. The matching commitments are
 * found once, each giving its event and its target event (a UNION of two
 * reads found them twice: at a million commitments with a country filter,
 * 15–20% of the events' queries).
 */
export function eventWhere(state: FilterState, alias = "e"): SqlFragment {
  const e = (column: string) => raw(`${alias}.${column}`);
  const commitmentFilters: FilterState = { ...emptyFilters(), ...state, series: [], from: undefined, to: undefined };
  return and(
    state.series.length ? sql`${e("series")} IN (${state.series})` : empty,
    state.from !== undefined ? sql`${e("start_date_to")} >= make_date(CAST(${state.from} AS INTEGER), 1, 1)` : empty,
    state.to !== undefined ? sql`${e("start_date_from")} <= make_date(CAST(${state.to} AS INTEGER), 12, 31)` : empty,
    isEmptyFilters(commitmentFilters)
      ? empty
      : sql`${e("id")} IN (SELECT held FROM (SELECT unnest([c.event_id, c.target_event_id]) AS held
          FROM commitments c WHERE ${commitmentWhere(commitmentFilters)}) WHERE held IS NOT NULL)`,
  );
}

export interface FilterLabels {
  sector?: Map<string, string>;
  country?: Map<string, string>;
  institution?: Map<string, string>;
  status?: Map<string, string>;
}

/** The filters in words, for captions and empty states: "Sector: Health, Industry · 2015–2020". */
export function describeFilters(state: FilterState, labels: FilterLabels = {}): string {
  const parts: string[] = [];
  const names = (key: ListKey, title: string) => {
    if (!state[key].length) return;
    const map = (labels as Record<string, Map<string, string> | undefined>)[key];
    parts.push(`${title}: ${state[key].map((v) => map?.get(v) ?? v).join(", ")}`);
  };
  names("sector", "Sector");
  names("country", "Country");
  names("institution", "Institution");
  names("series", "Series");
  names("status", "Status");
  if (state.from !== undefined || state.to !== undefined) {
    parts.push(
      state.from !== undefined && state.to !== undefined
        ? state.from === state.to
          ? `${state.from}`
          : `${state.from}–${state.to}`
        : state.from !== undefined
          ? `from ${state.from}`
          : `until ${state.to}`,
    );
  }
  return parts.length ? parts.join(" · ") : "All commitments";
}
