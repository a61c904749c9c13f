/**
 * The sector timelines for a view state, on their own: the chart in the
 * state's window with its selected commitment highlighted, the caption, and a
 * link to the full page. The embed page (src/embed/timeline.md) and the
 * exported module (src/embed/timeline.ts) both draw it; its data step is the
 * timeline page's (timeline-data.ts), its words src/lib/timeline/timeline-caption.ts.
 *
 * The reader may still zoom (the brush under the chart) and pick a mark; the
 * caption and the "Open in Accord Atlas" link follow.
 */
import { resize } from "observablehq:stdlib";
import { formatPartialDate } from "../../lib/model/dates.js";
import type { FilterState } from "../../lib/model/filters.js";
import { slideCaption } from "../../lib/model/slide-caption.js";
import type { ImageContent, SlideContentSource } from "../../lib/model/slide-content.js";
import type { ViewState } from "../../lib/model/view-state.js";
import type { TimeRange } from "../../lib/sql/timeline-queries.js";
import { firstDraw, firstDrawFits } from "../../lib/timeline/first-draw.js";
import type { LaneState } from "../../lib/timeline/lane-layout.js";
import { timelineScale } from "../../lib/timeline/lanes-in-frame.js";
import { TIMELINE_TITLE, timelineEmbedDetail } from "../../lib/timeline/timeline-caption.js";
import type { TimelineData } from "../../lib/timeline/timeline-rows.js";
import { todayFrom } from "../../lib/timeline/window.js";
import { database } from "../db.js";
import { DRAW_WAIT_MS, NOTHING, whenDrawn } from "../embedding/drawn-wait.js";
import {
  checkToday,
  type EmbedFrame,
  type EmbedRenderOptions,
  embedFrame,
  filtersInWords,
  loadSeed,
  noticeList,
  openUrl,
} from "../embedding/embed-frame.js";
import { pixelSize, standaloneSvg, svgText } from "../export-image.js";
import { timelineChart } from "./timeline-chart.js";
import {
  checkFirstDraw,
  loadTimelineAnswer,
  loadTimelineData,
  loadTimelineFirst,
  type TimelineWithSources,
} from "./timeline-data.js";
import { laneTotals, type TimelineScope } from "./timeline-scope.js";

/** Where the reader is: the window, the selected commitment and the data drawn for them. */
interface EmbedPlace {
  range: TimeRange | null;
  selected: string | null;
  data: TimelineData;
}

/**
 * Draws the timelines for a state; resolves once the data are in. `answer`:
 * DuckDB's answer already in hand (the view drawn again when the build's first
 * draw turned out to differ from it).
 */
export async function timelineView(
  state: ViewState<"timeline">,
  options: EmbedRenderOptions,
  answer?: TimelineWithSources,
): Promise<HTMLElement> {
  const { filters, frame } = state;
  const notices = [...(options.notices ?? [])];
  const givenToday = checkToday(options.today, notices);
  const today = givenToday ?? todayFrom("");
  const range = state.options.window;
  const fromBuild = !answer && firstDrawFits(filters, range);
  const [seed, firstFile] = await Promise.all([loadSeed(), fromBuild ? loadTimelineFirst() : null]);
  // Freshness from the build, as the pages have it (no page loads every status update for one date).
  const fresh = seed.freshness;
  // Unfiltered and unzoomed, the build's first draw; else DuckDB's answer.
  const first = firstDraw(firstFile, today);
  const lanes = laneTotals(filters);
  const data = first?.data ?? answer ?? (await loadTimelineAnswer(filters, range, today, lanes));
  const scope: TimelineScope = { extent: data.extent, lanes };
  const cited = data.cited;
  const place: EmbedPlace = { range, selected: state.options.select, data };
  const missing = selectionNotice(place);
  if (missing) notices.push(missing);

  const detail = () => timelineEmbedDetail(place.data.total, place.range);
  const href = () =>
    openUrl(
      { ...state, options: { window: place.range, select: place.selected } },
      options.siteRoot,
      givenToday ? { today: givenToday } : {},
    );
  let figure: EmbedFrame | undefined;
  const box = embedChart({
    filters,
    scope,
    today,
    place,
    width: options.width,
    fit: { scale: timelineScale(frame.type), frame: frame.fit === "frame" },
    changed: (what) => {
      if (what === "zoomed") figure?.setDetail(detail());
      figure?.setHref(href());
    },
  });

  figure = embedFrame({
    view: "timeline",
    frame,
    title: TIMELINE_TITLE,
    notices: noticeList(notices),
    chart: box,
    legend: null,
    detail: detail(),
    filters: filtersInWords(state, seed.options),
    sources: cited,
    dataDate: fresh?.latest_source ? formatPartialDate(String(fresh.latest_source)) : null,
    href: href(),
    width: options.width ?? null,
  });
  highlight(box, place.selected);
  const slide: HTMLElement & SlideContentSource = figure;
  const caption = slideCaption({
    filters: filtersInWords(state, seed.options),
    sources: cited,
    dataDate: fresh?.latest_source ? formatPartialDate(String(fresh.latest_source)) : null,
  });
  slide.slideContent = async () => ({
    charts: [await timelineImage(box, `${frame.title ?? TIMELINE_TITLE}: ${detail()}.`)],
    caption,
    link: href(),
  });
  // A build whose first draw DuckDB's answer contradicts: the view is drawn again from SQL.
  if (first) {
    checkFirstDraw(first.data, filters, today, lanes).then(
      async (sql) => sql && figure.replaceWith(await timelineView(state, options, sql)),
      (error: unknown) => console.warn("Accord Atlas: the timeline's first draw could not be checked.", error),
    );
  }
  return figure;
}

