/**
 * New-organisation candidates in a sentence: runs of capitalised words with an
 * organisation head ("Ministry", "Commission", "Bureau of Standards"), a
 * name followed by its acronym in brackets, or a lone acronym. A person's
 * title ("Minister for Energy", "Secretary of …") is not an organisation; only
 * the body after "of" in a title is. Each candidate gets its country, scope and
 * type from its own words.
 */
import { countryLookup } from "./country-mentions.js";
import type { Scope } from "./draft-types.js";

export interface NameCandidate {
  name: string;
  acronym?: string;
  start: number;
  end: number;
  country?: string;
  scope: Scope;
  members?: string[];
  type: string;
}

const HEAD_TYPES: [RegExp, string][] = [
  [/\b(?:Central|National|Reserve) Bank\b/, "central_bank"],
  [/\b(?:Securities|Supervisory|Regulatory|Regulation)\b/, "regulator"],
  [/\b(?:Ministry|Ministries)\b/, "ministry"],
  [/\bBanks?\b/, "bank"],
  [/\bUniversity\b/, "university"],
  [/\bAcadem(?:y|ies)\b/, "academy"],
  [/\b(?:Institute|Laboratory|Research)\b/, "research_institute"],
  [/\bChambers?\b/, "chamber"],
  [/\b(?:News Agency|Television|Radio|Broadcasting)\b/, "broadcaster"],
  [/\b(?:Parliament|Assembly|Senate|Duma|Majlis)\b/, "parliament"],
  [/\b(?:Army|Armed Forces|Navy|Air Force)\b/, "military"],
  [/\b(?:Company|Corporation|Works|Industries|Concern|Holding|Plant|Factory|Airlines|Railways|Post)\b/, "company"],
  [/\b(?:Cabinet|Government)\b/, "government"],
  [
    /\b(?:Agency|Authority|Service|Bureau|Centre|Center|Directorate|Division|Department|Inspectorate|Office|Administration|Secretariat|Fund|Board|Commission|Corporation)\b/,
    "agency",
  ],
  [
    /\b(?:Committee|Council|Working Group|Organi[sz]ation|Association|Union|Commonwealth|Forum|Group|Nations)\b/,
    "other",
  ],
];
const HEAD =
  /\b(?:Ministry|Ministries|Banks?|University|Academ(?:y|ies)|Institute|Laboratory|Chambers?|Agency|Authority|Service|Bureau|Centre|Center|Directorate|Division|Department|Inspectorate|Office|Administration|Secretariat|Fund|Board|Commission|Committee|Council|Working Group|Organi[sz]ation|Association|Union|Commonwealth|Nations|Television|Radio|Parliament|Assembly|Senate|Company|Corporation|Works|Industries|Concern|Holding|Airlines|Railways|Post|Cabinet)\b/;
const TITLE =
  /^(?:Minister|Ministers|Deputy|Prime|President|Presidents|Vice|Secretary|Chairman|Chair|Chairperson|Ambassador|Governor|Director|Head|Heads|High Commissioner|Commissioner|Special|Federal|Foreign|External|Mr|Mrs|Ms|Dr|Senior|General|King|Emir|Speaker|Chief|Session|Sessions|Meeting|Meetings|Round|Sitting|Summit|Visit)\b/;
const JOINT = /\b(?:Joint|Inter-?governmental|Interstate|Bilateral|Intergovernmental|Supreme Interstate)\b/i;
const INTERNATIONAL =
  /\b(?:United Nations|International|World|Commonwealth|Union|Shanghai|Asian|African|European|Eurasian|Islamic|Arab|Nations|Organi[sz]ation of)\b/;
/** Upper-case words that are not organisations: document kinds, standards, measures. */
const NOT_ORGANISATIONS = new Set(
  "MOU MOUS MOC OTC GMP GDP GNP COVID SME SMES FTA PPP ICT IT AI USD EUR PM VIP CEO LNG EV TV II III IV VI VII VIII IX XI XII AM PM ID HIV".split(
    " ",
  ),
);
const CONNECTORS = new Set(["of", "and", "for", "on", "the", "in", "de", "&"]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.&–-]*/gu;

interface Token {
  word: string;
  start: number;
  end: number;
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w);
const isAcronym = (w: string) => /^\p{Lu}[\p{Lu}\p{N}&]{1,9}s?$/u.test(w) && !NOT_ORGANISATIONS.has(w.toUpperCase());

/** Runs of capitalised words joined by connectors, cut at punctuation and at possessives. */
function capitalisedRuns(sentence: string): Token[][] {
  const tokens: Token[] = [...sentence.matchAll(WORD)].map((m) => {
    const word = m[0].replace(/\.+$/, "");
    return { word, start: m.index, end: m.index + word.length };
  });
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]?.word ?? "")) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    const gap = i > 0 ? sentence.slice(tokens[i - 1]?.end ?? 0, t.start) : " ";
    if (run.length && !/^\s+$/.test(gap)) close();
    const possessive = /[’']s$/.test(t.word);
    if (capitalised(t.word) && !possessive) run.push(t);
    else if (run.length && CONNECTORS.has(t.word)) run.push(t);
    else close();
    if (possessive) close();
  });
  close();
  return runs.flatMap(splitAtAnd).map((r) => {
    let k = 0;
    while (k < r.length && (CONNECTORS.has(r[k]?.word ?? "") || r[k]?.word === "The")) k++;
    return r.slice(k);
  });
}

