/**
 * The part of a synthetic dataset that is held in memory while commitments
 * stream out: countries, institutions (with the weighted tables parties are
 * drawn from), and events (about one per 25 commitments), with their series,
 * sessions, dates and sources.
 */
import { countryName } from "../model/countries.js";
import type { DatePrecision } from "../model/dates.js";
import { dayOf, FIRST_YEAR, LAST_DAY, LAST_YEAR, partialText, spanOf } from "./days.js";
import { type Random, Weighted, zipfWeights } from "./random.js";
import {
  CAPITALS,
  CO_CHAIR_OFFICES,
  COMPANY_LINES,
  COMPANY_PREFIXES,
  COUNTRY_ORDER,
  EVENT_NOTES,
  INSTITUTION_NOTES,
  INSTITUTION_TEMPLATES,
  ONE_OFFS,
  ordinal,
  SECTOR_INDEX,
  SECTORS,
  SERIES,
} from "./vocabulary.js";

export interface Country {
  code: string;
  /** Lower-case code, the prefix of its ids. */
  slug: string;
  name: string;
  capital?: string;
  government: number;
  /** Its other institutions, most involved first, and a Zipf table over them. */
  others: number[];
  general?: Weighted;
  /** Per sector: its institutions working in the sector, and a Zipf table over them. */
  bySector: ({ list: number[]; table: Weighted } | undefined)[];
}

export interface Institution {
  id: string;
  name: string;
  acronym?: string;
  country: number;
  type: string;
  aliases?: string[];
  sourceIds?: string[];
  note?: string;
}

export interface GeneratedEvent {
  id: string;
  title: string;
  kind: string;
  status: "held" | "planned" | "unconfirmed";
  /** The day drawn; written at `precision`. */
  day: number;
  precision: DatePrecision;
  startText: string;
  /** Span covered by the start date. */
  from: number;
  to: number;
  endDay?: number;
  place?: string;
  host: number;
  guest: number;
  /** The pair, lower country index first. */
  a: number;
  b: number;
  series?: string;
  session?: number;
  /** Its own sources (the first is the main one); planned events cite the source that announced them. */
  sourceIds: string[];
  ownSources: number;
  confidence: "high" | "medium" | "low";
  note?: string;
  /** Sector most of its commitments are in (working groups, forums), as a sector index; -1 for none. */
  sector: number;
  /** Index of the next session of its series, or -1. */
  next: number;
  /** Commitments made at it. */
  commitments: number;
}

export interface World {
  countries: Country[];
  institutions: Institution[];
  events: GeneratedEvent[];
  /** Held events (with commitments) come first, in date order; planned ones follow. */
  heldEvents: number;
}

/** Share of each party slot that goes to the country's government. */
export const GOVERNMENT_SHARE = 0.45;
/** Share of the remaining slots that go to an institution working in the commitment's sector. */
const SECTOR_SHARE = 0.55;

export const sectorTable = new Weighted(SECTORS.map((s) => s.weight));

export function buildCountries(count: number): Country[] {
  return COUNTRY_ORDER.slice(0, count).map((code) => ({
    code,
    slug: code.toLowerCase(),
    name: countryName(code),
    capital: CAPITALS.get(code),
    government: -1,
    others: [],
    bySector: [],
  }));
}

/** A precision for a drawn date: mostly the day, ~10% the month, ~3% the year. */
export function drawPrecision(rng: Random, month = 0.1, year = 0.03): DatePrecision {
  const u = rng.next();
  return u < year ? "year" : u < year + month ? "month" : "day";
}

interface Draft {
  pair: number;
  kind: number;
  day: number;
  size: number;
  index: number;
}

const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
/** Events become more common over the decades. */
const yearTable = new Weighted(YEARS.map((y) => 1 + 0.12 * (y - FIRST_YEAR)));
/** Series first, then one-off events, in one table. */
const kindTable = new Weighted([...SERIES.map((s) => s.weight), ...ONE_OFFS.map((o) => o.weight)]);

