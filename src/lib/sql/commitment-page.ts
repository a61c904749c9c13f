/**
 * The overview's table of commitments, paged in SQL: one page of the
 * filtered commitments in the order the reader chose (`commitmentPage`),
 * and how many there are (`commitmentCount`), so only the rows shown become
 * objects on the page. Every order ends with the commitment id, so pages
 * never overlap or skip a row; empty values sort last either way, as they
 * did when the table sorted in the browser.
 *
 * The page is found first from the sort key alone (joining only the table
 * that key comes from), then only its rows get their event, sector, parties
 * and source: the details are computed for the rows shown, not for every
 * match (sorting by who is bound still lists the parties of every match).
 */
import { commitmentWhere, type FilterState } from "../model/filters.js";
import { scopeOf, withinYears } from "../model/partitions.js";
import { empty, raw, type SqlFragment, sql } from "./fragment.js";

/** Rows on a page of the overview's table. */
export const COMMITMENT_PAGE_SIZE = 50;

/**
 * Who a commitment binds, in words: acronyms or names, alphabetical, over
 * `commitment_parties p JOIN institutions i` grouped by commitment. The same
 * text as `string_agg(…, ', ' ORDER BY …)`, several times faster in DuckDB
 * (an ordered aggregate, above all in a correlated subquery, took most of a
 * second for a page of 50 at 100,000 commitments).
 */
const PARTY_LIST = raw("array_to_string(list_sort(list(coalesce(i.acronym, i.name))), ', ')");

/** What each sortable column of the table sorts by, and the join that key needs (commitments are `c`). */
const SORT_KEYS = {
  date_from: { key: raw("c.date_from"), join: empty },
  sector: { key: raw("s.label"), join: raw("JOIN sectors s ON s.id = c.sector") },
  summary: { key: raw("c.summary"), join: empty },
  parties: {
    key: raw("pa.parties"),
    join: sql`LEFT JOIN (SELECT p.commitment_key, ${PARTY_LIST} AS parties
        FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key GROUP BY p.commitment_key) pa
      ON pa.commitment_key = c.key`,
  },
  status: { key: raw("c.status"), join: empty },
  event: { key: raw("e.title"), join: raw("JOIN events e ON e.id = c.event_id") },
  source_publisher: { key: raw("src.publisher"), join: raw("JOIN sources src ON src.id = c.source_id") },
} as const;

/** The columns the table sorts by: the table's columns, named as in its rows. */
export type CommitmentSortColumn = keyof typeof SORT_KEYS;
export const COMMITMENT_SORT_COLUMNS = Object.keys(SORT_KEYS) as CommitmentSortColumn[];

/** An order of the table: a column, ascending or descending (then the id, ascending). */
export interface CommitmentOrder {
  column: CommitmentSortColumn;
  descending: boolean;
}

/** The table's first order: the newest first. */
export const NEWEST_FIRST: CommitmentOrder = { column: "date_from", descending: true };

export function isCommitmentSortColumn(value: unknown): value is CommitmentSortColumn {
  return typeof value === "string" && Object.hasOwn(SORT_KEYS, value);
}

/** A whole number from `min` up, for LIMIT and OFFSET (written into the SQL, never a string from outside). */
function count(value: number, min: number): string {
  return String(Number.isFinite(value) ? Math.max(min, Math.floor(value)) : min);
}

/**
 * Page `page` (from 0) of the filtered commitments in `order`, `size` rows,
 * with event, sector, parties and source: the rows of the overview's table
 * (src/components/overview/commitments-table.ts).
 */
export function commitmentPage(
  filters: FilterState,
  {
    order = NEWEST_FIRST,
    page = 0,
    size = COMMITMENT_PAGE_SIZE,
  }: { order?: CommitmentOrder; page?: number; size?: number } = {},
): SqlFragment {
  if (!isCommitmentSortColumn(order.column)) throw new Error(`The table cannot sort by "${String(order.column)}".`);
  const { key, join } = SORT_KEYS[order.column];
  const rows = count(size, 1);
  const direction = raw(order.descending ? "DESC" : "ASC");
  const query = sql`WITH page AS (
      SELECT c.key, c.id, ${key} AS sort_key FROM commitments c ${join}
      WHERE ${commitmentWhere(filters)}
      ORDER BY sort_key ${direction} NULLS LAST, c.id
      LIMIT ${raw(rows)} OFFSET ${raw(count(Number(rows) * page, 0))}),
    page_parties AS (
      SELECT p.commitment_key, ${PARTY_LIST} AS parties
      FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key
      WHERE p.commitment_key IN (SELECT key FROM page) GROUP BY p.commitment_key)
    SELECT c.id, c.date, c.date_from, s.label AS sector, s.color AS sector_color, c.summary, c.action, c.strength,
      c.status, c.status_date, c.confidence, c.note, c.target_date, c.target_note, t.title AS target_event,
      e.title AS event, e.id AS event_id, pp.parties,
      src.title AS source_title, src.publisher AS source_publisher, src.url AS source_url, c.locator
    FROM page
      JOIN commitments c ON c.key = page.key
      JOIN events e ON e.id = c.event_id
      JOIN sectors s ON s.id = c.sector
      JOIN sources src ON src.id = c.source_id
      LEFT JOIN events t ON t.id = c.target_event_id
      LEFT JOIN page_parties pp ON pp.commitment_key = c.key
    ORDER BY page.sort_key ${direction} NULLS LAST, c.id`;
  return withinYears(query, scopeOf(filters));
}

/** How many commitments match the filters (`n`): the table's "N records" and its number of pages. */
export function commitmentCount(filters: FilterState): SqlFragment {
  return withinYears(
    sql`SELECT CAST(count(*) AS INTEGER) AS n FROM commitments c WHERE ${commitmentWhere(filters)}`,
    scopeOf(filters),
  );
}
