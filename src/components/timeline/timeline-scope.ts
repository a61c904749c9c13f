/**
 * What the timeline holds for every window of a filter state (its scope):
 * the time the filters cover (the unzoomed window, which the zoom menu
 * offers) and their lanes with no window, whose totals a zoom keeps; and, for
 * the page, when its chart has data, so the cards under it ask DuckDB after
 * the chart's queries (src/timeline.md). The data step that reads the scope
 * is timeline-data.ts.
 */
import { type ChartTurn, chartTurn } from "../../lib/client/chart-turn.js";
import type { FilterState } from "../../lib/model/filters.js";
import * as tq from "../../lib/sql/timeline-queries.js";
import { type FirstDraw, firstDrawFits } from "../../lib/timeline/first-draw.js";
import { timelineDomain } from "../../lib/timeline/window.js";
import { type Database, database } from "../db.js";

type Range = tq.TimeRange;

/** The unzoomed window for the filters: their first record to past the latest date and today. */
export async function loadTimelineExtent(db: Database, filters: FilterState, today: string): Promise<Range> {
  const [row] = await db.query(tq.timelineExtent(filters));
  return timelineDomain((row?.first as string | null) ?? null, (row?.last as string | null) ?? null, today);
}

/**
 * What holds for every window of the filters: the time they cover (the
 * unzoomed window) and their lanes with no window, whose totals every window
 * keeps (only each lane's count in the window changes).
 */
export interface TimelineScope {
  extent: Range;
  lanes: () => Promise<tq.LaneRow[]>;
}

/**
 * The filters' lanes with no window (`timelineLanes(filters, null)`), asked
 * of DuckDB when first needed and then kept; a failed answer is not kept.
 */
export function laneTotals(filters: FilterState): () => Promise<tq.LaneRow[]> {
  let asked: Promise<tq.LaneRow[]> | undefined;
  return () => {
    if (!asked) {
      const answer = database().then(
        (db) => db.query(tq.timelineLanes(filters, null)) as Promise<unknown> as Promise<tq.LaneRow[]>,
      );
      answer.catch(() => {
        if (asked === answer) asked = undefined;
      });
      asked = answer;
    }
    return asked;
  };
}

/**
 * The page's scope for a filter state, with its chart's turn at DuckDB: the
 * cards below the chart ask DuckDB only once it has its data (`afterChart`,
 * src/lib/client/chart-turn.ts), or the chart's second round of queries
 * (marks or density, once the lanes give the count) would wait behind theirs.
 * timelineDraws marks the turn taken.
 */
export interface PageTimelineScope extends TimelineScope, ChartTurn {}

/** The filters' scope: the build's extent when its first draw answers them, else DuckDB's; their lanes when asked. */
export async function timelineScopeFor(
  first: FirstDraw | null,
  filters: FilterState,
  today: string,
): Promise<PageTimelineScope> {
  const lanes = laneTotals(filters);
  const turn = chartTurn();
  const extent =
    first && firstDrawFits(filters, null) ? first.extent : await loadTimelineExtent(await database(), filters, today);
  return { extent, lanes, ...turn };
}
