/**
 * Sector from keywords: each sector of the records lists words that point to
 * it (`keywords` in sectors.yaml); a phrase goes to the sector whose keywords
 * it holds most (longer keywords weigh more), the others that match are its
 * alternatives. A keyword matches at the start of a word ("pharmaceutic"
 * matches "pharmaceuticals").
 */
import type { SectorKeywords } from "./draft-types.js";

export interface SectorChoice {
  sector: string;
  alternatives: string[];
  /** The keywords that matched, for the draft's reasons. */
  matched: string[];
}

/** The sector used when no keyword matches: the diplomatic framework. */
export const FALLBACK_SECTOR = "political";

/** Lower-cased words of `text`, joined by single spaces, with a leading space (so " kw" finds a word start). */
export function wordText(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .trim()} `;
}

/** Score of every sector for `text`: the keywords found, weighted by their number of words. */
export function sectorScores(
  text: string,
  sectors: readonly SectorKeywords[],
): { id: string; score: number; first: number; matched: string[] }[] {
  const words = wordText(text);
  const out: { id: string; score: number; first: number; matched: string[] }[] = [];
  for (const sector of sectors) {
    let score = 0;
    let first = Number.POSITIVE_INFINITY;
    const matched: string[] = [];
    for (const keyword of sector.keywords) {
      const key = wordText(keyword).trimEnd();
      if (key.trim() === "") continue;
      const at = words.indexOf(key);
      if (at < 0) continue;
      let hits = 0;
      for (let i = at; i >= 0 && hits < 5; i = words.indexOf(key, i + 1)) hits++;
      score += hits * key.trim().split(" ").length;
      first = Math.min(first, at);
      matched.push(keyword);
    }
    if (score > 0) out.push({ id: sector.id, score, first, matched });
  }
  return out.sort((a, b) => b.score - a.score || a.first - b.first);
}

/** The best sector for `text` (then `context` when `text` names none), with alternatives. */
export function chooseSector(text: string, sectors: readonly SectorKeywords[], context = ""): SectorChoice {
  let scores = sectorScores(text, sectors);
  if (scores.length === 0 && context) scores = sectorScores(context, sectors);
  const [best, ...rest] = scores;
  if (!best)
    return {
      sector: sectors.some((s) => s.id === FALLBACK_SECTOR) ? FALLBACK_SECTOR : (sectors[0]?.id ?? FALLBACK_SECTOR),
      alternatives: [],
      matched: [],
    };
  return { sector: best.id, alternatives: rest.slice(0, 2).map((s) => s.id), matched: best.matched };
}
