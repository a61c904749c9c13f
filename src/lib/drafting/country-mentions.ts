/**
 * Countries named in a text, by English name or adjective ("Jordan",
 * "Jordan's", "Jordanian", "Uzbek"): the names come from the platform's
 * country list, the adjectives from regular English endings plus a few
 * irregular ones. Lookups go word by word, so the scan is linear.
 */
import { COUNTRY_CODES, countryName } from "../model/countries.js";

const EXTRA_NAMES: Record<string, string> = {
  Turkey: "TR",
  Türkiye: "TR",
  Turkish: "TR",
  Lao: "LA",
  Laos: "LA",
  "Viet Nam": "VN",
  Russia: "RU",
  "Russian Federation": "RU",
  UK: "GB",
  Britain: "GB",
  British: "GB",
  "United Kingdom": "GB",
  US: "US",
  USA: "US",
  American: "US",
  UAE: "AE",
  Emirati: "AE",
  Dutch: "NL",
  French: "FR",
  Swiss: "CH",
  Chinese: "CN",
  Filipino: "PH",
  Thai: "TH",
  Irish: "IE",
  Spanish: "ES",
  Polish: "PL",
  Danish: "DK",
  Swedish: "SE",
  Finnish: "FI",
  Belarussian: "BY",
  Norwegian: "NO",
  Peruvian: "PE",
  Belgian: "BE",
  Greek: "GR",
  Portuguese: "PT",
  Lebanese: "LB",
  Cypriot: "CY",
  Welsh: "GB",
  Scottish: "GB",
};

/** Adjectives formed regularly from a country's name. */
function adjectivesOf(name: string): string[] {
  if (name.includes(" ")) return [];
  const out = [`${name}i`, `${name}ese`, `${name}an`];
  if (/stan$/.test(name)) out.push(name.replace(/i?stan$/, ""), name.replace(/stan$/, ""));
  if (/a$/.test(name)) out.push(`${name}n`);
  if (/[aeiou]$/.test(name)) out.push(`${name.slice(0, -1)}ian`, `${name.slice(0, -1)}ese`);
  else out.push(`${name}ian`, `${name}an`);
  if (/y$/.test(name)) out.push(`${name.slice(0, -1)}ian`);
  return out.filter((a) => a.length >= 4);
}

let lookup: Map<string, string> | undefined;

/** Name or adjective → country code (names win over adjectives when they clash). */
export function countryLookup(): Map<string, string> {
  if (lookup) return lookup;
  const map = new Map<string, string>();
  const codes = [...COUNTRY_CODES].filter((c) => countryName(c) !== c);
  for (const code of codes) map.set(countryName(code), code);
  for (const [name, code] of Object.entries(EXTRA_NAMES)) map.set(name, code);
  for (const code of codes) {
    for (const adjective of adjectivesOf(countryName(code))) if (!map.has(adjective)) map.set(adjective, code);
  }
  lookup = map;
  return map;
}

export interface CountryMention {
  code: string;
  start: number;
  end: number;
  /** Written as a possessive ("Jordan's"). */
  possessive: boolean;
}

const WORD = /\p{Lu}[\p{L}]*(?:[’']s\b)?/gu;

/** Every country named in `text`, with its offsets; multi-word names (up to three words) are tried first. */
export function countryMentions(text: string): CountryMention[] {
  const map = countryLookup();
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const out: CountryMention[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const run = words.slice(i, i + n);
      if (run.length < n || run.some((w, k) => k > 0 && w.start - (run[k - 1]?.end ?? 0) > 1)) continue;
      const last = run[n - 1];
      if (!last) continue;
      const possessive = /[’']s$/.test(last.word);
      const phrase = run.map((w) => w.word.replace(/[’']s$/, "")).join(" ");
      const code = map.get(phrase);
      if (code) {
        out.push({ code, start: run[0]?.start ?? 0, end: last.end, possessive });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** The countries the text is about: the most named, in order of count then first mention (at most `limit`). */
export function mainCountries(text: string, limit = 2): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const m of countryMentions(text)) {
    const c = counts.get(m.code) ?? { n: 0, first: m.start };
    c.n++;
    counts.set(m.code, c);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([code]) => code);
}
