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
import { type DensityBox, densityBox, OVERDUE_HEIGHT } from "../../lib/timeline/density-cell-boxes.js";
import { type ChartFrame, traceBand } from "../../lib/timeline/lane-layout.js";
import { binSpan, type DayScale } from "../../lib/timeline/mark-positions.js";
import { OVERDUE } from "./timeline-symbols.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/** A density cell drawn, by its data-density index (for the tooltip), with its box, colour and shade (for the canvas). */
export interface DensityCell {
  label: string;
  d: DensityRow;
  box: DensityBox;
  color: string;
  opacity: number;
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
  /** Only place the cells in `cells`, drawing nothing (timeline-density-canvas.ts paints them). */
  canvas?: boolean;
}

/** A lane's density cells, in `laneG`, clipped to the plot (with `canvas`, only placed). */
export function drawDensityCells(laneG: Group, lane: LaneRow, rows: readonly DensityRow[], ctx: DensityLaneContext) {
  const { frame, cells } = ctx;
  const plot = { top: ctx.top, scale: ctx.scale, left: frame.labelWidth, right: frame.width - frame.marginRight };
  // Written as markup in one go: a busy lane has hundreds of cells, and ten
  // thousand cells appended element by element took most of a second.
  const markup: string[] = [];
  for (const d of rows) {
    const box = densityBox(d, plot);
    if (!box) continue;
    const cell = { label: lane.label, d, box, color: lane.color, opacity: ctx.opacity(d.n) };
    if (!ctx.canvas) markup.push(cellMarkup(cells.length, cell));
    cells.push(cell);
  }
  if (markup.length) laneG.node()?.insertAdjacentHTML("beforeend", markup.join(""));
}

const escapeAttribute = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One cell as SVG markup: its count's shade, the overdue share as a red base, the count when it fits. */
function cellMarkup(index: number, { d, box, color, opacity }: DensityCell): string {
  const { x0, y, width, height } = box;
  const fill = escapeAttribute(color);
  let out = `<g data-density="${index}" data-n="${d.n}"><rect x="${x0}" y="${y}" width="${width}" height="${height}" fill="${fill}" opacity="${opacity}"></rect>`;
  if (box.overdueWidth > 0) {
    out += `<rect x="${x0}" y="${y + height - OVERDUE_HEIGHT}" width="${box.overdueWidth}" height="${OVERDUE_HEIGHT}" fill="${OVERDUE}"></rect>`;
  }
  if (box.label !== null) {
    const label = escapeAttribute(box.label);
    out += `<text x="${box.labelX}" y="${box.labelY}" text-anchor="middle" font-size="10" fill="currentColor">${label}</text>`;
  }
  return `${out}</g>`;
}
