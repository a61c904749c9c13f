/**
 * Commitments by sector, stacked by status: how many promises each sector
 * holds and what came of them, drawn with Plot. Rows come from
 * `bySectorAndStatus` (or the build-time seed); the overview's view module
 * (sector-view.ts) draws it.
 */
import * as Plot from "@observablehq/plot";
import { type SectorPivot, sectorPivot } from "../../lib/model/sector-pivot.js";
import { STATUS_META, STATUS_ORDER } from "../../lib/model/value-labels.js";
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

export function sectorChart(rows: SectorStatusRow[], { width = 640 }: { width?: number } = {}): Element {
  if (rows.length === 0) return emptyState("No commitments match these filters.", "Clear a filter or widen the years.");
  const pivot = sectorPivot(rows);
  const order = pivot.rows.map((row) => row.label);
  const present = pivot.statuses;
  // resize() can report a sliver while the card lays out; never draw narrower than 280 px.
  width = Math.max(width, 280);
  const marginLeft = Math.min(220, Math.round(width * 0.42), Math.max(...order.map((l) => l.length)) * 7 + 16);
  const chart = Plot.plot({
    width,
    height: Math.max(120, order.length * 26 + 50),
    marginLeft,
    marginRight: 40,
    x: {
      label: "Commitments →",
      grid: true,
      nice: true,
      tickFormat: "d",
      ticks: Math.max(
        2,
        Math.min(10, Math.max(...pivot.rows.map((row) => row.total)), Math.floor((width - marginLeft - 40) / 45)),
      ),
    },
    y: { label: null, domain: order, tickFormat: (label: string) => truncate(label, Math.floor(marginLeft / 6.5)) },
    color: {
      legend: true,
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
