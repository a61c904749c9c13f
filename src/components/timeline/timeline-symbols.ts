/**
 * How the timeline's marks look, shared by its renderers and its legends: the
 * overdue red, each status's colour, and the symbol of each strength (circle,
 * triangle, diamond), its path made once per shape and size.
 */
import * as d3 from "d3";
import type { Status } from "../../lib/model/schema.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import { STRENGTH_SHAPES, type Strength } from "../../lib/timeline/event-labels.js";

/**
 * Overdue marks' rings, their connectors, the density cells' overdue base and
 * the "today" rule: a red with at least 3:1 against the light (#ffffff,
 * #f6f6f6) and the dark (#161616, #1e1e1e) backgrounds, as a graphic needs
 * (3.9–4.3:1). Not enough for text: words beside it keep the text colour.
 */
export const OVERDUE = "#ee2a3c";

/** A status's colour (grey for an unknown status). */
export const statusColor = (status: string): string => STATUS_META[status as Status]?.color ?? "#999";

const SYMBOLS: Record<string, d3.SymbolType> = {
  circle: d3.symbolCircle,
  triangle: d3.symbolTriangle,
  diamond: d3.symbolDiamond,
};

/** The symbol of a strength (a circle for an unknown one). */
export const symbolFor = (strength: string): d3.SymbolType =>
  SYMBOLS[STRENGTH_SHAPES[strength as Strength]?.shape ?? "circle"];

const symbolPaths = new Map<string, string>();

/** A symbol's path, made once per shape and size (a zoomed year draws tens of thousands). */
export function symbolPath(strength: string, size: number): string {
  const key = `${strength}:${size}`;
  let path = symbolPaths.get(key);
  if (path === undefined) {
    path = d3.symbol(symbolFor(strength), size)() ?? "";
    symbolPaths.set(key, path);
  }
  return path;
}
