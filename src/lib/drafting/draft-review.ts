/**
 * The review of a draft on the /draft page, as plain data: which drafts are
 * accepted or rejected, what the reviewer changed in each (sector, action,
 * strength, target date, parties), and the institutions the reviewer proposed.
 * Every change returns a new review; the reviewed event file is the drafter's
 * YAML of the accepted drafts with the changes applied. Decisions and changes
 * survive a new draft of the same text (the event's title or date edited): a
 * draft is known by its sentence and place in it, not by the event's id.
 */

import type { Action, DraftCommitment, DraftResult, ProposedInstitution, Scope, Strength } from "./draft-types.js";
import { draftYaml } from "./draft-yaml.js";

export type Decision = "pending" | "accepted" | "rejected";

/** What the reviewer may change in a draft. An empty `target_date` removes it. */
export interface DraftEdits {
  sector?: string;
  action?: Action;
  strength?: Strength;
  target_date?: string;
  parties?: string[];
}

/** An institution the reviewer adds, when none of the records nor the drafter's proposals fits. */
export interface NewInstitution {
  name: string;
  acronym?: string;
  country?: string;
  scope: Scope;
  members?: string[];
  type: string;
}

export interface DraftReview {
  result: DraftResult;
  decisions: Readonly<Record<string, Decision>>;
  edits: Readonly<Record<string, DraftEdits>>;
  /** Institutions the reviewer proposed (the drafter's own are in `result.institutions`). */
  added: readonly ProposedInstitution[];
}

/** The part of a draft's key that names its sentence and place (`-s12`, `-s12-3`). */
export function keyTail(key: string): string {
  return /-s\d+(?:-\d+)?$/.exec(key)?.[0] ?? key;
}

/** A review of a new draft; with `previous`, its decisions, changes and added institutions carried over by sentence. */
export function startReview(result: DraftResult, previous?: DraftReview): DraftReview {
  const decisions: Record<string, Decision> = {};
  const edits: Record<string, DraftEdits> = {};
  const before = new Map((previous?.result.commitments ?? []).map((c) => [keyTail(c.key), c.key]));
  for (const c of result.commitments) {
    const old = before.get(keyTail(c.key));
    decisions[c.key] = (old && previous?.decisions[old]) || "pending";
    const edit = old ? previous?.edits[old] : undefined;
    if (edit) edits[c.key] = edit;
  }
  return { result, decisions, edits, added: previous?.added ?? [] };
}

export function decide(review: DraftReview, key: string, decision: Decision): DraftReview {
  return { ...review, decisions: { ...review.decisions, [key]: decision } };
}

/** Every draft accepted (or rejected, or back to pending). */
export function decideAll(review: DraftReview, decision: Decision): DraftReview {
  return {
    ...review,
    decisions: Object.fromEntries(review.result.commitments.map((c) => [c.key, decision])),
  };
}

export function editDraft(review: DraftReview, key: string, change: DraftEdits): DraftReview {
  return { ...review, edits: { ...review.edits, [key]: { ...review.edits[key], ...change } } };
}

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");

/** An id for a new institution (`pk-navttc`), unused among `taken` and the review's institutions. */
export function newInstitutionId(fields: NewInstitution, taken: ReadonlySet<string>, review: DraftReview): string {
  const prefix = fields.scope === "national" && fields.country ? fields.country.toLowerCase() : fields.scope;
  const base = `${prefix}-${slug(fields.acronym || fields.name) || "body"}`;
  const used = new Set([...taken, ...review.result.institutions.map((p) => p.id), ...review.added.map((p) => p.id)]);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Adds an institution the reviewer proposes; returns the review and its id. */
export function addInstitution(
  review: DraftReview,
  fields: NewInstitution,
  taken: ReadonlySet<string>,
): { review: DraftReview; id: string } {
  const id = newInstitutionId(fields, taken, review);
  const institution: ProposedInstitution = {
    id,
    name: fields.name.trim(),
    ...(fields.acronym?.trim() ? { acronym: fields.acronym.trim() } : {}),
    ...(fields.scope === "national" && fields.country ? { country: fields.country } : {}),
    ...(fields.scope === "joint" && fields.members?.length ? { members: fields.members } : {}),
    scope: fields.scope,
    naming: "named",
    type: fields.type,
    mentions: [],
  };
  return { review: { ...review, added: [...review.added, institution] }, id };
}

/** A draft with the reviewer's changes. */
export function editedDraft(review: DraftReview, draft: DraftCommitment): DraftCommitment {
  const edit = review.edits[draft.key];
  if (!edit) return draft;
  const { target_date, ...rest } = edit;
  const out: DraftCommitment = { ...draft, ...rest };
  if (target_date !== undefined) {
    if (target_date.trim()) out.target_date = target_date.trim();
    else delete out.target_date;
  }
  return out;
}

/** The keys of the accepted drafts. */
export function acceptedKeys(review: DraftReview): Set<string> {
  return new Set(review.result.commitments.filter((c) => review.decisions[c.key] === "accepted").map((c) => c.key));
}

/** The draft as reviewed: changes applied, the reviewer's institutions added (rejected drafts still listed). */
export function reviewedResult(review: DraftReview): DraftResult {
  return {
    ...review.result,
    commitments: review.result.commitments.map((c) => editedDraft(review, c)),
    institutions: [...review.result.institutions, ...review.added],
  };
}

/** The event file of the accepted drafts, as the page downloads it. */
export function reviewYaml(review: DraftReview): string {
  return draftYaml(reviewedResult(review), { accepted: acceptedKeys(review), tool: "the /draft page" });
}

/** The download's file name: `YYYY-MM-DD-<event id>.yaml` (`undated-…` without a date). */
export function reviewFileName(review: DraftReview): string {
  const { event } = review.result;
  return `${event.start_date ?? "undated"}-${event.id}.yaml`;
}

/** How many drafts are accepted, rejected and still to decide. */
export function reviewCounts(review: DraftReview): Record<Decision, number> {
  const counts: Record<Decision, number> = { pending: 0, accepted: 0, rejected: 0 };
  for (const c of review.result.commitments) counts[review.decisions[c.key] ?? "pending"]++;
  return counts;
}
