/**
 * The timeline's data step, one for the page (src/timeline.md) and the embed
 * view (timeline-view.ts): the time the filters cover, then for a window the
 * lanes, density cells and event rules, and, when the window holds few
 * enough commitments to draw one by one (MARK_LIMIT), their marks and status
 * updates; and the sources the filtered commitments cite. Rows come typed as
 * the chart reads them (timeline-chart.ts); the SQL is
 * src/lib/sql/timeline-queries.ts.
 *
 * With no filters and no window the page draws first from the build
 * (`timeline-first.json`, src/lib/timeline/first-draw.ts), before DuckDB has
 * started, then checks that draw against DuckDB's answer: it redraws only if
 * they differ, and marks `timeline:sql-answer` (its detail says where they
 * differ, if they do).
 */

import { FileAttachment } from "observablehq:stdlib";
import type { CitedSource } from "../../lib/model/caption.js";
import type { FilterState } from "../../lib/model/filters.js";
import { citedSources } from "../../lib/sql/page-queries.js";
import * as tq from "../../lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../lib/timeline/density.js";
import { type FirstDraw, firstDrawFits, timelineDifference } from "../../lib/timeline/first-draw.js";
import type { TimelineData, TimelineFirstFile } from "../../lib/timeline/timeline-rows.js";
import { timelineDomain } from "../../lib/timeline/window.js";
import { type Database, database } from "../db.js";

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

/** DuckDB's answer for the filters and a window, the unzoomed extent (`answer.extent`) queried first. */
export async function loadTimelineAnswer(
  filters: FilterState,
  range: Range | null,
  today: string,
): Promise<TimelineWithSources> {
  const db = await database();
  const extent = await loadTimelineExtent(db, filters, today);
  return loadTimelineWithSources(db, filters, range, extent, today);
}

/** The unzoomed window: the build's when its first draw answers the filters, else DuckDB's. */
export async function timelineExtentFor(first: FirstDraw | null, filters: FilterState, today: string): Promise<Range> {
  if (first && firstDrawFits(filters, null)) return first.extent;
  return loadTimelineExtent(await database(), filters, today);
}

/** The build's first draw (`timeline-first.json`), or null when it did not load (the chart then waits for DuckDB). */
export function loadTimelineFirst(): Promise<TimelineFirstFile | null> {
  firstFile ??= (FileAttachment("../../data/timeline-first.json").json() as Promise<TimelineFirstFile>).catch(
    (error: unknown) => {
      console.warn("Accord Atlas: timeline-first.json not loaded; the chart waits for DuckDB.", error);
      return null;
    },
  );
  return firstFile;
}
let firstFile: Promise<TimelineFirstFile | null> | undefined;

/**
 * DuckDB's answer for what was drawn from the build (extent included), or
 * null when they are the same. Marks `timeline:sql-answer` with where they
 * differ, if they do.
 */
export async function checkFirstDraw(
  drawn: TimelineWithSources,
  filters: FilterState,
  today: string,
): Promise<TimelineWithSources | null> {
  const answer = await loadTimelineAnswer(filters, null, today);
  const difference = timelineDifference(drawn, answer);
  performance.mark("timeline:sql-answer", { detail: { fromBuild: true, same: difference === null, difference } });
  if (difference === null) return null;
  console.warn(`Accord Atlas: the build's timeline differs from DuckDB's answer (${difference}); redrawn.`);
  return answer;
}

/**
 * The chart's data for the filters and window, as a Framework generator: the
 * build's first draw when it answers them, then DuckDB's answer, yielded only
 * when it differs from what was drawn.
 */
export async function* timelineDraws(
  first: FirstDraw | null,
  filters: FilterState,
  range: Range | null,
  extent: Range,
  today: string,
): AsyncGenerator<TimelineWithSources> {
  if (first && firstDrawFits(filters, range)) {
    yield first.data;
    const answer = await checkFirstDraw(first.data, filters, today);
    if (answer) yield answer;
    return;
  }
  const answer = await loadTimelineWithSources(await database(), filters, range, extent, today);
  performance.mark("timeline:sql-answer", { detail: { fromBuild: false, same: false, difference: "no first draw" } });
  yield answer;
}
