/**
 * The SQL behind the timeline page (src/timeline.md): lanes, marks, status
 * tracks, the month × sector density, scorecards, "due next", follow-up
 * between sessions and the commitment panel. Every filter value, date and id
 * is a bound parameter; the shared filters apply through `commitmentWhere` and
 * `eventWhere`, the overdue rule through `overdueSql` (src/lib/model/status.ts).
 * Queries that read only the commitments in the filters' years are marked
 * with withinYears (src/lib/model/partitions.ts), as in src/lib/sql/page-queries.ts.
 */
import { commitmentWhere, eventWhere, type FilterState } from "../model/filters.js";
import { scopeOf, withinYears } from "../model/partitions.js";
import { deadlineSql, overdueSql } from "../model/status.js";
import { and, empty, raw, type SqlFragment, sql } from "./fragment.js";

/** A time window, inclusive, as YYYY-MM-DD days. */
export interface TimeRange {
  from: string;
  to: string;
}

/** Rows a page pulls at most for one list (the SQL page has them all). */
export const LIST_LIMIT = 500;

const limit = (n: number) => raw(String(Math.max(1, Math.floor(n))));

/** Commitments whose date span overlaps the window (a commitment dated "2025" is in any window touching 2025). */
export function inRange(range: TimeRange | null | undefined, alias = "c"): SqlFragment {
  if (!range) return empty;
  return sql`${raw(`${alias}.date_to`)} >= CAST(${range.from} AS DATE) AND ${raw(`${alias}.date_from`)} <= CAST(${range.to} AS DATE)`;
}

/** A row of `timelineLanes`: a sector, its commitments in scope (`total`) and in the window (`n`). */
export interface LaneRow {
  sector: string;
  label: string;
  color: string;
  total: number;
  n: number;
}

/** Sectors with matching commitments: all of them, and those in the window. */
export function timelineLanes(filters: FilterState, range: TimeRange | null): SqlFragment {
  const window = range ? sql`count(*) FILTER (WHERE ${inRange(range)})` : raw("count(*)");
  return withinYears(
    sql`SELECT s.id AS sector, s.label, s.color,
      CAST(count(*) AS INTEGER) AS total,
      CAST(${window} AS INTEGER) AS n
    FROM commitments c JOIN sectors s ON s.id = c.sector
    WHERE ${commitmentWhere(filters)}
    GROUP BY ALL ORDER BY s.label, s.id`,
    scopeOf(filters),
  );
}

/** A row of `timelineLaneCounts`: a sector's commitments in the window. */
export interface LaneCount {
  sector: string;
  n: number;
}

/**
 * The window's column of `timelineLanes` alone (sectors with none in the
 * window absent): a zoom's lanes are the filters' lanes with no window (whose
 * totals hold for every window) with these counts (src/lib/timeline/window-lanes.ts),
 * so a zoom reads only the commitments in the window, not every one in scope.
 */
export function timelineLaneCounts(filters: FilterState, range: TimeRange | null): SqlFragment {
  return withinYears(
    sql`SELECT c.sector, CAST(count(*) AS INTEGER) AS n
    FROM commitments c
    WHERE ${and(commitmentWhere(filters), inRange(range))}
    GROUP BY 1 ORDER BY 1`,
    scopeOf(filters),
  );
}

/**
 * The time the matching records cover: from the first commitment or event to
 * the last commitment, deadline or event (so "beyond the latest target date").
 */
export function timelineExtent(filters: FilterState): SqlFragment {
  return withinYears(
    sql`WITH c AS (
      SELECT c.date_from, c.date_to, ${deadlineSql()} AS deadline
      FROM commitments c
      WHERE ${commitmentWhere(filters)}
    ), cs AS (SELECT min(date_from) AS first, greatest(max(date_to), max(deadline)) AS last, count(*) AS n FROM c),
    es AS (
      SELECT min(e.start_date_from) AS first, max(coalesce(e.end_date_to, e.start_date_to)) AS last
      FROM events e WHERE ${eventWhere(filters)}
    )
    SELECT least(cs.first, es.first) AS first, greatest(cs.last, es.last) AS last, CAST(cs.n AS INTEGER) AS commitments
    FROM cs, es`,
    scopeOf(filters, { events: true }),
  );
}

