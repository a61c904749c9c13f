/**
 * The record schema: every entity analysts write, field by field. Validation,
 * the TypeScript types, the Arrow table columns and the documentation
 * (docs/data-format.md, the /data page) are all generated from this file.
 */
import type { z } from "zod";
import type { ColumnSpec, FieldSpec } from "./fields.js";
import * as f from "./fields.js";
import { TABLE_NAMES, type TableName } from "./tables.js";

export const EVENT_KINDS = [
  "commission_session",
  "state_visit",
  "official_visit",
  "ministerial_visit",
  "delegation_visit",
  "working_group",
  "business_forum",
  "leaders_meeting",
  "sideline_meeting",
  "parliamentary",
  "hearing",
  "report",
  "other",
] as const;
export const EVENT_STATUSES = ["held", "planned", "unconfirmed", "postponed", "cancelled"] as const;
export const ACTIONS = [
  "agreed",
  "committed",
  "signed",
  "will_sign",
  "explore",
  "renew",
  "implement",
  "host",
  "facilitate",
] as const;
export const STRENGTHS = ["firm", "intent", "exploratory"] as const;
export const STATUSES = ["announced", "in_progress", "done", "stalled", "dropped"] as const;
export const CONFIDENCES = ["high", "medium", "low"] as const;
export const INSTITUTION_TYPES = [
  "government",
  "head_of_state",
  "ministry",
  "agency",
  "regulator",
  "company",
  "state_company",
  "bank",
  "central_bank",
  "university",
  "academy",
  "research_institute",
  "broadcaster",
  "chamber",
  "parliament",
  "military",
  "other",
] as const;
/** Whose body an institution is: one country's, an international organisation, or a joint body of its members. */
export const INSTITUTION_SCOPES = ["national", "international", "joint"] as const;
/** Whether the source names the institution, or only its kind ("the chambers of commerce"). */
export const INSTITUTION_NAMINGS = ["named", "generic"] as const;
export const PARTY_ROLES = ["party", "lead", "signatory", "host", "facilitator", "beneficiary", "participant"] as const;

export type Status = (typeof STATUSES)[number];

export interface DerivedColumn extends ColumnSpec {
  /** How the loader computes it. */
  derivation: string;
}

/**
 * A table's integer join key (`key`): the row's number, 1 to n, in id order. DuckDB
 * joins and filters integers several times faster than text ids, DuckDB-WASM most
 * of all (docs/performance.md), so the pages' SQL joins commitments and institutions
 * to their parties and updates on these. Numbered afresh by every build.
 */
function joinKey(entity: "commitment" | "institution"): DerivedColumn {
  return {
    name: "key",
    type: "int32",
    nullable: false,
    description: `The ${entity}'s number in this build, 1 to n in id order: a join key, faster than \`id\`. \`commitment_parties\`${entity === "commitment" ? " and `status_updates` carry" : " carries"} it as \`${entity}_key\`. Numbered afresh by every build: to name the ${entity}, use \`id\`.`,
    derivation: "Row number in id order (deriveJoinKeys in normalise.ts).",
  };
}

/** The `key` of the row `<entity>_id` refers to, beside it. */
function joinKeyOf(entity: "commitment" | "institution"): DerivedColumn {
  return {
    name: `${entity}_key`,
    type: "int32",
    nullable: false,
    description: `The \`key\` of \`${entity}_id\`'s ${entity}: join on it (\`${entity === "commitment" ? "c" : "i"}.key = ${entity}_key\`) rather than on the ids, for speed.`,
    derivation: `The ${entity}s' key, found by ${entity}_id (deriveJoinKeys in normalise.ts).`,
  };
}

export interface EntitySpec {
  table: TableName;
  /** One record of this table, in words. */
  description: string;
  fields: Record<string, FieldSpec>;
  /** Columns the loader computes; they are not written in records. */
  derived: DerivedColumn[];
  /** Field names that identify a record (for duplicate detection). */
  key: string[];
}

