/**
 * The words and keys that go with the sector chart when it leaves the page
 * (the Share menu's figures): its caption (title, the count, the filters in
 * words, the sources cited, the data's date) and its status legend.
 */
import { buildCaption, type Caption, type CitedSource } from "../../lib/model/caption.js";
import { formatPartialDate } from "../../lib/model/dates.js";
import { describeFilters, type FilterLabels, type FilterState, isEmptyFilters } from "../../lib/model/filters.js";
import { statusesIn } from "../../lib/model/sector-pivot.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import type { LegendGroup } from "../export-image.js";
import type { SectorStatusRow } from "./sector-chart.js";

export const SECTOR_TITLE = "Commitments by sector";

export interface SectorCaptionInput {
  filters: FilterState;
  labels: FilterLabels;
  /** How many commitments the filters hold. */
  commitments: number;
  cited: readonly CitedSource[];
  /** The latest source's date (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  latestSource: string | null;
}

/** The caption of the exported figure. */
export function sectorCaption({ filters, labels, commitments, cited, latestSource }: SectorCaptionInput): Caption {
  return buildCaption({
    title: `${SECTOR_TITLE}, by what later evidence shows`,
    detail: `${commitments.toLocaleString("en")} commitments`,
    filters: isEmptyFilters(filters) ? "" : describeFilters(filters, labels),
    sources: cited,
    dataDate: formatPartialDate(latestSource),
  });
}

/** The status colours the chart uses, as a legend of squares. */
export function sectorLegend(rows: readonly SectorStatusRow[]): LegendGroup[] {
  const items = statusesIn(rows).map((s) => ({
    label: STATUS_META[s].label,
    color: STATUS_META[s].color,
    shape: "square" as const,
  }));
  return [{ title: "Status", items }];
}
