/**
 * The drafter's contract: what `draftText` takes (a text, optional event
 * details, the records' institutions and sectors) and what it returns (the
 * event, drafted commitments with the sentence each came from, proposed
 * institutions, and warnings). The `/draft` page and `npm run draft` build on
 * these types; keep them stable.
 */
import type { ACTIONS, STRENGTHS } from "../model/schema.js";

export type Action = (typeof ACTIONS)[number];
export type Strength = (typeof STRENGTHS)[number];
export type Scope = "national" | "international" | "joint";

export interface DraftInput {
  text: string;
  event?: { title?: string; start_date?: string; place?: string; source_url?: string; id?: string };
}

/** An institution of the records, as the gazetteer matches it. */
export interface KnownInstitution {
  id: string;
  name: string;
  acronym?: string;
  aliases?: string[];
  country?: string;
  scope?: Scope;
  members?: string[];
  naming?: "named" | "generic";
  type: string;
}

/** A sector of the records with the keywords that point to it (`keywords` in sectors.yaml). */
export interface SectorKeywords {
  id: string;
  label?: string;
  keywords: string[];
}

/** From the records (tables or data folder). */
export interface DraftContext {
  institutions: KnownInstitution[];
  sectors: SectorKeywords[];
}

/** Where a sentence sits: its index and paragraph (as formatLocator writes them) and its char offsets in the input text. */
export interface SentenceSpan {
  index: number;
  paragraph: number;
  start: number;
  end: number;
}

export interface DraftCommitment {
  key: string;
  /** Char offsets in the input text, for highlighting. */
  sentence: SentenceSpan;
  summary: string;
  sector: string;
  sector_alternatives: string[];
  action: Action;
  strength: Strength;
  target_date?: string;
  target_event_hint?: string;
  /** Institution ids, existing or proposed. */
  parties: string[];
  confidence: "medium" | "low";
  /** Why: the rule and words that matched. */
  reasons: string[];
}

export interface ProposedInstitution {
  id: string;
  name: string;
  acronym?: string;
  country?: string;
  scope: Scope;
  members?: string[];
  naming: "named" | "generic";
  type: string;
  mentions: { sentence: number; start: number; end: number }[];
}

export interface DraftResult {
  /** Prefilled from the text's headline/dateline when not given. */
  event: { id: string; title: string; start_date?: string; place?: string; host_country?: string; source_url?: string };
  commitments: DraftCommitment[];
  institutions: ProposedInstitution[];
  /** What it could not do: no sentences, other language, truncated input… */
  warnings: string[];
}
