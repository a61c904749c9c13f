/**
 * The whole state of a view in its link: the shared filters (src/lib/model/filters.ts)
 * plus what each view adds (the network's display controls, selection and
 * zoom; the timeline's window and selection). The same query string drives the
 * full page (`/network?…`), its embed (`/embed/network?…`), a story slide
 * (`data/stories/`), and the exported module's options.
 *
 * Parsing never throws and never passes a value on unchecked: anything
 * malformed, too long or unknown is dropped with a notice the page shows.
 */
import { type FilterState, type KnownValues, parseFilters, serializeFilters, shorten } from "./filters.js";

/**
 * The views a link, an embed or a story slide can show: the network, the
 * sector timelines, the overview's sector chart (`sectors`) and the
 * timeline page's scorecard and "due next" tables (`scorecards`).
 */
export const VIEWS = ["network", "timeline", "sectors", "scorecards"] as const;
export type ViewName = (typeof VIEWS)[number];

export const NETWORK_SHOW = ["institutions", "bipartite"] as const;
export const NETWORK_LINKS = ["dominant", "per-sector"] as const;
export const NETWORK_SIZE = ["commitments", "degree", "weightedDegree", "betweenness"] as const;
export const NETWORK_COLOUR = ["country", "community"] as const;
export const THEMES = ["light", "dark"] as const;
/** How an embed sizes itself: from its width (articles), or inside a fixed width × height (slides, tiles). */
export const FITS = ["width", "frame"] as const;
/** The type scale: the page's, or one read from the back of a room (every chart text ≥ 18 px at 1920×1080). */
export const TYPE_SCALES = ["page", "slide"] as const;

export type NetworkShow = (typeof NETWORK_SHOW)[number];
export type NetworkLinks = (typeof NETWORK_LINKS)[number];
export type NetworkSize = (typeof NETWORK_SIZE)[number];
export type NetworkColour = (typeof NETWORK_COLOUR)[number];
export type Theme = (typeof THEMES)[number];
export type Fit = (typeof FITS)[number];
export type TypeScale = (typeof TYPE_SCALES)[number];

/**
 * Where the network view is looking: the layout point at the centre of the
 * drawing and the scale (pixels per layout unit). Independent of the chart's
 * width, so a link opened on a phone and on a slide centres the same place.
 */
export interface NetworkZoom {
  x: number;
  y: number;
  k: number;
}

export const ZOOM_K = [0.02, 40] as const;
export const ZOOM_XY = 1e6;
export const MAX_ID_LENGTH = 200;

export interface NetworkOptions {
  show: NetworkShow;
  links: NetworkLinks;
  size: NetworkSize;
  colour: NetworkColour;
  /** A selected node: an institution id, or `commitment:<id>` in the bipartite view. */
  select: string | null;
  zoom: NetworkZoom | null;
}

export interface TimelineOptions {
  /** Inclusive days, or null for the whole extent. */
  window: { from: string; to: string } | null;
  /** A selected commitment id (its panel opens). */
  select: string | null;
}

/** Options every view takes in an embed or a story (not the page's controls). */
export interface FrameOptions {
  theme: Theme | null;
  /** False hides the caption (the host shows its own). */
  caption: boolean;
  /** A title to show instead of the view's own. */
  title: string | null;
  /** "frame": lay the chart out inside the frame's width × height, legend and caption included; nothing clipped or scrolled. */
  fit: Fit;
  /** "slide": the projection type scale. */
  type: TypeScale;
}

export const NETWORK_DEFAULTS: NetworkOptions = {
  show: "institutions",
  links: "dominant",
  size: "commitments",
  colour: "country",
  select: null,
  zoom: null,
};

export const TIMELINE_DEFAULTS: TimelineOptions = { window: null, select: null };
export const FRAME_DEFAULTS: FrameOptions = { theme: null, caption: true, title: null, fit: "width", type: "page" };

/** The sector chart and the scorecards read the shared filters only. */
export type NoOptions = Record<string, never>;

interface OptionsOfView {
  network: NetworkOptions;
  timeline: TimelineOptions;
  sectors: NoOptions;
  scorecards: NoOptions;
}
export type ViewOptions<V extends ViewName> = OptionsOfView[V];

