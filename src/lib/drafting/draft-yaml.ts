/**
 * Writes a draft as one event file in the project's format (docs/data-format.md):
 * the source, the proposed institutions, the event and its commitments, valid
 * for `npm run validate` beside the data folder it was drafted against. Every
 * commitment says it was drafted from text and needs review, with
 * `confidence` medium or low, never high.
 */
import { stringify } from "yaml";
import type { DraftCommitment, DraftResult, ProposedInstitution } from "./draft-types.js";
import { formatLocator } from "./sentences.js";

export interface DraftYamlOptions {
  /** Keep only these commitments (by key); all when left out. */
  accepted?: ReadonlySet<string>;
  /** Source id to cite; derived from the source URL when left out. */
  sourceId?: string;
  /** What the file says drafted it ("npm run draft", "the /draft page"). */
  tool?: string;
}

const KINDS: [RegExp, string][] = [
  [/\bstate visit\b/i, "state_visit"],
  [/\bofficial visit\b/i, "official_visit"],
  [/\bworking group\b/i, "working_group"],
  [/\b(?:commission|committee|council)\b/i, "commission_session"],
  [/\bbusiness forum\b/i, "business_forum"],
  [/\bvisit\b/i, "official_visit"],
  [/\b(?:summit|talks)\b/i, "leaders_meeting"],
];

/** The event kind its title suggests (`other` when none). */
export function eventKindOf(title: string): string {
  return KINDS.find(([pattern]) => pattern.test(title))?.[1] ?? "other";
}

/** A source id from a URL and date: `drafted-urdupoint-com-2025-02-10`. */
export function sourceIdOf(url: string | undefined, date: string | undefined): string {
  let host = "source";
  try {
    if (url) host = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    host = "source";
  }
  return `drafted-${host.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}${date ? `-${date}` : ""}`.slice(0, 80);
}

function institutionRecord(p: ProposedInstitution): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name.slice(0, 300),
    ...(p.acronym && p.acronym !== p.name ? { acronym: p.acronym } : {}),
    ...(p.scope !== "national" ? { scope: p.scope } : {}),
    ...(p.country ? { country: p.country } : {}),
    ...(p.members ? { members: p.members } : {}),
    ...(p.naming === "generic" ? { naming: "generic" } : {}),
    type: p.type,
    note: "Proposed by the drafter from the text: check the name, country and type, or replace it by an existing institution.",
  };
}

function commitmentRecord(c: DraftCommitment, sourceId: string, tool: string): Record<string, unknown> {
  const alternatives = c.sector_alternatives.length
    ? ` Other possible sectors: ${c.sector_alternatives.join(", ")}.`
    : "";
  return {
    id: c.key,
    sector: c.sector,
    summary: c.summary,
    action: c.action,
    strength: c.strength,
    ...(c.target_date ? { target_date: c.target_date } : {}),
    ...(c.target_event_hint ? { target_note: c.target_event_hint.slice(0, 300) } : {}),
    source_id: sourceId,
    locator: formatLocator({ sentence: c.sentence.index, paragraph: c.sentence.paragraph }),
    confidence: c.confidence,
    note: `Drafted from the text by ${tool}; needs review (rewrite the summary in your own words). Why: ${c.reasons.join("; ")}.${alternatives}`.slice(
      0,
      4000,
    ),
    parties: c.parties,
  };
}

/** The draft as the text of one event YAML file. */
export function draftYaml(result: DraftResult, options: DraftYamlOptions = {}): string {
  const tool = options.tool ?? "the Accord Atlas drafter";
  const commitments = result.commitments.filter((c) => !options.accepted || options.accepted.has(c.key));
  const used = new Set(commitments.flatMap((c) => c.parties));
  const institutions = result.institutions.filter((p) => used.has(p.id));
  const { event } = result;
  const sourceId = options.sourceId ?? sourceIdOf(event.source_url, event.start_date);
  const doc: Record<string, unknown> = {};
  if (event.source_url && !options.sourceId) {
    doc.sources = [
      {
        id: sourceId,
        title: event.title.slice(0, 300),
        publisher: new URL(event.source_url).hostname.replace(/^www\./, ""),
        url: event.source_url,
        ...(event.start_date ? { published: event.start_date } : {}),
        language: "en",
      },
    ];
  }
  if (institutions.length) doc.institutions = institutions.map(institutionRecord);
  doc.event = {
    id: event.id,
    title: event.title,
    kind: eventKindOf(event.title),
    ...(event.start_date ? { start_date: event.start_date } : {}),
    ...(event.place ? { place: event.place } : {}),
    ...(event.host_country ? { host_country: event.host_country } : {}),
    source_ids: [sourceId],
    confidence: "medium",
    note: `Drafted from the text by ${tool}; check the title, kind, date and place.`,
  };
  doc.commitments = commitments.map((c) => commitmentRecord(c, sourceId, tool));
  const head = [
    `# Drafted by ${tool} from a press release: review every record before adding it to the data folder.`,
    ...(event.source_url || options.sourceId
      ? []
      : ["# No source URL was given: add a source record and set the source ids."]),
    ...(event.start_date ? [] : ["# No event date was found: set event.start_date."]),
  ];
  return `${head.join("\n")}\n${stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
