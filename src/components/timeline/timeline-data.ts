/**
 * The timeline's data step, one for the page (src/timeline.md) and the embed
 * view (timeline-view.ts): the time the filters cover, then for a window the
 * lanes and event rules, and either, when the window holds few enough
 * commitments to draw one by one (MARK_LIMIT), their marks and status updates
 * with the density cells counted from those marks, or else the density cells
 * from SQL; and the sources the filtered commitments cite. Rows come typed as
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
import type { SqlFragment } from "../../lib/sql/fragment.js";
import { citedSources } from "../../lib/sql/page-queries.js";
import * as tq from "../../lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../lib/timeline/density.js";
import { densityRows } from "../../lib/timeline/density-cells.js";
import { type FirstDraw, firstDrawFits, timelineDifference } from "../../lib/timeline/first-draw.js";
import type { TimelineData, TimelineFirstFile } from "../../lib/timeline/timeline-rows.js";
import { windowLanes } from "../../lib/timeline/window-lanes.js";
import { type Database, database } from "../db.js";
import { laneTotals, loadTimelineExtent, type PageTimelineScope, type TimelineScope } from "./timeline-scope.js";

type Range = tq.TimeRange;

/** The chart's data with the sources its commitments cite (the page's caption and source line). */
export interface TimelineWithSources extends TimelineData {
  cited: CitedSource[];
}

/** The sources cited by the filtered commitments, most cited first. */
export async function loadCitedSources(db: Database, filters: FilterState): Promise<CitedSource[]> {
  return (await db.query(citedSources(filters))) as unknown as CitedSource[];
}

/**
 * A window's lanes: the filters' lanes with their counts in it
 * (`timelineLaneCounts`, reading only the window's commitments; windowLanes),
 * or with no window the filters' lanes themselves.
 */
async function lanesFor(db: Database, filters: FilterState, range: Range | null, scope: TimelineScope) {
  if (!range) return scope.lanes();
  const [lanes, counts] = await Promise.all([
    scope.lanes(),
    db.query(tq.timelineLaneCounts(filters, range)) as Promise<unknown> as Promise<tq.LaneCount[]>,
  ]);
  return windowLanes(lanes, counts);
}

/**
 * Where a window's marks come from, and up to how many commitments the chart
 * takes one by one (past `limit`, the window is drawn as density).
 */
export interface MarkSource {
  limit: number;
  load(db: Database, filters: FilterState, range: Range | null, today: string, max: number): Promise<tq.MarkRow[]>;
}

/** The page's marks: whole rows (the table and the tooltips read their text), up to MARK_LIMIT. */
const WHOLE_MARK_ROWS: MarkSource = {
  limit: MARK_LIMIT,
  load: async (db, filters, range, today, max) =>
    (await db.query(tq.timelineMarks(filters, range, today, max))) as unknown as tq.MarkRow[],
};

/**
 * Everything the chart draws for the filters and a window (null: the whole
 * extent). Lanes and rules first; their count decides the rest. A window of
 * at most `marks.limit` commitments gets its marks and status updates, and
 * its density cells are counted from those marks (densityRows, the rule of
 * `timelineDensity`), so the engine aggregates only windows drawn as density.
 * test/cross/timeline-window-rows.test.ts checks the lanes and cells made
 * here against the queries that define them.
 */
export async function loadTimelineData(
  db: Database,
  filters: FilterState,
  range: Range | null,
  scope: TimelineScope,
  today: string,
  marks: MarkSource = WHOLE_MARK_ROWS,
): Promise<TimelineData> {
  const [lanes, events] = await Promise.all([
    lanesFor(db, filters, range, scope),
    db.query(tq.timelineEvents(filters, range)) as Promise<unknown> as Promise<TimelineData["events"]>,
  ]);
  const { extent } = scope;
  const total = lanes.reduce((sum, l) => sum + Number(l.n), 0);
  const drawn = total <= marks.limit ? await loadMarksAndUpdates(db, filters, range, today, marks) : undefined;
  const density = drawn
    ? densityRows(drawn.marks, today)
    : ((await db.query(tq.timelineDensity(filters, range, today))) as unknown as TimelineData["density"]);
  return { lanes, density, events, total, ...drawn, domain: range ?? extent, extent, today };
}

/** A window's marks (from `source`, all of them) and their status updates. */
async function loadMarksAndUpdates(
  db: Database,
  filters: FilterState,
  range: Range | null,
  today: string,
  source: MarkSource,
): Promise<{ marks: tq.MarkRow[]; updates: tq.UpdateRow[] }> {
  const [marks, updates] = await Promise.all([
    source.load(db, filters, range, today, source.limit),
    db.query(tq.timelineUpdates(filters, range)) as Promise<unknown> as Promise<tq.UpdateRow[]>,
  ]);
  return { marks, updates };
}

/**
 * The statements DuckDB may run for the unzoomed chart of `filters` (a
 * filter change shows the whole extent), in the order it is asked them: the
 * extent, the lanes, the events, then the marks and their updates or the
 * density (the lanes' count decides which), and the cited sources. The page
 * has them prepared ahead of a filter change (prepare-ahead.ts).
 */
export function unzoomedStatements(filters: FilterState, today: string): SqlFragment[] {
  return [
    tq.timelineExtent(filters),
    tq.timelineLanes(filters, null),
    tq.timelineEvents(filters, null),
    tq.timelineMarks(filters, null, today, MARK_LIMIT),
    tq.timelineUpdates(filters, null),
    tq.timelineDensity(filters, null, today),
    citedSources(filters),
  ];
}

/** The chart's data and the cited sources, queried together (the page redraws both on each filter or zoom). */
export async function loadTimelineWithSources(
  db: Database,
  filters: FilterState,
  range: Range | null,
  scope: TimelineScope,
  today: string,
): Promise<TimelineWithSources> {
  const [data, cited] = await Promise.all([
    loadTimelineData(db, filters, range, scope, today),
    loadCitedSources(db, filters),
  ]);
  return { ...data, cited };
}

/**
 * DuckDB's answer for the filters and a window, the unzoomed extent
 * (`answer.extent`) queried first; the filters' lanes from `lanes` (kept for
 * the windows after).
 */
export async function loadTimelineAnswer(
  filters: FilterState,
  range: Range | null,
  today: string,
  lanes = laneTotals(filters),
): Promise<TimelineWithSources> {
  const db = await database();
  const extent = await loadTimelineExtent(db, filters, today);
  return loadTimelineWithSources(db, filters, range, { extent, lanes }, today);
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
  lanes = laneTotals(filters),
): Promise<TimelineWithSources | null> {
  const answer = await loadTimelineAnswer(filters, null, today, lanes);
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
  scope: PageTimelineScope,
  today: string,
): AsyncGenerator<TimelineWithSources> {
  try {
    if (first && firstDrawFits(filters, range)) {
      scope.markCharted();
      yield first.data;
      const answer = await checkFirstDraw(first.data, filters, today, scope.lanes);
      if (answer) yield answer;
      return;
    }
    const answer = await loadTimelineWithSources(await database(), filters, range, scope, today);
    performance.mark("timeline:sql-answer", { detail: { fromBuild: false, same: false, difference: "no first draw" } });
    scope.markCharted();
    yield answer;
  } finally {
    // A failed or abandoned step must not hold the cards back.
    scope.markCharted();
  }
}