/** Held events (`heldCount`, sharing `commitments` between them) in date order, then planned next sessions. */
export function buildEvents(
  rng: Random,
  countries: Country[],
  heldCount: number,
  commitments: number,
): GeneratedEvent[] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < countries.length; a++) for (let b = a + 1; b < countries.length; b++) pairs.push([a, b]);
  // A few country pairs are far more active than the rest.
  const pairOrder = rng.shuffled(pairs.map((_, i) => i));
  const pairWeights = new Array<number>(pairs.length);
  zipfWeights(pairs.length, 0.8).forEach((w, rank) => {
    pairWeights[pairOrder[rank]] = w;
  });
  const pairTable = new Weighted(pairWeights);

  const sizeOf = rng.logNormal(0, 0.5);
  const drafts: Draft[] = [];
  for (let i = 0; i < heldCount; i++) {
    const pair = rng.weighted(pairTable);
    const kind = rng.weighted(kindTable);
    const year = YEARS[rng.weighted(yearTable)];
    const first = dayOf(year, 1, 1);
    const day = first + rng.int(dayOf(year + 1, 1, 1) - first);
    const size = (kind < SERIES.length ? SERIES[kind].size : ONE_OFFS[kind - SERIES.length].size) * sizeOf();
    drafts.push({ pair, kind, day, size, index: i });
  }
  drafts.sort((x, y) => x.day - y.day || x.index - y.index);

  const events: GeneratedEvent[] = [];
  const sessions = new Map<string, { session: number; last: number; offset: number; series: string }>();
  const oneOffCount = new Map<string, number>();
  const pairLabel = (a: number, b: number) => `${countries[a].name}–${countries[b].name}`;
  for (const d of drafts) {
    const [a, b] = pairs[d.pair];
    const prefix = `${countries[a].slug}-${countries[b].slug}`;
    const precision = drawPrecision(rng);
    const event = blankEvent(d.day, precision, a, b);
    event.ownSources = rng.chance(0.25) ? 2 : 1;
    if (d.kind < SERIES.length) {
      const spec = SERIES[d.kind];
      const key = `${d.pair}|${d.kind}`;
      let state = sessions.get(key);
      if (!state) {
        state = { session: 0, last: -1, offset: rng.int(2), series: spec.name(pairLabel(a, b)) };
        sessions.set(key, state);
      }
      state.session++;
      if (state.last >= 0) events[state.last].next = events.length;
      state.last = events.length;
      const series = state.series;
      const n = ordinal(state.session);
      event.id = `${prefix}-${spec.slug}-${state.session}`;
      event.title =
        spec.kind === "commission_session"
          ? `${n} session of the ${series}`
          : spec.kind === "working_group"
            ? `${n} meeting of the ${series}`
            : `${n} ${series}`;
      event.kind = spec.kind;
      event.host = (state.session + state.offset) % 2 === 0 ? a : b;
      event.guest = event.host === a ? b : a;
      event.series = series;
      event.session = state.session;
      event.sector = spec.sector ? (SECTOR_INDEX.get(spec.sector) ?? -1) : -1;
    } else {
      const spec = ONE_OFFS[d.kind - SERIES.length];
      event.host = rng.chance(0.5) ? a : b;
      event.guest = event.host === a ? b : a;
      const key = `${prefix}-${partialText(d.day, "year")}-${spec.slug}`;
      const n = (oneOffCount.get(key) ?? 0) + 1;
      oneOffCount.set(key, n);
      event.id = n === 1 ? key : `${key}-${n}`;
      event.title = spec.title(countries[event.host].name, countries[event.guest].name);
      event.kind = spec.kind;
    }
    if (precision === "day" && event.kind !== "report" && rng.chance(0.35)) {
      // Multi-day events end by the last day of the period, so nothing (commitments dated on
      // a later day of the event, their updates) falls after it.
      const endDay = Math.min(d.day + rng.between(1, 3), LAST_DAY);
      if (endDay > d.day) event.endDay = endDay;
    }
    if (event.kind !== "report") event.place = countries[event.host].capital;
    const u = rng.next();
    if (u < 0.015) {
      event.status = "unconfirmed";
      event.confidence = rng.chance(0.5) ? "low" : "medium";
      event.note = "Only one side reported the meeting.";
    } else {
      event.confidence = u < 0.91 ? "high" : u < 0.98 ? "medium" : "low";
      if (rng.chance(0.03)) event.note = rng.pick(EVENT_NOTES);
    }
    event.sourceIds = event.ownSources === 2 ? [`src-${event.id}`, `src-${event.id}-b`] : [`src-${event.id}`];
    event.commitments = d.size; // a weight for now; counts are set below
    events.push(event);
  }
  assignCommitmentCounts(events, commitments);

  // A planned next session for series that met recently; the last session's commitments can target it.
  const recent = dayOf(2025, 1, 1);
  for (const [key, state] of sessions) {
    const last = events[state.last];
    if (last.day < recent) continue;
    const spec = SERIES[Number(key.split("|")[1])];
    const session = state.session + 1;
    const day = last.to + rng.between(200, 450);
    const precision: DatePrecision = rng.chance(0.6) ? "month" : "year";
    const event = blankEvent(day, precision, last.a, last.b);
    event.id = `${countries[last.a].slug}-${countries[last.b].slug}-${spec.slug}-${session}`;
    event.title = `${ordinal(session)} ${spec.kind === "commission_session" ? "session" : "meeting"} of the ${last.series}`;
    event.kind = spec.kind;
    event.status = "planned";
    event.host = last.guest;
    event.guest = last.host;
    event.place = countries[event.host].capital;
    event.series = last.series;
    event.session = session;
    event.sourceIds = [last.sourceIds[0]];
    event.confidence = "medium";
    event.note = "Announced at the previous session; the date is not fixed.";
    event.sector = last.sector;
    last.next = events.length;
    events.push(event);
  }
  return events;
}