/** "Kenya Bureau of Standards and the Uganda National Bureau of Standards" is two runs: cut at an "and" with a head on both sides. */
function splitAtAnd(run: Token[]): Token[][] {
  const words = (part: Token[]) => part.map((t) => t.word).join(" ");
  for (let i = 1; i < run.length - 1; i++) {
    if (run[i]?.word !== "and") continue;
    const left = run.slice(0, i);
    const right = run.slice(i + 1);
    const opensAnother = right[0]?.word === "the" || countryLookup().has(right[0]?.word ?? "");
    if (opensAnother && HEAD.test(words(left))) return [left, ...splitAtAnd(right)];
  }
  return [run];
}

/** The part of a run that names a body: a title's "of …" part, or the run; undefined when it is only a title. */
function bodyOfTitle(run: Token[]): Token[] | undefined {
  const text = run.map((t) => t.word).join(" ");
  if (!TITLE.test(text)) return run;
  const of = run.findIndex((t) => t.word === "of");
  if (of < 0) return undefined;
  let rest = run.slice(of + 1);
  while (rest.length && CONNECTORS.has(rest[0]?.word ?? "")) rest = rest.slice(1);
  return HEAD.test(rest.map((t) => t.word).join(" ")) ? rest : undefined;
}

/** The type its head word gives a name: a regulator or central bank by its words, else the first head word. */
export function typeOf(name: string): string {
  const [central, regulator] = HEAD_TYPES;
  for (const rule of [central, regulator]) if (rule?.[0].test(name)) return rule[1];
  let best: { at: number; type: string } | undefined;
  for (const [pattern, type] of HEAD_TYPES.slice(2)) {
    const at = pattern.exec(name)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { at, type };
  }
  return best?.type ?? "other";
}

/** Country codes named inside a name ("Kenya Bureau of Standards", "Turkish Accreditation Agency"). */
function countriesInName(name: string): string[] {
  const lookup = countryLookup();
  const codes: string[] = [];
  for (const word of name.split(/[\s–—-]+/)) {
    const code = lookup.get(word);
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Scope, country, members and type of a name, given the country said just before it and the event's countries. */
export function classifyName(
  name: string,
  hint: string | undefined,
  eventCountries: readonly string[],
): Pick<NameCandidate, "scope" | "country" | "members" | "type"> {
  const inName = countriesInName(name);
  const type = typeOf(name);
  if (JOINT.test(name) || inName.length >= 2) {
    const members = inName.length >= 2 ? inName : [...eventCountries];
    if (members.length >= 2) return { scope: "joint", members, type: "other" };
  }
  const country = hint ?? inName[0];
  if (country) return { scope: "national", country, type };
  if (INTERNATIONAL.test(name) || isAcronym(name)) return { scope: "international", type: "other" };
  return eventCountries[0] ? { scope: "national", country: eventCountries[0], type } : { scope: "international", type };
}

/** The acronym in brackets right after `end`, if any: "(HIT)", "(Petra)". */
function bracketAcronym(sentence: string, end: number): { acronym: string; end: number } | undefined {
  const m = /^\s*\(([\p{Lu}][\p{L}\p{N}&]{1,11})\)/u.exec(sentence.slice(end, end + 16));
  return m ? { acronym: m[1] ?? "", end: end + m[0].length } : undefined;
}

/** Organisation candidates in a sentence; `countryBefore(start)` gives the country said just before an offset. */
export function nameCandidates(
  sentence: string,
  eventCountries: readonly string[],
  countryBefore: (start: number) => string | undefined,
): NameCandidate[] {
  const out: NameCandidate[] = [];
  const lookup = countryLookup();
  for (const run of capitalisedRuns(sentence)) {
    const body = bodyOfTitle(run);
    if (!body || body.length === 0) continue;
    if (!HEAD.test(body.map((t) => t.word).join(" ")) && body.length > 1) {
      // No organisation head: only the acronyms inside can be bodies ("ASEAN, APEC, ASEM and the Mekong …").
      for (const t of body.filter((x) => isAcronym(x.word) && !lookup.has(x.word))) {
        out.push({
          name: t.word,
          start: t.start,
          end: t.end,
          ...classifyName(t.word, countryBefore(t.start), eventCountries),
        });
      }
      continue;
    }
    const first = body[0] as Token;
    const last = body[body.length - 1] as Token;
    const name = sentence.slice(first.start, last.end).replace(/[’']s$/, "");
    if (lookup.has(name)) continue;
    const bracket = bracketAcronym(sentence, last.end);
    const lone = body.length === 1 && isAcronym(first.word);
    if (!HEAD.test(name) && !bracket && !lone) continue;
    if (bracket && NOT_ORGANISATIONS.has(bracket.acronym.toUpperCase()) && !HEAD.test(name)) continue;
    const kind = classifyName(name, countryBefore(first.start), eventCountries);
    out.push({
      name,
      ...(bracket ? { acronym: bracket.acronym } : {}),
      start: first.start,
      end: bracket?.end ?? last.end,
      ...kind,
    });
  }
  return out;
}
