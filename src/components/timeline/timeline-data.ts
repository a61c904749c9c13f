/**
 * The timeline's data step, one for the page (src/timeline.md) and the embed
 * view (timeline-view.ts): the time the filters cover, then for a window the
 * lanes, density cells and event rules, and, when the window holds few
 * enough commitments to draw one by one (MARK_LIMIT), their marks and status
 * updates; and the sources the filtered commitments cite. Rows come typed as
 * the chart reads them (timeline-chart.ts); the SQL is
 * src/lib/sql/timeline-queries.ts.
 */
import type { CitedSource } from "../../lib/model/caption.js";
import type { FilterState } from "../../lib/model/filters.js";
import { citedSources } from "../../lib/sql/page-queries.js";
import * as tq from "../../lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../lib/timeline/density.js";
import type { TimelineData } from "../../lib/timeline/timeline-rows.js";
import { timelineDomain } from "../../lib/timeline/window.js";
import type { Database } from "../db.js";

type Range = tq.TimeRange;

/** The chart's data with the sources its commitments cite (the page's caption and source line). */
export interface TimelineWithSources extends TimelineData {
  cited: CitedSource[];
}

/** The unzoomed window for the filters: their first record to past the latest date and today. */
export async function loadTimelineExtent(db: Database, filters: FilterState, today: string): Promise<Range> {
  const [row] = await db.query(tq.timelineExtent(filters));
  return timelineDomain((row?.first as string | null) ?? null, (row?.last as string | null) ?? null, today);
}

/** The sources cited by the filtered commitments, most cited first. */
export async function loadCitedSources(db: Database, filters: FilterState): Promise<CitedSource[]> {
  return (await db.query(citedSources(filters))) as unknown as CitedSource[];
}

/** Everything the chart draws for the filters and a window (null: the whole extent). */
export async function loadTimelineData(
  db: Database,
  filters: FilterState,
  range: Range | null,
  extent: Range,
  today: string,
): Promise<TimelineData> {
  const [lanes, density, events] = await Promise.all([
    db.query(tq.timelineLanes(filters, range)),
    db.query(tq.timelineDensity(filters, range, today)),
    db.query(tq.timelineEvents(filters, range)),
  ]);
  const total = lanes.reduce((sum, l) => sum + Number(l.n), 0);
  let marks: TimelineData["marks"];
  let updates: TimelineData["updates"];
  if (total <= MARK_LIMIT) {
    const [m, u] = await Promise.all([
      db.query(tq.timelineMarks(filters, range, today, MARK_LIMIT)),
      db.query(tq.timelineUpdates(filters, range)),
    ]);
    marks = m as unknown as TimelineData["marks"];
    updates = u as unknown as TimelineData["updates"];
  }
  return {
    lanes: lanes as unknown as TimelineData["lanes"],
    density: density as unknown as TimelineData["density"],
    events: events as unknown as TimelineData["events"],
    total,
    marks,
    updates,
    domain: range ?? extent,
    extent,
    today,
  };
}

/** The chart's data and the cited sources, queried together (the page redraws both on each filter or zoom). */
export async function loadTimelineWithSources(
  db: Database,
  filters: FilterState,
  range: Range | null,
  extent: Range,
  today: string,
): Promise<TimelineWithSources> {
  const [data, cited] = await Promise.all([
    loadTimelineData(db, filters, range, extent, today),
    loadCitedSources(db, filters),
  ]);
  return { ...data, cited };
}