/** A row of `timelineMarks` (the columns the chart and its table read). */
export interface MarkRow {
  id: string;
  sector: string;
  summary: string;
  action: string;
  strength: string;
  status: string;
  update_count: number;
  date: string | null;
  date_precision: string | null;
  date_from: string;
  date_to: string;
  target_date: string | null;
  target_date_precision: string | null;
  target_date_from: string | null;
  target_date_to: string | null;
  target_event_id: string | null;
  target_event: string | null;
  target_note: string | null;
  deadline: string | null;
  overdue: boolean;
  event_id: string;
  event: string;
}

/** Commitments in the window with what the chart draws of them, by sector and date. */
export function timelineMarks(
  filters: FilterState,
  range: TimeRange | null,
  today: string,
  max = LIST_LIMIT * 10,
): SqlFragment {
  return withinYears(
    sql`SELECT c.id, c.sector, c.summary, c.action, c.strength, c.status, c.status_date, c.update_count,
      c.date, c.date_precision, c.date_from, c.date_to,
      c.target_date, c.target_date_precision, c.target_date_from, c.target_date_to,
      c.target_event_id, t.title AS target_event, t.status AS target_event_status, c.target_note,
      ${deadlineSql()} AS deadline, ${overdueSql(today)} AS overdue,
      c.event_id, e.title AS event, c.confidence
    FROM commitments c
      JOIN events e ON e.id = c.event_id
      LEFT JOIN events t ON t.id = c.target_event_id
    WHERE ${and(commitmentWhere(filters), inRange(range))}
    ORDER BY c.sector, c.date_from, c.id
    LIMIT ${limit(max)}`,
    scopeOf(filters),
  );
}

/** A day missing from `timelineMarkShapes` (no target): before any record, so its columns stay integers. */
export const NO_DAY = -1_000_000;

/** Days since 1970-01-01 as an INTEGER column, NO_DAY for none (typed arrays need no nulls). */
const dayNumber = (column: string) => raw(`coalesce(CAST(${column} - DATE '1970-01-01' AS INTEGER), ${NO_DAY})`);

/**
 * The marks of the window with only what the canvas renderer and the lane
 * layout read (no text, no join): ids, sector, strength, status and date
 * precisions as text, every date as a day number (`*_day`), overdue as 0/1,
 * so a zoomed year's 50,000 marks come back as typed columns
 * (Database.queryColumns) rather than as rows. Their text is
 * `timelineMarkTexts`, asked for the marks a reader points at or lists.
 * Same order and limit as `timelineMarks`.
 */
export function timelineMarkShapes(
  filters: FilterState,
  range: TimeRange | null,
  today: string,
  max = LIST_LIMIT * 10,
): SqlFragment {
  return withinYears(
    sql`SELECT c.id, c.sector, c.strength, c.status, c.update_count, c.date_precision, c.target_date_precision,
      ${dayNumber("c.date_from")} AS date_from_day, ${dayNumber("c.date_to")} AS date_to_day,
      ${dayNumber("c.target_date_from")} AS target_date_from_day, ${dayNumber("c.target_date_to")} AS target_date_to_day,
      ${dayNumber(`(${deadlineSql().text})`)} AS deadline_day,
      CAST(coalesce(${overdueSql(today)}, false) AS INTEGER) AS overdue
    FROM commitments c
    WHERE ${and(commitmentWhere(filters), inRange(range))}
    ORDER BY c.sector, c.date_from, c.id
    LIMIT ${limit(max)}`,
    scopeOf(filters),
  );
}

/** A row of `timelineMarkTexts`: what a mark's tooltip, name and table row say beyond its shape. */
export type MarkText = Pick<
  MarkRow,
  | "id"
  | "summary"
  | "action"
  | "date"
  | "target_date"
  | "target_event_id"
  | "target_event"
  | "target_note"
  | "event_id"
  | "event"
>;

/** The text of the marks with these ids (the one pointed at, or the table's rows), in the filters' years. */
export function timelineMarkTexts(filters: FilterState, ids: readonly string[]): SqlFragment {
  if (ids.length === 0) return sql`SELECT NULL AS id WHERE false`;
  return withinYears(
    sql`SELECT c.id, c.summary, c.action, c.date, c.target_date, c.target_event_id, t.title AS target_event,
      c.target_note, c.event_id, e.title AS event
    FROM commitments c
      JOIN events e ON e.id = c.event_id
      LEFT JOIN events t ON t.id = c.target_event_id
    WHERE c.id IN (${[...ids]})`,
    scopeOf(filters),
  );
}

