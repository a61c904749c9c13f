/**
 * The synthetic dataset generator (pure: it hands out chunks of file text and
 * never touches the file system; scripts/generate.ts writes them).
 *
 * Events, institutions and sources are held in memory (about one event per
 * 25 commitments); commitments and status updates are made one event at a
 * time and leave as chunks of ~10,000 rows, so memory stays bounded however
 * many commitments are asked for. Everything is drawn from one seeded stream
 * in a fixed order: the same options give byte-identical files.
 */
import { stringify } from "yaml";
import type { DatePrecision } from "../model/dates.js";
import type { TableName } from "../model/tables.js";
import { CHUNK_ROWS, type Chunk, csvField, csvRow, PART_ROWS, TableWriter } from "./csv-writer.js";
import { LAST_DAY, partialText, spanOf, yearOf } from "./days.js";
import { Random, Weighted } from "./random.js";
import { buildScopedBodies, extraParty, maybeSpan, type ScopedBodies, seriesBodyOf } from "./scoped-bodies.js";
import {
  ACTION_SPECS,
  CLAUSES,
  COMMITMENT_NOTES,
  MULTILINE_NOTE,
  OTHER_LANGUAGES,
  PUBLISHERS,
  SECTORS,
  TARGET_NOTES,
  UPDATE_SENTENCES,
} from "./vocabulary.js";
import {
  buildWorld,
  drawParty,
  drawPrecision,
  eventDetails,
  type GeneratedEvent,
  sectorTable,
  type World,
} from "./world.js";

export type { Chunk } from "./csv-writer.js";

export interface GenerateOptions {
  commitments: number;
  institutions: number;
  countries: number;
  seed: number;
  /** Rows per CSV part (250,000; tests use fewer). */
  partRows?: number;
  /** Rows per chunk of text handed out. */
  chunkRows?: number;
}

export interface GenerateSummary {
  counts: Record<TableName, number>;
  files: { file: string; rows: number }[];
}

/** Every file name the generator can write; `--force` deletes only these. */
export const GENERATED_FILE =
  /^(?:(?:commitments|status_updates|events|sources|institutions)(?:\.\d{4})?\.csv|sectors\.yaml)$/;

export const COLUMNS = {
  institutions: [
    "id",
    "name",
    "acronym",
    "scope",
    "country",
    "members",
    "naming",
    "type",
    "aliases",
    "source_ids",
    "note",
  ],
  events: [
    "id",
    "title",
    "kind",
    "status",
    "start_date",
    "end_date",
    "place",
    "host_country",
    "series",
    "series_short",
    "series_body_id",
    "session",
    "co_chairs",
    "summary",
    "source_ids",
    "confidence",
    "note",
  ],
  commitments: [
    "id",
    "event_id",
    "date",
    "sector",
    "summary",
    "action",
    "strength",
    "target_date",
    "target_event_id",
    "target_note",
    "source_id",
    "locator",
    "confidence",
    "note",
    "parties",
  ],
  status_updates: [
    "id",
    "commitment_id",
    "date",
    "status",
    "summary",
    "event_id",
    "source_id",
    "locator",
    "confidence",
    "note",
  ],
  sources: ["id", "title", "publisher", "url", "published", "language", "note"],
} as const;

type Confidence = "high" | "medium" | "low";
type UpdateStatus = "in_progress" | "done" | "stalled" | "dropped";

