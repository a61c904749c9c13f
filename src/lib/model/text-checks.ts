/** Checks on free text shared by the records and the stories: markup, and the likely id meant by a typo. */

/** Text that looks like HTML: a tag, an entity or a character reference. */
export const MARKUP = /<\/?[a-z!][^>]*>|&[a-z]+;|&#\d+;/i;

/** The closest known id, when it is close enough to be a likely typo. */
export function suggestion(id: string, known: Iterable<string> & { readonly size: number }): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  if (known.size > 5000) return undefined;
  for (const candidate of known) {
    const d = distance(id, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      min = Math.min(min, row[j]);
    }
    if (min >= limit) return limit;
    prev = row;
  }
  return prev[b.length];
}