/** An event with every field present (one object shape for all), to be filled in. */
function blankEvent(day: number, precision: DatePrecision, a: number, b: number): GeneratedEvent {
  const { from, to } = spanOf(day, precision);
  return {
    id: "",
    title: "",
    kind: "other",
    status: "held",
    day,
    precision,
    startText: partialText(day, precision),
    from,
    to,
    endDay: undefined,
    place: undefined,
    host: a,
    guest: b,
    a,
    b,
    series: undefined,
    session: undefined,
    sourceIds: [],
    ownSources: 0,
    confidence: "high",
    note: undefined,
    sector: -1,
    next: -1,
    commitments: 0,
  };
}

/** Turns the size weights held in `commitments` into counts (at least one each) summing to the total. */
function assignCommitmentCounts(events: GeneratedEvent[], total: number): void {
  const n = events.length;
  let weightSum = 0;
  for (const e of events) weightSum += e.commitments;
  const spare = total - n;
  let assigned = 0;
  for (const e of events) {
    const extra = Math.floor((spare * e.commitments) / weightSum);
    e.commitments = 1 + extra;
    assigned += extra;
  }
  for (let i = 0; assigned < spare; i++, assigned++) events[i % n].commitments++;
}

/**
 * Co-chairs and summary of an event, drawn as its row is written (they are
 * not kept in memory).
 */
export function eventDetails(
  rng: Random,
  countries: Country[],
  event: GeneratedEvent,
): { coChairs?: string; summary?: string } {
  const details: { coChairs?: string; summary?: string } = {};
  if (event.kind === "commission_session" && event.status !== "planned" && rng.chance(0.9)) {
    details.coChairs = `${rng.pick(CO_CHAIR_OFFICES)} of ${countries[event.a].name};${rng.pick(CO_CHAIR_OFFICES)} of ${countries[event.b].name}`;
  }
  if (event.status !== "planned" && rng.chance(0.55)) details.summary = eventSummary(rng, event);
  return details;
}

function eventSummary(rng: Random, event: GeneratedEvent): string {
  const labels: string[] = [];
  while (labels.length < 3) {
    const label = SECTORS[rng.weighted(sectorTable)].label.toLowerCase();
    if (!labels.includes(label)) labels.push(label);
  }
  if (event.kind === "report") return "A review of progress on agreements made at earlier meetings.";
  if (event.series) return `The meeting reviewed cooperation in ${labels[0]}, ${labels[1]} and ${labels[2]}.`;
  return `The talks covered ${labels[0]} and ${labels[1]}.`;
}

