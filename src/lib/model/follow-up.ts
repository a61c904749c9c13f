/**
 * Session-to-session follow-up for an event series (7th → 8th JMC): which
 * commitments recur, which are new, which disappeared. Pure; the page gets
 * both sessions' commitments from `sessionCommitments` (src/lib/sql/timeline-queries.ts).
 *
 * The rule (documented in docs/tracking.md):
 *
 * 1. A commitment of the earlier session A and one of the later session B
 *    *recur* (are the same promise made again) when they are in the same
 *    sector and their summaries share at least MIN_SHARED content words and
 *    a Dice similarity of at least MIN_SIMILARITY (content words: lower case,
 *    common words and words under 3 letters left out, a plural or -ly/-ing/-ed
 *    ending taken off). Pairs are taken best first, each commitment at most
 *    once; ties go to the smaller ids, so the result never depends on order.
 * 2. A commitment of A with no such partner is *followed up* when the records
 *    link it to B explicitly: a status update reported at B, or B as its
 *    target event. It did not disappear; B dealt with it.
 * 3. Otherwise it *disappeared*: B's records do not mention it.
 * 4. A commitment of B with no partner in A is *new*.
 */

export interface SessionCommitment {
  id: string;
  event_id: string;
  sector: string;
  summary: string;
  status?: string;
  target_event_id?: string | null;
  /** Events at which status updates about it were reported. */
  update_events?: readonly (string | null)[] | null;
}

export type FollowUpKind = "recurs" | "followed_up" | "disappeared" | "new";

export interface FollowUpRow<T extends SessionCommitment = SessionCommitment> {
  kind: FollowUpKind;
  /** The commitment at the earlier session (absent for "new"). */
  before?: T;
  /** The commitment at the later session (absent for "disappeared" and "followed_up"). */
  after?: T;
  /** Dice similarity of the two summaries, for "recurs". */
  similarity?: number;
  /** Words both summaries share, for "recurs". */
  shared?: string[];
}

export const MIN_SIMILARITY = 0.2;
export const MIN_SHARED = 2;

const STOP = new Set(
  `the and for with from that this will are was were been being has have had its their both two sides side
  between into onto over under upon also more most other such than then they them these those which while who whom
  whose what when where why how all any each few some own same not nor only very can may should would could shall
  must our your his her she him our out off per via about after before again further once here there agreed agree
  agrees committed commit undertook undertake pledged pledge countries country governments government parties
  party session commission joint`.split(/\s+/),
);

/** Content words of a summary, stemmed lightly, as a sorted set. */
export function contentWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    const word = stem(raw);
    if (word.length >= 3 && !STOP.has(word)) words.add(word);
  }
  return [...words].sort();
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ly")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Dice similarity of two sorted word sets, and the words they share. */
export function similarity(a: readonly string[], b: readonly string[]): { score: number; shared: string[] } {
  const set = new Set(b);
  const shared = a.filter((w) => set.has(w));
  const score = a.length + b.length ? (2 * shared.length) / (a.length + b.length) : 0;
  return { score, shared };
}

/**
 * Matches the commitments of session A (`before`) with those of session B
 * (`after`, held at event `afterEventId`). Rows come in a fixed order:
 * recurring pairs, followed up, disappeared, new; each by sector then id.
 */
export function matchSessions<T extends SessionCommitment>(
  before: readonly T[],
  after: readonly T[],
  afterEventId: string,
): FollowUpRow<T>[] {
  const words = new Map<string, string[]>();
  for (const c of [...before, ...after]) words.set(c.id, contentWords(c.summary));
  const candidates: { a: T; b: T; score: number; shared: string[] }[] = [];
  for (const a of before) {
    for (const b of after) {
      if (a.sector !== b.sector || a.id === b.id) continue;
      const { score, shared } = similarity(words.get(a.id) ?? [], words.get(b.id) ?? []);
      if (score >= MIN_SIMILARITY && shared.length >= MIN_SHARED) candidates.push({ a, b, score, shared });
    }
  }
  candidates.sort((x, y) => y.score - x.score || cmp(x.a.id, y.a.id) || cmp(x.b.id, y.b.id));
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const rows: FollowUpRow<T>[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a.id) || usedB.has(c.b.id)) continue;
    usedA.add(c.a.id);
    usedB.add(c.b.id);
    rows.push({ kind: "recurs", before: c.a, after: c.b, similarity: c.score, shared: c.shared });
  }
  const bySector = (x: T, y: T) => cmp(x.sector, y.sector) || cmp(x.id, y.id);
  const pairs = rows.sort((x, y) => bySector(x.before as T, y.before as T));
  const rest = before.filter((a) => !usedA.has(a.id)).sort(bySector);
  const linked = (a: T) => a.target_event_id === afterEventId || (a.update_events ?? []).includes(afterEventId);
  return [
    ...pairs,
    ...rest.filter(linked).map((a) => ({ kind: "followed_up" as const, before: a })),
    ...rest.filter((a) => !linked(a)).map((a) => ({ kind: "disappeared" as const, before: a })),
    ...after
      .filter((b) => !usedB.has(b.id))
      .sort(bySector)
      .map((b) => ({ kind: "new" as const, after: b })),
  ];
}

/** Counts per kind, for the caption. */
export function followUpCounts(rows: readonly FollowUpRow[]): Record<FollowUpKind, number> {
  const counts: Record<FollowUpKind, number> = { recurs: 0, followed_up: 0, disappeared: 0, new: 0 };
  for (const r of rows) counts[r.kind] += 1;
  return counts;
}

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  recurs: "Recurs",
  followed_up: "Followed up",
  disappeared: "Disappeared",
  new: "New",
};

/**
 * The pair of sessions to show first for a series: the latest two
 * consecutive numbered sessions that both have commitments.
 */
export function defaultPair<S extends { id: string; session: number; commitments: number }>(
  sessions: readonly S[],
): [S, S] | null {
  const held = [...sessions].filter((s) => s.commitments > 0).sort((a, b) => a.session - b.session);
  for (let i = held.length - 1; i > 0; i--)
    if (held[i].session === held[i - 1].session + 1) return [held[i - 1], held[i]];
  return held.length >= 2 ? [held[held.length - 2], held[held.length - 1]] : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
