/**
 * Which density cell is under a point, without a DOM: on canvas
 * (src/components/timeline/timeline-density-canvas.ts) the cells are pixels,
 * so hover finds its cell here. The cells are a grid: each lane has a band of
 * month cells and a band of year bars (density-cell-boxes.ts), and in a band
 * the cells follow each other left to right without overlapping. So a look-up
 * is arithmetic: the band holding y, then a binary search on x in it (with
 * a little slack, as the narrowest months are thinner than a fingertip's pixel).
 */

/** A cell as the hit test sees it. */
export interface HitBox {
  x0: number;
  width: number;
  y: number;
  height: number;
}

/** The cells of one band (same y and height), in order of x0. */
interface Band {
  y: number;
  height: number;
  cells: number[];
}

export interface DensityHitIndex {
  boxes: readonly HitBox[];
  /** The bands, in order of y. */
  bands: Band[];
}

/** Groups the cells into their bands, each sorted left to right. */
export function densityHitIndex(boxes: readonly HitBox[]): DensityHitIndex {
  const byBand = new Map<string, Band>();
  boxes.forEach((b, i) => {
    const key = `${b.y}:${b.height}`;
    let band = byBand.get(key);
    if (!band) {
      band = { y: b.y, height: b.height, cells: [] };
      byBand.set(key, band);
    }
    band.cells.push(i);
  });
  const bands = [...byBand.values()].sort((a, b) => a.y - b.y);
  for (const band of bands) band.cells.sort((a, b) => boxes[a].x0 - boxes[b].x0 || a - b);
  return { boxes, bands };
}

/** The last index in `cells` whose box starts at or before x; -1 when none does. */
function lastStartingBefore(boxes: readonly HitBox[], cells: readonly number[], x: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (boxes[cells[mid]].x0 <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * How far left or right of a cell, px, a point still finds it: a month is
 * 1.5 px wide on a phone, and the pointer's position comes in whole px.
 */
export const HIT_SLACK = 2;

/**
 * The index of the cell under (x, y): the one whose box holds it (edges
 * included on the left and top), else the nearest in the band within
 * HIT_SLACK px sideways; -1 when none.
 */
export function densityCellAt(index: DensityHitIndex, x: number, y: number): number {
  const { boxes, bands } = index;
  for (const band of bands) {
    if (band.y > y) break;
    if (y >= band.y + band.height) continue;
    const at = lastStartingBefore(boxes, band.cells, x);
    let best = -1;
    let bestGap = Number.POSITIVE_INFINITY;
    if (at >= 0) {
      const box = boxes[band.cells[at]];
      const gap = x - (box.x0 + box.width);
      if (gap < 0) return band.cells[at];
      if (gap <= HIT_SLACK) [best, bestGap] = [band.cells[at], gap];
    }
    const next = band.cells[at + 1];
    if (next !== undefined && boxes[next].x0 - x <= HIT_SLACK && boxes[next].x0 - x < bestGap) best = next;
    if (best >= 0) return best;
  }
  return -1;
}
