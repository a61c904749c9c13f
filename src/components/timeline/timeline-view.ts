/**
 * The sector timelines for a view state, on their own: the chart in the
 * state's window with its selected commitment highlighted, the caption, and a
 * link to the full page. The embed page (src/embed/timeline.md) and the
 * exported module (src/embed/timeline.ts) both draw it; the queries are the
 * timeline page's (src/timeline.md, src/lib/sql/timeline-queries.ts).
 *
 * The reader may still zoom (the brush under the chart) and pick a mark; the
 * caption and the "Open in Accord Atlas" link follow.
 */
import { resize } from "observablehq:stdlib";
import { formatPartialDate } from "../../lib/model/dates.js";
import type { ViewState } from "../../lib/model/view-state.js";
import { citedSources } from "../../lib/sql/page-queries.js";
import * as tq from "../../lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../lib/timeline/density.js";
import { timelineDomain, todayFrom } from "../../lib/timeline/window.js";
import { type Database, database } from "../db.js";
import {
  checkToday,
  type EmbedFrame,
  type EmbedRenderOptions,
  embedFrame,
  filtersInWords,
  loadSeed,
  noticeList,
  openUrl,
} from "../embed/embed-frame.js";
import { type LaneState, type TimelineData, timelineChart } from "./timeline-chart.js";

export const TIMELINE_TITLE = "Commitments over time, by sector";

type Range = tq.TimeRange;

/** Everything the chart draws for the filters and a window (the timeline page's queries). */
export async function timelineData(
  db: Database,
  filters: ViewState["filters"],
  range: Range | null,
  extent: Range,
  today: string,
): Promise<TimelineData> {
  const [lanes, density, events] = await Promise.all([
    db.query(tq.timelineLanes(filters, range)),
    db.query(tq.timelineDensity(filters, range, today)),
    db.query(tq.timelineEvents(filters, range)),
  ]);
  const total = lanes.reduce((sum, l) => sum + Number(l.n), 0);
  let marks: TimelineData["marks"];
  let updates: TimelineData["updates"];
  if (total <= MARK_LIMIT) {
    const [m, u] = await Promise.all([
      db.query(tq.timelineMarks(filters, range, today, MARK_LIMIT)),
      db.query(tq.timelineUpdates(filters, range)),
    ]);
    marks = m as unknown as TimelineData["marks"];
    updates = u as unknown as TimelineData["updates"];
  }
  return {
    lanes: lanes as unknown as TimelineData["lanes"],
    density: density as unknown as TimelineData["density"],
    events: events as unknown as TimelineData["events"],
    total,
    marks,
    updates,
    domain: range ?? extent,
    extent,
    today,
  };
}

function rangeInWords(range: Range): string {
  const a = formatPartialDate(range.from);
  const b = formatPartialDate(range.to);
  return a === b ? a : `${a} – ${b}`;
}

/** Marks the selected commitment's mark (class aa-selected); false when it is not drawn. */
function highlight(box: HTMLElement, id: string | null): boolean {
  let found = false;
  for (const mark of box.querySelectorAll<SVGGElement>("[data-mark]")) {
    const on = id !== null && mark.getAttribute("data-id") === id;
    mark.classList.toggle("aa-selected", on);
    if (on) {
      mark.setAttribute("aria-current", "true");
      found = true;
    } else mark.removeAttribute("aria-current");
  }
  return found;
}

/** Draws the timelines for a state; resolves once the data are in. */
export async function timelineView(state: ViewState<"timeline">, options: EmbedRenderOptions): Promise<HTMLElement> {
  const { filters, frame } = state;
  const notices = [...(options.notices ?? [])];
  const givenToday = checkToday(options.today, notices);
  const today = givenToday ?? todayFrom("");
  const [seed, db] = await Promise.all([loadSeed(), database()]);
  // Freshness from the build, as the pages have it (no page loads every status update for one date).
  const fresh = seed.freshness;
  const [[extentRow], cited] = await Promise.all([
    db.query(tq.timelineExtent(filters)),
    db.query(citedSources(filters)),
  ]);
  const extent = timelineDomain(
    (extentRow?.first as string | null) ?? null,
    (extentRow?.last as string | null) ?? null,
    today,
  );
  let range: Range | null = state.options.window;
  let selected = state.options.select;
  let data = await timelineData(db, filters, range, extent, today);

  if (selected && !data.marks?.some((m) => m.id === selected)) {
    notices.push(
      data.marks
        ? `The selection “${selected}” is not among the commitments drawn with these filters and window.`
        : `The selection “${selected}” is not drawn: this window holds too many commitments to draw one by one.`,
    );
  }

  const detail = () =>
    `${data.total.toLocaleString("en")} commitment${data.total === 1 ? "" : "s"} ${range ? `from ${rangeInWords(range)}` : "in all"}`;
  const href = () =>
    openUrl(
      { ...state, options: { window: range, select: selected } },
      options.siteRoot,
      givenToday ? { today: givenToday } : {},
    );
  const laneState: LaneState = { sort: "count", collapsed: new Set() };
  let figure: EmbedFrame | undefined;
  let width = options.width ?? 0;
  let generation = 0;

  const chartFor = (w: number): HTMLElement => {
    width = w;
    return timelineChart(data, {
      width: w,
      state: laneState,
      onSelect: (id) => {
        selected = id;
        highlight(box, selected);
        figure?.setHref(href());
      },
      onZoom: (next) => {
        const ticket = ++generation;
        range = next;
        timelineData(db, filters, range, extent, today).then(
          (fresh) => {
            if (ticket !== generation) return;
            data = fresh;
            holder.replaceChildren(chartFor(width));
            figure?.setDetail(detail());
            figure?.setHref(href());
          },
          (error: unknown) => console.warn("Accord Atlas: the timeline could not zoom.", error),
        );
      },
    });
  };

  const holder = options.width ? chartHolder(chartFor(options.width)) : resize((w: number) => chartFor(w));
  const box = document.createElement("div");
  box.className = "aa-embed-timeline";
  box.append(holder);
  // The chart redraws itself (lane order, collapsed lanes, zoom): keep the selection marked.
  new MutationObserver(() => highlight(box, selected)).observe(box, { childList: true, subtree: true });

  figure = embedFrame({
    view: "timeline",
    frame,
    title: TIMELINE_TITLE,
    notices: noticeList(notices),
    chart: box,
    legend: null,
    detail: detail(),
    filters: filtersInWords(state, seed.options),
    sources: cited as unknown as { publisher: string; n: number }[],
    dataDate: fresh?.latest_source ? formatPartialDate(String(fresh.latest_source)) : null,
    href: href(),
    width: options.width ?? null,
  });
  highlight(box, selected);
  return figure;
}

function chartHolder(chart: HTMLElement): HTMLElement {
  const div = document.createElement("div");
  div.append(chart);
  return div;
}
