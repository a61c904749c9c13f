/**
 * A zoomed window's lanes from the filters' lanes with no window and the
 * window's counts (`timelineLaneCounts`, src/lib/sql/timeline-queries.ts):
 * every lane of the filters, in their order, its total kept and its count in
 * the window set (0 when the window holds none of it). The same rows as
 * `timelineLanes(filters, window)`; test/cross/timeline-window-rows.test.ts
 * checks that. Pure.
 */
import type { LaneCount, LaneRow } from "../sql/timeline-queries.js";

/** The lanes with their counts in the window. A count for a sector not among the lanes is an error, not dropped. */
export function windowLanes(lanes: readonly LaneRow[], counts: readonly LaneCount[]): LaneRow[] {
  const inWindow = new Map(counts.map((c) => [c.sector, Number(c.n)]));
  const known = new Set(lanes.map((l) => l.sector));
  const strays = [...inWindow.keys()].filter((sector) => !known.has(sector));
  if (strays.length > 0) {
    throw new Error(
      `Timeline lanes: the window counts commitments in ${strays.map((s) => `"${s}"`).join(", ")}, ` +
        `a sector the filters' lanes do not have (expected one of ${lanes.length} lanes); ` +
        "the lanes and the counts must come from the same filters and tables.",
    );
  }
  return lanes.map((lane) => ({ ...lane, n: inWindow.get(lane.sector) ?? 0 }));
}