/** A row of `timelineUpdates` (the columns the chart reads). */
export interface UpdateRow {
  commitment_id: string;
  id: string;
  status: string;
  date: string | null;
  date_from: string;
  date_to: string;
}

/**
 * Status updates of the commitments in the window, in the order the status rule
 * reads them: by commitment (its integer key, numbered in id order), then date.
 */
export function timelineUpdates(filters: FilterState, range: TimeRange | null): SqlFragment {
  return withinYears(
    sql`SELECT u.commitment_id, u.id, u.status, u.date, u.date_precision, u.date_from, u.date_to
    FROM status_updates u JOIN commitments c ON c.key = u.commitment_key
    WHERE ${and(commitmentWhere(filters), inRange(range))}
    ORDER BY u.commitment_key, u.date_to, u.date_from, u.id`,
    scopeOf(filters),
  );
}

/** A row of `timelineDensity`: one sector's commitments in one month (or, for year-only dates, one year). */
export interface DensityRow {
  sector: string;
  bin: "month" | "year";
  start: string;
  n: number;
  overdue: number;
  done: number;
}

/**
 * The month × sector aggregation for dense data: commitments per sector and
 * calendar month of their date. A commitment dated only to a year is counted
 * in a year bin (`bin = 'year'`, drawn as a span over the year), never in a
 * made-up month.
 */
export function timelineDensity(filters: FilterState, range: TimeRange | null, today: string): SqlFragment {
  // Grouped on an integer month number (year × 12 + month − 1; the year's
  // first month for year-only dates), turned into a date only for the few
  // thousand groups: about a quarter faster than grouping on date_trunc.
  return withinYears(
    sql`WITH g AS (
      SELECT c.sector, c.date_precision = 'year' AS whole_year,
        year(c.date_from) * 12 + CASE WHEN c.date_precision = 'year' THEN 0 ELSE month(c.date_from) - 1 END AS m,
        count(*) AS n,
        count(*) FILTER (WHERE ${overdueSql(today)}) AS overdue,
        count(*) FILTER (WHERE c.status = 'done') AS done
      FROM commitments c
      WHERE ${and(commitmentWhere(filters), inRange(range))}
      GROUP BY 1, 2, 3)
    SELECT sector, CASE WHEN whole_year THEN 'year' ELSE 'month' END AS bin,
      make_date(CAST(m // 12 AS INTEGER), CAST(m % 12 + 1 AS INTEGER), 1) AS start,
      CAST(n AS INTEGER) AS n, CAST(overdue AS INTEGER) AS overdue, CAST(done AS INTEGER) AS done
    FROM g ORDER BY 1, 3, 2`,
    scopeOf(filters),
  );
}

/** Event kinds drawn as labelled rules on the timeline. */
export const RULE_KINDS = [
  "commission_session",
  "state_visit",
  "official_visit",
  "working_group",
  "business_forum",
  "leaders_meeting",
] as const;

/** A row of `timelineEvents` (the columns the chart reads). */
export interface RuleRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  start_date: string;
  start_date_precision: string;
  start_date_from: string;
  start_date_to: string;
  end_date_to: string;
  series: string | null;
  /** The series' short name for labels ("JPCC"), when the records give one. */
  series_short: string | null;
  /** The body whose session this is (its acronym or name), when the records give one. */
  series_body: string | null;
  session: number | null;
  place: string | null;
}

/** Events in scope and in the window, for the rules across the lanes (at most `max`, sessions first). */
export function timelineEvents(filters: FilterState, range: TimeRange | null, max = LIST_LIMIT): SqlFragment {
  const window = range
    ? sql`coalesce(e.end_date_to, e.start_date_to) >= CAST(${range.from} AS DATE) AND e.start_date_from <= CAST(${range.to} AS DATE)`
    : empty;
  return withinYears(
    sql`SELECT e.id, e.title, e.kind, e.status, e.start_date, e.start_date_precision, e.start_date_from, e.start_date_to,
      coalesce(e.end_date_to, e.start_date_to) AS end_date_to, e.series, e.series_short, e.session, e.place,
      (SELECT b.name FROM institutions b WHERE b.id = e.series_body_id) AS series_body,
      CAST((SELECT count(*) FROM commitments c WHERE c.event_id = e.id AND ${commitmentWhere(filters)}) AS INTEGER) AS commitments
    FROM events e
    WHERE ${and(eventWhere(filters), window, sql`e.kind IN (${[...RULE_KINDS]})`)}
    ORDER BY e.kind = 'commission_session' DESC, commitments DESC, e.start_date_from, e.id
    LIMIT ${limit(max)}`,
    scopeOf(filters, { events: true }),
  );
}

