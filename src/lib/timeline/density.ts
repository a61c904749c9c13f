/**
 * When the timeline draws individual marks and when it aggregates them into
 * a density lane (counts per month and sector), and how marks that share a
 * date stack inside their lane. Pure: the chart's lane layout (src/lib/timeline/lane-layout.ts)
 * and the page's data step (src/components/timeline/timeline-data.ts) call these with pixel positions and counts.
 *
 * The rule: individual marks while (1) the window holds at most
 * MARK_LIMIT commitments and (2) once laid out at the chart's width no lane
 * needs more than MAX_STACK rows of marks that do not overlap. Otherwise the
 * lanes show counts per month (and per year for commitments dated only to a
 * year), and zooming in (brush, or a year) brings the marks back.
 */

/** Commitments the page fetches and draws one by one at most; past this, density only. */
export const MARK_LIMIT = 4000;
/** Rows of marks a lane may stack before they count as overlapping past legibility. */
export const MAX_STACK = 16;
/** Horizontal room one mark needs, in px (its symbol plus a gap). */
export const MARK_WIDTH = 11;

export type TimelineMode = "marks" | "density";

/** A mark's horizontal extent in px: a point (x0 = x1) or a span for a partial date. */
export interface Extent {
  x0: number;
  x1: number;
}

/**
 * The rows' right ends, kept in a tree of minimums so that the first row
 * (lowest index) where an item fits is found in O(log rows), not by reading
 * every row: a lane of a busy year stacks hundreds of rows.
 */
class RowEnds {
  private size = 16;
  private min = new Float64Array(32).fill(Number.POSITIVE_INFINITY);
  count = 0;

  /** The first row whose end + gap ≤ x0, or -1 (the same test, in the same floating point, as reading them in order). */
  firstFree(x0: number, gap: number): number {
    const { min, size } = this;
    if (!(min[1] + gap <= x0)) return -1;
    let node = 1;
    while (node < size) node = min[2 * node] + gap <= x0 ? 2 * node : 2 * node + 1;
    return node - size;
  }

  /** Sets a row's end (a new row when `row` is `count`). */
  set(row: number, end: number): void {
    if (row === this.count) this.count += 1;
    if (row >= this.size) this.grow();
    const { min, size } = this;
    // NaN never lets an item fit after it, as Infinity does not.
    let node = row + size;
    min[node] = Number.isNaN(end) ? Number.POSITIVE_INFINITY : end;
    for (node >>= 1; node >= 1; node >>= 1) min[node] = Math.min(min[2 * node], min[2 * node + 1]);
  }

  private grow(): void {
    const old = this.min;
    const oldSize = this.size;
    this.size *= 2;
    this.min = new Float64Array(2 * this.size).fill(Number.POSITIVE_INFINITY);
    this.min.set(old.subarray(oldSize, 2 * oldSize), this.size);
    for (let node = this.size - 1; node >= 1; node--)
      this.min[node] = Math.min(this.min[2 * node], this.min[2 * node + 1]);
  }
}

/**
 * Greedy row packing, in order of x0: each item goes to the first row whose
 * last item ends at least `gap` px before it starts. Returns each item's row
 * (0-based) and the number of rows. Deterministic: ties keep input order.
 * O(n log n): the sort, and the first free row from RowEnds.
 */
export function packRows(items: readonly Extent[], gap = MARK_WIDTH): { rows: number[]; count: number } {
  const order = items.map((_, i) => i).sort((a, b) => items[a].x0 - items[b].x0 || a - b);
  const ends = new RowEnds();
  const rows = new Array<number>(items.length);
  for (const i of order) {
    const { x0, x1 } = items[i];
    let row = ends.firstFree(x0, gap);
    if (row < 0) row = ends.count;
    ends.set(row, x1);
    rows[i] = row;
  }
  return { rows, count: ends.count };
}

export interface ModeInput {
  /** Commitments in the window (the SQL count). */
  total: number;
  /**
   * Marks per lane at the chart's width, each extent covering the mark's own
   * width (a symbol is MARK_WIDTH px wide; a span its days); undefined when
   * they were not fetched.
   */
  lanes?: readonly (readonly Extent[])[];
}

/** Chooses between individual marks and the density view (see the module comment). */
export function chooseMode({ total, lanes }: ModeInput): TimelineMode {
  if (total > MARK_LIMIT || !lanes) return "density";
  for (const lane of lanes) if (packRows(lane, 0).count > MAX_STACK) return "density";
  return "marks";
}

/** The window of one calendar year. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Each month's last day, by its YYYY-MM (a density view asks for the same few hundred months ten thousand times). */
const monthEnds = new Map<string, string>();

/** The last day of the month that holds a YYYY-MM-DD day (for month bins). */
export function monthEnd(day: string): string {
  const month = day.slice(0, 7);
  let end = monthEnds.get(month);
  if (end === undefined) {
    const [y, m] = day.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    end = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
    monthEnds.set(month, end);
  }
  return end;
}

/**
 * Places labels in at most `maxRows` rows, most important first (lower
 * `priority` first, then left to right): each goes to the first row where it
 * overlaps no placed label, or is left out (-1; its rule keeps a tooltip).
 */
export function placeLabels(items: readonly (Extent & { priority: number })[], maxRows: number, gap = 6): number[] {
  const order = items
    .map((_, i) => i)
    .sort((a, b) => items[a].priority - items[b].priority || items[a].x0 - items[b].x0 || a - b);
  const rows: Extent[][] = Array.from({ length: maxRows }, () => []);
  const placed = new Array<number>(items.length).fill(-1);
  for (const i of order) {
    const it = items[i];
    const row = rows.findIndex((r) => r.every((o) => it.x1 + gap <= o.x0 || o.x1 + gap <= it.x0));
    if (row >= 0) {
      rows[row].push(it);
      placed[i] = row;
    }
  }
  return placed;
}
