/**
 * What the timeline chart draws for one window: the rows of the timeline
 * queries (src/lib/sql/timeline-queries.ts) with the window itself, the
 * records' whole extent and the day taken as today. The chart
 * (src/components/timeline/timeline-chart.ts) re-exports it.
 */
import type { DensityRow, LaneRow, MarkRow, RuleRow, TimeRange, UpdateRow } from "../sql/timeline-queries.js";

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
