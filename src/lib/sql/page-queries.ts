/**
 * The SQL behind the pages, as fragments with bound parameters. Each takes the
 * shared filter state; pages run them with `database().query(...)`.
 *
 * A query that reads only the commitments in the filters' years (and their
 * parties and updates) is marked with withinYears, so a page with a time
 * range loads only those years' partitions (src/lib/model/partitions.ts;
 * test/cross/partitions-scope.test.ts runs each against the full tables).
 */
import { commitmentWhere, eventWhere, type FilterState } from "../model/filters.js";
import { scopeOf, withinYears } from "../model/partitions.js";
import { empty, raw, type SqlFragment, sql } from "./fragment.js";
import { partyOrder, partyWithScope } from "./party-label.js";
import { inRange } from "./timeline-queries.js";

/**
 * Headline counts for the filtered commitments. `institutions` counts the
 * named bodies bound (not whole governments); institutions the sources name
 * only generically ("relevant ministries") are counted apart, in
 * `generic_institutions`. `total` is every commitment
 * in the records; given (the page has it from the build), the query does not
 * count the whole table, so it reads only the filters' years.
 */
export function headline(filters: FilterState, total?: number): SqlFragment {
  const where = commitmentWhere(filters);
  const all = total === undefined ? raw("(SELECT count(*) FROM commitments)") : sql`${total}`;
  // Only the columns counted, and the parties read once for both institution counts: at a
  // million commitments with a sector, 251–283 ms against 615–621 ms for `SELECT *` and two
  // reads of the parties (DuckDB-WASM, 6 Dec 2026; docs/performance.md).
  // The parties are found and told apart by the integer join keys (schema.ts).
  const query = sql`WITH c AS (SELECT c.key, c.status, c.event_id, c.sector FROM commitments c WHERE ${where}),
    p AS (SELECT
        count(DISTINCT p.institution_key) FILTER (WHERE i.type <> 'government' AND i.naming <> 'generic') AS institutions,
        count(DISTINCT p.institution_key) FILTER (WHERE i.naming = 'generic') AS generic_institutions
      FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key
      WHERE p.commitment_key IN (SELECT key FROM c))
    SELECT
      CAST(count(*) AS INTEGER) AS commitments,
      CAST(count(*) FILTER (WHERE status IN ('in_progress', 'done')) AS INTEGER) AS with_progress,
      CAST(count(*) FILTER (WHERE status = 'done') AS INTEGER) AS done,
      CAST(count(*) FILTER (WHERE status IN ('stalled', 'dropped')) AS INTEGER) AS stalled,
      CAST(count(DISTINCT event_id) AS INTEGER) AS events,
      CAST(count(DISTINCT sector) AS INTEGER) AS sectors,
      CAST((SELECT institutions FROM p) AS INTEGER) AS institutions,
      CAST((SELECT generic_institutions FROM p) AS INTEGER) AS generic_institutions,
      CAST(${all} AS INTEGER) AS total
    FROM c`;
  return total === undefined ? query : withinYears(query, scopeOf(filters));
}

/** Commitments per sector and status, for the stacked bar chart. */
export function bySectorAndStatus(filters: FilterState): SqlFragment {
  return withinYears(
    sql`SELECT s.id AS sector, s.label, s.color, c.status, CAST(count(*) AS INTEGER) AS n
    FROM commitments c JOIN sectors s ON s.id = c.sector
    WHERE ${commitmentWhere(filters)}
    GROUP BY ALL ORDER BY s.label, c.status`,
    scopeOf(filters),
  );
}

/** How many events each of the overview's two lists shows, and the day that splits them. */
export interface EventListLimits {
  /** Today as YYYY-MM-DD: events after it (and planned ones) are upcoming. */
  today: string;
  upcoming: number;
  recent: number;
}

/**
 * The overview's two event lists from the events in the filters' scope: the
 * first `upcoming` planned or future events, soonest first, and the first
 * `recent` others, newest first. Only those rows are fetched (a million
 * commitments come with 40,000 events); each says which list it belongs to
 * (`upcoming`) and how many events that list has in all (`in_list`), and
 * carries its matching commitment count and first source.
 */