export interface ViewState<V extends ViewName = ViewName> {
  view: V;
  filters: FilterState;
  options: ViewOptions<V>;
  frame: FrameOptions;
}

/** The parameters each view reads besides the filters; anything else in a link is left alone. */
export const VIEW_KEYS: Record<ViewName, readonly string[]> = {
  network: ["show", "links", "size", "colour", "select", "zoom"],
  timeline: ["window", "select"],
  sectors: [],
  scorecards: [],
};

/** The full page that shows each view (where "Open in Accord Atlas" goes). */
export const VIEW_PAGES: Record<ViewName, string> = {
  network: "/network",
  timeline: "/timeline",
  sectors: "/",
  scorecards: "/timeline",
};

/** The views that read "today" (`?today=`) besides their keys: what is overdue and due next depends on it. */
export const TODAY_VIEWS: readonly ViewName[] = ["timeline", "scorecards"];
export const FRAME_KEYS = ["theme", "caption", "title", "fit", "type"] as const;

const MAX_TITLE = 120;

function oneOf<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
  fallback: T,
  notices: string[],
): T {
  const raw = params.get(key);
  if (raw === null || raw === "") return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  notices.push(`Ignored ${key} “${shorten(raw)}”: expected one of ${allowed.join(", ")}.`);
  return fallback;
}

/** An id as the records write them: letters, digits and - _ . : / (no markup, no spaces). */
export function parseId(raw: string | null, what: string, notices: string[]): string | null {
  if (raw === null || raw.trim() === "") return null;
  const value = raw.trim();
  if (value.length > MAX_ID_LENGTH || !/^[\p{L}\p{N}][\p{L}\p{N}_.:/-]*$/u.test(value)) {
    notices.push(`Ignored ${what} “${shorten(value)}”: not an id.`);
    return null;
  }
  return value;
}

export function parseZoom(raw: string | null, notices: string[]): NetworkZoom | null {
  if (raw === null || raw.trim() === "") return null;
  const parts = raw.split(",");
  const numbers = parts.map((p) => (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(p.trim()) ? Number(p) : Number.NaN));
  const [x, y, k] = numbers;
  if (
    parts.length !== 3 ||
    numbers.some((n) => !Number.isFinite(n)) ||
    Math.abs(x) > ZOOM_XY ||
    Math.abs(y) > ZOOM_XY ||
    k < ZOOM_K[0] ||
    k > ZOOM_K[1]
  ) {
    notices.push(`Ignored zoom “${shorten(raw)}”: expected x,y,scale with a scale from ${ZOOM_K[0]} to ${ZOOM_K[1]}.`);
    return null;
  }
  return { x, y, k };
}

/** A window as the timeline writes it: `YYYY-MM-DD..YYYY-MM-DD`, real days, in order. */
export function parseWindow(raw: string | null, notices: string[]): { from: string; to: string } | null {
  if (raw === null || raw === "") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const day = (y: string, m: string, d: string) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCFullYear() === Number(y) &&
      date.getUTCMonth() === Number(m) - 1 &&
      date.getUTCDate() === Number(d)
      ? `${y}-${m}-${d}`
      : null;
  };
  const from = match ? day(match[1], match[2], match[3]) : null;
  const to = match ? day(match[4], match[5], match[6]) : null;
  if (!from || !to || from > to) {
    notices.push(`Ignored window “${shorten(raw)}”: expected two days in order, as 2015-01-01..2020-12-31.`);
    return null;
  }
  return { from, to };
}

export function parseFrame(params: URLSearchParams, notices: string[]): FrameOptions {
  const theme = params.get("theme");
  const caption = params.get("caption");
  const title = params.get("title");
  const frame: FrameOptions = {
    ...FRAME_DEFAULTS,
    fit: oneOf(params, "fit", FITS, FRAME_DEFAULTS.fit, notices),
    type: oneOf(params, "type", TYPE_SCALES, FRAME_DEFAULTS.type, notices),
  };
  if (theme) {
    if ((THEMES as readonly string[]).includes(theme)) frame.theme = theme as Theme;
    else notices.push(`Ignored theme “${shorten(theme)}”: expected light or dark.`);
  }
  if (caption !== null && caption !== "") {
    if (caption === "off" || caption === "0") frame.caption = false;
    else if (caption !== "on" && caption !== "1")
      notices.push(`Ignored caption “${shorten(caption)}”: expected on or off.`);
  }
  if (title !== null && title.trim() !== "") {
    const clean = title.trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
    if (clean.length > MAX_TITLE) notices.push(`Ignored a title longer than ${MAX_TITLE} characters.`);
    else frame.title = clean;
  }
  return frame;
}