export function buildInstitutions(
  rng: Random,
  countries: Country[],
  count: number,
  events: GeneratedEvent[],
): Institution[] {
  // Events each country took part in, for the sources that name its institutions.
  const eventsOf: number[][] = countries.map(() => []);
  events.forEach((e, i) => {
    if (e.ownSources > 0) {
      eventsOf[e.a].push(i);
      eventsOf[e.b].push(i);
    }
  });
  const institutions: Institution[] = [];
  const sectorsOf: number[][] = [];
  const templates = INSTITUTION_TEMPLATES.length;
  const companies = COMPANY_LINES.length * COMPANY_PREFIXES.length;
  // A company slug can spell a template's ("Central" + "Bank"): keep ids unique.
  const templateSlugs = new Set(INSTITUTION_TEMPLATES.map((t) => t.slug));
  for (let t = 0; t < count; t++) {
    const c = t % countries.length;
    const rank = Math.floor(t / countries.length);
    const country = countries[c];
    let institution: Institution;
    let sectors: string[];
    if (rank < templates) {
      const template = INSTITUTION_TEMPLATES[rank];
      institution = {
        id: `${country.slug}-${template.slug}`,
        name: template.name(country.name),
        country: c,
        type: template.type,
      };
      if (template.acronym) institution.acronym = template.acronym;
      if (template.aliases) institution.aliases = template.aliases(country.name);
      sectors = template.sectors;
    } else {
      const j = rank - templates;
      const line = COMPANY_LINES[j % COMPANY_LINES.length];
      const prefix = COMPANY_PREFIXES[Math.floor(j / COMPANY_LINES.length) % COMPANY_PREFIXES.length];
      const cycle = Math.floor(j / companies);
      const suffix = cycle > 0 ? ` No. ${cycle + 1}` : "";
      const slug = `${prefix.toLowerCase()}-${line.slug}`;
      institution = {
        id: `${country.slug}-${slug}${templateSlugs.has(slug) ? "-company" : ""}${cycle > 0 ? `-${cycle + 1}` : ""}`,
        name: `${prefix} ${line.name}${suffix} (${country.name})`,
        country: c,
        type: line.type,
      };
      sectors = line.sectors;
    }
    if (rng.chance(0.15) && eventsOf[c].length > 0) {
      institution.sourceIds = [events[rng.pick(eventsOf[c])].sourceIds[0]];
    }
    if (rng.chance(0.03)) institution.note = rng.pick(INSTITUTION_NOTES);
    institutions.push(institution);
    sectorsOf.push(sectors.map((s) => SECTOR_INDEX.get(s) ?? -1));
    if (rank === 0) country.government = t;
    else country.others.push(t);
  }
  for (const country of countries) {
    if (country.others.length) country.general = new Weighted(zipfWeights(country.others.length, 1.1));
    country.bySector = SECTORS.map((_, s) => {
      const list = country.others.filter((i) => sectorsOf[i].includes(s));
      return list.length ? { list, table: new Weighted(zipfWeights(list.length, 1)) } : undefined;
    });
  }
  return institutions;
}

/** An institution of `country` for a commitment in `sector`: often its government, else skewed towards a few bodies. */
export function drawParty(rng: Random, country: Country, sector: number): number {
  if (rng.next() < GOVERNMENT_SHARE || !country.general) return country.government;
  const inSector = country.bySector[sector];
  if (inSector && rng.next() < SECTOR_SHARE) return inSector.list[rng.weighted(inSector.table)];
  return country.others[rng.weighted(country.general)];
}

export function buildWorld(
  rng: Random,
  options: { commitments: number; institutions: number; countries: number },
): World {
  const countries = buildCountries(options.countries);
  const held = Math.max(1, Math.round(options.commitments / 25));
  const events = buildEvents(rng, countries, held, options.commitments);
  const institutions = buildInstitutions(rng, countries, options.institutions, events);
  return { countries, institutions, events, heldEvents: held };
}
