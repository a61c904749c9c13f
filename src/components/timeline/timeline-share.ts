/**
 * The timeline page's Share menu. It is made once (it stays open while the
 * view updates) and reads the view when asked: the chart drawn last (resize
 * redraws it) for the images, the link state (filters, window, open
 * commitment), the caption, the legend and the CSV rows. Until the page has
 * data, the caption says it is loading and the rows are refused.
 *
 *     const share = timelineShare();
 *     share.follow({db, filters, window, today, data, filterWords, latestSource});
 *     resize((width) => share.drawn(timelineChart(data, {width})));
 */

import type { CsvValue } from "../../lib/model/csv-export.js";
import type { FilterState } from "../../lib/model/filters.js";
import { serializeViewState } from "../../lib/model/view-state.js";
import { EXPORT_COLUMNS, exportCommitments } from "../../lib/sql/page-queries.js";
import type { TimeRange } from "../../lib/sql/timeline-queries.js";
import { timelineLoadingCaption, timelinePageCaption } from "../../lib/timeline/timeline-caption.js";
import type { Database } from "../db.js";
import { standaloneSvg } from "../export-image.js";
import { type ShareMenu, shareMenu } from "../share-menu.js";
import type { TimelineWithSources } from "./timeline-data.js";
import { timelineLegendItems } from "./timeline-legend-items.js";

/** The view the menu exports, as the page has it now. */
export interface TimelineShareView {
  db: Database;
  filters: FilterState;
  window: TimeRange | null;
  today: string;
  data: Pick<TimelineWithSources, "total" | "cited">;
  /** The filters in words, "" for none. */
  filterWords: string;
  latestSource: string | null;
}

export interface TimelineShare {
  element: ShareMenu;
  /** Takes the view the exports read from now on. */
  follow(view: TimelineShareView): void;
  /** Notes the chart just drawn (for the images) and returns it. */
  drawn<T extends Element>(chart: T): T;
}

export function timelineShare(): TimelineShare {
  let chart: Element | null = null;
  let view: TimelineShareView | null = null;
  const chartSvg = () => chart?.querySelector<SVGSVGElement>(".aa-timeline-chart svg") ?? null;
  const element = shareMenu({
    title: "Sector timelines",
    page: "/timeline",
    embed: "/embed/timeline",
    natural: () => {
      const svg = chartSvg();
      return { width: svg?.clientWidth ?? 960, height: svg?.clientHeight ?? 400 };
    },
    draw: () => {
      const svg = chartSvg();
      if (!svg) throw new Error("The chart is not drawn yet.");
      return standaloneSvg(svg);
    },
    state: () => (view ? linkState(view) : location.search),
    caption: () =>
      view
        ? timelinePageCaption({
            total: view.data.total,
            window: view.window,
            today: view.today,
            filters: view.filterWords,
            sources: view.data.cited,
            latestSource: view.latestSource,
          })
        : timelineLoadingCaption(),
    legend: timelineLegendItems,
    rows: () => (view ? exportRows(view) : Promise.reject(new Error("the data is still loading"))),
    query: () => {
      if (!view) throw new Error("the data is still loading");
      return exportCommitments(view.filters, { range: view.window });
    },
    storyView: "timeline",
  });
  return {
    element,
    follow: (next) => {
      view = next;
    },
    drawn: (node) => {
      chart = node;
      return node;
    },
  };
}

/** The link state: filters, window, and the commitment open now (the panel keeps it in the address). */
function linkState(view: TimelineShareView): string {
  const select = new URLSearchParams(location.search).get("select");
  return serializeViewState({ view: "timeline", filters: view.filters, options: { window: view.window, select } });
}

/** The commitments behind the chart, for the CSV: the same filters and window. */
async function exportRows(view: TimelineShareView): Promise<{ rows: Record<string, CsvValue>[]; columns: string[] }> {
  const rows = await view.db.query(exportCommitments(view.filters, { range: view.window }));
  return { rows: rows as unknown as Record<string, CsvValue>[], columns: [...EXPORT_COLUMNS] };
}
