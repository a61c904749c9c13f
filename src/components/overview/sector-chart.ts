/**
 * Commitments by sector, stacked by status: how many promises each sector
 * holds and what came of them, drawn with Plot. Rows come from
 * `bySectorAndStatus` (or the build-time seed); the overview's view module
 * (sector-view.ts) draws it.
 */
import * as Plot from "@observablehq/plot";
import { type SectorPivot, sectorPivot } from "../../lib/model/sector-pivot.js";
import { STATUS_META, STATUS_ORDER } from "../../lib/model/value-labels.js";
import type { TypeScale } from "../../lib/model/view-state.js";
import { el, emptyState } from "../dom.js";
import { plotForScreenReaders } from "../plot-access.js";
import { sectorTable } from "./sector-table.js";

export interface SectorStatusRow {
  sector: string;
  label: string;
  color: string;
  status: string;
  n: number;
}

/** How the chart is drawn: its width, a fixed height (a slide's frame), the type scale, and Plot's own legend. */
export interface SectorChartOptions {
  width?: number;
  /** The whole chart's height in pixels (bars, axis and legend); by default it follows the number of sectors. */
  height?: number | null;
  /** "slide": every label and tick at `SLIDE_FONT` pixels, for projection. */
  type?: TypeScale;
  /** False leaves the status legend to the caller (an embed draws its own under the chart). */
  legend?: boolean;
}

/** The chart's text size on a slide (the brief for projection: ≥ 18 px at 1920×1080). */
export const SLIDE_FONT = 20;

export function sectorChart(rows: SectorStatusRow[], options: SectorChartOptions = {}): Element {
  if (rows.length === 0) return emptyState("No commitments match these filters.", "Clear a filter or widen the years.");
  const pivot = sectorPivot(rows);
  const order = pivot.rows.map((row) => row.label);
  const present = pivot.statuses;
  const size = chartSize(pivot, options);
  const chart = Plot.plot({
    width: size.width,
    height: size.height,
    marginLeft: size.marginLeft,
    marginRight: size.marginRight,
    marginBottom: size.marginBottom,
    style: { fontSize: `${size.font}px` },
    x: {
      label: "Commitments →",
      grid: true,
      nice: true,
      tickFormat: "d",
      ticks: size.ticks,
    },
    y: {
      label: null,
      domain: order,
      tickFormat: (label: string) => truncate(label, Math.floor(size.marginLeft / (size.font * 0.65))),
    },
    color: {
      legend: options.legend ?? true,
      domain: present,
      range: present.map((s) => STATUS_META[s].color),
      tickFormat: (s: string) => STATUS_META[s as keyof typeof STATUS_META]?.label ?? s,
    },
    marks: [
      Plot.barX(rows, {
        x: "n",
        y: "label",
        fill: "status",
        order: STATUS_ORDER,
        tip: {
          format: { x: false, fill: false, y: false },
          channels: {
            Sector: "label",
            Status: (d: SectorStatusRow) => STATUS_META[d.status as keyof typeof STATUS_META]?.label ?? d.status,
            Commitments: "n",
          },
        },
      }),
      Plot.text(pivot.rows, {
        x: "total",
        y: "label",
        text: "total",
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  });
  chart.setAttribute("data-chart", "commitments-by-sector");
  return accessibleChart(chart, pivot);
}

/** The plot's size, margins and ticks for the options: the page's (10 px type) or a slide's. */
function chartSize(pivot: SectorPivot, options: SectorChartOptions) {
  const font = options.type === "slide" ? SLIDE_FONT : 10;
  const u = font / 10;
  // resize() can report a sliver while the card lays out; never draw narrower than 280 px.
  const width = Math.max(options.width ?? 640, 280);
  const longest = Math.max(...pivot.rows.map((row) => row.label.length));
  const marginLeft = Math.min(Math.round(220 * u), Math.round(width * 0.42), Math.round(longest * 7 * u + 16));
  const marginRight = Math.round(40 * u);
  const marginBottom = Math.round(30 * u);
  const fallback = Math.max(120 * u, pivot.rows.length * 26 * u + 50 * u);
  const height = Math.round(Math.max(options.height ?? fallback, 60 * u + pivot.rows.length * 4));
  const most = Math.max(...pivot.rows.map((row) => row.total));
  const ticks = Math.max(2, Math.min(10, most, Math.floor((width - marginLeft - marginRight) / (45 * u))));
  return { font, width, height, marginLeft, marginRight, marginBottom, ticks };
}

/** The chart for a screen reader: an image named in a sentence, and the counts as a table under it (sector-table.ts). */
function accessibleChart(chart: Element, pivot: SectorPivot): Element {
  const { total } = pivot;
  plotForScreenReaders(
    chart,
    `Bar chart: ${total} commitments in ${pivot.rows.length} sectors, stacked by status. The table below gives the counts.`,
  );
  const table = sectorTable(pivot, `Commitments by sector and status (${total} in all)`);
  if (chart.tagName.toLowerCase() === "svg") return el("figure", {}, chart, table);
  chart.append(table);
  return chart;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
