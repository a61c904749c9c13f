/**
 * The overview's sector chart as one view: the chart for the numbers of the
 * data step (overview-numbers.ts), redrawn at the card's width, and its Share
 * menu, made once (it stays open while the view updates) and reading the
 * view as it is when asked: the link, the figure with its caption and
 * legend (sector-caption.ts), and the rows behind it as CSV.
 *
 *     const sector = sectorView();                          // once
 *     sector.update({filters, numbers, cited, seed});       // when the page's state changes
 *     resize((width) => sector.draw(numbers.bySector, width));
 *     sector.share                                          // the Share menu element
 */
import type { CitedSource } from "../../lib/model/caption.js";
import type { OverviewSeed } from "../../lib/model/contracts.js";
import type { CsvValue } from "../../lib/model/csv-export.js";
import { type FilterState, serializeFilters } from "../../lib/model/filters.js";
import { FIRST_CHART_MARK } from "../../lib/model/load-marks.js";
import { EXPORT_COLUMNS, exportCommitments } from "../../lib/sql/page-queries.js";
import { database } from "../db.js";
import { markFirst } from "../dom.js";
import { standaloneSvg } from "../export-image.js";
import { filterLabels, statusOptions } from "../filter-bar.js";
import { type ShareMenu, shareMenu } from "../share-menu.js";
import type { OverviewNumbers } from "./overview-numbers.js";
import { SECTOR_TITLE, sectorCaption, sectorLegend } from "./sector-caption.js";
import { type SectorStatusRow, sectorChart } from "./sector-chart.js";

/** What the page shows now. */
export interface SectorViewState {
  filters: FilterState;
  /** The data step's current value. */
  numbers: OverviewNumbers;
  /** The sources the filtered records cite (citedSources). */
  cited: readonly CitedSource[];
  /** The build-time seed: the filters' choices (for their names) and the data's freshness. */
  seed: OverviewSeed;
}

export interface SectorView {
  /** The Share menu. */
  share: ShareMenu;
  /** Tells the view what the page shows now (the Share menu reads it when asked). */
  update(state: SectorViewState): void;
  /** Draws the chart of `rows` at `width` (the page's resize() calls it again on a new width). */
  draw(rows: SectorStatusRow[], width: number): Element;
}

export function sectorView(): SectorView {
  let drawn: Element | null = null;
  let state: SectorViewState | null = null;
  const chartSvg = () => [...(drawn?.querySelectorAll?.("svg") ?? [])].at(-1);
  const share = shareMenu({
    title: SECTOR_TITLE,
    page: "/",
    natural: () => ({ width: chartSvg()?.clientWidth ?? 640, height: chartSvg()?.clientHeight ?? 300 }),
    draw: () => {
      const svg = chartSvg();
      if (!svg) throw new Error("The chart is not drawn yet.");
      return standaloneSvg(svg);
    },
    state: () => (state ? serializeFilters(state.filters) : location.search),
    caption: () => (state ? captionOf(state) : { title: SECTOR_TITLE, lines: ["Loading…"] }),
    legend: () => (state ? sectorLegend(state.numbers.bySector) : []),
    query: () => {
      if (!state) throw new Error("the data is still loading");
      return exportCommitments(state.filters);
    },
    rows: async () => {
      if (!state) throw new Error("the data is still loading");
      const db = await database();
      const rows = await db.query(exportCommitments(state.filters));
      return { rows: rows as unknown as Record<string, CsvValue>[], columns: [...EXPORT_COLUMNS] };
    },
  });
  return {
    share,
    update: (next) => {
      state = next;
    },
    draw: (rows, width) => {
      drawn = markFirst(FIRST_CHART_MARK, sectorChart(rows, { width }));
      return drawn;
    },
  };
}

function captionOf({ filters, numbers, cited, seed }: SectorViewState) {
  return sectorCaption({
    filters,
    labels: filterLabels({ ...seed.options, status: statusOptions() }),
    commitments: numbers.kpi.commitments,
    cited,
    latestSource: seed.freshness.latest_source,
  });
}
