/**
 * The timeline's lanes as counts. In density mode each lane shows its months
 * (and years, for commitments dated only to a year) as cells whose darkness
 * is the count, with a red base for the overdue share and the count written
 * in cells wide enough; in either mode a collapsed lane keeps a trace, one
 * tick per month with commitments. Positions come from
 * src/lib/timeline/mark-positions.ts and lane-layout.ts.
 */
import * as d3 from "d3";
import type { DensityRow, LaneRow } from "../../lib/sql/timeline-queries.js";
import { type ChartFrame, densityCellBand, traceBand } from "../../lib/timeline/lane-layout.js";
import { binSpan, clippedBinSpan, type DayScale } from "../../lib/timeline/mark-positions.js";
import { compactNumber } from "../../lib/timeline/timeline-chart-words.js";
import { OVERDUE } from "./timeline-symbols.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/** A density cell drawn, by its data-density index (for the tooltip). */
export interface DensityCell {
  label: string;
  d: DensityRow;
}

/** How dark a cell is for its count (square root, so single commitments still show). */
export function densityOpacity(density: readonly DensityRow[]): d3.ScalePower<number, number> {
  const maxDensity = d3.max(density, (d) => d.n) ?? 1;
  return d3.scaleSqrt().domain([0, maxDensity]).range([0.12, 1]);
}

/** A collapsed lane's trace, in `laneG` under content starting at `top`. */
export function drawCollapsedTrace(
  laneG: Group,
  lane: LaneRow,
  rows: readonly DensityRow[],
  { top, scale, opacity }: { top: number; scale: DayScale; opacity: (n: number) => number },
): void {
  const band = traceBand(top);
  for (const d of rows) {
    const { x0, x1 } = binSpan(d, scale);
    laneG
      .append("rect")
      .attr("x", x0)
      .attr("y", band.y)
      .attr("width", Math.max(1.5, x1 - x0))
      .attr("height", band.height)
      .attr("fill", lane.color)
      .attr("opacity", opacity(d.n));
  }
}

export interface DensityLaneContext {
  top: number;
  scale: DayScale;
  frame: ChartFrame;
  opacity: (n: number) => number;
  /** The cells drawn so far, across lanes; each new cell is added with its index as data-density. */
  cells: DensityCell[];
}

/** A lane's density cells, in `laneG`, clipped to the plot. */
export function drawDensityCells(laneG: Group, lane: LaneRow, rows: readonly DensityRow[], ctx: DensityLaneContext) {
  const { frame, cells } = ctx;
  // Written as markup in one go: a busy lane has hundreds of cells, and ten
  // thousand cells appended element by element took most of a second.
  const markup: string[] = [];
  for (const d of rows) {
    const span = clippedBinSpan(d, ctx.scale, frame.labelWidth, frame.width - frame.marginRight);
    if (!span) continue;
    markup.push(cellMarkup(cells.length, lane, d, { ...span, top: ctx.top, opacity: ctx.opacity }));
    cells.push({ label: lane.label, d });
  }
  laneG.node()?.insertAdjacentHTML("beforeend", markup.join(""));
}

const escapeAttribute = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One cell as SVG markup: its count's shade, the overdue share as a red base, the count when it fits. */
function cellMarkup(
  index: number,
  lane: LaneRow,
  d: DensityRow,
  { x0, x1, top, opacity }: { x0: number; x1: number; top: number; opacity: (n: number) => number },
): string {
  const year = d.bin === "year";
  const { y: cellTop, height: cellH } = densityCellBand(top, year);
  const fill = escapeAttribute(lane.color);
  const width = Math.max(1.5, x1 - x0 - (year ? 0 : 0.5));
  let out = `<g data-density="${index}" data-n="${d.n}"><rect x="${x0}" y="${cellTop}" width="${width}" height="${cellH}" fill="${fill}" opacity="${opacity(d.n)}"></rect>`;
  if (d.overdue > 0) {
    const share = Math.max(1.5, (x1 - x0) * (d.overdue / d.n));
    out += `<rect x="${x0}" y="${cellTop + cellH - 3}" width="${share}" height="3" fill="${OVERDUE}"></rect>`;
  }
  if (!year && x1 - x0 >= 22) {
    const label = escapeAttribute(compactNumber(d.n));
    out += `<text x="${(x0 + x1) / 2}" y="${cellTop + cellH / 2 + 4}" text-anchor="middle" font-size="10" fill="currentColor">${label}</text>`;
  }
  return `${out}</g>`;
}
