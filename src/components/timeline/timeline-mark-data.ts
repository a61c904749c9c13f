/**
 * A window's marks in two steps, for windows of tens of thousands of marks
 * (a zoomed year at a million commitments; bench/timeline.ts times it): their
 * shapes as typed columns (`timelineMarkShapes`, Database.queryColumns, turned
 * into marks by src/lib/timeline/mark-columns.ts), then the text of only the
 * marks a reader points at or lists (`timelineMarkTexts`). The page's own
 * step (timeline-data.ts) fetches whole rows while a window holds at most
 * MARK_LIMIT commitments.
 */
import type { FilterState } from "../../lib/model/filters.js";
import {
  type MarkRow,
  type MarkText,
  type TimeRange,
  timelineMarkShapes,
  timelineMarkTexts,
} from "../../lib/sql/timeline-queries.js";
import { marksFromColumns, withMarkTexts } from "../../lib/timeline/mark-columns.js";
import type { Database } from "../db.js";

/** The window's marks, their text empty. */
export async function loadMarkShapes(
  db: Database,
  filters: FilterState,
  range: TimeRange | null,
  today: string,
  max: number,
): Promise<MarkRow[]> {
  return marksFromColumns(await db.queryColumns(timelineMarkShapes(filters, range, today, max)));
}

/** Fills in the text of `marks` (a tooltip's one, a table's rows); returns those filled. */
export async function loadMarkTexts(db: Database, filters: FilterState, marks: readonly MarkRow[]): Promise<MarkRow[]> {
  const rows = await db.query(timelineMarkTexts(filters, [...new Set(marks.map((m) => m.id))]));
  return withMarkTexts(marks, rows as unknown as MarkText[]);
}
