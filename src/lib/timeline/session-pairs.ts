/**
 * Which two sessions the timeline page's follow-up section compares: the
 * series shown first (those with a pair of sessions are followUpSeries in
 * src/lib/sql/timeline-queries.ts), the later sessions a
 * reader may pick, the session before the one picked, and the links between
 * recurring partners that the commitment panel shows. Pure; the matching rule
 * itself is src/lib/model/follow-up.ts, the section
 * src/components/timeline/timeline-follow-up-section.ts.
 */
import { defaultPair, type FollowUpRow, type SessionCommitment } from "../model/follow-up.js";
import { eventLabel } from "./event-labels.js";

/** A numbered session of an event series, as `seriesSessions` gives it (src/lib/sql/timeline-queries.ts). */
export interface SeriesSession {
  id: string;
  series: string;
  /** The series' short name ("JPCC"), when the records give one. */
  series_short?: string | null;
  session: number;
  title: string;
  status: string;
  start_date: string | null;
  start_date_from: string | null;
  place: string | null;
  /** The matching commitments made at it. */
  commitments: number;
}

/** A follow-up partner the panel offers as a jump. */
export interface PartnerLink {
  label: string;
  id: string;
}

/** The series shown first: the Joint Ministerial Commission when it has a pair, else the first. */
export function defaultSeries(series: readonly string[]): string | undefined {
  return series.find((s) => /Joint Ministerial Commission/.test(s)) ?? series[0];
}

/** The sessions one may compare with the one before: any but the first, with commitments. */
export function laterChoices(list: readonly SeriesSession[]): SeriesSession[] {
  return list.filter((s, i) => i > 0 && s.commitments > 0);
}

/** The later session picked first: that of the default pair (src/lib/model/follow-up.ts). */
export function defaultLater(list: readonly SeriesSession[]): SeriesSession | undefined {
  const pair = defaultPair(list);
  return laterChoices(list).find((s) => s.id === pair?.[1].id);
}

/** The last session before `later` with commitments, or null. */
export function earlierSession(
  list: readonly SeriesSession[],
  later: SeriesSession | null | undefined,
): SeriesSession | null {
  if (!later) return null;
  return list.filter((s) => s.session < later.session && s.commitments > 0).at(-1) ?? null;
}

/** "8th JMC": a session's short name (from the series' own short name when it has one). */
export function sessionLabel(s: Pick<SeriesSession, "series" | "series_short" | "session">): string {
  return eventLabel({ kind: "commission_session", series: s.series, series_short: s.series_short, session: s.session });
}

/** For each commitment of a recurring pair, its partner at the other session, labelled for the panel. */
export function partnerLinks(
  rows: readonly FollowUpRow<SessionCommitment>[],
  earlier: SeriesSession,
  later: SeriesSession,
): Map<string, PartnerLink[]> {
  const links = new Map<string, PartnerLink[]>();
  for (const r of rows) {
    if (r.kind !== "recurs" || !r.before || !r.after) continue;
    links.set(r.before.id, [{ label: `Recurs at the ${sessionLabel(later)}: ${r.after.summary}`, id: r.after.id }]);
    links.set(r.after.id, [
      { label: `Made before at the ${sessionLabel(earlier)}: ${r.before.summary}`, id: r.before.id },
    ]);
  }
  return links;
}
