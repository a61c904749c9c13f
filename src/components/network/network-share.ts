/**
 * The network page's Share menu and what it exports. The menu is made once
 * (so it stays open while the view updates); what it exports is read when
 * asked, from the view the page last gave it (`show`): the link to this
 * state, the caption, the legend and the rows behind the chart; the graph
 * in view as GEXF or GraphML (src/lib/network/graph-files.ts, loaded only when a
 * user asks for a file: graph-files-loader.ts); and the view as
 * a story slide.
 */
import { buildCaption, type Caption, type CitedSource, captionText } from "../../lib/model/caption.js";
import type { CsvValue } from "../../lib/model/csv-export.js";
import { type FilterState, isEmptyFilters } from "../../lib/model/filters.js";
import { serializeViewState } from "../../lib/model/view-state.js";
import type { GraphFormat } from "../../lib/network/graph-files.js";
import { type LegendItems, legendGroups } from "../../lib/network/legend-items.js";
import type { GraphMetrics } from "../../lib/network/ranking.js";
import { captionDetail, NETWORK_TITLE } from "../../lib/network/summary-text.js";
import type { SqlFragment } from "../../lib/sql/fragment.js";
import { EXPORT_COLUMNS, exportCommitments } from "../../lib/sql/page-queries.js";
import type { Database } from "../db.js";
import { type LegendGroup, pageTheme } from "../export-image.js";
import { type ShareMenu, shareMenu } from "../share-menu.js";
import { loadGraphFileWriter } from "./graph-files-loader.js";
import type { NetworkChart } from "./network-chart.js";
import { controlOptions, type NetworkControls } from "./network-controls.js";
import { networkSvg } from "./network-export.js";
import type { DrawnNetwork } from "./network-steps.js";

/** What the Share menu exports, read when asked. */
export interface ShareView {
  state(): string;
  caption(): Caption;
  legend(): LegendGroup[];
  rows(): Promise<{ rows: Record<string, CsvValue>[]; columns: string[] }>;
  /** The query behind the rows ("Open in notebook"). */
  query(): SqlFragment;
  /** The institutions' metrics, once computed (null before). */
  metrics(): GraphMetrics | null;
}

/** Until the data is in: the page's own link, a caption that says so, no rows. */
const LOADING: ShareView = {
  state: () => location.search,
  caption: () => ({ title: NETWORK_TITLE, lines: ["Loading…"] }),
  legend: () => [],
  rows: () => Promise.reject(new Error("the data is still loading")),
  query: () => {
    throw new Error("the data is still loading");
  },
  metrics: () => null,
};

/** The menu, drawing the chart as it is; `show` gives it the view to export from now on. */
export function networkShare(
  chart: NetworkChart,
  sectorLabel: (id: string) => string,
): { menu: ShareMenu; show(view: ShareView): void } {
  let view = LOADING;
  // Loaded when a user asks for a file: graphology and its GEXF writer stay out of the page's first load.
  const graphFile = async (format: GraphFormat) => {
    const write = await loadGraphFileWriter();
    return write(chart.snapshot().scene, {
      format,
      metrics: view.metrics()?.byNode,
      sectorLabel,
      description: captionText(view.caption()),
    });
  };
  const menu = shareMenu({
    title: "Network of institutions",
    page: "/network",
    embed: "/embed/network",
    natural: () => ({ width: chart.clientWidth, height: chart.clientHeight }),
    draw: (w, h) => networkSvg(chart.snapshot(), w, h, pageTheme()),
    state: () => view.state(),
    caption: () => view.caption(),
    legend: () => view.legend(),
    rows: () => view.rows(),
    query: () => view.query(),
    storyView: "network",
    graphFile,
  });
  return { menu, show: (next) => (view = next) };
}

/** Everything an export of the page says: the view, what is drawn, its legend, sources and date. */
export interface SharedNetwork {
  filters: FilterState;
  /** The filter bar's filters in words. */
  filterWords: string;
  controls: NetworkControls;
  network: DrawnNetwork;
  items: LegendItems;
  cited: readonly CitedSource[];
  /** The data's date, formatted. */
  dataDate: string;
  db: Database;
  /** The institutions' metrics, null while they compute. */
  metrics?: GraphMetrics | null;
}

/** The exports of the page's view; selection and zoom are read from the chart when asked. */
export function networkShareView(shared: SharedNetwork, chart: NetworkChart): ShareView {
  const { filters, controls, db } = shared;
  const bipartite = shared.network.shows === "bipartite";
  return {
    state: () =>
      serializeViewState({
        view: "network",
        filters,
        options: { ...controlOptions(controls), select: chart.value ?? null, zoom: chart.getZoom() },
      }),
    caption: () =>
      buildCaption({
        title: NETWORK_TITLE,
        detail: captionDetail(shared.network, controls.sizeBy, bipartite),
        filters: isEmptyFilters(filters) ? "" : shared.filterWords,
        sources: shared.cited,
        dataDate: shared.dataDate,
      }),
    legend: () => legendGroups(shared.items, { colorBy: controls.colorBy, bipartite }),
    metrics: () => shared.metrics ?? null,
    query: () => exportCommitments(filters, { withParties: true }),
    rows: async () => {
      const rows = await db.query(exportCommitments(filters, { withParties: true }));
      return { rows: rows as unknown as Record<string, CsvValue>[], columns: [...EXPORT_COLUMNS] };
    },
  };
}
