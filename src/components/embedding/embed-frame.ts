/**
 * What the embedded views share (src/components/network/network-view.ts,
 * timeline-view.ts), whether they render in an embed page (src/embed/*.md)
 * or through an exported module on another site (src/embed/*.ts): the
 * build-time seed and the values a link may name, the embed stylesheet, the
 * frame around the chart (notices, title, caption, "Open in Accord Atlas"),
 * and, for the embed pages, the height message to the host page.
 *
 * Everything from the URL or the options is shown as text; the only link is
 * to this site's own page for the same state.
 */
import { FileAttachment } from "observablehq:stdlib";
import { buildCaption, type CitedSource } from "../../lib/model/caption.js";
import type { OverviewSeed } from "../../lib/model/contracts.js";
import { parsePartialDate } from "../../lib/model/dates.js";
import { HEIGHT_MESSAGE } from "../../lib/model/embed-options.js";
import { describeFilters, isEmptyFilters, type KnownValues } from "../../lib/model/filters.js";
import { SLIDE_CONTENT_HOOK, type SlideContentSource } from "../../lib/model/slide-content.js";
import {
  type FrameOptions,
  parseFrame,
  parseViewState,
  serializeViewState,
  type ViewName,
  type ViewState,
  viewPath,
} from "../../lib/model/view-state.js";
import { dbStatus } from "../db-status.js";
import { el, errorState } from "../dom.js";
import { filterLabels, statusOptions } from "../filter-bar.js";

/** How an embedded view is drawn (besides its state). */
export interface EmbedRenderOptions {
  /** The site's root URL (where `/network` lives), for the "Open in Accord Atlas" link. */
  siteRoot: string;
  /** Values dropped while reading the state, shown in the frame. */
  notices?: readonly string[];
  /** A fixed width in pixels; by default the view fills its container. */
  width?: number | null;
  /** A fixed chart height in pixels; by default it follows the width. */
  height?: number | null;
  /** The timeline's "today" as given (`?today=` or the option), checked here; null for the current day. */
  today?: string | null;
}

let seed: Promise<OverviewSeed> | undefined;

/** The build-time seed (filter choices and their labels), fetched once. */
export function loadSeed(): Promise<OverviewSeed> {
  seed ??= FileAttachment("../../data/overview.json").json() as Promise<OverviewSeed>;
  return seed;
}

/** The values a link may name, so unknown sectors, countries … are dropped with a notice. */
export function knownValues(options: OverviewSeed["options"]): KnownValues {
  return {
    sector: options.sector.map((o) => o.id),
    country: options.country.map((o) => o.id),
    institution: options.institution.map((o) => o.id),
    series: options.series.map((o) => o.id),
    status: statusOptions().map((o) => o.id),
  };
}

/** Reads a view's state from a query string, checked against the seed's values. */
export async function readState<V extends ViewName>(
  view: V,
  search: string | URLSearchParams,
): Promise<ViewState<V> & { notices: string[] }> {
  const { options } = await loadSeed();
  return parseViewState(view, search, knownValues(options));
}

/** A day given as "today" (YYYY-MM-DD), or null with a notice. */
export function checkToday(raw: string | null | undefined, notices: string[]): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  const parsed = parsePartialDate(raw.trim());
  if (parsed?.precision === "day") return parsed.text;
  const shown = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  notices.push(
    `Ignored today “${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}”: expected a day as 2025-06-30.`,
  );
  return null;
}

let styles: Promise<void> | undefined;

/**
 * Adds the embed stylesheet (built by src/data/embed.css.ts) to the document
 * once; resolves when it has loaded. A failure leaves the chart unstyled and
 * says so on the console, it does not stop the chart.
 */
export function embedStyles(): Promise<void> {
  styles ??= FileAttachment("../../data/embed.css")
    .url()
    .then(
      (href: string) =>
        new Promise<void>((resolve) => {
          const link = el("link", { rel: "stylesheet", href, "data-accord-atlas": "embed" });
          link.addEventListener("load", () => resolve(), { once: true });
          link.addEventListener(
            "error",
            () => {
              console.warn(`Accord Atlas: the embed stylesheet did not load (${href}).`);
              resolve();
            },
            { once: true },
          );
          document.head.append(link);
        }),
    );
  return styles;
}

/** The full page for a state (filters and view options; no frame options), on this site. */
export function openUrl(state: Omit<ViewState, "frame">, siteRoot: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(serializeViewState({ ...state, frame: {} }));
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  const text = query.toString();
  return new URL(`${viewPath(state.view).slice(1)}${text ? `?${text}` : ""}`, siteRoot).href;
}

/** The notices of an embed, one paragraph each, in one status region (empty and hidden when none). */
export function noticeList(notices: readonly string[]): HTMLElement {
  return el(
    "div",
    { class: "aa-embed-notices", role: "status", "aria-live": "polite", hidden: notices.length === 0 },
    notices.map((n) => el("p", { class: "aa-notice" }, n)),
  );
}

export interface FrameParts {
  view: ViewName;
  frame: FrameOptions;
  /** The view's own title (frame.title replaces it). */
  title: string;
  notices: HTMLElement;
  chart: Node;
  legend?: Node | null;
  /** The chart's data as tables, collapsed under it (the network's). */
  table?: Node | null;
  /** What the caption says besides filters and sources ("120 institutions · 300 links"). */
  detail: string;
  /** The filters in words (describeFilters). */
  filters: string;
  sources: readonly CitedSource[];
  dataDate: string | null;
  /** The full page for the same state. */
  href: string;
  /** A fixed width in pixels, or null to fill the container. */
  width: number | null;
}