export function parseNetworkOptions(params: URLSearchParams, notices: string[]): NetworkOptions {
  return {
    show: oneOf(params, "show", NETWORK_SHOW, NETWORK_DEFAULTS.show, notices),
    links: oneOf(params, "links", NETWORK_LINKS, NETWORK_DEFAULTS.links, notices),
    size: oneOf(params, "size", NETWORK_SIZE, NETWORK_DEFAULTS.size, notices),
    colour: oneOf(params, "colour", NETWORK_COLOUR, NETWORK_DEFAULTS.colour, notices),
    select: parseId(params.get("select"), "selection", notices),
    zoom: parseZoom(params.get("zoom"), notices),
  };
}

export function parseTimelineOptions(params: URLSearchParams, notices: string[]): TimelineOptions {
  return {
    window: parseWindow(params.get("window"), notices),
    select: parseId(params.get("select"), "selection", notices),
  };
}

/**
 * Reads a view's state from a query string: filters (checked against `known`
 * values when given), the view's options, and the frame options. Every value
 * dropped comes back as a notice in words.
 */
export function parseViewState<V extends ViewName>(
  view: V,
  search: string | URLSearchParams,
  known: KnownValues = {},
): ViewState<V> & { notices: string[] } {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const { state: filters, notices } = parseFilters(params, known);
  const options = (
    view === "network"
      ? parseNetworkOptions(params, notices)
      : view === "timeline"
        ? parseTimelineOptions(params, notices)
        : {}
  ) as ViewOptions<V>;
  const frame = parseFrame(params, notices);
  return { view, filters, options, frame, notices };
}

function formatNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** A zoom as a link writes it: "x,y,k", rounded to three decimals. */
export function formatZoom(zoom: NetworkZoom): string {
  return [zoom.x, zoom.y, zoom.k].map(formatNumber).join(",");
}

/**
 * Writes a view's state as a query string. Defaults are left out and keys come
 * in a fixed order, so the same view always has the same link.
 */
export function serializeViewState(state: {
  view: ViewName;
  filters: FilterState;
  options: Partial<NetworkOptions> | Partial<TimelineOptions> | NoOptions;
  frame?: Partial<FrameOptions>;
}): string {
  const params = new URLSearchParams(serializeFilters(state.filters));
  if (state.view === "network") {
    const o = { ...NETWORK_DEFAULTS, ...(state.options as Partial<NetworkOptions>) };
    if (o.show !== NETWORK_DEFAULTS.show) params.set("show", o.show);
    if (o.links !== NETWORK_DEFAULTS.links) params.set("links", o.links);
    if (o.size !== NETWORK_DEFAULTS.size) params.set("size", o.size);
    if (o.colour !== NETWORK_DEFAULTS.colour) params.set("colour", o.colour);
    if (o.select) params.set("select", o.select);
    if (o.zoom) params.set("zoom", formatZoom(o.zoom));
  } else if (state.view === "timeline") {
    const o = { ...TIMELINE_DEFAULTS, ...(state.options as Partial<TimelineOptions>) };
    if (o.window) params.set("window", `${o.window.from}..${o.window.to}`);
    if (o.select) params.set("select", o.select);
  }
  const f = { ...FRAME_DEFAULTS, ...state.frame };
  if (f.theme) params.set("theme", f.theme);
  if (!f.caption) params.set("caption", "off");
  if (f.title) params.set("title", f.title);
  if (f.fit !== FRAME_DEFAULTS.fit) params.set("fit", f.fit);
  if (f.type !== FRAME_DEFAULTS.type) params.set("type", f.type);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The path of the page that shows a view (`/` for the sector chart), and of its chrome-less embed. */
export function viewPath(view: ViewName, { embed = false } = {}): string {
  return embed ? `/embed/${view}` : VIEW_PAGES[view];
}