const sectors = {
  table: "sectors",
  description: "The sector taxonomy: every commitment belongs to one sector.",
  key: ["id"],
  fields: {
    id: f.id("Sector id, used by commitments (for example `agriculture`)."),
    label: f.text("Name shown in charts and filters."),
    color: f.color("Colour used for the sector in every chart."),
    description: f.longText("What the sector covers.", { required: false }),
    keywords: f.textList(
      "Words that point to the sector in a press release, matched at the start of a word (`pharmaceutic` matches `pharmaceuticals`); the drafter (`npm run draft`) picks a commitment's sector by them.",
      { required: false },
    ),
  },
  derived: [],
} satisfies EntitySpec;

const institutions = {
  table: "institutions",
  description:
    "An institution that can be bound by a commitment: a ministry, agency, company, university, or a whole government (type `government`) of one country; an international organisation (the UN, the EAEU, a development bank); or a joint body of two or more countries (a joint commission, its working groups).",
  key: ["id"],
  fields: {
    id: f.id("Institution id (for example `pk-navttc`)."),
    name: f.text("Full name in English."),
    acronym: f.text("Acronym or short name (NAVTTC, MTW).", { required: false }),
    scope: f.oneOf(
      INSTITUTION_SCOPES,
      "Whose body it is: `national` (one country's, given in `country`), `international` (an international organisation, no country) or `joint` (a body of two or more countries, listed in `members`). Defaults to `national`.",
      { required: false, defaultValue: "national" },
    ),
    country: f.country("Country the institution belongs to. Required for a national body; left out for the others.", {
      required: false,
    }),
    members: f.countryList("A joint body's member countries (at least two); left out for the others.", {
      required: false,
    }),
    naming: f.oneOf(
      INSTITUTION_NAMINGS,
      'Whether the source names it (`named`) or only says what kind of body it is (`generic`: "the chambers of commerce", "relevant ministries"). Generic institutions are counted apart from named ones and drawn apart in the network. Defaults to `named`.',
      { required: false, defaultValue: "named" },
    ),
    type: f.oneOf(INSTITUTION_TYPES, "Kind of institution."),
    aliases: f.textList("Other names found in sources, so searches and later records can match them.", {
      required: false,
    }),
    source_ids: f.refList("sources", "Sources that name the institution.", { required: false }),
    note: f.longText("Anything uncertain about the institution (names that differ between sources).", {
      required: false,
    }),
  },
  derived: [
    {
      name: "affiliation",
      type: "utf8",
      nullable: false,
      description:
        "What the institution is coloured and grouped by: its country code for a national body, `international` or `joint` otherwise.",
      derivation: "affiliationOf in institution-scope.ts.",
    },
    {
      name: "countries",
      type: "list_utf8",
      nullable: false,
      description:
        "The countries it belongs to: its country for a national body, its members for a joint body, none for an international organisation. The country filter matches any of them.",
      derivation: "affiliationOf in institution-scope.ts.",
    },
    {
      name: "country_name",
      type: "utf8",
      nullable: false,
      description:
        "Its affiliation in words: the country's English name, `International organisation`, or `Joint body (Belarus–Pakistan)`.",
      derivation: "affiliationOf in institution-scope.ts.",
    },
    joinKey("institution"),
  ],
} satisfies EntitySpec;

const sources = {
  table: "sources",
  description: "A document that records cite: a press release, a news article, an official statement.",
  key: ["id"],
  fields: {
    id: f.id("Source id (for example `urdupoint-2025-02-10-jmc8`)."),
    title: f.text("Title of the document."),
    publisher: f.text("Who published it."),
    url: f.url("Where to read it. Only http and https links are accepted."),
    published: f.partialDate("When it was published.", { required: false }),
    language: f.text("Language code of the document (en, ru, de).", { required: false }),
    note: f.longText("Anything a reader should know about the source (a reprint, a translation).", {
      required: false,
    }),
  },
  derived: [],
} satisfies EntitySpec;

