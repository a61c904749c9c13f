/**
 * The overview's sector chart as slide content (src/lib/model/slide-content.ts):
 * the same rows the chart draws, pivoted the same way (sector-pivot.ts), as
 * stacked horizontal bars: a category a sector in the chart's order (most
 * commitments first), a series a status present, in the status vocabulary's
 * order and with the chart's colours. Pure.
 */

import { type SectorStatusCount, sectorPivot } from "./sector-pivot.js";
import type { BarsContent } from "./slide-content.js";
import { STATUS_META } from "./value-labels.js";

/** What the bars count (the value axis). */
export const SECTOR_MEASURE = "Commitments";

export function sectorBars(rows: readonly SectorStatusCount[]): BarsContent {
  const pivot = sectorPivot(rows);
  return {
    kind: "bars",
    measure: SECTOR_MEASURE,
    categories: pivot.rows.map((row) => row.label),
    series: pivot.statuses.map((status, column) => ({
      name: STATUS_META[status].label,
      values: pivot.rows.map((row) => row.counts[column]),
      colour: STATUS_META[status].color,
    })),
    stacked: true,
    horizontal: true,
  };
}
