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
/** Cells per axis a key tells apart (2^20 cells of 64 px either side of 0: far beyond any drawing). */
const SPAN = 2 ** 20;

/** One number for a grid cell, distinct for |gx|, |gy| < SPAN / 2 (cells further out may share a list: the overlap test stays exact). */
function cellKey(gx: number, gy: number): number {
  return (gx + SPAN / 2) * SPAN + (gy + SPAN / 2);
}

export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly LabelCandidate[] = candidates,
  bounds?: { width: number; height: number },
): PlacedLabel[] {
  // Cells keyed by one number (no string per cell and box): x and y offset into 2^20 each.
  const grid = new Map<number, Box[]>();
  const cells = (b: Box) => {
    const keys: number[] = [];
    for (let gx = Math.floor(b.x0 / CELL); gx <= Math.floor(b.x1 / CELL); gx++)
      for (let gy = Math.floor(b.y0 / CELL); gy <= Math.floor(b.y1 / CELL); gy++) keys.push(cellKey(gx, gy));
    return keys;
  };
  const add = (b: Box) => {
    for (const key of cells(b)) {
      const list = grid.get(key);
      if (list) list.push(b);
      else grid.set(key, [b]);
    }
  };
  const hits = (b: Box) => {
    for (const key of cells(b)) {
      const list = grid.get(key);
      if (!list) continue;
      for (const o of list)
        if (o.owner !== b.owner && o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) return true;
    }
    return false;
  };
  // Nodes are obstacles too (a label must not hide another node).
  for (const n of obstacles) add({ x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r, owner: n.id });
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
      if (inside && !hits(box)) {
        add({ ...box, owner: `label:${c.id}` });
        placed.push({ id: c.id, x: o.x, y: o.y, width: c.width, height: c.height });
        break;
      }
    }
  }
  return placed;
}
