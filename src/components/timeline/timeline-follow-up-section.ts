/**
 * The timeline page's "Follow-up from session to session" section: the
 * sessions of each series in the filters, a series picker and a session
 * picker (the later session, compared with the one before), the two
 * sessions' commitments matched (src/lib/model/follow-up.ts), and what the
 * card shows: the pickers, then the follow-up table or why there is none.
 * The choices are src/lib/timeline/session-pairs.ts; the page keeps the
 * reactive wiring (each picker is a view()).
 */
import * as Inputs from "@observablehq/inputs";
import type { FilterState } from "../../lib/model/filters.js";
import { type FollowUpRow, matchSessions } from "../../lib/model/follow-up.js";
import { seriesSessions, sessionCommitments } from "../../lib/sql/timeline-queries.js";
import {
  defaultLater,
  defaultSeries,
  earlierSession,
  laterChoices,
  type PartnerLink,
  partnerLinks,
  type SeriesSession,
  seriesWithPairs,
  sessionLabel,
  sessionsOf,
} from "../../lib/timeline/session-pairs.js";
import type { Database } from "../db.js";
import { el, emptyState } from "../dom.js";
import { type FollowUpCommitment, followUp } from "./follow-up.js";

export interface FollowUpSessions {
  /** Every numbered session in the filters. */
  sessions: SeriesSession[];
  /** The series with two sessions to compare. */
  series: string[];
}

/** Two sessions compared, and their commitments matched; empty when there is no pair. */
export interface FollowUpPair {
  earlier: SeriesSession | null;
  later: SeriesSession | null;
  rows: FollowUpRow<FollowUpCommitment>[];
}

export async function loadFollowUpSessions(db: Database, filters: FilterState): Promise<FollowUpSessions> {
  const sessions = (await db.query(seriesSessions(filters))) as unknown as SeriesSession[];
  return { sessions, series: seriesWithPairs(sessions) };
}

/** The series picker. */
export function seriesPicker(series: string[]): HTMLElement & { value: string | undefined } {
  return Inputs.select(series, { label: "Series", value: defaultSeries(series) });
}

/** The later session's picker, for a series. */
export function sessionPicker(
  sessions: readonly SeriesSession[],
  series: string | undefined,
): HTMLElement & { value: SeriesSession | undefined } {
  const list = sessionsOf(sessions, series);
  return Inputs.select(laterChoices(list), {
    label: "Compare session",
    format: (s: SeriesSession) => `${sessionLabel(s)} with the one before`,
    value: defaultLater(list),
  });
}

/** The later session and the one before it with commitments, their commitments matched. */
export async function loadFollowUpPair(
  db: Database,
  filters: FilterState,
  sessions: readonly SeriesSession[],
  series: string | undefined,
  later: SeriesSession | undefined,
): Promise<FollowUpPair> {
  const earlier = earlierSession(sessionsOf(sessions, series), later);
  if (!later || !earlier) return { earlier, later: later ?? null, rows: [] };
  const rows = (await db.query(sessionCommitments(filters, [earlier.id, later.id]))) as unknown as FollowUpCommitment[];
  return {
    earlier,
    later,
    rows: matchSessions(
      rows.filter((c) => c.event_id === earlier.id),
      rows.filter((c) => c.event_id === later.id),
      later.id,
    ),
  };
}

/** Puts the pair's recurring partners in `partners` (the panel reads them), replacing those of the last pair. */
export function notePartners(partners: Map<string, PartnerLink[]>, pair: FollowUpPair): void {
  partners.clear();
  if (!pair.earlier || !pair.later) return;
  for (const [id, links] of partnerLinks(pair.rows, pair.earlier, pair.later)) partners.set(id, links);
}

/** The pickers, when some series has two sessions to compare. */
export function followUpPickers(
  sessions: FollowUpSessions,
  seriesInput: HTMLElement,
  laterInput: HTMLElement,
): HTMLElement | "" {
  return sessions.series.length ? el("div", { class: "aa-inline-inputs" }, seriesInput, laterInput) : "";
}

/** The follow-up table for the pair, or why there is none. */
export function followUpBody(
  sessions: FollowUpSessions,
  pair: FollowUpPair,
  onSelect: (id: string, trigger: Element) => void,
): HTMLElement {
  if (sessions.series.length === 0 || !pair.earlier || !pair.later)
    return emptyState(
      "No series has two sessions with commitments in these filters",
      "Clear a filter to compare sessions.",
    );
  return followUp(pair.rows, { before: sessionLabel(pair.earlier), after: sessionLabel(pair.later), onSelect });
}
