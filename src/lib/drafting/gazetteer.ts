/**
 * The gazetteer: institutions of the records found in a sentence by name,
 * acronym or alias (a name's country qualifier, "(Pakistan)" or "of Jordan",
 * is optional), and new ones proposed from organisation names and generic
 * bodies. Each institution found gets one id for the whole text; governments
 * are the fallback parties when a sentence names no body.
 */
import { countryName } from "../model/countries.js";
import { countryLookup, countryMentions } from "./country-mentions.js";
import type { KnownInstitution, ProposedInstitution } from "./draft-types.js";
import { genericBodies } from "./generic-bodies.js";
import { nameCandidates } from "./organisation-names.js";

/** A lookup key: lower-cased words, possessives and punctuation removed. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .replace(/^the /, "")
    .trim();
}

/** A name without a trailing "of Jordan", "of the Republic of Belarus". */
function withoutCountrySuffix(name: string, country: string): string {
  if (!country) return name;
  return name.replace(
    new RegExp(
      `\\s+of (?:the )?(?:(?:Islamic |Socialist |Federal |Kyrgyz |Arab )?Republic of |Kingdom of |State of )?${country}$`,
    ),
    "",
  );
}

/** The keys a known institution answers to: name with and without its country qualifier, aliases. */
function keysOf(inst: KnownInstitution): string[] {
  const country = inst.country ? countryName(inst.country) : "";
  const names = [inst.name, ...(inst.aliases ?? [])].filter((n) => !countryLookup().has(n));
  const keys = new Set<string>();
  for (const name of names) {
    keys.add(nameKey(name));
    const bare = withoutCountrySuffix(name.replace(/\s*\([^)]*\)\s*$/, ""), country);
    if (bare !== name) keys.add(nameKey(bare));
  }
  return [...keys].filter((k) => k !== "");
}

/** A joint body's name without the countries' names: "Pakistan-Belarus Joint Commission" → "Joint Commission". */
function withoutCountries(name: string): string {
  return name
    .split(/[\s–—-]+/)
    .filter((w) => !countryLookup().has(w))
    .join(" ");
}

