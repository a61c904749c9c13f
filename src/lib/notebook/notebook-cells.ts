/**
 * The notebook's cells as data: each a query and, when its result can be
 * charted, the mark chosen. Changes return a new list (add, remove, move,
 * edit), within the limits every notebook keeps, whether typed, stored or
 * read from an address. Pure.
 */
import type { ChartMark } from "./chart-choice.js";

export interface NotebookCell {
  /** Unique within the notebook; not kept in the address. */
  id: string;
  sql: string;
  mark?: ChartMark;
}

/** At most this many cells, and this many characters a query. */
export const MAX_CELLS = 30;
export const MAX_SQL_CHARS = 20_000;

/** Rows of a cell's result turned into values and shown; the count covers them all. */
export const DISPLAY_ROWS = 5000;

/** The query a new notebook starts with. */
export const STARTER_SQL = `SELECT c.action, c.strength, count(*) AS n
FROM commitments c
GROUP BY ALL
ORDER BY n DESC`;

let counter = 0;

/** A fresh cell id (unique on the page). */
export function newCellId(): string {
  counter += 1;
  return `cell-${counter}`;
}

/** The cells with `added` appended (cut to MAX_CELLS; the caller says so when `dropped` > 0). */
export function addCells(
  cells: readonly NotebookCell[],
  added: readonly Omit<NotebookCell, "id">[],
): { cells: NotebookCell[]; dropped: number } {
  const room = Math.max(0, MAX_CELLS - cells.length);
  const kept = added.slice(0, room).map((cell) => ({ ...cell, id: newCellId() }));
  return { cells: [...cells, ...kept], dropped: added.length - kept.length };
}

/** The cells without the one with `id`. */
export function removeCell(cells: readonly NotebookCell[], id: string): NotebookCell[] {
  return cells.filter((cell) => cell.id !== id);
}

/** The cells with the one with `id` moved by `by` places (-1: up, 1: down), kept within the list. */
export function moveCell(cells: readonly NotebookCell[], id: string, by: number): NotebookCell[] {
  const from = cells.findIndex((cell) => cell.id === id);
  if (from < 0) return [...cells];
  const to = Math.min(Math.max(from + by, 0), cells.length - 1);
  const out = [...cells];
  const [cell] = out.splice(from, 1);
  out.splice(to, 0, cell);
  return out;
}

/** The cells with the one with `id` changed. */
export function editCell(
  cells: readonly NotebookCell[],
  id: string,
  change: Partial<Omit<NotebookCell, "id">>,
): NotebookCell[] {
  return cells.map((cell) => (cell.id === id ? { ...cell, ...change } : cell));
}
