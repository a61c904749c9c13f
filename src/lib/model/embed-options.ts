/**
 * The options of the exported modules (`NetworkChart(options)`,
 * `TimelineChart(options)`, see docs/embedding.md) turned into the URL
 * contract of src/lib/model/view-state.ts, so a web app that passes
 * `{filters: {sector: ["industry"]}, size: "degree"}` gets exactly what
 * `/embed/network?sector=industry&size=degree` shows, checked by the same
 * parser with the same notices.
 *
 * A `state` query string comes first; the fields given beside it override its
 * keys. Fields use the URL's names (`sector`, `show`, `zoom`, `window`,
 * `theme`, …); filters may also sit in a `filters` object. Values may be
 * strings, numbers, booleans, lists (filters), `{x, y, k}` (zoom) or
 * `{from, to}` (window). Anything else is dropped with a notice.
 */
import { FILTER_KEYS, LIST_KEYS, shorten } from "./filters.js";
import { FRAME_KEYS, TODAY_VIEWS, VIEW_KEYS } from "./view-state.js";

/** Options that size the module's element; they are not part of a link. */
/**
 * The message an embed page posts to its host whenever its height changes
 * (`{type: HEIGHT_MESSAGE, height, path}`): sent by the embed frame, read by
 * /present's slides and by hosts (docs/embedding.md).
 */
export const HEIGHT_MESSAGE = "accord-atlas:height";

/** The views with an exported module (src/embed/<view>.ts), and the function each exports. */
export const MODULE_FUNCTIONS = { network: "NetworkChart", timeline: "TimelineChart" } as const;
export type ModuleView = keyof typeof MODULE_FUNCTIONS;

export const SIZE_KEYS = ["width", "height"] as const;
/** Widths and heights the modules accept, in CSS pixels. */
export const SIZE_RANGE = [120, 10_000] as const;
/** The longest `state` string read (longer ones are ignored with a notice). */
export const MAX_STATE_LENGTH = 20_000;

export interface EmbedSize {
  /** A fixed width; null fills the container (and follows its width). */
  width: number | null;
  /** A fixed chart height; null follows the width. */
  height: number | null;
}

export interface EmbedSearch {
  /** The query string to parse with parseViewState. */
  params: URLSearchParams;
  size: EmbedSize;
  /** What was dropped before parsing, in words. */
  notices: string[];
}

function describe(value: unknown): string {
  if (typeof value === "string") return `“${shorten(value)}”`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : shorten(String(value));
}

/** A scalar as the URL would carry it; undefined when it is not one. */
function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "on" : "off";
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Turns a module's options into a query string for parseViewState, plus the
 * element's size. Never throws: what cannot be read is dropped with a notice.
 */
export function embedSearch(view: ModuleView, options: unknown, fn = MODULE_FUNCTIONS[view]): EmbedSearch {
  const notices: string[] = [];
  const size: EmbedSize = { width: null, height: null };
  const params = new URLSearchParams();
  if (options === undefined || options === null) return { params, size, notices };
  if (typeof options === "string") return embedSearch(view, { state: options }, fn);
  if (!isRecord(options)) {
    notices.push(`Ignored the options of ${fn}: expected an object, got ${describe(options)}.`);
    return { params, size, notices };
  }

  const state = options.state;
  if (state !== undefined && state !== null) {
    const text = state instanceof URLSearchParams ? state.toString() : typeof state === "string" ? state : undefined;
    if (text === undefined) notices.push(`Ignored state: expected a query string such as "?sector=industry".`);
    else if (text.length > MAX_STATE_LENGTH)
      notices.push(`Ignored a state longer than ${MAX_STATE_LENGTH.toLocaleString("en")} characters.`);
    else for (const [k, v] of new URLSearchParams(text.replace(/^[^?]*\?/, ""))) params.append(k, v);
  }

  const viewKeys = new Set<string>(VIEW_KEYS[view]);
  const otherView = new Set<string>(
    Object.values(VIEW_KEYS)
      .flat()
      .filter((k) => !viewKeys.has(k)),
  );
  const listKeys = new Set<string>(LIST_KEYS);
  const filterKeys = new Set<string>(FILTER_KEYS);
  const frameKeys = new Set<string>(FRAME_KEYS);

  const setFilter = (key: string, value: unknown) => {
    if (value === undefined) return;
    params.delete(key);
    if (listKeys.has(key)) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        const text = scalar(v);
        if (text === undefined) notices.push(`Ignored a ${key} filter value: expected text, got ${describe(v)}.`);
        else params.append(key, text);
      }
      return;
    }
    const text = scalar(value);
    if (text === undefined) notices.push(`Ignored ${key}: expected a year, got ${describe(value)}.`);
    else params.set(key, text);
  };

  const setOption = (key: string, value: unknown) => {
    if (value === undefined) return;
    params.delete(key);
    if (value === null) return; // null clears (the default applies)
    if (key === "zoom" && isRecord(value)) {
      const { x, y, k } = value;
      if ([x, y, k].every((n) => typeof n === "number" && Number.isFinite(n))) params.set(key, `${x},${y},${k}`);
      else notices.push(`Ignored zoom: expected {x, y, k} with numbers.`);
      return;
    }
    if (key === "window" && isRecord(value)) {
      const { from, to } = value;
      if (typeof from === "string" && typeof to === "string") params.set(key, `${from}..${to}`);
      else notices.push(`Ignored window: expected {from, to} as YYYY-MM-DD days.`);
      return;
    }
    const text = scalar(value);
    if (text === undefined) notices.push(`Ignored ${key}: got ${describe(value)}.`);
    else params.set(key, text);
  };

  for (const [key, value] of Object.entries(options)) {
    if (key === "state") continue;
    if (key === "filters") {
      if (value === undefined || value === null) continue;
      if (!isRecord(value)) {
        notices.push(`Ignored filters: expected an object such as {sector: ["industry"]}.`);
        continue;
      }
      for (const [fk, fv] of Object.entries(value)) {
        if (filterKeys.has(fk)) setFilter(fk, fv);
        else notices.push(`Ignored the filter “${shorten(fk)}”: expected one of ${FILTER_KEYS.join(", ")}.`);
      }
    } else if (filterKeys.has(key)) setFilter(key, value);
    else if (viewKeys.has(key) || frameKeys.has(key)) setOption(key, value);
    else if ((SIZE_KEYS as readonly string[]).includes(key)) {
      if (value === undefined || value === null) continue;
      if (typeof value === "number" && Number.isFinite(value) && value >= SIZE_RANGE[0] && value <= SIZE_RANGE[1])
        size[key as keyof EmbedSize] = Math.round(value);
      else
        notices.push(`Ignored ${key} ${describe(value)}: expected pixels from ${SIZE_RANGE[0]} to ${SIZE_RANGE[1]}.`);
    } else if (key === "today" && TODAY_VIEWS.includes(view)) setOption(key, value);
    else if (otherView.has(key) || key === "today")
      notices.push(`Ignored ${key}: ${fn} does not take it (it belongs to the other view).`);
    else notices.push(`Ignored the option “${shorten(key)}”: ${fn} does not take it.`);
  }
  return { params, size, notices };
}
