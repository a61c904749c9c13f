/**
 * The Share menu each chart carries: a link that restores this exact view,
 * an iframe snippet for the chrome-less embed, the figure as SVG or PNG
 * (on-screen size, 16:9 slide, A4 print; 1× or 2×) with its caption, and the
 * rows behind the chart as CSV with their source URLs, and "Open in
 * notebook": the chart's own query, with the current filters written in, as
 * a new cell of the SQL page's notebook; "Add to a story" (the view as a
 * story slide's YAML, or a new story file: share-story-row.ts); and, for the
 * network, the graph in view as GEXF or GraphML for Gephi.
 *
 * `shareMenu(options)` → element. Everything is computed when asked, from
 * the view as it is at that moment.
 */
import type { Caption } from "../lib/model/caption.js";
import { type CsvValue, toCsv } from "../lib/model/csv-export.js";
import type { ViewName } from "../lib/model/view-state.js";
import type { GraphFormat } from "../lib/network/graph-files.js";
import { encodeNotebook, NOTEBOOK_ADD_KEY } from "../lib/notebook/notebook-address.js";
import { inlineParams } from "../lib/notebook/sql-literals.js";
import type { SqlFragment } from "../lib/sql/fragment.js";
import { el } from "./dom.js";
import {
  composeFigure,
  download,
  fileName,
  type LegendGroup,
  PRESETS,
  type PresetId,
  pageTheme,
  pixelSize,
  svgText,
  svgToPng,
} from "./export-image.js";
import { storyRow } from "./share-story-row.js";

export interface ShareOptions {
  /** Short title for file names and the caption ("Network of institutions"). */
  title: string;
  /** The query string of the current view (serializeViewState). */
  state: () => string;
  /** The full page's path ("/network") and the embed's ("/embed/network"; none: no embed code). */
  page: string;
  embed?: string;
  /** Draws the chart into width × height as a standalone SVG. */
  draw: (width: number, height: number) => SVGSVGElement;
  /** The chart's size on the page. */
  natural: () => { width: number; height: number };
  caption: () => Caption;
  legend?: () => LegendGroup[];
  /** The rows behind the chart (same filters, same window). */
  rows: () => Promise<{ rows: Record<string, CsvValue>[]; columns: string[] }>;
  /** The query behind the rows, for "Open in notebook" (none: no such button). */
  query?: () => SqlFragment;
  /** The view a story slide of this chart shows ("Add to a story"; none: no Story row). */
  storyView?: ViewName;
  /** The graph in view as a GEXF or GraphML file (none: no Graph row). */
  graphFile?: (format: GraphFormat) => Promise<string>;
}

export type ShareMenu = HTMLDetailsElement & {
  /** The figure for a preset, as the downloads make it (tests and the presentation use it). */
  figure(preset: PresetId): SVGSVGElement;
  link(): string;
};

/**
 * The site's root URL, found from Framework's own stylesheet link, so links
 * work wherever the site is hosted (a domain root or a sub-path).
 */
export function siteRoot(): URL {
  const asset = document.querySelector<HTMLLinkElement>('link[href*="_observablehq/"]');
  return asset ? new URL("..", new URL(asset.href)) : new URL("/", location.href);
}

function absolute(path: string, search: string): string {
  return new URL(`${path.replace(/^\//, "")}${search}`, siteRoot()).href;
}

/** The snippet to paste into a web page: the iframe, and a listener that sets its height. */
export function iframeSnippet(src: string, title: string, height = 640): string {
  const origin = new URL(src).origin;
  const safeTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const safeSrc = src.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return [
    `<iframe src="${safeSrc}" title="${safeTitle}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`,
    `<script>addEventListener("message", (e) => { if (e.origin !== "${origin}" || e.data?.type !== "accord-atlas:height") return; for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === e.source) f.style.height = e.data.height + "px"; });</script>`,
  ].join("\n");
}

async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    // Older browsers and pages without clipboard permission.
    return document.execCommand?.("copy") ?? false;
  }
}

type Say = (text: string) => void;