const actionTable = new Weighted(ACTION_SPECS.map((a) => a.weight));
const strengthTables = ACTION_SPECS.map((a) => new Weighted(a.strengths.map(([, w]) => w)));
/** Parties per commitment: 1–4, mean ≈ 2.3. */
const PARTY_COUNTS = new Weighted([0.15, 0.5, 0.22, 0.13]);
/** Status updates per updated commitment: 1–3 (fewer when the chain reaches done or dropped). */
const UPDATE_COUNTS = new Weighted([0.6, 0.3, 0.1]);
export const UPDATED_SHARE = 0.15;
const UPDATE_STATUSES: readonly UpdateStatus[] = ["in_progress", "done", "stalled", "dropped"];
/** Next status given the current one (order of UPDATE_STATUSES); done and dropped end the chain. */
const TRANSITIONS: Record<"announced" | "in_progress" | "stalled", Weighted> = {
  announced: new Weighted([0.55, 0.22, 0.13, 0.1]),
  in_progress: new Weighted([0.15, 0.5, 0.25, 0.1]),
  stalled: new Weighted([0.45, 0.1, 0.1, 0.35]),
};

function confidence(rng: Random, medium: number, low: number): Confidence {
  const u = rng.next();
  return u < low ? "low" : u < low + medium ? "medium" : "high";
}

function sectorsYaml(options: GenerateOptions): string {
  const comment = [
    "# Synthetic data, not real commitments: made by",
    `# npm run generate -- --commitments ${options.commitments} --institutions ${options.institutions} --countries ${options.countries} --seed ${options.seed}`,
    "",
  ].join("\n");
  return (
    comment +
    stringify(
      { sectors: SECTORS.map(({ id, label, color, description }) => ({ id, label, color, description })) },
      { lineWidth: 0 },
    )
  );
}

/**
 * The files of a synthetic dataset, as chunks of text in writing order. Its
 * return value counts the records and lists the files with their rows.
 */
export function* generate(options: GenerateOptions): Generator<Chunk, GenerateSummary> {
  const partRows = options.partRows ?? PART_ROWS;
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const table = (name: keyof typeof COLUMNS, numbered: boolean) =>
    new TableWriter(name, COLUMNS[name], numbered, partRows, chunkRows);
  const rng = new Random(options.seed);
  const world = buildWorld(rng, options);
  const { countries, institutions, events } = world;
  const scoped = buildScopedBodies(options.seed, countries, events);
  const files: { file: string; rows: number }[] = [{ file: "sectors.yaml", rows: SECTORS.length }];

  yield { file: "sectors.yaml", text: sectorsYaml(options), end: true };

  const institutionCount = institutions.length + scoped.bodies.length;
  const institutionsOut = table("institutions", institutionCount > partRows);
  addInstitutions(institutionsOut, countries, institutions, scoped);
  institutionsOut.end();
  yield* drain(institutionsOut);

  const eventsOut = table("events", events.length > partRows);
  for (const e of events) {
    const { coChairs, summary } = eventDetails(rng, countries, e);
    const series = seriesBodyOf(scoped, e);
    eventsOut.add(
      csvRow([
        e.id,
        e.title,
        e.kind,
        e.status,
        e.startText,
        e.endDay === undefined ? undefined : partialText(e.endDay, "day"),
        e.place,
        countries[e.host].code,
        e.series,
        series.short,
        series.body,
        e.session,
        coChairs,
        summary,
        e.sourceIds.join(";"),
        e.confidence,
        e.note,
      ]),
    );
  }
  eventsOut.end();
  yield* drain(eventsOut);

  // Commitments and their status updates, one event at a time.
  const split = options.commitments > partRows;
  const commitmentsOut = table("commitments", split);
  const updatesOut = table("status_updates", split);
  const reviews = new Map<string, { a: number; b: number; year: number }>();
  let parties = 0;
  for (let e = 0; e < world.heldEvents; e++) {
    parties += eventCommitments(rng, world, scoped, events[e], commitmentsOut, updatesOut, reviews, partRows);
    yield* drain(commitmentsOut);
    yield* drain(updatesOut);
  }
  commitmentsOut.end();
  updatesOut.end();
  yield* drain(commitmentsOut);
  yield* drain(updatesOut);

  const sourceCount = events.reduce((n, e) => n + e.ownSources, 0) + reviews.size;
  const sourcesOut = table("sources", sourceCount > partRows);
  for (const e of events) {
    for (let s = 0; s < e.ownSources; s++) sourcesOut.add(eventSource(rng, world, e, s));
  }
  for (const [id, { a, b, year }] of reviews) {
    const pair = `${countries[a].name}–${countries[b].name}`;
    sourcesOut.add(
      csvRow([
        id,
        `Review of ${pair} cooperation in ${year}`,
        `Ministry of Foreign Affairs (${countries[a].name})`,
        `https://example.org/reviews/${countries[a].slug}-${countries[b].slug}/${year}`,
        String(year),
        "en",
        undefined,
      ]),
    );
  }
  sourcesOut.end();
  yield* drain(sourcesOut);

  for (const w of [institutionsOut, eventsOut, commitmentsOut, updatesOut, sourcesOut]) files.push(...w.files);
  return {
    counts: {
      events: events.length,
      commitments: commitmentsOut.rows,
      commitment_parties: parties,
      status_updates: updatesOut.rows,
      institutions: institutionCount,
      sources: sourcesOut.rows,
      sectors: SECTORS.length,
    },
    files,
  };
}

