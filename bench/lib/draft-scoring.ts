/**
 * Scores drafted commitments against a gold file by docs/drafting.md's
 * matching rule: a draft matches a gold commitment of the same sentence with
 * the same action; where several gold items share both, the draft must name
 * the item. Also pairs institutions by name or acronym for precision/recall
 * (governments left out).
 */

import type { DraftResult, KnownInstitution, ProposedInstitution } from "../../src/lib/drafting/draft-types.js";
import { parseLocator } from "../../src/lib/drafting/sentences.js";

export interface GoldCommitment {
  id: string;
  sector: string;
  alt_sectors?: string[];
  action: string;
  strength: string;
  locator: string;
  item?: string;
  parties: string[];
}

export interface GoldInstitution {
  id: string;
  name: string;
  acronym?: string;
  type: string;
}

export interface TextScore {
  gold: number;
  drafts: number;
  matched: number;
  sectorRight: number;
  strengthRight: number;
  /** Pairs by sentence alone (any action), and how many of them have the gold's action. */
  sentencePairs: number;
  actionRight: number;
  goldInstitutions: number;
  draftInstitutions: number;
  matchedInstitutions: number;
  missed: string[];
}

const STOP = new Set("the and for with from that this their between two of on in to a an by at as its".split(" "));
const contentWords = (text: string) =>
  new Set((text.toLowerCase().match(/\p{L}[\p{L}\p{N}-]{2,}/gu) ?? []).filter((w) => !STOP.has(w)));

/** Share of the gold item's words found in the draft's words (prefix match of 5 letters, for plurals). */
function itemOverlap(item: string, draft: string): number {
  const want = [...contentWords(item)];
  const have = [...contentWords(draft)];
  if (want.length === 0) return 0;
  const hit = want.filter((w) => have.some((h) => h.slice(0, 5) === w.slice(0, 5))).length;
  return hit / want.length;
}

/** One-to-one pairs of drafts and gold commitments under the matching rule. */
export function matchCommitments(result: DraftResult, gold: readonly GoldCommitment[]): [number, number][] {
  const pairs: [number, number][] = [];
  const usedDraft = new Set<number>();
  const candidates: { d: number; g: number; score: number }[] = [];
  gold.forEach((g, gi) => {
    const at = parseLocator(g.locator)?.sentence;
    result.commitments.forEach((d, di) => {
      if (d.sentence.index !== at || d.action !== g.action) return;
      const siblings = gold.filter((o) => o !== g && o.locator === g.locator && o.action === g.action).length;
      const score = g.item && siblings > 0 ? itemOverlap(g.item, d.summary) : 1;
      if (score >= 0.5) candidates.push({ d: di, g: gi, score });
    });
  });
  const usedGold = new Set<number>();
  for (const c of candidates.sort((a, b) => b.score - a.score || a.d - b.d)) {
    if (usedDraft.has(c.d) || usedGold.has(c.g)) continue;
    usedDraft.add(c.d);
    usedGold.add(c.g);
    pairs.push([c.d, c.g]);
  }
  return pairs;
}

/** Pairs by sentence alone, one to one in order, for action accuracy. */
function sentencePairs(result: DraftResult, gold: readonly GoldCommitment[]): [number, number][] {
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  gold.forEach((g, gi) => {
    const at = parseLocator(g.locator)?.sentence;
    const di = result.commitments.findIndex((d, i) => !used.has(i) && d.sentence.index === at && d.action === g.action);
    const any = di >= 0 ? di : result.commitments.findIndex((d, i) => !used.has(i) && d.sentence.index === at);
    if (any >= 0) {
      used.add(any);
      pairs.push([any, gi]);
    }
  });
  return pairs;
}

const nameWords = (name: string) => contentWords(name.replace(/\([^)]*\)/g, ""));

/** True when a drafted institution and a gold one are the same body (acronym, or most of the shorter name's words). */
export function sameInstitution(a: { name: string; acronym?: string }, b: GoldInstitution): boolean {
  const acronyms = [a.acronym, b.acronym].filter(Boolean).map((x) => x?.toLowerCase());
  if (a.acronym && b.acronym && a.acronym.toLowerCase() === b.acronym.toLowerCase()) return true;
  if (acronyms.length && (acronyms.includes(a.name.toLowerCase()) || acronyms.includes(b.name.toLowerCase())))
    return true;
  const x = [...nameWords(a.name)];
  const y = [...nameWords(b.name)];
  if (x.length === 0 || y.length === 0) return false;
  const common = x.filter((w) => y.includes(w)).length;
  return common / Math.min(x.length, y.length) >= 0.75 && common / Math.max(x.length, y.length) >= 0.5;
}

/** Scores one text's drafts against its gold. */
export function scoreText(
  result: DraftResult,
  gold: readonly GoldCommitment[],
  goldInstitutions: readonly GoldInstitution[],
  known: readonly KnownInstitution[],
): TextScore {
  const pairs = matchCommitments(result, gold);
  const bySentence = sentencePairs(result, gold);
  const matchedGold = new Set(pairs.map(([, g]) => g));
  const proposed = new Map<string, ProposedInstitution | KnownInstitution>(
    [...known, ...result.institutions].map((i) => [i.id, i]),
  );
  const draftInst = [...new Set(result.commitments.flatMap((c) => c.parties))]
    .map((id) => proposed.get(id))
    .filter((i): i is ProposedInstitution | KnownInstitution => i !== undefined && i.type !== "government");
  const goldUsed = new Set(gold.flatMap((g) => g.parties));
  const goldInst = goldInstitutions.filter((i) => i.type !== "government" && goldUsed.has(i.id));
  const pairedGold = new Set<string>();
  let matchedInstitutions = 0;
  for (const d of draftInst) {
    const g = goldInst.find((x) => !pairedGold.has(x.id) && sameInstitution(d, x));
    if (g) {
      pairedGold.add(g.id);
      matchedInstitutions++;
    }
  }
  return {
    gold: gold.length,
    drafts: result.commitments.length,
    matched: pairs.length,
    sectorRight: pairs.filter(([d, g]) => {
      const c = result.commitments[d];
      const w = gold[g];
      return c && w && (c.sector === w.sector || (w.alt_sectors ?? []).includes(c.sector));
    }).length,
    strengthRight: pairs.filter(([d, g]) => result.commitments[d]?.strength === gold[g]?.strength).length,
    sentencePairs: bySentence.length,
    actionRight: bySentence.filter(([d, g]) => result.commitments[d]?.action === gold[g]?.action).length,
    goldInstitutions: goldInst.length,
    draftInstitutions: draftInst.length,
    matchedInstitutions,
    missed: gold.filter((_, i) => !matchedGold.has(i)).map((g) => `${g.id} (${g.locator}, ${g.action})`),
  };
}
