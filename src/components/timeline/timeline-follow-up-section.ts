/**
 * The timeline page's "Follow-up from session to session" section: the
 * series in the filters with two sessions to compare, a series picker, the
 * picked series' sessions and a session picker (the later session, compared
 * with the one before), the two sessions' commitments matched
 * (src/lib/model/follow-up.ts), and what the card shows: the pickers, then
 * the follow-up table or why there is none. Only the picked series' sessions
 * leave DuckDB.
 * The choices are src/lib/timeline/session-pairs.ts; the page keeps the
 * reactive wiring (each picker is a view()).
 */
import * as Inputs from "@observablehq/inputs";
import type { FilterState } from "../../lib/model/filters.js";
import { type FollowUpRow, matchSessions } from "../../lib/model/follow-up.js";
import { followUpSeries, seriesSessions, sessionCommitments } from "../../lib/sql/timeline-queries.js";
import {
  defaultLater,
  defaultSeries,
  earlierSession,
  laterChoices,
  type PartnerLink,
  partnerLinks,
  type SeriesSession,
  sessionLabel,
} from "../../lib/timeline/session-pairs.js";
import type { Database } from "../db.js";
import { el, emptyState } from "../dom.js";
import { type FollowUpCommitment, followUp } from "./follow-up.js";

/** The series with two sessions to compare in the filters, by name. */
export type FollowUpSeries = string[];

/** Two sessions compared, and their commitments matched; empty when there is no pair. */
export interface FollowUpPair {
  earlier: SeriesSession | null;
  later: SeriesSession | null;
  rows: FollowUpRow<FollowUpCommitment>[];
}

export async function loadFollowUpSeries(db: Database, filters: FilterState): Promise<FollowUpSeries> {
  return (await db.query(followUpSeries(filters))).map((row) => String(row.series));
}

/** The numbered sessions of one series, in order; none without a series. */
export async function loadSeriesSessions(
  db: Database,
  filters: FilterState,
  series: string | undefined,
): Promise<SeriesSession[]> {
  if (series === undefined) return [];
  return (await db.query(seriesSessions(filters, series))) as unknown as SeriesSession[];
}

/** The series picker. */
export function seriesPicker(series: string[]): HTMLElement & { value: string | undefined } {
  return Inputs.select(series, { label: "Series", value: defaultSeries(series) });
}

/** The later session's picker, for a series' sessions. */
export function sessionPicker(list: readonly SeriesSession[]): HTMLElement & { value: SeriesSession | undefined } {
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
  later: SeriesSession | undefined,
): Promise<FollowUpPair> {
  const earlier = earlierSession(sessions, later);
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
  series: FollowUpSeries,
  seriesInput: HTMLElement,
  laterInput: HTMLElement,
): HTMLElement | "" {
  return series.length ? el("div", { class: "aa-inline-inputs" }, seriesInput, laterInput) : "";
}

/** The follow-up table for the pair, or why there is none. */
export function followUpBody(
  series: FollowUpSeries,
  pair: FollowUpPair,
  onSelect: (id: string, trigger: Element) => void,
): HTMLElement {
  if (series.length === 0 || !pair.earlier || !pair.later)
    return emptyState(
      "No series has two sessions with commitments in these filters",
      "Clear a filter to compare sessions.",
    );
  return followUp(pair.rows, { before: sessionLabel(pair.earlier), after: sessionLabel(pair.later), onSelect });
}
