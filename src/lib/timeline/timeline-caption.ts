/**
 * The timeline's words about what it shows: the count and window in the
 * page's heading and exported caption, the embed's shorter detail, and the
 * line naming its sources. Pure; the page (src/timeline.md, through
 * src/components/timeline/timeline-share.ts) and the embed view
 * (src/components/timeline/timeline-view.ts) print them.
 */
import { buildCaption, type Caption, type CitedSource, sourcesInWords } from "../model/caption.js";
import { formatPartialDate } from "../model/dates.js";
import type { TimeRange } from "../sql/timeline-queries.js";
import { rangeText } from "./timeline-chart-words.js";

export const TIMELINE_TITLE = "Commitments over time, by sector";

/** The page's count: "1,204 commitments from 2025 to 2025", or "… in all" with no window. */
export function timelineCount(total: number, window: TimeRange | null): string {
  const span = window ? `from ${formatPartialDate(window.from)} to ${formatPartialDate(window.to)}` : "in all";
  return `${total.toLocaleString("en")} commitments ${span}`;
}

/** The chart card's heading: the count, how to read the marks, and the day taken as today. */
export function timelineHeading(total: number, window: TimeRange | null, today: string): string {
  return `${timelineCount(total, window)} · shape = how binding · colour = latest status · hollow = target · red ring = overdue · dashed red rule = today (${formatPartialDate(today)})`;
}

/** The embed's caption detail: "1 commitment from 1 Jan 2025 – 31 Dec 2025", or "… in all". */
export function timelineEmbedDetail(total: number, window: TimeRange | null): string {
  return `${total.toLocaleString("en")} commitment${total === 1 ? "" : "s"} ${window ? `from ${rangeText(window)}` : "in all"}`;
}

/** The line under the page's chart: who is cited, and the data's date. */
export function timelineSourceLine(cited: readonly CitedSource[], latestSource: string | null): string {
  return `Sources: ${sourcesInWords(cited)}. Each mark's panel links its own. Data as of ${formatPartialDate(latestSource)}.`;
}

export interface TimelineCaptionInput {
  total: number;
  window: TimeRange | null;
  today: string;
  /** The filters in words, "" for none. */
  filters: string;
  sources: readonly CitedSource[];
  /** The latest source's date (YYYY-MM-DD or partial), null when unknown. */
  latestSource: string | null;
}

/** The caption the page's exports carry. */
export function timelinePageCaption(input: TimelineCaptionInput): Caption {
  return buildCaption({
    title: TIMELINE_TITLE,
    detail: `${timelineCount(input.total, input.window)} · today = ${formatPartialDate(input.today)}`,
    filters: input.filters,
    sources: input.sources,
    dataDate: formatPartialDate(input.latestSource),
  });
}

/** The caption before the page's data are in. */
export function timelineLoadingCaption(): Caption {
  return { title: TIMELINE_TITLE, lines: ["Loading…"] };
}
