/**
 * The SQL behind the network page. Every query takes the shared filters and
 * binds them as parameters (src/lib/model/filters.ts); the graph is then built from
 * the rows by projectGraph / bipartiteGraph. Those that read only the
 * commitments in the filters' years are marked with withinYears
 * (src/lib/model/partitions.ts), as in src/lib/sql/page-queries.ts.
 */
import { commitmentWhere, type FilterState } from "../model/filters.js";
import { scopeOf, withinYears } from "../model/partitions.js";
import { raw, type SqlFragment, sql } from "./fragment.js";

/**
 * The party links of the filtered commitments as integer codes, for
 * projectCodes: the commitment's and institution's row numbers and the
 * sector's, read as typed arrays (Database.queryColumns). Parties are joined
 * by the integer join keys (schema.ts).
 */
export function networkLinkCodes(filters: FilterState): SqlFragment {
  return withinYears(
    sql`SELECT CAST(c.rowid AS INTEGER) AS commitment, CAST(i.rowid AS INTEGER) AS institution, CAST(s.rowid AS INTEGER) AS sector
    FROM commitment_parties p
      JOIN commitments c ON c.key = p.commitment_key
      JOIN institutions i ON i.key = p.institution_key
      JOIN sectors s ON s.id = c.sector
    WHERE ${commitmentWhere(filters)}`,
    scopeOf(filters),
  );
}

/**
 * The same links packed as one row, a list of {commitment, institution,
 * sector} structs (Database.queryPacked): at a million commitments their
 * 2.4 million rows reach the page as one Arrow batch, not 1,169.
 */
export function packedLinkCodes(filters: FilterState): SqlFragment {
  return withinYears(
    sql`SELECT list({commitment: commitment, institution: institution, sector: sector}) AS links
    FROM (${networkLinkCodes(filters)})`,
    scopeOf(filters),
  );
}

/** Every institution with its code (row number), the index projectCodes reads codes against. */
export const institutionIndex = sql`SELECT CAST(rowid AS INTEGER) AS code, id, name, acronym, affiliation, countries,
    country_name, naming, type
  FROM institutions ORDER BY rowid`;

/** Every sector id with its code (row number). */
export const sectorIndex = sql`SELECT CAST(rowid AS INTEGER) AS code, id FROM sectors ORDER BY rowid`;

/**
 * A count written into the SQL text (LIMIT, OFFSET), refused unless a whole
 * number: these come from the pages' own constants, so anything else is a bug.
 */