/** A menu button: says what it is doing, then what it did or why it could not. */
function taskButton(say: Say, testId: string, label: string, what: string, task: () => Promise<void> | void) {
  return el(
    "button",
    {
      type: "button",
      "data-testid": testId,
      onclick: async () => {
        try {
          say(`${what}…`);
          await task();
        } catch (error) {
          say(`Could not ${what.toLowerCase()}: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    },
    label,
  );
}

/** The menu's fields: the link, the embed code, the image's size and pixel density, and the status line. */
function shareFields() {
  return {
    status: el("p", { class: "aa-share-status", role: "status", "aria-live": "polite" }),
    linkField: el("input", {
      type: "text",
      readonly: true,
      "aria-label": "Link to this view",
      "data-testid": "share-link",
    }),
    embedField: el("textarea", { readonly: true, rows: 4, "aria-label": "Embed code", "data-testid": "share-embed" }),
    presetSelect: el(
      "select",
      { "aria-label": "Image size", "data-testid": "share-preset" },
      ...Object.values(PRESETS).map((p) => el("option", { value: p.id }, p.label)),
    ),
    scaleSelect: el(
      "select",
      { "aria-label": "Pixel density", "data-testid": "share-scale" },
      el("option", { value: "1" }, "1×"),
      el("option", { value: "2" }, "2×"),
    ),
  };
}

/** The Data row's buttons: the CSV of the rows, and the chart's query as a notebook cell. */
function dataButtons(options: ShareOptions, say: Say): HTMLButtonElement[] {
  const saveCsv = taskButton(say, "share-csv", "CSV of the data", "Save the CSV", async () => {
    const { rows, columns } = await options.rows();
    const name = fileName(options.title, "csv");
    download(new Blob([toCsv(rows, columns)], { type: "text/csv;charset=utf-8" }), name);
    say(`Saved ${name}: ${rows.length.toLocaleString("en")} rows, with their sources.`);
  });
  if (!options.query) return [saveCsv];
  const openNotebook = taskButton(
    say,
    "share-notebook",
    "Open in notebook",
    "Open the query in the notebook",
    async () => {
      const query = options.query?.();
      if (!query) return;
      const encoded = await encodeNotebook([{ sql: inlineParams(query) }]);
      location.assign(absolute("/sql", `#${NOTEBOOK_ADD_KEY}=${encoded}`));
    },
  );
  return [saveCsv, openNotebook];
}

/** The Graph row's buttons: the network in view for Gephi and Gephi Lite. */
function graphButtons(options: ShareOptions, say: Say): HTMLButtonElement[] {
  const graphFile = options.graphFile;
  if (!graphFile) return [];
  const save = (format: GraphFormat, label: string) =>
    taskButton(say, `share-${format}`, label, `Save the ${label}`, async () => {
      const text = await graphFile(format);
      const name = fileName(options.title, format);
      const mime = format === "gexf" ? "application/gexf+xml" : "application/graphml+xml";
      download(new Blob([text], { type: `${mime};charset=utf-8` }), name);
      say(`Saved ${name}: open it in Gephi or Gephi Lite.`);
    });
  return [save("gexf", "GEXF"), save("graphml", "GraphML")];
}

type Button = (testId: string, label: string, what: string, task: () => Promise<void> | void) => HTMLButtonElement;

/** The rows a chart may add: its graph for Gephi, and the view as a story slide. */
function exportRows(options: ShareOptions, say: Say, button: Button): HTMLElement[] {
  const rows: HTMLElement[] = [];
  if (options.graphFile) {
    rows.push(
      el(
        "div",
        { class: "aa-share-row" },
        el("span", { class: "aa-share-label" }, "Graph"),
        ...graphButtons(options, say),
      ),
    );
  }
  if (options.storyView) {
    const { state, caption } = options;
    rows.push(storyRow({ view: options.storyView, state, caption, say, button, copy: copyText }));
  }
  return rows;
}

export function shareMenu(options: ShareOptions): ShareMenu {
  const { status, linkField, embedField, presetSelect, scaleSelect } = shareFields();
  const say = (text: string) => {
    status.textContent = text;
  };
  const link = () => absolute(options.page, options.state());
  const embedSrc = () => absolute(options.embed ?? options.page, options.state());
  const figure = (preset: PresetId) => {
    const natural = options.natural();
    const caption = options.caption();
    return composeFigure({
      draw: options.draw,
      natural,
      caption: { ...caption, lines: [...caption.lines, `Accord Atlas · ${link()}`] },
      legend: options.legend?.(),
      preset: PRESETS[preset],
      theme: pageTheme(),
    });
  };
  const button: Button = (testId, label, what, task) => taskButton(say, testId, label, what, task);

  const copyLink = button("share-copy-link", "Copy link", "Copy the link", async () => {
    linkField.value = link();
    say((await copyText(linkField.value, linkField)) ? "Link copied." : "Select the link and copy it.");
  });
  const copyEmbed = button("share-copy-embed", "Copy embed code", "Copy the embed code", async () => {
    embedField.value = iframeSnippet(embedSrc(), options.caption().title);
    say((await copyText(embedField.value, embedField)) ? "Embed code copied." : "Select the code and copy it.");
  });
  const saveSvg = button("share-svg", "SVG", "Save the SVG", () => {
    const svg = figure(presetSelect.value as PresetId);
    const name = fileName(options.title, "svg");
    download(new Blob([svgText(svg)], { type: "image/svg+xml" }), name);
    const { width, height } = pixelSize(svg);
    say(`Saved ${name} (${width}×${height}).`);
  });
  const savePng = button("share-png", "PNG", "Save the PNG", async () => {
    const svg = figure(presetSelect.value as PresetId);
    const scale = Number(scaleSelect.value);
    const blob = await svgToPng(svg, scale);
    const name = fileName(options.title, "png");
    download(blob, name);
    const { width, height } = pixelSize(svg);
    say(`Saved ${name} (${Math.round(width * scale)}×${Math.round(height * scale)} pixels).`);
  });

  const menu = el(
    "details",
    { class: "aa-share" },
    el("summary", { "aria-label": `Share or export: ${options.title}` }, "Share"),
    el(
      "div",
      { class: "aa-share-panel" },
      el("div", { class: "aa-share-row" }, el("label", {}, "Link", linkField), copyLink),
      options.embed ? el("div", { class: "aa-share-row" }, el("label", {}, "Embed", embedField), copyEmbed) : null,
      el(
        "div",
        { class: "aa-share-row" },
        el("span", { class: "aa-share-label" }, "Image"),
        presetSelect,
        scaleSelect,
        saveSvg,
        savePng,
      ),
      el(
        "div",
        { class: "aa-share-row" },
        el("span", { class: "aa-share-label" }, "Data"),
        ...dataButtons(options, say),
      ),
      ...exportRows(options, say, button),
      el(
        "p",
        { class: "aa-share-hint" },
        "Images carry the title, the filters, the sources and the data date. Paste a PNG into PowerPoint, Keynote or Google Slides; use the embed code on a web page or in reveal.js.",
      ),
      status,
    ),
  ) as unknown as ShareMenu;
  menu.addEventListener("toggle", () => {
    if (!menu.open) return;
    linkField.value = link();
    if (options.embed) embedField.value = iframeSnippet(embedSrc(), options.caption().title);
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      (menu.querySelector("summary") as HTMLElement).focus();
    }
  });
  menu.figure = figure;
  menu.link = link;
  return menu;
}