/** The institutions' rows: the named national bodies, then those of the other scopes (scoped-bodies.ts). */
function addInstitutions(
  out: TableWriter,
  countries: World["countries"],
  institutions: World["institutions"],
  scoped: ScopedBodies,
): void {
  for (const i of institutions) {
    out.add(
      csvRow([
        i.id,
        i.name,
        i.acronym,
        undefined,
        countries[i.country].code,
        undefined,
        undefined,
        i.type,
        i.aliases?.join(";"),
        i.sourceIds?.join(";"),
        i.note,
      ]),
    );
  }
  for (const b of scoped.bodies) {
    const row = [b.id, b.name, b.acronym, b.scope, b.country, b.members?.join(";"), b.naming, b.type];
    out.add(csvRow([...row, undefined, undefined, undefined]));
  }
}

function* drain(writer: TableWriter): Generator<Chunk> {
  for (const chunk of writer.pending) yield chunk;
  writer.pending.length = 0;
}

/** Writes the commitments of one event (and their status updates); returns the number of parties. */
function eventCommitments(
  rng: Random,
  world: World,
  scoped: ScopedBodies,
  event: GeneratedEvent,
  commitmentsOut: TableWriter,
  updatesOut: TableWriter,
  reviews: Map<string, { a: number; b: number; year: number }>,
  partRows: number,
): number {
  const { countries, institutions, events } = world;
  const next = event.next >= 0 ? events[event.next] : undefined;
  let parties = 0;
  const chosen: number[] = [];
  for (let k = 1; k <= event.commitments; k++) {
    const id = `${event.id}-c${k}`;
    const sector = event.sector >= 0 && rng.chance(0.6) ? event.sector : rng.weighted(sectorTable);
    const spec = SECTORS[sector];
    const topic = rng.int(spec.topics.length);
    const actionIndex = rng.weighted(actionTable);
    const action = ACTION_SPECS[actionIndex];
    const strength = action.strengths[rng.weighted(strengthTables[actionIndex])][0];

    // Parties: one side or both; a third and fourth from either side.
    const count = rng.weighted(PARTY_COUNTS) + 1;
    const firstSide = rng.chance(0.5) ? event.a : event.b;
    const otherSide = firstSide === event.a ? event.b : event.a;
    chosen.length = 0;
    for (let p = 0; p < count; p++) {
      const side =
        p === 0
          ? firstSide
          : p === 1
            ? otherSide
            : p === 3
              ? chosen.length % 2
                ? otherSide
                : firstSide
              : rng.chance(0.5)
                ? firstSide
                : otherSide;
      let pick = -1;
      for (let attempt = 0; attempt < 10 && pick < 0; attempt++) {
        const candidate = drawParty(rng, countries[side], sector);
        if (!chosen.includes(candidate)) pick = candidate;
      }
      if (pick >= 0) chosen.push(pick);
    }
    const signed = action.action === "signed" && rng.chance(0.5);
    let partiesCell = "";
    for (let p = 0; p < chosen.length; p++) {
      let role: string | undefined;
      if (signed) role = "signatory";
      else if (p === 0 && action.action === "host") role = "host";
      else if (p === 0 && action.action === "facilitate") role = "facilitator";
      else if (p === 0 && rng.chance(0.1)) role = "lead";
      else if (p >= 2) {
        const u = rng.next();
        role = u < 0.1 ? "beneficiary" : u < 0.15 ? "participant" : undefined;
      }
      partiesCell += (p ? ";" : "") + institutions[chosen[p]].id + (role ? `:${role}` : "");
    }
    // Now and then a joint commission, an international organisation or a generic body too.
    const extra = extraParty(scoped, event, chosen.length);
    if (extra) partiesCell += `;${extra}`;
    parties += chosen.length + (extra ? 1 : 0);
    const actor = countries[institutions[chosen[0]].country].name;

    let summary = action.sentence(spec.topics[topic], actor);
    const clause = rng.next();
    if (clause < 0.15 && spec.topics.length > 1) {
      summary += `, including ${spec.topics[(topic + 1 + rng.int(spec.topics.length - 1)) % spec.topics.length]}`;
    } else if (clause < 0.55) summary += rng.pick(CLAUSES);
    summary += ".";

    // Dated with the event; on a multi-day event some carry the day they were agreed.
    let date: string | undefined;
    let from = event.from;
    let to = event.to;
    if (event.endDay !== undefined && rng.chance(0.3)) {
      from = to = event.day + rng.int(event.endDay - event.day + 1);
      date = partialText(from, "day");
    }

    let targetDate: string | undefined;
    let targetEvent: string | undefined;
    let targetNote: string | undefined;
    const t = rng.next();
    if (t < 0.12 && next) targetEvent = next.id;
    else if (t < 0.32)
      targetDate = maybeSpan(scoped, partialText(event.to + rng.between(90, 1800), drawPrecision(rng, 0.35, 0.45)));
    else if (t < 0.33) targetNote = rng.pick(TARGET_NOTES);

    const sourceId = event.ownSources > 1 && rng.chance(0.3) ? event.sourceIds[1] : event.sourceIds[0];
    const l = rng.next();
    const locator = l < 0.45 ? `¶${rng.between(1, 25)}` : l < 0.55 ? `p. ${rng.between(1, 12)}` : undefined;
    const n = rng.next();
    const note = n < 0.002 ? MULTILINE_NOTE : n < 0.03 ? rng.pick(COMMITMENT_NOTES) : undefined;
    const conf = confidence(rng, 0.12, 0.03);

    commitmentsOut.add(
      `${id},${event.id},${date ?? ""},${spec.id},${csvField(summary)},${action.action},${strength},${targetDate ?? ""},${targetEvent ?? ""},${csvField(targetNote)},${sourceId},${locator ?? ""},${conf},${csvField(note)},${partiesCell}\n`,
    );

    if (rng.chance(UPDATED_SHARE) && (updatesOut.numbered || updatesOut.rows < partRows - 3)) {
      statusUpdates(rng, world, event, next, id, spec.topics[topic], to, updatesOut, reviews);
    }
  }
  return parties;
}

