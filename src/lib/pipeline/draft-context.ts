/**
 * The drafter's context from a data folder (Node only): the institutions and
 * the sectors with their keywords, read and validated as `npm run validate`
 * reads them. Refuses a folder with errors, listing them.
 */
import type { DraftContext, KnownInstitution, Scope } from "../drafting/draft-types.js";
import { formatReport } from "../model/problems.js";
import { loadDataset } from "./dataset.js";

type Cells = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** One institution row as the gazetteer reads it. */
export function knownInstitution(row: Cells): KnownInstitution {
  const members = list(row.members);
  return {
    id: String(row.id),
    name: String(row.name),
    type: String(row.type),
    ...(text(row.acronym) ? { acronym: text(row.acronym) } : {}),
    ...(list(row.aliases).length ? { aliases: list(row.aliases) } : {}),
    ...(text(row.country) ? { country: text(row.country) } : {}),
    ...(text(row.scope) ? { scope: text(row.scope) as Scope } : {}),
    ...(members.length ? { members } : {}),
    ...(text(row.naming) ? { naming: text(row.naming) as "named" | "generic" } : {}),
  };
}

/** The institutions and sectors of a valid data folder; throws with the report when it has errors. */
export function draftContextOf(dir: string): DraftContext {
  const result = loadDataset(dir);
  if (result.errors || !result.tables) {
    throw new Error(`${dir} has errors, so the drafter cannot use its records:\n${formatReport(result.problems)}`);
  }
  const tables = result.tables as unknown as Record<string, Cells[]>;
  return {
    institutions: (tables.institutions ?? []).map(knownInstitution),
    sectors: (tables.sectors ?? []).map((s) => ({
      id: String(s.id),
      ...(text(s.label) ? { label: text(s.label) } : {}),
      keywords: list(s.keywords),
    })),
  };
}
