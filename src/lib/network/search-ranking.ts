/**
 * The order of the network search's matches (src/components/network/network-search.ts):
 * what the user most likely means comes first. A match's tier, best first:
 *
 * 0. the query is the institution's name or acronym;
 * 1. the query is the name of the country of a `government`, then (2) of a
 *    `head_of_state` ("Zimbabwe" is the Government of Zimbabwe, before the
 *    President and before any ministry of Zimbabwe);
 * 3. the query is a whole word or words of the name or acronym;
 * 4. the query is a whole word or words of the country name, or of any other
 *    text the entry is matched by (its id);
 * 5. the query is part of that text.
 *
 * Within a tier, shorter names first (the more general institution), then by
 * label. Case and spacing do not count. Pure: no DOM.
 */

/** What a match is ranked on: an institution as the search box lists it. */
export interface RankedEntry {
  label: string;
  name: string;
  acronym: string | null;
  country_name: string;
  /** The institution's type (src/lib/model/schema.ts, INSTITUTION_TYPES). */
  type: string;
  /** Lower-case text matched by the query. */
  text: string;
}

/** Types that stand for a whole country, in order: a query naming the country means them. */
const WHOLE_COUNTRY_TYPES: readonly string[] = ["government", "head_of_state"];

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** True when `query` occurs in `text` with no letter or digit right before or after it. */
export function hasWholeWords(text: string, query: string): boolean {
  if (!query) return false;
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    const before = at === 0 ? "" : text[at - 1];
    const after = text[at + query.length] ?? "";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** The entry's tier for `query` (see above), or undefined when it does not match. */
export function matchTier(entry: RankedEntry, query: string): number | undefined {
  const q = normalise(query);
  if (!q) return undefined;
  const name = normalise(entry.name);
  const acronym = normalise(entry.acronym ?? "");
  const country = normalise(entry.country_name);
  if (q === name || q === acronym) return 0;
  const wholeCountry = WHOLE_COUNTRY_TYPES.indexOf(entry.type);
  if (q === country && wholeCountry >= 0) return 1 + wholeCountry;
  if (hasWholeWords(name, q) || hasWholeWords(acronym, q)) return 3;
  const text = normalise(entry.text);
  if (hasWholeWords(country, q) || hasWholeWords(text, q)) return 4;
  return text.includes(q) || name.includes(q) || country.includes(q) ? 5 : undefined;
}

/** The entries that match `query`, best first (see above); none for an empty query. */
export function rankMatches<T extends RankedEntry>(entries: readonly T[], query: string): T[] {
  const tiered: { entry: T; tier: number }[] = [];
  for (const entry of entries) {
    const tier = matchTier(entry, query);
    if (tier !== undefined) tiered.push({ entry, tier });
  }
  return tiered
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        a.entry.name.length - b.entry.name.length ||
        a.entry.label.localeCompare(b.entry.label, "en"),
    )
    .map((t) => t.entry);
}