/** Counts shared by both scorecards. */
function scoreColumns(today: string): SqlFragment {
  return sql`CAST(count(*) AS INTEGER) AS made,
      CAST(count(*) FILTER (WHERE c.status IN ('in_progress', 'done')) AS INTEGER) AS progress,
      CAST(count(*) FILTER (WHERE c.status = 'done') AS INTEGER) AS done,
      CAST(count(*) FILTER (WHERE c.status IN ('stalled', 'dropped')) AS INTEGER) AS stalled,
      CAST(count(*) FILTER (WHERE ${overdueSql(today)}) AS INTEGER) AS overdue,
      CAST(count(*) FILTER (WHERE c.update_count = 0) AS INTEGER) AS no_news,
      max(lu.last) AS last_news`;
}

const LATEST_NEWS = raw(
  "LEFT JOIN (SELECT commitment_key, max(date_to) AS last FROM status_updates GROUP BY 1) lu ON lu.commitment_key = c.key",
);

/** Per event: commitments made there and what came of them, newest event first. */
export function scorecardByEvent(filters: FilterState, today: string, max = LIST_LIMIT): SqlFragment {
  return withinYears(
    sql`SELECT e.id, e.title, e.kind, e.status AS event_status, e.start_date, e.start_date_from, e.series, e.session,
      ${scoreColumns(today)}
    FROM commitments c
      JOIN events e ON e.id = c.event_id
      ${LATEST_NEWS}
    WHERE ${commitmentWhere(filters)}
    GROUP BY ALL ORDER BY e.start_date_from DESC, e.id
    LIMIT ${limit(max)}`,
    scopeOf(filters),
  );
}

/** Per sector: the same counts. */
export function scorecardBySector(filters: FilterState, today: string): SqlFragment {
  return withinYears(
    sql`SELECT s.id, s.label, s.color, ${scoreColumns(today)}
    FROM commitments c
      JOIN sectors s ON s.id = c.sector
      ${LATEST_NEWS}
    WHERE ${commitmentWhere(filters)}
    GROUP BY ALL ORDER BY made DESC, s.label, s.id`,
    scopeOf(filters),
  );
}

/** Open commitments whose deadline is today or later, soonest first, with their target event. */
export function dueNext(filters: FilterState, today: string, max = 50): SqlFragment {
  return withinYears(
    sql`SELECT c.id, c.summary, c.status, c.sector, s.label AS sector_label, s.color AS sector_color,
      c.target_date, c.target_note, c.target_event_id, t.title AS target_event, t.start_date AS target_event_date,
      t.status AS target_event_status, t.place AS target_event_place,
      ${deadlineSql()} AS deadline, e.title AS event, c.event_id
    FROM commitments c
      JOIN sectors s ON s.id = c.sector
      JOIN events e ON e.id = c.event_id
      LEFT JOIN events t ON t.id = c.target_event_id
    WHERE ${and(
      commitmentWhere(filters),
      sql`${deadlineSql()} >= CAST(${today} AS DATE)`,
      raw("c.status NOT IN ('done', 'dropped')"),
    )}
    ORDER BY deadline, t.start_date_from NULLS LAST, c.id
    LIMIT ${limit(max)}`,
    scopeOf(filters),
  );
}

/**
 * The event series the follow-up section can compare: those with two
 * numbered sessions at which matching commitments were made (the rule of
 * defaultPair, src/lib/model/follow-up.ts), by name. One row a series, so a
 * million commitments' 24,000 sessions stay in DuckDB.
 */