export interface Found {
  id: string;
  start: number;
  end: number;
  /** Matched a record of the data folder. */
  known: boolean;
  generic: boolean;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export class Gazetteer {
  private readonly byKey = new Map<string, KnownInstitution[]>();
  private readonly byAcronym = new Map<string, KnownInstitution[]>();
  private readonly proposedByKey = new Map<string, ProposedInstitution>();
  private readonly proposedList: ProposedInstitution[] = [];
  private readonly usedIds: Set<string>;

  constructor(
    private readonly known: readonly KnownInstitution[],
    private readonly eventCountries: readonly string[],
  ) {
    this.usedIds = new Set(known.map((k) => k.id));
    for (const inst of known) {
      // Governments and heads of state are the fallback parties, not bodies to find by name.
      if (inst.type === "government" || inst.type === "head_of_state") continue;
      for (const key of keysOf(inst)) this.byKey.set(key, [...(this.byKey.get(key) ?? []), inst]);
      if (inst.acronym) this.byAcronym.set(inst.acronym, [...(this.byAcronym.get(inst.acronym) ?? []), inst]);
    }
  }

  /** Proposed institutions, in order of first mention. */
  proposed(): ProposedInstitution[] {
    return this.proposedList;
  }

  /** The government of a country: the records' own, else a proposed one. */
  government(code: string): string {
    const own = this.known.find(
      (k) => k.type === "government" && k.country === code && (k.scope ?? "national") === "national",
    );
    if (own) return own.id;
    return this.propose(
      {
        name: `Government of ${countryName(code)}`,
        scope: "national",
        country: code,
        type: "government",
        naming: "named",
      },
      undefined,
    ).id;
  }

  private pick(list: KnownInstitution[] | undefined, hint?: string): KnownInstitution | undefined {
    if (!list || list.length === 0) return undefined;
    return (
      list.find((k) => hint && k.country === hint) ??
      list.find((k) => k.country && this.eventCountries.includes(k.country)) ??
      list[0]
    );
  }

  private propose(
    p: Omit<ProposedInstitution, "id" | "mentions">,
    mention: ProposedInstitution["mentions"][number] | undefined,
  ): ProposedInstitution {
    const words = p.scope === "joint" ? withoutCountries(p.name) : p.name;
    const key = `${p.naming}|${p.country ?? p.members?.join("-") ?? ""}|${nameKey(words)}`;
    let inst = this.proposedByKey.get(key) ?? (p.acronym ? this.proposedByKey.get(`acronym|${p.acronym}`) : undefined);
    if (!inst) {
      const prefix = (p.country ?? p.members?.join("-") ?? "int").toLowerCase();
      const base =
        p.type === "government" && p.country
          ? `${prefix}-government`
          : `${prefix}-${slug(p.acronym ?? p.name) || "body"}`;
      let id = base;
      for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
      this.usedIds.add(id);
      inst = { id, ...p, mentions: [] };
      this.proposedList.push(inst);
      this.proposedByKey.set(key, inst);
    }
    if (p.acronym) this.proposedByKey.set(`acronym|${p.acronym}`, inst);
    if (mention) inst.mentions.push(mention);
    return inst;
  }

  /** False when a record's country contradicts the text: another country said just before it, or a country the text is not about. */
  private fits(known: KnownInstitution, hint: string | undefined): boolean {
    if (!known.country) return true;
    if (hint) return hint === known.country;
    return this.eventCountries.length === 0 || this.eventCountries.includes(known.country);
  }

  /** Records named word for word (name or alias, up to eight words, starting with a capital). */
  private knownMentions(sentence: string, countryBefore: (start: number) => string | undefined): Found[] {
    const words = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&’'-]*/gu)].map((m) => ({
      word: m[0],
      start: m.index,
      end: m.index + m[0].length,
    }));
    const out: Found[] = [];
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i]?.word ?? "")) continue;
      for (let n = Math.min(8, words.length - i); n >= 1; n--) {
        const run = words.slice(i, i + n);
        const last = run[n - 1];
        const first = run[0];
        if (!first || !last) continue;
        const phrase = sentence.slice(first.start, last.end);
        const list =
          this.byKey.get(nameKey(phrase)) ?? (n === 1 ? this.byAcronym.get(phrase.replace(/[’']s$/, "")) : undefined);
        const hint = countryBefore(first.start);
        const known = this.pick(list, hint);
        if (!known || !this.fits(known, hint)) continue;
        // A record's name must cover the whole name in the text, not its start ("Ministry of Industry and Construction").
        const next = sentence.slice(last.end, last.end + 40);
        if (
          n > 1 &&
          /^\s+(?:(?:and|of|for|on)\s+)?\p{Lu}/u.test(next) &&
          !/^\s+(?:and|of)\s+(?:the\s+)?(?:\p{Lu}\p{L}+[’']s)/u.test(next)
        )
          continue;
        out.push({ id: known.id, start: first.start, end: last.end, known: true, generic: false });
        i += n - 1;
        break;
      }
    }
    return out;
  }

  /** Institutions named in a sentence (offsets `base` + position in the sentence). */
  find(sentence: string, sentenceIndex: number, base: number): Found[] {
    const countries = countryMentions(sentence);
    const countryBefore = (start: number) =>
      countries.find(
        (c) => c.end <= start && start - c.end <= 2 && (c.possessive || sentence.slice(c.end, start).trim() === ""),
      )?.code;
    const found: Found[] = [];
    const taken = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
    const mention = (start: number, end: number) => ({ sentence: sentenceIndex, start: base + start, end: base + end });
    for (const k of this.knownMentions(sentence, countryBefore)) found.push(k);
    for (const c of nameCandidates(sentence, this.eventCountries, countryBefore)) {
      if (taken(c.start, c.end)) continue;
      const hint = c.country;
      const withCountry = hint
        ? (this.byKey.get(nameKey(`${countryName(hint)} ${c.name}`)) ??
          this.byKey.get(nameKey(withoutCountrySuffix(c.name, countryName(hint)))))
        : undefined;
      const known =
        this.pick(this.byKey.get(nameKey(c.name)), hint) ??
        this.pick(withCountry, hint) ??
        this.pick(c.acronym ? this.byAcronym.get(c.acronym) : undefined, hint) ??
        (/^\S+$/.test(c.name) ? this.pick(this.byAcronym.get(c.name), hint) : undefined);
      if (known && this.fits(known, hint)) {
        found.push({ id: known.id, start: c.start, end: c.end, known: true, generic: false });
        continue;
      }
      const acronymOnly = /^\S+$/.test(c.name) && !c.acronym;
      const existing = acronymOnly ? this.proposedByKey.get(`acronym|${c.name}`) : undefined;
      const inst =
        existing ??
        this.propose(
          {
            name: c.name,
            ...(c.acronym || acronymOnly ? { acronym: c.acronym ?? c.name } : {}),
            scope: c.scope,
            ...(c.country ? { country: c.country } : {}),
            ...(c.members ? { members: c.members } : {}),
            naming: "named",
            type: c.type,
          },
          undefined,
        );
      inst.mentions.push(mention(c.start, c.end));
      found.push({ id: inst.id, start: c.start, end: c.end, known: false, generic: false });
    }
    const named = [...found];
    for (const g of genericBodies(sentence, this.eventCountries)) {
      if (named.some((f) => g.start < f.end && g.end > f.start)) continue;
      const byKind = g.slug !== "";
      const name = g.country && byKind ? `${g.name} (${countryName(g.country)})` : g.name;
      const inst = this.propose(
        {
          name,
          scope: g.scope,
          ...(g.country ? { country: g.country } : {}),
          ...(g.members ? { members: g.members } : {}),
          naming: byKind ? "generic" : "named",
          type: g.type,
        },
        mention(g.start, g.end),
      );
      found.push({ id: inst.id, start: g.start, end: g.end, known: false, generic: true });
    }
    return found.filter((f) => !this.onlyMentioned(sentence, f)).sort((a, b) => a.start - b.start);
  }

  /** A body that only speaks ("…'s Ministry said") or hosts the meeting ("the session of the Commission") is no party. */
  private onlyMentioned(sentence: string, f: Found): boolean {
    const after = sentence.slice(f.end, f.end + 30);
    const before = sentence.slice(Math.max(0, f.start - 30), f.start);
    return (
      /^\s*(?:\([^)]*\)\s*)?(?:said|says|announced|reported|stated|told)\b/.test(after) ||
      /\b(?:meeting|session|sitting|round) of (?:the |their |its )?$/i.test(before)
    );
  }
}
