/**
 * What the timeline chart draws for one window: the rows of the timeline
 * queries (src/lib/sql/timeline-queries.ts) with the window itself, the
 * records' whole extent and the day taken as today. The chart
 * (src/components/timeline/timeline-chart.ts) re-exports it.
 */
import type { CitedSource } from "../model/caption.js";
import type { DensityRow, LaneRow, MarkRow, RuleRow, TimeRange, UpdateRow } from "../sql/timeline-queries.js";
import type { PackedDensity } from "./density-cells.js";

export interface TimelineData {
  lanes: LaneRow[];
  /** Commitments in the window (SQL count). */
  total: number;
  /** Present when the window holds few enough commitments to fetch them. */
  marks?: MarkRow[];
  updates?: UpdateRow[];
  density: DensityRow[];
  events: RuleRow[];
  /** The window drawn, inclusive days. */
  domain: TimeRange;
  /** The whole extent of the records in scope (for the brush). */
  extent: TimeRange;
  today: string;
}

/** A mark as the build stores it: `overdue` depends on the day the page is opened, so the page adds it. */
export type StoredMark = Omit<MarkRow, "overdue">;

/**
 * `timeline-first.json` (written by src/data/timeline-first.json.ts, from
 * src/lib/pipeline/timeline-first.ts): the unfiltered, unzoomed timeline,
 * so the page draws its chart before DuckDB-WASM has started
 * (src/lib/timeline/first-draw.ts turns it into `TimelineData`). Every part
 * is a timeline query's rows for no filters and no window.
 */
export interface TimelineFirstFile {
  /** The first and last day the records cover (`timelineExtent`, before the window is widened to today). */
  first: string | null;
  last: string | null;
  lanes: LaneRow[];
  events: RuleRow[];
  /** Commitments in all. */
  total: number;
  /** When `total` ≤ MARK_LIMIT: every mark and status update; the density is made from the marks on the page. */
  marks?: StoredMark[];
  updates?: UpdateRow[];
  /** Past MARK_LIMIT: the density cells, whose overdue counts hold only on their `today`. */
  density?: PackedDensity;
  /** The sources the commitments cite (`citedSources`), most cited first. */
  cited: CitedSource[];
}