const events = {
  table: "events",
  description: "A meeting, visit or report at which commitments were made or progress was shown.",
  key: ["id"],
  fields: {
    id: f.id("Event id (for example `pk-by-jmc-8`)."),
    title: f.text("Title of the event."),
    kind: f.oneOf(EVENT_KINDS, "Kind of event."),
    status: f.oneOf(EVENT_STATUSES, "Whether the event took place.", { required: false, defaultValue: "held" }),
    start_date: f.partialDate("First day of the event (or the month or year when that is all that is known)."),
    end_date: f.partialDate("Last day, for events over several days.", { required: false }),
    place: f.text("City (and venue) where it took place.", { required: false }),
    host_country: f.country("Country that hosted the event.", { required: false }),
    series: f.text(
      "Series the event belongs to, written the same way in every record of the series (for example `Pakistan–Belarus Joint Ministerial Commission`).",
      { required: false },
    ),
    series_short: f.text(
      "Short name of the series for labels (for example `JMC`, `JPCC`); derived from the series' initials when left out.",
      { required: false },
    ),
    series_body_id: f.ref(
      "institutions",
      "The joint body (or international organisation) whose session this is, for example the joint commission itself.",
      { required: false },
    ),
    session: f.positiveInt("Session number within the series (8 for the 8th JMC).", { required: false }),
    co_chairs: f.textList("People who chaired it, with their office.", { required: false }),
    summary: f.longText("What the event was, in your own words.", { required: false }),
    source_ids: f.refList("sources", "Sources that report the event.", { min: 1 }),
    confidence: f.oneOf(CONFIDENCES, "How sure the record is about the event's details.", {
      required: false,
      defaultValue: "high",
    }),
    note: f.longText("Where sources disagree or details are unconfirmed.", { required: false }),
  },
  derived: [],
} satisfies EntitySpec;

const commitments = {
  table: "commitments",
  description: "One thing agreed at an event: who promised what, in which sector, by when.",
  key: ["id"],
  fields: {
    id: f.id("Commitment id (for example `pk-by-jmc-8-labour-talks`)."),
    event_id: f.ref(
      "events",
      "Event at which it was agreed. In an event file it is taken from the file's `event` and may be left out.",
    ),
    date: f.partialDate("When it was agreed. Left out, it is the event's start date.", { required: false }),
    sector: f.ref("sectors", "Sector id."),
    summary: f.longText("What was agreed, in your own words (never a pasted sentence)."),
    action: f.oneOf(ACTIONS, "What the parties did or will do."),
    strength: f.oneOf(
      STRENGTHS,
      "How binding the wording is: firm (signed, committed), intent (agreed to work towards), exploratory (agreed to explore).",
    ),
    target_date: f.partialDate(
      'When it is due, if a date was given; a span START/END (`2027/2028` for "the 2027–2028 term") when it runs over a period, counted overdue only after its end.',
      { required: false, span: true },
    ),
    target_event_id: f.ref("events", "Event by which it is due (for example the next session).", {
      required: false,
    }),
    target_note: f.text(
      'Deadline in words when it is neither a date nor an event ("during the Prime Minister\'s visit").',
      {
        required: false,
      },
    ),
    source_id: f.ref("sources", "Source that records the commitment."),
    locator: f.text("Where in the source (paragraph number, page).", { required: false }),
    confidence: f.oneOf(CONFIDENCES, "How sure the record is that this was agreed as written."),
    note: f.longText("Uncertainty, disagreement between sources, context.", { required: false }),
  },
  derived: [
    {
      name: "status",
      type: "utf8",
      nullable: false,
      description: "Current status: the status of the latest status update, or `announced` when there is none.",
      derivation: "Latest status update by date (see status.ts).",
    },
    {
      name: "status_date",
      type: "utf8",
      nullable: true,
      description: "Date of the status update that set the current status (null when announced).",
      derivation: "Date of the latest status update.",
    },
    {
      name: "update_count",
      type: "int32",
      nullable: false,
      description: "Number of status updates about the commitment.",
      derivation: "Count of status_updates rows.",
    },
    {
      name: "party_count",
      type: "int32",
      nullable: false,
      description: "Number of institutions or governments the commitment binds.",
      derivation: "Count of commitment_parties rows.",
    },
    {
      name: "deadline",
      type: "date",
      nullable: true,
      description:
        "Last day the target covers: the target date's last day, else the target event's last day (its end date, else its start date); null without either. Overdue = deadline before today and status neither done nor dropped.",
      derivation: "deadlineOf in status.ts.",
    },
    joinKey("commitment"),
  ],
} satisfies EntitySpec;

