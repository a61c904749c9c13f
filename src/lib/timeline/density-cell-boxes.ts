/**
 * Where the density view's cells go, without a DOM: each month (or year, for
 * commitments dated only to a year) of a lane as a box on the lane's month or
 * year band (lane-layout.ts densityCellBand), clipped to the plot, with the
 * red base for its overdue share and its count when the cell is wide enough
 * to write it. Both renderers draw these boxes (src/components/timeline/
 * timeline-density-svg.ts as markup, timeline-density-canvas.ts as pixels),
 * so they draw the same picture, and the canvas's hit test
 * (density-hit-test.ts) finds a cell by them.
 */
import type { DensityRow } from "../sql/timeline-queries.js";
import { densityCellBand } from "./lane-layout.js";
import { clippedBinSpan, type DayScale } from "./mark-positions.js";
import { compactNumber } from "./timeline-chart-words.js";

/** Narrowest a cell or its overdue base is drawn, px. */
const MIN_WIDTH = 1.5;
/** A month's cell is at least this wide, px, for its count to be written in it. */
export const LABEL_WIDTH = 22;
/** The overdue base's height, px, at the foot of the cell. */
export const OVERDUE_HEIGHT = 3;

/** A cell's box in the chart's own px. */
export interface DensityBox {
  x0: number;
  width: number;
  y: number;
  height: number;
  year: boolean;
  /** The overdue base's width (0 when none is overdue). */
  overdueWidth: number;
  /** The count written in the cell, or null when it does not fit (or a year's bar). */
  label: string | null;
  /** Where the count is written: the middle of the cell's span, a little under its band's middle. */
  labelX: number;
  labelY: number;
}

/** The plot a lane's cells are drawn in: its content's top and the plot's left and right edges. */
export interface DensityPlot {
  top: number;
  scale: DayScale;
  left: number;
  right: number;
}

/** The box of one cell, or null when nothing of it is inside the plot. */
export function densityBox(d: DensityRow, { top, scale, left, right }: DensityPlot): DensityBox | null {
  const span = clippedBinSpan(d, scale, left, right);
  if (!span) return null;
  const year = d.bin === "year";
  const { y, height } = densityCellBand(top, year);
  const full = span.x1 - span.x0;
  return {
    x0: span.x0,
    width: Math.max(MIN_WIDTH, full - (year ? 0 : 0.5)),
    y,
    height,
    year,
    overdueWidth: d.overdue > 0 ? Math.max(MIN_WIDTH, full * (d.overdue / d.n)) : 0,
    label: !year && full >= LABEL_WIDTH ? compactNumber(d.n) : null,
    labelX: (span.x0 + span.x1) / 2,
    labelY: y + height / 2 + 4,
  };
}
