/**
 * The SQL page's example queries, as fragments with the filters' values
 * bound. The page shows each one's text (with the values written in,
 * src/lib/notebook/sql-literals.ts) above its result, so what is shown is
 * what ran.
 */
import { commitmentWhere, eventWhere, type FilterState } from "../model/filters.js";
import { type SqlFragment, sql } from "./fragment.js";

export interface NotebookExample {
  /** The heading's id on the page, also the example's test id. */
  id: string;
  title: string;
  query: SqlFragment;
}

/** Every example, in the page's order, for these filters. */
export function notebookExamples(filters: FilterState): NotebookExample[] {
  const where = commitmentWhere(filters);
  return [
    {
      id: "per-sector",
      title: "Commitments per sector",
      query: sql`SELECT s.label AS sector, count(*) AS commitments,
  count(*) FILTER (WHERE c.status IN ('in_progress', 'done')) AS with_progress
FROM commitments c JOIN sectors s ON s.id = c.sector
WHERE ${where}
GROUP BY s.label ORDER BY commitments DESC, sector`,
    },
    {
      id: "events",
      title: "Events and what was agreed at each",
      query: sql`SELECT e.start_date AS date, e.title, e.kind, e.place,
  (SELECT count(*) FROM commitments c WHERE c.event_id = e.id AND ${where}) AS commitments
FROM events e
WHERE ${eventWhere(filters)}
ORDER BY e.start_date_from DESC, e.id`,
    },
    {
      id: "bound",
      title: "Who is bound most often",
      // Counted by the institution's key first, then named: grouping millions of party rows by
      // four text columns was 2.6× native DuckDB at a million commitments (docs/performance.md).
      query: sql`SELECT coalesce(i.acronym, i.name) AS institution, i.name, i.affiliation, i.type, n.commitments
FROM (SELECT p.institution_key, count(*) AS commitments
    FROM commitment_parties p JOIN commitments c ON c.key = p.commitment_key
    WHERE ${where}
    GROUP BY p.institution_key) n
  JOIN institutions i ON i.key = n.institution_key
ORDER BY n.commitments DESC, institution, i.name
LIMIT 25`,
    },
    {
      id: "evidence",
      title: "Evidence of progress",
      query: sql`SELECT u.date, u.status, c.summary AS commitment, u.summary AS evidence, src.publisher AS source, src.url
FROM status_updates u
  JOIN commitments c ON c.key = u.commitment_key
  JOIN sources src ON src.id = u.source_id
WHERE ${where}
ORDER BY u.date_to DESC, u.commitment_id, u.date`,
    },
    {
      id: "sources",
      title: "Sources and how often they are cited",
      query: sql`SELECT src.publisher, src.title, src.published, src.url, count(c.id) AS commitments
FROM sources src LEFT JOIN commitments c ON c.source_id = src.id
GROUP BY ALL ORDER BY commitments DESC, src.publisher, src.title`,
    },
    {
      id: "sectors",
      title: "Sectors",
      query: sql`SELECT id, label, color, description FROM sectors ORDER BY label`,
    },
  ];
}
