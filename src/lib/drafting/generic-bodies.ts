/**
 * Bodies named only by their kind ("the private sectors of both countries",
 * "Indian investors", "working groups"): institutions with `naming: generic`,
 * one per country when the words say so, else one joint body of the event's
 * countries.
 */
import { countryLookup } from "./country-mentions.js";
import type { Scope } from "./draft-types.js";

export interface GenericBody {
  name: string;
  slug: string;
  start: number;
  end: number;
  scope: Scope;
  country?: string;
  members?: string[];
  type: string;
}

const KINDS: { pattern: RegExp; slug: string; name: string; type: string }[] = [
  { pattern: /\bprivate sectors?\b/g, slug: "private-sector", name: "private sector", type: "company" },
  { pattern: /\binvestors\b/g, slug: "investors", name: "investors", type: "company" },
  {
    pattern: /\bbusiness (?:communit(?:y|ies)|circles|entities|people)\b/g,
    slug: "business",
    name: "business community",
    type: "company",
  },
  { pattern: /\bcommercial banks\b/g, slug: "commercial-banks", name: "commercial banks", type: "bank" },
  { pattern: /\bchambers of commerce\b/g, slug: "chambers", name: "chambers of commerce", type: "chamber" },
  { pattern: /\bworking groups\b/g, slug: "working-groups", name: "working groups", type: "other" },
  { pattern: /\blocal governments\b/g, slug: "local-governments", name: "local governments", type: "government" },
  {
    pattern: /\brelevant (?:ministries|agencies|bodies|authorities|departments)\b/g,
    slug: "relevant-bodies",
    name: "relevant bodies",
    type: "agency",
  },
];

/** The countries whose adjective or name stands just before `start`: "Indian investors", "Indian and Thai investors". */
function countriesBefore(sentence: string, start: number): string[] {
  const before = sentence.slice(Math.max(0, start - 60), start);
  const m = /(?:(\p{Lu}\p{L}+)(?:[’']s)?\s+and\s+)?(\p{Lu}\p{L}+)(?:[’']s)?\s+(?:\p{Ll}+\s+)?$/u.exec(before);
  if (!m) return [];
  const last = countryLookup().get(m[2] ?? "");
  if (!last) return [];
  const first = m[1] ? countryLookup().get(m[1]) : undefined;
  return first && first !== last ? [first, last] : [last];
}

/** "the two ministries of health" → the Ministry of Health of each of the event's countries (named by portfolio). */
function portfolioMinistries(sentence: string, eventCountries: readonly string[]): GenericBody[] {
  const out: GenericBody[] = [];
  for (const m of sentence.matchAll(
    /\b(?:the )?(?:two|both) ministries of ([\p{L}]+(?: and (?!by\b|the\b|to\b|for\b|with\b|in\b)[\p{L}]+)?)/gu,
  )) {
    const portfolio = (m[1] ?? "").replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    for (const country of eventCountries) {
      out.push({
        name: `Ministry of ${portfolio}`,
        slug: "",
        start: m.index,
        end: m.index + m[0].length,
        scope: "national",
        country,
        type: "ministry",
      });
    }
  }
  return out;
}

/** "a bilateral working group on geology and mining" → a joint working group named by its task. */
function taskGroups(sentence: string, eventCountries: readonly string[]): GenericBody[] {
  if (eventCountries.length < 2) return [];
  return [...sentence.matchAll(/\b(?:joint |bilateral )?working group ((?:on|to|for) [^,;.]{3,80})/g)].map((m) => ({
    name: `Working group ${m[1]?.trim()}`,
    slug: "",
    start: m.index,
    end: m.index + m[0].length,
    scope: "joint",
    members: [...eventCountries],
    type: "other",
  }));
}

/** Generic bodies in a sentence, with the countries they belong to (bodies named by portfolio or task among them). */
export function genericBodies(sentence: string, eventCountries: readonly string[]): GenericBody[] {
  const out: GenericBody[] = [
    ...portfolioMinistries(sentence, eventCountries),
    ...taskGroups(sentence, eventCountries),
  ];
  for (const kind of KINDS) {
    for (const m of sentence.matchAll(kind.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      const countries = countriesBefore(sentence, start);
      const each =
        /^\s+of (?:both|the two|our two) (?:countries|sides)/.test(sentence.slice(end, end + 30)) ||
        (/s$/.test(m[0]) && kind.slug === "private-sector");
      const base = { name: kind.name, slug: kind.slug, start, end, type: kind.type };
      const sameKind = out.some((o) => o.slug === kind.slug && o.country);
      if (countries.length) for (const country of countries) out.push({ ...base, scope: "national", country });
      else if (sameKind) continue;
      else if (each) for (const c of eventCountries) out.push({ ...base, scope: "national", country: c });
      else if (eventCountries.length >= 2) out.push({ ...base, scope: "joint", members: [...eventCountries] });
    }
  }
  return out;
}
