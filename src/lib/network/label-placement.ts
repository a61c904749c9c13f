/**
 * Label placement that never piles labels on top of each other: candidates
 * are taken by priority (largest node first, ties by id) and a label is drawn
 * only where its box overlaps no label already placed and no node other than
 * its own, and (given bounds) only inside the drawing. A uniform grid keeps it
 * near linear for thousands of nodes.
 */
import { compareIds } from "./graph.js";

export interface LabelCandidate {
  id: string;
  /** Node centre and radius, in screen pixels. */
  x: number;
  y: number;
  r: number;
  /** Label box size in pixels. */
  width: number;
  height: number;
  priority: number;
}

export interface PlacedLabel {
  id: string;
  /** Top-left corner of the label box. */
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  owner: string;
}

const CELL = 64;
/** Cells per axis a key tells apart: 2^14 cells of 64 px (half a million pixels either side of 0), so a key is a small integer. */
const SPAN = 2 ** 14;

/** A cell's index on one axis, clamped to the span (cells further out share a list: the overlap test stays exact). */
function cellOf(px: number): number {
  return Math.min(SPAN - 1, Math.max(0, Math.floor(px / CELL) + SPAN / 2));
}

/** Boxes in a uniform grid of cells keyed by one small integer (no string, array or heap number per box or cell). */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  add(b: Box): void {
    const gx1 = cellOf(b.x1);
    const gy1 = cellOf(b.y1);
    for (let gx = cellOf(b.x0); gx <= gx1; gx++)
      for (let gy = cellOf(b.y0); gy <= gy1; gy++) {
        const list = this.cells.get(gx * SPAN + gy);
        if (list) list.push(b);
        else this.cells.set(gx * SPAN + gy, [b]);
      }
  }

  /** Whether a box overlaps one of another owner. */
  hits(b: Box): boolean {
    const gx1 = cellOf(b.x1);
    const gy1 = cellOf(b.y1);
    for (let gx = cellOf(b.x0); gx <= gx1; gx++)
      for (let gy = cellOf(b.y0); gy <= gy1; gy++) {
        const list = this.cells.get(gx * SPAN + gy);
        if (!list) continue;
        for (const o of list)
          if (o.owner !== b.owner && o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) return true;
      }
    return false;
  }
}

export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly LabelCandidate[] = candidates,
  bounds?: { width: number; height: number },
): PlacedLabel[] {
  const grid = new BoxGrid();
  // Nodes are obstacles too (a label must not hide another node).
  for (const n of obstacles) grid.add({ x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r, owner: n.id });
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || compareIds(a.id, b.id));
  for (const c of order) {
    // Below the node first, then above, right, left.
    const options = [
      { x: c.x - c.width / 2, y: c.y + c.r + 2 },
      { x: c.x - c.width / 2, y: c.y - c.r - 2 - c.height },
      { x: c.x + c.r + 3, y: c.y - c.height / 2 },
      { x: c.x - c.r - 3 - c.width, y: c.y - c.height / 2 },
    ];
    for (const o of options) {
      const box = { x0: o.x, y0: o.y, x1: o.x + c.width, y1: o.y + c.height, owner: c.id };
      const inside = !bounds || (box.x0 >= 0 && box.y0 >= 0 && box.x1 <= bounds.width && box.y1 <= bounds.height);
      if (inside && !grid.hits(box)) {
        grid.add({ ...box, owner: `label:${c.id}` });
        placed.push({ id: c.id, x: o.x, y: o.y, width: c.width, height: c.height });
        break;
      }
    }
  }
  return placed;
}
