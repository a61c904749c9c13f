/**
 * What the timeline page (src/timeline.md) keeps across its cells, made once:
 * "today" (the current day, or ?today=YYYY-MM-DD for a reproducible view),
 * the lane order and collapsed lanes (they survive redraws on filters, zoom
 * and resize), the follow-up partners the panel links, and the commitment
 * panel, whose open commitment lives in the link (?select=) so a copied link
 * reopens it. Also how the page draws its chart for a width.
 *
 *     const page = timelinePage(location.search);
 *     if (page.notice) display(page.notice);
 *     display(page.panel);
 *     page.openLinked();
 */
import type { FilterState } from "../../lib/model/filters.js";
import { FIRST_CHART_MARK } from "../../lib/model/load-marks.js";
import { parseTimelineOptions } from "../../lib/model/view-state.js";
import { commitmentDetail, commitmentUpdates, type TimeRange } from "../../lib/sql/timeline-queries.js";
import type { PanelDetail, PanelUpdate } from "../../lib/timeline/commitment-panel-text.js";
import type { LaneState } from "../../lib/timeline/lane-layout.js";
import { rendererParam } from "../../lib/timeline/mark-renderer-choice.js";
import type { PartnerLink } from "../../lib/timeline/session-pairs.js";
import type { TimelineData } from "../../lib/timeline/timeline-rows.js";
import { todayFrom } from "../../lib/timeline/window.js";
import { database } from "../db.js";
import { el, markFirst } from "../dom.js";
import { replaceParams } from "../url-params.js";
import { type CommitmentPanel, commitmentPanel } from "./commitment-panel.js";
import { keepClearOfPanel } from "./panel-clearance.js";
import { timelineChart } from "./timeline-chart.js";

export interface TimelinePage {
  today: string;
  laneState: LaneState;
  /** Follow-up partners by commitment id: the follow-up section fills them, the panel reads them. */
  partners: Map<string, PartnerLink[]>;
  panel: CommitmentPanel;
  /** What the link named that could not be used, or null. */
  notice: HTMLElement | null;
  /** Opens a commitment's panel. */
  select(id: string, trigger?: Element): void;
  /** Opens the commitment the link names, if any (once the panel is on the page). */
  openLinked(): void;
  /** The filters the page draws now: the panel reads only their years. */
  setFilters(filters: FilterState): void;
  /** The chart for a width, its marks opening the panel and its brush setting the zoom. */
  chart(data: TimelineData, width: number, zoom: { set(range: TimeRange | null): void }): HTMLElement;
}

export function timelinePage(search: string): TimelinePage {
  const today = todayFrom(search);
  const laneState: LaneState = { sort: "count", collapsed: new Set() };
  const partners = new Map<string, PartnerLink[]>();
  // Every commitment the page shows is in the filters' years; one opened from a link outside them loads the rest.
  let within: FilterState | undefined;
  const notices: string[] = [];
  const linked = parseTimelineOptions(new URLSearchParams(search), notices);
  const panel = commitmentPanel({
    onChange: (id) => replaceParams({ select: id }),
    load: (id) => loadCommitment(id, today, within),
    related: (id) => partners.get(id) ?? [],
  });
  keepClearOfPanel(panel);
  const select = (id: string, trigger?: Element) => {
    panel.open(id, trigger);
  };
  return {
    today,
    laneState,
    partners,
    panel,
    notice: notices.length
      ? el("div", { class: "aa-notice", role: "status", "data-testid": "link-notice" }, notices.join(" "))
      : null,
    select,
    openLinked: () => {
      if (linked.select) select(linked.select);
    },
    setFilters: (filters) => {
      within = filters;
    },
    chart: (data, width, zoom) =>
      markFirst(
        FIRST_CHART_MARK,
        timelineChart(data, {
          width,
          state: laneState,
          onSelect: select,
          onZoom: (range) => zoom.set(range),
          // ?renderer=svg|canvas forces the marks' and density cells' renderer (tests, comparisons); by default their number decides.
          renderer: rendererParam(new URLSearchParams(location.search).get("renderer")),
        }),
      ),
  };
}

/**
 * A commitment and its updates for the panel: within the filters' years first,
 * else from every year. The updates are asked for by the commitment's integer
 * key, read with its detail.
 */
async function loadCommitment(
  id: string,
  today: string,
  within: FilterState | undefined,
): Promise<{ detail: PanelDetail | undefined; updates: PanelUpdate[] }> {
  const db = await database();
  let scope = within;
  let [detail] = await db.query(commitmentDetail(id, today, scope));
  if (!detail && scope) {
    scope = undefined;
    [detail] = await db.query(commitmentDetail(id, today));
  }
  if (!detail) return { detail: undefined, updates: [] };
  const updates = await db.query(commitmentUpdates(Number(detail.key), scope));
  return { detail: detail as unknown as PanelDetail, updates: updates as unknown as PanelUpdate[] };
}
