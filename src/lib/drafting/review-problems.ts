/**
 * Where each problem of a reviewed event file belongs on the /draft page: the
 * field path of a problem (`commitments[2].sector`, `event.start_date`,
 * `sources[0].url`) read back to the draft, institution or event field it
 * concerns, with the problem worded as `npm run validate` prints it.
 */
import { parse } from "yaml";
import { formatProblem, type Problem } from "../model/problems.js";

/** The place of a problem: an event field, a commitment (by key) and field, an institution (by id), or the file. */
export interface ProblemPlace {
  target: "event" | "commitment" | "institution" | "file";
  /** The draft's key or the institution's id. */
  id?: string;
  /** The field: for the event one of title, start_date, place, source_url. */
  field?: string;
}

export interface PlacedProblem extends ProblemPlace {
  severity: Problem["severity"];
  text: string;
}

/** Event and source fields as the event form names them. */
const EVENT_FIELDS: Record<string, string> = { id: "title", title: "title", start_date: "start_date", place: "place" };

/** The ids of a table's records in the file, in order (empty when the file does not parse). */
function idsOf(yaml: string, table: string): string[] {
  try {
    const doc = parse(yaml) as Record<string, unknown> | null;
    const list = doc?.[table];
    return Array.isArray(list) ? list.map((r) => String((r as { id?: unknown })?.id ?? "")) : [];
  } catch {
    return [];
  }
}

/** The place one field path names. */
export function placeOf(path: string | undefined, commitments: string[], institutions: string[]): ProblemPlace {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path ?? "");
  if (!match) return { target: "file" };
  const [, table, index, field] = match;
  const at = Number(index ?? -1);
  if (table === "event") return { target: "event", field: EVENT_FIELDS[field ?? ""] ?? "" };
  if (table === "sources") return { target: "event", field: "source_url" };
  if (table === "commitments" && commitments[at] !== undefined)
    return { target: "commitment", id: commitments[at], ...(field ? { field } : {}) };
  if (table === "institutions" && institutions[at] !== undefined)
    return { target: "institution", id: institutions[at], ...(field ? { field } : {}) };
  return { target: "file" };
}

/** Every problem of the file with its place and its words as `npm run validate` prints them. */
export function placeProblems(problems: readonly Problem[], yaml: string): PlacedProblem[] {
  const commitments = idsOf(yaml, "commitments");
  const institutions = idsOf(yaml, "institutions");
  return problems.map((p) => ({
    ...placeOf(p.field, commitments, institutions),
    severity: p.severity,
    text: formatProblem(p),
  }));
}