/**
 * 1–3 status updates for a commitment, each later than the one before, with
 * sensible transitions (announced → in progress → done, stalled → dropped, ...).
 * The last may be dated to the month or year; earlier ones to the day, so the
 * latest by date is always the last written.
 */
function statusUpdates(
  rng: Random,
  world: World,
  event: GeneratedEvent,
  next: GeneratedEvent | undefined,
  commitmentId: string,
  topic: string,
  commitmentTo: number,
  out: TableWriter,
  reviews: Map<string, { a: number; b: number; year: number }>,
): void {
  const { countries } = world;
  const count = rng.weighted(UPDATE_COUNTS) + 1;
  let state: "announced" | "in_progress" | "stalled" = "announced";
  let lastTo = commitmentTo;
  for (let j = 1; j <= count; j++) {
    const status: UpdateStatus = UPDATE_STATUSES[rng.weighted(TRANSITIONS[state])];
    const final = j === count || status === "done" || status === "dropped";
    let date: string;
    let to: number;
    let eventId: string | undefined;
    let sourceId: string;
    if (j === 1 && next && next.status === "held" && next.from >= commitmentTo && rng.chance(0.3)) {
      // Reported at the next session of the series.
      date = next.startText;
      to = next.to;
      eventId = next.id;
      sourceId = next.sourceIds[0];
    } else {
      if (j > 1 && lastTo >= LAST_DAY) break;
      // After the commitment (or the update before), by the last day of the period when there is room.
      const day = Math.max(lastTo, Math.min(LAST_DAY, lastTo + rng.between(j === 1 ? 30 : 20, j === 1 ? 900 : 600)));
      let precision: DatePrecision = "day";
      if (final) {
        const coarse = drawPrecision(rng);
        // A coarser date only where it cannot reach back before the previous one.
        if (coarse !== "day" && spanOf(day, coarse).from > lastTo) precision = coarse;
      }
      date = partialText(day, precision);
      to = spanOf(day, precision).to;
      const year = yearOf(day);
      sourceId = `rev-${countries[event.a].slug}-${countries[event.b].slug}-${year}`;
      if (!reviews.has(sourceId)) reviews.set(sourceId, { a: event.a, b: event.b, year });
    }
    const l = rng.next();
    const locator = l < 0.3 ? `¶${rng.between(1, 40)}` : undefined;
    const note = rng.chance(0.02) ? "Reported by one side only." : undefined;
    const summary = rng.pick(UPDATE_SENTENCES[status])(topic);
    out.add(
      `${commitmentId}-u${j},${commitmentId},${date},${status},${csvField(summary)},${eventId ?? ""},${sourceId},${locator ?? ""},${confidence(rng, 0.15, 0.05)},${note ?? ""}\n`,
    );
    lastTo = to;
    if (status === "done" || status === "dropped") break;
    state = status;
  }
}

