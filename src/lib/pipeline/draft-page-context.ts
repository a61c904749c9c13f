/**
 * What the /draft page drafts against (draft-context.json): the data folder's
 * institutions and sectors as the drafter reads them (draft-context.ts), and
 * the ids of the tables a drafted event file refers to or must not reuse, so
 * the page checks the file as `npm run validate` would check it in the folder.
 * Commitment ids are left out (a draft's ids start with its event's id, which
 * is checked); so are status updates, which a draft never writes.
 */
import type { DraftPageContext } from "../model/contracts.js";
import { formatReport } from "../model/problems.js";
import type { TableName } from "../model/tables.js";
import { loadDataset } from "./dataset.js";
import { knownInstitution } from "./draft-context.js";

const KNOWN_TABLES: TableName[] = ["institutions", "sectors", "sources", "events"];

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

/** The page's context for a valid data folder; throws with the report when it has errors. */
export function draftPageContext(dir: string): DraftPageContext {
  const result = loadDataset(dir);
  if (result.errors || !result.tables) {
    throw new Error(`${dir} has errors, so the /draft page cannot use its records:\n${formatReport(result.problems)}`);
  }
  const tables = result.tables as unknown as Record<TableName, Record<string, unknown>[]>;
  return {
    institutions: tables.institutions.map(knownInstitution),
    sectors: tables.sectors.map((s) => ({
      id: String(s.id),
      ...(text(s.label) ? { label: text(s.label) } : {}),
      keywords: Array.isArray(s.keywords) ? s.keywords.filter((k): k is string => typeof k === "string") : [],
    })),
    known: Object.fromEntries(KNOWN_TABLES.map((t) => [t, tables[t].map((r) => String(r.id))])),
  };
}
