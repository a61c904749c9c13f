/**
 * The timeline's first draw from the build (`timeline-first.json`, see
 * TimelineFirstFile): the chart's data for no filters and no window on the
 * page's day, before DuckDB-WASM has started. The marks' `overdue` and the
 * density are worked out here for that day (the build cannot know it); a
 * file that holds only density cells counted on another day gives nothing,
 * and the page waits for DuckDB. The page then replaces it with the SQL
 * answer (src/components/timeline/timeline-data.ts), redrawing only if they
 * differ (timelineDifference); tests check they are equal.
 */
import type { CitedSource } from "../model/caption.js";
import { type FilterState, isEmptyFilters } from "../model/filters.js";
import { CLOSED_STATUSES } from "../model/status.js";
import type { MarkRow, TimeRange } from "../sql/timeline-queries.js";
import { densityRows, unpackDensity } from "./density-cells.js";
import type { TimelineData, TimelineFirstFile } from "./timeline-rows.js";
import { timelineDomain } from "./window.js";

/** The chart's data with the sources it cites, as the page draws it. */
export type TimelineDraw = TimelineData & { cited: CitedSource[] };

export interface FirstDraw {
  /** The unzoomed window (what `timelineExtent` gives, widened to today). */
  extent: TimeRange;
  data: TimelineDraw;
}

/**
 * `overdueSql` as DuckDB evaluates it for a mark: with no deadline the
 * comparison is NULL, and NULL AND true stays NULL (false for a closed one).
 */
function overdueAsSql(m: { deadline: string | null; status: string }, today: string): boolean | null {
  const open = !(CLOSED_STATUSES as readonly string[]).includes(m.status);
  if (m.deadline === null) return open ? null : false;
  return m.deadline < today && open;
}

/** The first draw for a day, or null when there is no file or it cannot give one (density counted on another day). */
export function firstDraw(file: TimelineFirstFile | null, today: string): FirstDraw | null {
  if (!file) return null;
  let marks: MarkRow[] | undefined;
  let density: TimelineData["density"];
  if (file.marks) {
    marks = file.marks.map((m) => ({ ...m, overdue: overdueAsSql(m, today) as boolean }));
    density = densityRows(marks, today);
  } else if (file.density && file.density.today === today) {
    density = unpackDensity(file.density);
  } else return null;
  const extent = timelineDomain(file.first, file.last, today);
  const data: TimelineDraw = {
    lanes: file.lanes,
    density,
    events: file.events,
    total: file.total,
    marks,
    updates: file.updates,
    domain: extent,
    extent,
    today,
    cited: file.cited,
  };
  return { extent, data };
}

/** Whether the first draw answers a view: no filters and the whole extent. */
export function firstDrawFits(filters: FilterState, window: TimeRange | null): boolean {
  return window === null && isEmptyFilters(filters);
}

/**
 * Where two draws' data first differ ("marks[3].overdue: true ≠ null"), or
 * null when they are equal: plain JSON values compared by key, whatever the
 * keys' order (the build writes its own order, SQL its columns').
 */
export function timelineDifference(a: TimelineDraw, b: TimelineDraw): string | null {
  return differenceAt(a, b, "");
}

const shown = (v: unknown) => (v === undefined ? "undefined" : JSON.stringify(v)?.slice(0, 60));

function differenceAt(a: unknown, b: unknown, path: string): string | null {
  if (a === b) return null;
  // Worded only when it is the answer: written at every level, the values' JSON was most
  // of the comparison (47–120 ms for a million commitments' 9,984 density cells; 16–21 ms now).
  const here = () => `${path || "data"}: ${shown(a)} ≠ ${shown(b)}`;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return here();
  if (Array.isArray(a) !== Array.isArray(b)) return here();
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length: ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = differenceAt(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of [...keys].sort()) {
    const found = differenceAt(x[key], y[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}