function whole(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${value}`);
  return value;
}

/**
 * The commitments drawn as nodes in the bipartite view (those with at least
 * one party), in id order: at most `limit` + 1, so the page learns there are
 * more than it draws (BIPARTITE_LIMIT) without reading them all.
 */
export function networkCommitments(filters: FilterState, limit: number): SqlFragment {
  return withinYears(
    sql`SELECT CAST(c.rowid AS INTEGER) AS code, c.id, c.summary, c.sector, c.status
    FROM commitments c
    WHERE ${commitmentWhere(filters)} AND c.party_count > 0
    ORDER BY c.id
    LIMIT ${raw(String(whole("limit", limit) + 1))}`,
    scopeOf(filters),
  );
}

/**
 * What the graph should hold, counted in SQL: named institutions and generic
 * ones (together the nodes of the projection), commitments with parties, party links, and commitments in the
 * filters that name no party at all (drawn nowhere, so the page says so).
 * The definition the page's counts are checked against: the page counts the
 * institutions and links from the links it draws (drawnCounts) and asks SQL
 * only for the commitments (networkCommitmentCounts), since this query's
 * scans of the party links took DuckDB twice as long as the links.
 */
export function networkCounts(filters: FilterState): SqlFragment {
  return withinYears(
    sql`WITH c AS (SELECT key, party_count FROM commitments c WHERE ${commitmentWhere(filters)})
    SELECT
      CAST((SELECT count(DISTINCT p.institution_key) FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key
        WHERE p.commitment_key IN (SELECT key FROM c) AND i.naming IS DISTINCT FROM 'generic') AS INTEGER) AS institutions,
      CAST((SELECT count(DISTINCT p.institution_key) FROM commitment_parties p JOIN institutions i ON i.key = p.institution_key
        WHERE p.commitment_key IN (SELECT key FROM c) AND i.naming = 'generic') AS INTEGER) AS generic,
      CAST((SELECT count(*) FROM c WHERE party_count > 0) AS INTEGER) AS commitments,
      CAST((SELECT count(*) FROM commitment_parties p WHERE p.commitment_key IN (SELECT key FROM c)) AS INTEGER) AS links,
      CAST((SELECT count(*) FROM c WHERE party_count = 0) AS INTEGER) AS without_parties`,
    scopeOf(filters),
  );
}

/**
 * The filtered commitments with parties and without: the commitments of the
 * network's counts line, whose institutions and links the page counts from
 * the links it draws (drawnCounts, src/lib/network/drawn-counts.ts). One scan
 * of the commitments, no party link read.
 */
export function networkCommitmentCounts(filters: FilterState): SqlFragment {
  return withinYears(
    sql`SELECT CAST(count(*) FILTER (WHERE c.party_count > 0) AS INTEGER) AS commitments,
      CAST(count(*) FILTER (WHERE c.party_count = 0) AS INTEGER) AS without_parties
    FROM commitments c WHERE ${commitmentWhere(filters)}`,
    scopeOf(filters),
  );
}

/**
 * What the side panel shows of a commitment: event, sector, status, source,
 * and the other parties (all but `except`, the institution the panel is about).
 * `commitmentId`: the one commitment the query reads, when known, so its
 * parties are found by that id (a filter DuckDB can push into the scan of
 * `commitment_parties`), not by a join against every commitment.
 */
function panelColumns(except: string | null, commitmentId?: string): SqlFragment {
  const partiesOf =
    commitmentId === undefined ? raw("q.commitment_key = c.key") : sql`q.commitment_id = ${commitmentId}`;
  return sql`c.id, c.summary, c.date, c.date_from, c.status, c.confidence, c.note,
      s.label AS sector, s.color AS sector_color, e.id AS event_id, e.title AS event,
      src.title AS source_title, src.publisher AS source_publisher, src.url AS source_url, c.locator,
      (SELECT string_agg(coalesce(i.acronym, i.name), ', ' ORDER BY coalesce(i.acronym, i.name))
        FROM commitment_parties q JOIN institutions i ON i.key = q.institution_key
        WHERE ${partiesOf} AND q.institution_id IS DISTINCT FROM CAST(${except} AS VARCHAR)) AS partners`;
}

const PANEL_JOINS = raw(`JOIN events e ON e.id = c.event_id
      JOIN sectors s ON s.id = c.sector
      JOIN sources src ON src.id = c.source_id`);

/** How many of an institution's commitments the side panel reads at a time (its first page, and each "Show more"). */
export const PANEL_COMMITMENTS_PAGE = 25;

/** A slice of a list read in SQL: `limit` rows from row `offset` (0 first). */
export interface RowPage {
  limit: number;
  offset: number;
}

function pageClause(page: RowPage): SqlFragment {
  return raw(`LIMIT ${whole("page limit", page.limit)} OFFSET ${whole("page offset", page.offset)}`);
}

/**
 * The commitments in the filters that bind one institution, newest first, a
 * page at a time: the side panel. Each row also says how many there are in
 * all (`total`). The page is cut before the panel's columns are made, so a
 * hub of 200,000 commitments costs one page's partners and joins, not all.
 */
export function institutionCommitments(filters: FilterState, institutionId: string, page: RowPage): SqlFragment {
  return withinYears(
    sql`WITH bound AS (
      SELECT c.key, c.id, c.date_from, CAST(count(*) OVER () AS INTEGER) AS total
      FROM commitments c
        JOIN commitment_parties p ON p.commitment_key = c.key AND p.institution_id = ${institutionId}
      WHERE ${commitmentWhere(filters)}
      ORDER BY c.date_from DESC NULLS LAST, c.id
      ${pageClause(page)}
    )
    SELECT ${panelColumns(institutionId)}, bound.total
    FROM bound
      JOIN commitments c ON c.key = bound.key
      ${PANEL_JOINS}
    ORDER BY bound.date_from DESC NULLS LAST, bound.id`,
    scopeOf(filters),
  );
}

/**
 * One commitment, for the panel of a commitment node in the bipartite view
 * (every party is a partner). `within`: the filters the graph was drawn
 * under, so only their years need to be loaded.
 */
export function commitmentDetail(commitmentId: string, within?: FilterState): SqlFragment {
  const query = sql`SELECT ${panelColumns(null, commitmentId)} FROM commitments c ${PANEL_JOINS} WHERE c.id = ${commitmentId}`;
  return within ? withinYears(query, scopeOf(within)) : query;
}
