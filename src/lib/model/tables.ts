/** The one table list, with no dependency, so the page can import it without the record schema (and zod). */

/**
 * The tables, in the order the build writes them and the pages list them:
 * the one list (the schema's entities, the loaders in src/data/ and the page's
 * database follow it).
 */
export const TABLE_NAMES = [
  "events",
  "commitments",
  "commitment_parties",
  "status_updates",
  "institutions",
  "sources",
  "sectors",
] as const;

export type TableName = (typeof TABLE_NAMES)[number];
