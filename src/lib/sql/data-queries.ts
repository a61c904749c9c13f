/**
 * The Data page's SQL: the rows DuckDB holds per table (to reconcile with the
 * records read and rows written by the loaders), how complete the
 * commitments in the filters are, and the example values of the column
 * descriptions. Row types beside their queries.
 */

import type { ExampleColumn, ExampleValue } from "../model/column-examples.js";
import { commitmentWhere, type FilterState } from "../model/filters.js";
import { TABLE_NAMES, type TableName } from "../model/tables.js";
import { identifier, join, raw, type SqlFragment, sql } from "./fragment.js";

export interface TableCountRow {
  t: TableName;
  n: number;
}

/** One row per table, in the table list's order: its name and its rows in DuckDB. */
export const tableCounts: SqlFragment = join(
  TABLE_NAMES.map((table) => sql`SELECT ${table} AS t, count(*) AS n FROM ${identifier(table)}`),
  raw(" UNION ALL "),
);

/** One row a column: its first value in text order (src/lib/model/column-examples.ts). */
export type ColumnExampleRow = ExampleValue;

/** The first value of each column (null when it holds none); columns must be a schema's. */
export function columnExamples(columns: readonly ExampleColumn[]): SqlFragment {
  if (columns.length === 0) return sql`SELECT NULL AS "table", NULL AS "column", NULL AS value WHERE false`;
  return join(
    columns.map(
      ({ table, column }) =>
        sql`SELECT ${table} AS "table", ${column} AS "column", CAST(min(${identifier(column)}) AS VARCHAR) AS value FROM ${identifier(table)}`,
    ),
    raw(" UNION ALL "),
  );
}

export interface CompletenessRow {
  commitments: number;
  high: number;
  medium: number;
  low: number;
  with_note: number;
  with_locator: number;
  with_target: number;
  without_party: number;
  governments_only: number;
  /** Binding no named body: only institutions the sources name generically ("relevant ministries"), perhaps with governments. */
  generic_only: number;
  with_update: number;
  partial_date: number;
}

/** How many of the commitments in the filters carry each kind of detail. */
export function completeness(filters: FilterState): SqlFragment {
  return sql`SELECT
  CAST(count(*) AS INTEGER) AS commitments,
  CAST(count(*) FILTER (WHERE confidence = 'high') AS INTEGER) AS high,
  CAST(count(*) FILTER (WHERE confidence = 'medium') AS INTEGER) AS medium,
  CAST(count(*) FILTER (WHERE confidence = 'low') AS INTEGER) AS low,
  CAST(count(*) FILTER (WHERE note IS NOT NULL) AS INTEGER) AS with_note,
  CAST(count(*) FILTER (WHERE locator IS NOT NULL) AS INTEGER) AS with_locator,
  CAST(count(*) FILTER (WHERE target_date IS NOT NULL OR target_event_id IS NOT NULL OR target_note IS NOT NULL) AS INTEGER) AS with_target,
  CAST(count(*) FILTER (WHERE party_count = 0) AS INTEGER) AS without_party,
  CAST(count(*) FILTER (WHERE party_count > 0 AND key NOT IN (SELECT p.commitment_key FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key WHERE i.type <> 'government')) AS INTEGER) AS governments_only,
  CAST(count(*) FILTER (WHERE party_count > 0
    AND key NOT IN (SELECT p.commitment_key FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key WHERE i.type <> 'government' AND i.naming <> 'generic')
    AND key IN (SELECT p.commitment_key FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key WHERE i.naming = 'generic')) AS INTEGER) AS generic_only,
  CAST(count(*) FILTER (WHERE update_count > 0) AS INTEGER) AS with_update,
  CAST(count(*) FILTER (WHERE date_precision <> 'day') AS INTEGER) AS partial_date
FROM commitments c WHERE ${commitmentWhere(filters)}`;
}

/**
 * The completeness facts as the page lists them: a label and its count (with
 * its share). Commitments binding only generically named bodies are listed
 * when there are any.
 */
export function completenessFacts(row: CompletenessRow): [string, string][] {
  const share = (n: number) => (row.commitments ? `${Math.round((100 * n) / row.commitments)}%` : "–");
  const withShare = (n: number) => `${n} (${share(n)})`;
  return [
    ["Confidence high / medium / low", `${row.high} / ${row.medium} / ${row.low}`],
    ["With a note on uncertainty or disagreement", withShare(row.with_note)],
    ["With a paragraph or page locator in the source", withShare(row.with_locator)],
    ["With a target (date, event or deadline in words)", withShare(row.with_target)],
    ["With later evidence (a status update)", withShare(row.with_update)],
    ["Binding only the two governments (no named institution)", withShare(row.governments_only)],
    // Only when there are some: most records name every body they bind.
    ...(row.generic_only
      ? [
          ["Binding only bodies named generically (no named institution)", withShare(row.generic_only)] as [
            string,
            string,
          ],
        ]
      : []),
    ["Binding nobody (missing parties)", `${row.without_party}`],
    ["Dated to the month or year only", withShare(row.partial_date)],
  ];
}