function eventSource(rng: Random, world: World, event: GeneratedEvent, index: number): string {
  const { countries } = world;
  const host = countries[event.host];
  const year = partialText(event.day, "year");
  const title =
    index === 0 ? event.title : `Report on the ${event.title.charAt(0).toLowerCase()}${event.title.slice(1)}`;
  const publisher = rng.pick(PUBLISHERS)(host.name);
  const scheme = Number(year) < 2010 && rng.chance(0.2) ? "http" : "https";
  const url = `${scheme}://example.org/${host.slug}/${year}/${event.id}${index ? "-report" : ""}`;
  let published: string | undefined = event.startText;
  if (index > 0 && event.precision === "day") published = partialText(event.day + rng.between(0, 5), "day");
  else if (rng.chance(0.05)) published = undefined;
  const language = rng.chance(0.85) ? "en" : rng.pick(OTHER_LANGUAGES);
  const note = rng.chance(0.02) ? "Title descriptive, not the headline." : undefined;
  return csvRow([`src-${event.id}${index ? "-b" : ""}`, title, publisher, url, published, language, note]);
}

/** All files of a dataset as strings, for tests and small datasets. */
export function generateToMemory(options: GenerateOptions): { files: Map<string, string>; summary: GenerateSummary } {
  const files = new Map<string, string>();
  const it = generate(options);
  for (;;) {
    const step = it.next();
    if (step.done) return { files, summary: step.value };
    files.set(step.value.file, (files.get(step.value.file) ?? "") + step.value.text);
  }
}
