/**
 * The timeline page's tracking rows for the filters and "today": the
 * scorecards by event and by sector (scorecard.ts) and the commitments due
 * next (due-next.ts), queried together. The SQL is
 * src/lib/sql/timeline-queries.ts.
 */
import type { FilterState } from "../../lib/model/filters.js";
import { dueNext, scorecardByEvent, scorecardBySector } from "../../lib/sql/timeline-queries.js";
import type { Database } from "../db.js";
import type { DueRow } from "./due-next.js";
import type { ScoreRow } from "./scorecard.js";

export interface TrackingRows {
  byEvent: ScoreRow[];
  bySector: ScoreRow[];
  due: DueRow[];
}

export async function loadTracking(db: Database, filters: FilterState, today: string): Promise<TrackingRows> {
  const [byEvent, bySector, due] = await Promise.all([
    db.query(scorecardByEvent(filters, today)),
    db.query(scorecardBySector(filters, today)),
    db.query(dueNext(filters, today)),
  ]);
  return {
    byEvent: byEvent as unknown as ScoreRow[],
    bySector: bySector as unknown as ScoreRow[],
    due: due as unknown as DueRow[],
  };
}