export interface EmbedFrame extends HTMLElement {
  /** Points "Open in Accord Atlas" at the state the reader has reached (selection, zoom, window). */
  setHref(href: string): void;
  /** Replaces the caption's facts about the view (after the reader zooms the timeline). */
  setDetail(detail: string): void;
}

/** The frame around an embedded chart: notices, title, chart, legend, caption lines, link to the full page. */
export function embedFrame(parts: FrameParts): EmbedFrame {
  const captionOf = (detail: string) =>
    buildCaption({
      title: parts.frame.title ?? parts.title,
      filters: parts.filters,
      sources: parts.sources,
      dataDate: parts.dataDate,
      detail,
    });
  const caption = captionOf(parts.detail);
  const lines = (c: typeof caption) => c.lines.map((line) => el("p", {}, line));
  const open = el(
    "a",
    { class: "aa-embed-open", href: parts.href, target: "_blank", rel: "noopener noreferrer" },
    "Open in Accord Atlas",
  );
  const figcaption = parts.frame.caption
    ? el("figcaption", { class: "aa-embed-caption", "data-testid": "embed-caption" }, lines(caption))
    : null;
  const figure = el(
    "figure",
    {
      class: "aa-embed",
      "data-view": parts.view,
      "data-theme": parts.frame.theme,
      "data-caption": parts.frame.caption ? "on" : "off",
      "data-fit": parts.frame.fit,
      "data-type": parts.frame.type,
      "aria-label": caption.title,
    },
    parts.notices,
    embedHeading(caption.title, parts.frame.caption),
    el("div", { class: "aa-embed-chart" }, parts.chart),
    parts.legend ?? null,
    parts.table ?? null,
    figcaption,
    el("div", { class: "aa-embed-foot" }, open),
  ) as unknown as EmbedFrame;
  if (parts.width) figure.style.width = `${parts.width}px`;
  figure.setHref = (href) => open.setAttribute("href", href);
  figure.setDetail = (detail) => figcaption?.replaceChildren(...lines(captionOf(detail)));
  return figure;
}

/**
 * The chart's title as a heading: the page's h1 when the document has none
 * yet (an embed page, or a host page without one), else an h2 under the host's
 * headings. With the caption off it is still there for screen readers.
 */
function embedHeading(title: string, shown: boolean): HTMLElement {
  const level = document.querySelector("h1") ? "h2" : "h1";
  return shown
    ? el(level, { class: "aa-embed-title" }, title)
    : el(level, { class: "aa-embed-heading aa-visually-hidden" }, title);
}

/** The filters in words for a caption, with the seed's labels. */
export function filtersInWords(state: Pick<ViewState, "filters">, options: OverviewSeed["options"]): string {
  return isEmptyFilters(state.filters)
    ? ""
    : describeFilters(state.filters, filterLabels({ ...options, status: statusOptions() }));
}

/**
 * Tells the host page the height of an embed page's content whenever it
 * changes (and on load), as Framework's responsive-iframe example does:
 * `{type: "accord-atlas:height", height, path}` to the parent window.
 */
export function reportHeight(target: HTMLElement): void {
  if (window.parent === window) return;
  let last = -1;
  // The page's content box (Framework's), else the target: never the viewport, which the host sets.
  const box = document.getElementById("observablehq-center") ?? target;
  const send = () => {
    const margin = Number.parseFloat(getComputedStyle(box).marginBottom) || 0;
    const height = Math.ceil(box.getBoundingClientRect().bottom + window.scrollY + margin);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height, path: `${location.pathname}${location.search}` }, "*");
  };
  const observer = new ResizeObserver(send);
  observer.observe(target);
  if (box !== target) observer.observe(box);
  window.addEventListener("load", send);
  send();
}

export type EmbedRender<V extends ViewName> = (
  state: ViewState<V>,
  options: EmbedRenderOptions,
) => Promise<HTMLElement>;

/**
 * An embed page's content: the query engine's status while it starts, then
 * the view for the page's query string (the same as the full page's, plus
 * theme, caption and title), its height reported to the host page.
 */
export function embedPage<V extends ViewName>(view: V, render: EmbedRender<V>): HTMLElement {
  const root = document.documentElement;
  root.dataset.aaEmbed = view;
  // The theme first, so the page does not flash the other one while it loads.
  const { theme, fit } = parseFrame(new URLSearchParams(location.search), []);
  if (theme) root.dataset.aaTheme = theme;
  // fit=frame: the page is the frame's viewport, never taller (embed.css).
  root.dataset.aaFit = fit;
  const status = dbStatus();
  const container = el("div", { class: "aa-embed-page" }, status);
  reportHeight(container);
  (async () => {
    const [state] = await Promise.all([readState(view, location.search), embedStyles()]);
    const node = await render(state, {
      siteRoot: new URL("../", location.href).href,
      notices: state.notices,
      today: new URLSearchParams(location.search).get("today"),
    });
    container.append(node);
    offerSlideContent(node);
  })().catch((error: unknown) => {
    container.append(errorState("The chart could not be drawn.", error));
  });
  return container;
}

/**
 * Offers the drawn view's slide content (src/lib/model/slide-content.ts) to a
 * same-origin host, /present's exports, as `window[SLIDE_CONTENT_HOOK]`; a
 * view that cannot describe itself offers nothing.
 */
function offerSlideContent(node: HTMLElement & SlideContentSource): void {
  const describe = node.slideContent;
  if (describe) Object.assign(window, { [SLIDE_CONTENT_HOOK]: () => describe.call(node) });
}