export function followUpSeries(filters: FilterState): SqlFragment {
  return withinYears(
    sql`SELECT series FROM (
      SELECT e.series, e.id FROM events e JOIN commitments c ON c.event_id = e.id AND ${commitmentWhere(filters)}
      WHERE e.series IS NOT NULL AND e.session IS NOT NULL
      GROUP BY ALL
    ) GROUP BY series HAVING count(*) >= 2 ORDER BY series`,
    scopeOf(filters),
  );
}

/** Numbered sessions of the event series (of one, when named), with the matching commitments made at each. */
export function seriesSessions(filters: FilterState, series?: string): SqlFragment {
  return withinYears(
    sql`SELECT e.series, e.series_short, e.session, e.id, e.title, e.status, e.start_date, e.start_date_from, e.place,
      CAST(count(c.id) AS INTEGER) AS commitments
    FROM events e LEFT JOIN commitments c ON c.event_id = e.id AND ${commitmentWhere(filters)}
    WHERE ${and(raw("e.series IS NOT NULL AND e.session IS NOT NULL"), series === undefined ? empty : sql`e.series = ${series}`)}
    GROUP BY ALL ORDER BY e.series, e.session, e.start_date_from, e.id`,
    scopeOf(filters),
  );
}

/**
 * The matching commitments of some events, with the events where later
 * evidence about them was reported (for follow-up matching, src/lib/model/follow-up.ts).
 */
export function sessionCommitments(filters: FilterState, eventIds: readonly string[]): SqlFragment {
  return withinYears(
    sql`SELECT c.id, c.event_id, c.sector, s.label AS sector_label, s.color AS sector_color, c.summary, c.status,
      c.target_event_id,
      coalesce(list(DISTINCT u.event_id ORDER BY u.event_id) FILTER (WHERE u.event_id IS NOT NULL), []) AS update_events
    FROM commitments c
      JOIN sectors s ON s.id = c.sector
      LEFT JOIN status_updates u ON u.commitment_key = c.key
    WHERE ${and(commitmentWhere(filters), sql`c.event_id IN (${[...eventIds]})`)}
    GROUP BY ALL ORDER BY c.event_id, c.sector, c.id`,
    scopeOf(filters),
  );
}

/**
 * One commitment with its event, sector, target, source and parties, for the
 * panel. `within`: the filters the page drew the commitment under, when it
 * has one, so only their years need to be loaded (a commitment outside them
 * gives no row: ask again without).
 */
export function commitmentDetail(id: string, today: string, within?: FilterState): SqlFragment {
  const query = sql`SELECT c.*, e.title AS event, e.start_date AS event_date, e.place AS event_place,
      s.label AS sector_label, s.color AS sector_color,
      t.title AS target_event, t.start_date AS target_event_date, t.status AS target_event_status,
      ${deadlineSql()} AS deadline, ${overdueSql(today)} AS overdue,
      src.title AS source_title, src.publisher AS source_publisher, src.url AS source_url, src.published AS source_published,
      (SELECT string_agg(coalesce(i.name, i.id) || ' (' || p.role || ')', '; ' ORDER BY i.name)
        FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key WHERE p.commitment_id = ${id}) AS parties
    FROM commitments c
      JOIN events e ON e.id = c.event_id
      JOIN sectors s ON s.id = c.sector
      JOIN sources src ON src.id = c.source_id
      LEFT JOIN events t ON t.id = c.target_event_id
    WHERE c.id = ${id}`;
  return within ? withinYears(query, scopeOf(within)) : query;
}

/**
 * A commitment's status updates, oldest first, each with its source and event
 * (`within` as for commitmentDetail). Found by the commitment's integer `key`
 * (its detail row has it), not its id: at a million commitments 2.1 ms against
 * 6.9 ms in DuckDB-WASM (docs/performance.md, "Integer join keys").
 */
export function commitmentUpdates(key: number, within?: FilterState): SqlFragment {
  const query = sql`SELECT u.id, u.date, u.date_from, u.date_to, u.status, u.summary, u.locator, u.confidence, u.note,
      ev.title AS event, src.title AS source_title, src.publisher AS source_publisher, src.url AS source_url
    FROM status_updates u
      JOIN sources src ON src.id = u.source_id
      LEFT JOIN events ev ON ev.id = u.event_id
    WHERE u.commitment_key = CAST(${key} AS INTEGER)
    ORDER BY u.date_to, u.date_from, u.id`;
  return within ? withinYears(query, scopeOf(within)) : query;
}