export function eventList(filters: FilterState, limits: EventListLimits): SqlFragment {
  const where = commitmentWhere(filters);
  const query = sql`WITH scoped AS (
      SELECT e.*, coalesce(e.status = 'planned' OR e.start_date_from > CAST(${limits.today} AS DATE), false) AS upcoming
      FROM events e WHERE ${eventWhere(filters)}
    ), listed AS (
      SELECT *, row_number() OVER (PARTITION BY upcoming ORDER BY
          CASE WHEN upcoming THEN start_date_from END ASC, CASE WHEN upcoming THEN id END DESC,
          start_date_from DESC, id) AS list_rank,
        CAST(count(*) OVER (PARTITION BY upcoming) AS INTEGER) AS in_list
      FROM scoped
    )
    SELECT e.id, e.title, e.kind, e.status, e.start_date, e.end_date, e.place, e.host_country,
      e.start_date_from, e.start_date_to, e.confidence, e.note, e.upcoming, e.in_list,
      CAST((SELECT count(*) FROM commitments c WHERE c.event_id = e.id AND ${where}) AS INTEGER) AS commitments,
      CAST((SELECT count(*) FROM commitments c WHERE c.target_event_id = e.id AND ${where}) AS INTEGER) AS due,
      src.title AS source_title, src.publisher AS source_publisher, src.url AS source_url,
      CAST(len(e.source_ids) AS INTEGER) AS source_count
    FROM listed e LEFT JOIN sources src ON src.id = e.source_ids[1]
    WHERE e.list_rank <= CASE WHEN e.upcoming THEN ${limits.upcoming} ELSE ${limits.recent} END
    ORDER BY e.upcoming DESC, e.list_rank`;
  return withinYears(query, scopeOf(filters, { events: true }));
}

/**
 * How current the data is: the latest dated evidence of each kind. It reads
 * every status update; the pages show the same values from the build
 * (`freshness` in overview.json) instead.
 */
export const freshness = sql`SELECT
    (SELECT max(start_date_from) FROM events WHERE status = 'held') AS latest_event,
    (SELECT end_date FROM events WHERE status = 'held'
      ORDER BY start_date_from DESC, end_date_to DESC NULLS LAST, id LIMIT 1) AS latest_event_end,
    (SELECT max(date_from) FROM status_updates) AS latest_update,
    (SELECT max(published_from) FROM sources) AS latest_source,
    CAST((SELECT count(*) FROM sources) AS INTEGER) AS sources`;

/**
 * How many of the cited sources a page fetches: captions name the first few
 * (CAPTION_SOURCES), and `cited_total` says how many there are in all, so a
 * million commitments citing 50,000 documents do not become 50,000 rows.
 */
export const CITED_LIMIT = 50;

/**
 * Sources cited by the filtered commitments (for captions): most cited first,
 * at most `max`, each row with the count of all. Counted by the commitments'
 * `source_id` before the sources' texts are joined, so the grouping is on one key.
 */
export function citedSources(filters: FilterState, max = CITED_LIMIT): SqlFragment {
  return withinYears(
    sql`WITH cited AS (SELECT c.source_id, count(*) AS n FROM commitments c WHERE ${commitmentWhere(filters)} GROUP BY 1)
    SELECT src.id, src.title, src.publisher, src.url, CAST(cited.n AS INTEGER) AS n,
      CAST(count(*) OVER () AS INTEGER) AS cited_total
    FROM cited JOIN sources src ON src.id = cited.source_id
    ORDER BY n DESC, src.publisher, src.id
    LIMIT ${raw(String(Math.max(1, Math.floor(max))))}`,
    scopeOf(filters),
  );
}

/** What the CSV export of a chart holds: one row per commitment, with its parties and source. */
export const EXPORT_COLUMNS = [
  "id",
  "date",
  "event_id",
  "event",
  "sector",
  "summary",
  "action",
  "strength",
  "status",
  "status_date",
  "target_date",
  "target_event_id",
  "deadline",
  "parties",
  "confidence",
  "note",
  "source_publisher",
  "source_title",
  "source_url",
  "locator",
] as const;

/**
 * The rows behind a chart, for its CSV export: the commitments matching the
 * filters, within `range` (inclusive days) when the chart shows a window,
 * and only those that bind someone when the chart draws parties (the
 * network). Each party is written with whose body it is
 * (src/lib/sql/party-label.ts). Ordered by date and id, so the same view
 * gives the same file.
 */
export function exportCommitments(
  filters: FilterState,
  { range = null, withParties = false }: { range?: { from: string; to: string } | null; withParties?: boolean } = {},
): SqlFragment {
  return withinYears(
    sql`SELECT c.id, coalesce(c.date, e.start_date) AS date, c.event_id, e.title AS event, s.label AS sector,
      c.summary, c.action, c.strength, c.status, c.status_date, c.target_date, c.target_event_id,
      CAST(c.deadline AS VARCHAR) AS deadline,
      (SELECT string_agg(${partyWithScope}, '; ' ORDER BY ${partyOrder})
        FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key WHERE p.commitment_key = c.key) AS parties,
      c.confidence, c.note, src.publisher AS source_publisher, src.title AS source_title, src.url AS source_url, c.locator
    FROM commitments c
      JOIN events e ON e.id = c.event_id
      JOIN sectors s ON s.id = c.sector
      JOIN sources src ON src.id = c.source_id
    WHERE ${commitmentWhere(filters)}
      ${range ? sql`AND ${inRange(range)}` : empty}
      ${withParties ? raw("AND c.party_count > 0") : empty}
    ORDER BY c.date_from, c.id`,
    scopeOf(filters),
  );
}
