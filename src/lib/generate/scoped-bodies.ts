/**
 * The generator's institutions that are not one country's named bodies: a
 * joint commission (scope `joint`, the pair as members) for every pair whose
 * Joint Commission met, a few international organisations, and one generic
 * body per country ("relevant ministries of Pakistan", naming `generic`).
 * Commission sessions name their body and short name; a small share of
 * commitments bind one of these bodies too, and some date targets become
 * spans (`2027/2029`).
 *
 * Every choice here draws from a stream of its own, seeded from the run's
 * seed, so the rest of a generated folder is the same as without them.
 */
import { Random } from "./random.js";
import type { Country, GeneratedEvent } from "./world.js";

/** One institution row of this kind, as institutions.csv writes it. */
export interface ScopedBody {
  id: string;
  name: string;
  acronym?: string;
  scope: "national" | "international" | "joint";
  /** A national (generic) body's country code. */
  country?: string;
  members?: string[];
  naming?: "generic";
  type: string;
}

export interface ScopedBodies {
  bodies: ScopedBody[];
  /** The joint commission of a pair ("a|b", country indexes), by id. */
  jointOfPair: Map<string, string>;
  /** The generic body of each country, by id. */
  genericOf: string[];
  international: string[];
  /** The stream every choice below draws from. */
  rng: Random;
}

/** Short name of every generated Joint Commission series. */
export const COMMISSION_SHORT = "JC";
/** Share of commitments that bind, besides their parties, the pair's joint commission (at its sessions). */
export const JOINT_SHARE = 0.08;
/** Share of commitments that bind an international organisation too. */
export const INTERNATIONAL_SHARE = 0.02;
/** Share of commitments that bind a side's generic body too. */
export const GENERIC_SHARE = 0.03;
/** Share of date targets written as a span of years. */
export const SPAN_SHARE = 0.15;

const ORGANISATIONS: readonly Pick<ScopedBody, "id" | "name" | "acronym" | "type">[] = [
  { id: "undp", name: "United Nations Development Programme", acronym: "UNDP", type: "agency" },
  { id: "fao", name: "Food and Agriculture Organization of the United Nations", acronym: "FAO", type: "agency" },
  { id: "unido", name: "United Nations Industrial Development Organization", acronym: "UNIDO", type: "agency" },
  { id: "adb", name: "Asian Development Bank", acronym: "ADB", type: "bank" },
  { id: "eabr", name: "Eurasian Development Bank", acronym: "EDB", type: "bank" },
];

/** The bodies of a generated world, from the run's seed (a stream apart from the main one). */
export function buildScopedBodies(seed: number, countries: readonly Country[], events: readonly GeneratedEvent[]) {
  const rng = new Random((seed ^ 0x5c0bed) >>> 0);
  const bodies: ScopedBody[] = [];
  const jointOfPair = new Map<string, string>();
  for (const e of events) {
    const key = `${e.a}|${e.b}`;
    if (e.kind !== "commission_session" || !e.series || jointOfPair.has(key)) continue;
    const [a, b] = [countries[e.a], countries[e.b]];
    const id = `${a.slug}-${b.slug}-joint-commission`;
    jointOfPair.set(key, id);
    bodies.push({
      id,
      name: e.series,
      acronym: COMMISSION_SHORT,
      scope: "joint",
      members: [a.code, b.code],
      type: "other",
    });
  }
  const international = ORGANISATIONS.map((o) => o.id);
  for (const o of ORGANISATIONS) bodies.push({ ...o, scope: "international" });
  const genericOf = countries.map((c) => {
    const id = `${c.slug}-relevant-ministries`;
    bodies.push({
      id,
      name: `relevant ministries of ${c.name}`,
      scope: "national",
      country: c.code,
      naming: "generic",
      type: "ministry",
    });
    return id;
  });
  return { bodies, jointOfPair, genericOf, international, rng } satisfies ScopedBodies;
}

/** The short name and body of an event's series: the pair's joint commission for its sessions. */
export function seriesBodyOf(s: ScopedBodies, e: GeneratedEvent): { short?: string; body?: string } {
  if (e.kind !== "commission_session" || !e.series) return {};
  return { short: COMMISSION_SHORT, body: s.jointOfPair.get(`${e.a}|${e.b}`) };
}

/** A body to bind besides `count` parties already chosen (at most four in all), or undefined. */
export function extraParty(s: ScopedBodies, e: GeneratedEvent, count: number): string | undefined {
  const u = s.rng.next();
  if (count >= 4) return undefined;
  const joint = s.jointOfPair.get(`${e.a}|${e.b}`);
  if (u < JOINT_SHARE) return e.kind === "commission_session" ? joint : undefined;
  if (u < JOINT_SHARE + INTERNATIONAL_SHARE) return s.rng.pick(s.international);
  if (u < JOINT_SHARE + INTERNATIONAL_SHARE + GENERIC_SHARE) return s.genericOf[s.rng.chance(0.5) ? e.a : e.b];
  return undefined;
}

/** A date target, or now and then a span of years from its year: "2027" becomes "2027/2029". */
export function maybeSpan(s: ScopedBodies, target: string): string {
  if (!s.rng.chance(SPAN_SHARE)) return target;
  const year = Number(target.slice(0, 4));
  return `${year}/${year + s.rng.between(1, 4)}`;
}
