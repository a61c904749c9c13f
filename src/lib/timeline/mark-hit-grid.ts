/**
 * Which timeline mark is under a point, without a DOM: the canvas renderer
 * (src/components/timeline/timeline-marks-canvas.ts) draws tens of thousands
 * of marks as pixels, so hover and click find their mark here. Each mark is
 * its symbol's centre (`cx`, `y`) and, for a date known only to the month or
 * year, its span (`x0`..`x1`) on its row; a uniform grid of CELL px buckets
 * them so a look-up reads a handful of marks, not all of them.
 */

/** A mark as the hit test sees it: its span on its row (x0 = x1 = cx for a day) and its row's y. */
export interface HitMark {
  x0: number;
  x1: number;
  cx: number;
  y: number;
}

/** How far from a mark's symbol (or span) a point still hits it, px: the symbol's half-width plus a little. */
export const HIT_RADIUS = 6;
/** The grid's cell size, px. */
const CELL = 16;
/**
 * The width of the cells marks with a span go in, px: a year's bar crosses
 * the chart, and in cells of CELL px it went into a hundred of them.
 */
const SPAN_CELL = 256;

export interface HitGrid {
  marks: readonly HitMark[];
  /** Marks at a day (x0 = x1), by the CELL × CELL cells their hit area touches. */
  cells: Map<number, number[]>;
  /** Marks with a span (x1 > x0), by the SPAN_CELL × CELL cells their hit area touches. */
  spans: Map<number, number[]>;
}

const key = (col: number, row: number) => col * 65_536 + row;

/** Adds mark `i` to every cell `width` px wide (CELL px tall) its hit area touches. */
function bucket(cells: Map<number, number[]>, width: number, m: HitMark, i: number): void {
  const c0 = Math.floor((Math.min(m.x0, m.cx) - HIT_RADIUS) / width);
  const c1 = Math.floor((Math.max(m.x1, m.cx) + HIT_RADIUS) / width);
  const r0 = Math.floor((m.y - HIT_RADIUS) / CELL);
  const r1 = Math.floor((m.y + HIT_RADIUS) / CELL);
  for (let c = c0; c <= c1; c++)
    for (let r = r0; r <= r1; r++) {
      const k = key(c, r);
      const list = cells.get(k);
      if (list) list.push(i);
      else cells.set(k, [i]);
    }
}

/** Buckets each mark into every cell its symbol or span (widened by HIT_RADIUS) touches. */
export function hitGrid(marks: readonly HitMark[]): HitGrid {
  const cells = new Map<number, number[]>();
  const spans = new Map<number, number[]>();
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    if (m.x1 > m.x0) bucket(spans, SPAN_CELL, m, i);
    else bucket(cells, CELL, m, i);
  }
  return { marks, cells, spans };
}

/** The distance from a point to a mark: to its symbol's centre, or to its span's bar for a partial date. */
export function distanceToMark(m: HitMark, x: number, y: number): number {
  const symbol = Math.hypot(x - m.cx, y - m.y);
  if (m.x1 <= m.x0) return symbol;
  const along = x < m.x0 ? m.x0 - x : x > m.x1 ? x - m.x1 : 0;
  return Math.min(symbol, Math.hypot(along, y - m.y));
}

/**
 * The index of the mark under (x, y): the nearest within HIT_RADIUS, the one
 * drawn last (on top) on a tie; -1 when none.
 */
export function markAt(grid: HitGrid, x: number, y: number): number {
  const row = Math.floor(y / CELL);
  let best = -1;
  let bestDistance = HIT_RADIUS;
  for (const list of [
    grid.cells.get(key(Math.floor(x / CELL), row)),
    grid.spans.get(key(Math.floor(x / SPAN_CELL), row)),
  ]) {
    if (!list) continue;
    for (const i of list) {
      const d = distanceToMark(grid.marks[i], x, y);
      if (d < bestDistance || (d === bestDistance && i > best)) {
        best = i;
        bestDistance = d;
      }
    }
  }
  return best;
}