const commitmentParties = {
  table: "commitment_parties",
  description:
    "Who a commitment binds. In an event file, write them inside the commitment as `parties`; in CSV, one row per party.",
  key: ["commitment_id", "institution_id"],
  fields: {
    commitment_id: f.ref("commitments", "The commitment."),
    institution_id: f.ref("institutions", "The institution or government bound by it."),
    role: f.oneOf(PARTY_ROLES, "Its role in the commitment.", { required: false, defaultValue: "party" }),
    note: f.longText("Anything uncertain about this party.", { required: false }),
  },
  derived: [joinKeyOf("commitment"), joinKeyOf("institution")],
} satisfies EntitySpec;

const statusUpdates = {
  table: "status_updates",
  description: "Later evidence about a commitment: it was signed, started, completed, stalled or dropped.",
  key: ["id"],
  fields: {
    id: f.id("Status update id."),
    commitment_id: f.ref("commitments", "The commitment the evidence is about."),
    date: f.partialDate("When the evidence dates from. In an event file, left out, it is the event's start date.", {
      required: false,
    }),
    status: f.oneOf(STATUSES, "Status the evidence shows."),
    summary: f.longText("What happened, in your own words."),
    event_id: f.ref("events", "Event at which it happened. In an event file it is taken from the file's `event`.", {
      required: false,
    }),
    source_id: f.ref("sources", "Source of the evidence."),
    locator: f.text("Where in the source.", { required: false }),
    confidence: f.oneOf(CONFIDENCES, "How sure the record is about the evidence."),
    note: f.longText("Uncertainty, disagreement between sources.", { required: false }),
  },
  derived: [joinKeyOf("commitment")],
} satisfies EntitySpec;

/** Every entity, in the order tables are documented and loaded. */
export const ENTITIES: readonly EntitySpec[] = [
  events,
  commitments,
  commitmentParties,
  statusUpdates,
  institutions,
  sources,
  sectors,
];

export const ENTITY: Record<TableName, EntitySpec> = Object.fromEntries(ENTITIES.map((e) => [e.table, e])) as Record<
  TableName,
  EntitySpec
>;

// The entities follow the one table list (tables.ts), in its order.
if (ENTITIES.map((e) => e.table).join() !== TABLE_NAMES.join()) throw new Error("ENTITIES and TABLE_NAMES disagree");

export function isTableName(name: string): name is TableName {
  // Own keys only: `name in ENTITY` would also accept "toString", "constructor", "__proto__".
  return Object.hasOwn(ENTITY, name);
}

/** The columns of a table: every field's columns, then the derived ones. */
export function tableColumns(table: TableName): (ColumnSpec & { derivation?: string })[] {
  const entity = ENTITY[table];
  return [...Object.entries(entity.fields).flatMap(([name, field]) => field.columns(name)), ...entity.derived];
}

/** Types of validated records, as the loaders see them. */
type Infer<E extends { fields: Record<string, FieldSpec<unknown>> }> = {
  [K in keyof E["fields"]]: z.infer<E["fields"][K]["zod"]>;
};
export type SectorRecord = Infer<typeof sectors>;
export type InstitutionRecord = Infer<typeof institutions>;
export type SourceRecord = Infer<typeof sources>;
export type EventRecord = Infer<typeof events>;
export type CommitmentRecord = Infer<typeof commitments>;
export type CommitmentPartyRecord = Infer<typeof commitmentParties>;
export type StatusUpdateRecord = Infer<typeof statusUpdates>;