/** The timeline as the slide's image: a standalone copy of the chart's SVG as drawn now, as the image export makes it. */
async function timelineImage(box: HTMLElement, alt: string): Promise<ImageContent> {
  const svg = await whenDrawn(() =>
    box.querySelector(".aa-empty") ? NOTHING : box.querySelector<SVGSVGElement>(".aa-timeline-chart svg"),
  );
  if (!svg) {
    throw new Error(
      box.querySelector(".aa-empty")
        ? "The timeline is not drawn: no commitment matches these filters."
        : `The timeline was not drawn within ${DRAW_WAIT_MS / 1000} s.`,
    );
  }
  const copy = standaloneSvg(svg);
  const { width, height } = pixelSize(copy);
  return { kind: "image", svg: svgText(copy), width, height, alt };
}

/** Why the selection the state names is not marked, or null when it is drawn (or none is named). */
function selectionNotice({ selected, data }: EmbedPlace): string | null {
  if (!selected || data.marks?.some((m) => m.id === selected)) return null;
  return data.marks
    ? `The selection “${selected}” is not among the commitments drawn with these filters and window.`
    : `The selection “${selected}” is not drawn: this window holds too many commitments to draw one by one.`;
}

interface EmbedChartContext {
  filters: FilterState;
  /** The filters' extent, and their lanes kept for every window zoomed to. */
  scope: TimelineScope;
  today: string;
  /** Updated as the reader picks a mark or zooms. */
  place: EmbedPlace;
  /** A fixed width in pixels; by default the chart fills its container. */
  width: number | null | undefined;
  /** The frame options' drawing scale, and whether the chart fits its box's height (fit=frame). */
  fit: { scale: number; frame: boolean };
  /** Told when a mark was picked, or when the zoomed window's data are drawn. */
  changed(what: "selected" | "zoomed"): void;
}

/** The chart in its box, redrawn for the window the reader zooms to, its selected mark kept marked. */
function embedChart(context: EmbedChartContext): HTMLElement {
  const { place } = context;
  const laneState: LaneState = { sort: "count", collapsed: new Set() };
  const box = document.createElement("div");
  let width = context.width ?? 0;
  let generation = 0;

  const chartFor = (w: number): HTMLElement => {
    width = w;
    return timelineChart(place.data, {
      width: w,
      state: laneState,
      fit: { ...context.fit, keep: place.selected },
      onSelect: (id) => {
        place.selected = id;
        highlight(box, id);
        context.changed("selected");
      },
      onZoom: (next) => {
        const ticket = ++generation;
        place.range = next;
        database()
          .then((db) => loadTimelineData(db, context.filters, next, context.scope, context.today))
          .then(
            (data) => {
              if (ticket !== generation) return;
              place.data = data;
              holder.replaceChildren(chartFor(width));
              context.changed("zoomed");
            },
            (error: unknown) => console.warn("Accord Atlas: the timeline could not zoom.", error),
          );
      },
    });
  };

  const holder = context.width
    ? chartHolder(chartFor(context.width))
    : context.fit.frame
      ? // Two arguments: Framework's resize fills the box's height too and redraws when it changes.
        resize((w: number, _h?: number) => chartFor(w))
      : resize((w: number) => chartFor(w));
  box.className = "aa-embed-timeline";
  box.append(holder);
  // The chart redraws itself (lane order, collapsed lanes, zoom): keep the selection marked.
  new MutationObserver(() => highlight(box, place.selected)).observe(box, { childList: true, subtree: true });
  return box;
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

function chartHolder(chart: HTMLElement): HTMLElement {
  const div = document.createElement("div");
  div.append(chart);
  return div;
}
