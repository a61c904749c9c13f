/**
 * The network for a view state, on its own: the chart with the state's
 * display options (show, links, size, colour), selection and zoom, its
 * legend, the caption, and a link to the full page. The embed page
 * (src/embed/network.md) and the exported module (src/embed/network.ts)
 * both draw it. What the network page draws too is written once and shared:
 * the data step (network-data.ts), palette and scene (lib/network/palette.ts),
 * tooltip (network-tooltip.ts), legend (lib/network/legend-items.ts) and
 * counts (lib/network/summary-text.ts).
 *
 * @example
 * const state = await readState("network", "?sector=industry&size=degree");
 * container.append(await networkView(state, {siteRoot: "https://atlas.example/"}));
 */

import { FileAttachment, resize } from "observablehq:stdlib";
import type { CitedSource } from "../../lib/model/caption.js";
import type { LayoutFile, OverviewSeed } from "../../lib/model/contracts.js";
import { formatPartialDate } from "../../lib/model/dates.js";
import { typeSizes } from "../../lib/model/frame-layout.js";
import { slideCaption } from "../../lib/model/slide-caption.js";
import type { SlideContent, SlideContentSource } from "../../lib/model/slide-content.js";
import type { NetworkZoom, ViewState } from "../../lib/model/view-state.js";
import { placeNodes } from "../../lib/network/layout.js";
import { positionsOf } from "../../lib/network/layout-file.js";
import { legendItems, legendKey } from "../../lib/network/legend-items.js";
import { labelsFrom } from "../../lib/network/node-lists.js";
import { type NetworkPalette, networkPalette, paletteScene, type SceneChoice } from "../../lib/network/palette.js";
import type { GraphMetrics } from "../../lib/network/ranking.js";
import { drawnLine, institutionsCount, NETWORK_TITLE } from "../../lib/network/summary-text.js";
import { citedSources } from "../../lib/sql/page-queries.js";
import { database } from "../db.js";
import { emptyState } from "../dom.js";
import { NOTHING, whenDrawn } from "../embedding/drawn-wait.js";
import {
  type EmbedFrame,
  type EmbedRenderOptions,
  embedFrame,
  filtersInWords,
  loadSeed,
  noticeList,
  openUrl,
} from "../embedding/embed-frame.js";
import { pageTheme, svgText } from "../export-image.js";
import { type NetworkChart, networkChart } from "./network-chart.js";
import { loadNetwork, type NetworkData } from "./network-data.js";
import { networkSvg } from "./network-export.js";
import { networkLegend } from "./network-legend.js";
import { graphMetricsFor } from "./network-metrics.js";
import { bipartiteLimitNotice } from "./network-notes.js";
import { embedTables } from "./network-tables.js";
import { describeNode } from "./network-tooltip.js";

let layoutFile: Promise<LayoutFile> | undefined;

/** The layout computed at build time (positions, country order), fetched once. */
export function loadLayout(): Promise<LayoutFile> {
  layoutFile ??= FileAttachment("../../data/network-layout.json").json() as Promise<LayoutFile>;
  return layoutFile;
}

/** The chart's height for a width: wide and short on a slide, taller on a phone. */
export function networkHeight(width: number): number {
  return Math.round(Math.max(320, Math.min(760, width * 0.6)));
}

/** Everything an embed draws, loaded at once: the data, metrics when they size or colour nodes, the sources. */
interface EmbedData {
  seed: OverviewSeed;
  network: NetworkData;
  metrics: GraphMetrics | null;
  cited: CitedSource[];
  palette: NetworkPalette;
  scene: SceneChoice;
}

async function loadEmbedData(state: ViewState<"network">): Promise<EmbedData> {
  const { filters, options: o } = state;
  const mode = o.show === "bipartite" ? "bipartite" : "projection";
  const [seed, layout, db] = await Promise.all([loadSeed(), loadLayout(), database()]);
  const [network, cited] = await Promise.all([
    loadNetwork(db, filters, { mode, edgeMode: o.links }),
    db.query(citedSources(filters)),
  ]);
  const needsMetrics = o.size !== "commitments" || o.colour === "community";
  const metrics = needsMetrics && network.projected.nodes.length ? await graphMetricsFor(network.projected) : null;
  const positions = placeNodes(network.graph, positionsOf(layout));
  return {
    seed,
    network,
    metrics,
    cited: cited as unknown as CitedSource[],
    palette: networkPalette(seed.options, layout.countries),
    scene: { positions, metrics, sizeBy: o.size, colorBy: o.colour },
  };
}

/** The legend under an embedded chart (none when nothing is drawn). */
function embedLegend(data: EmbedData, state: ViewState<"network">): HTMLElement | null {
  const { graph } = data.network;
  if (!graph.nodes.length) return null;
  const o = state.options;
  const items = legendItems(graph, o.colour, data.metrics, data.palette);
  return networkLegend(
    legendKey(items, {
      colorBy: o.colour,
      sizeBy: o.size,
      bipartite: data.network.shows === "bipartite",
      pending: false,
    }),
  );
}

/** The drawn nodes and links as tables, closed under the chart (none when nothing is drawn). */
function embedTable(data: EmbedData): HTMLElement | null {
  const { graph } = data.network;
  if (!graph.nodes.length) return null;
  return embedTables(graph.nodes, graph.edges, {
    metrics: data.metrics?.byNode,
    metricColumns: data.metrics !== null,
    labelOf: labelsFrom(new Map(graph.nodes.map((n) => [n.id, n]))),
    sectorLabel: data.palette.sectorLabel,
  });
}

/** Where the reader is (selection and zoom), told to `changed` whenever they move. */
interface EmbedPlace {
  selected: string | null;
  zoom: NetworkZoom | null;
  /** The chart drawn last (resize redraws it), for the slide's image. */
  chart?: NetworkChart | null;
}

/** Draws the chart at a width; a redraw keeps where the reader was looking. */
function embedChart(
  data: EmbedData,
  state: ViewState<"network">,
  options: EmbedRenderOptions,
  place: EmbedPlace,
  changed: () => void,
): (width: number, height?: number) => HTMLElement {
  const { graph, counts, source } = data.network;
  let chart: NetworkChart | null = null;
  const frame = state.frame;
  return (width, height) => {
    if (!graph.nodes.length) {
      return emptyState("No institution matches these filters.", "Clear a filter to see the network again.");
    }
    if (chart) place.zoom = chart.getZoom();
    const next = networkChart({
      height: options.height ?? height ?? networkHeight(width),
      labelSize: typeSizes(frame.type).label,
      fitLabels: frame.fit === "frame",
      label: `${state.frame.title ?? NETWORK_TITLE}: ${institutionsCount(counts)}`,
      describe: (n) => describeNode(n, data.palette.sectorLabel),
      sectorLabel: data.palette.sectorLabel,
      zoom: place.zoom,
    });
    next.dataset.source = source;
    next.update(paletteScene(graph, data.scene, data.palette));
    if (place.selected) next.select(place.selected, { notify: false });
    next.addEventListener("input", () => {
      place.selected = next.value;
      changed();
    });
    next.addEventListener("aa-zoom", (event) => {
      place.zoom = (event as CustomEvent<NetworkZoom | null>).detail;
      changed();
    });
    chart = next;
    place.chart = next;
    return next;
  };
}

/**
 * The chart at a fixed width, or following its container: its width (the
 * article's default), or its width and height (fit=frame: Framework's resize
 * with two arguments fills the box's height and redraws when either changes).
 */
function chartBox(
  draw: (width: number, height?: number) => HTMLElement,
  width: number | null | undefined,
  frame: boolean,
): HTMLElement {
  if (width) return draw(width);
  return frame
    ? resize((w: number, h?: number) => draw(w, h && h > 0 ? Math.floor(h) : undefined))
    : resize((w: number) => draw(w));
}

/** Draws the network for a state; resolves once the data (and metrics, when they size or colour nodes) are in. */
export async function networkView(state: ViewState<"network">, options: EmbedRenderOptions): Promise<HTMLElement> {
  const data = await loadEmbedData(state);
  const o = state.options;
  const notices = [...(options.notices ?? [])];
  const selectable = new Set(data.network.graph.nodes.map((n) => n.id));
  const place: EmbedPlace = { selected: o.select && selectable.has(o.select) ? o.select : null, zoom: o.zoom };
  if (o.select && !place.selected) notices.push(`The selection “${o.select}” is not drawn with these filters.`);
  const tooMany = bipartiteLimitNotice(data.network);
  if (tooMany) notices.push(tooMany);

  // The state the reader has reached, for the link to the full page.
  const href = () =>
    openUrl({ ...state, options: { ...o, select: place.selected, zoom: place.zoom } }, options.siteRoot);
  let figure: EmbedFrame | undefined;
  const draw = embedChart(data, state, options, place, () => figure?.setHref(href()));
  const fresh = data.seed.freshness;
  figure = embedFrame({
    view: "network",
    frame: state.frame,
    title: NETWORK_TITLE,
    notices: noticeList(notices),
    chart: chartBox(draw, options.width, state.frame.fit === "frame"),
    legend: embedLegend(data, state),
    table: embedTable(data),
    detail: drawnLine(data.network),
    filters: filtersInWords(state, data.seed.options),
    sources: data.cited,
    // Freshness from the build, as the pages have it (no page loads every status update for one date).
    dataDate: fresh?.latest_source ? formatPartialDate(String(fresh.latest_source)) : null,
    href: href(),
    width: options.width ?? null,
  });
  const slide: HTMLElement & SlideContentSource = figure;
  slide.slideContent = async () => {
    // The chart is drawn once its box has a size (and again once a frame's height is known).
    const drawn = await whenDrawn(() =>
      data.network.graph.nodes.length === 0 ? NOTHING : place.chart?.isConnected ? place.chart : undefined,
    );
    return networkSlide(data, state, drawn, href());
  };
  return figure;
}

/**
 * The network as slide content: the drawing the chart shows now (it is drawn
 * on a canvas, so this is the SVG the image export makes of it, the same
 * view and scale), the caption in words and the link to this state.
 */
function networkSlide(
  data: EmbedData,
  state: ViewState<"network">,
  chart: NetworkChart | null,
  link: string,
): SlideContent {
  if (!chart) throw new Error("The network is not drawn (no institution matches these filters).");
  const width = chart.clientWidth;
  const height = chart.clientHeight;
  const fresh = data.seed.freshness;
  return {
    charts: [
      {
        kind: "image",
        svg: svgText(networkSvg(chart.snapshot(), width, height, pageTheme())),
        width,
        height,
        alt: `${state.frame.title ?? NETWORK_TITLE}: ${drawnLine(data.network)}.`,
      },
    ],
    caption: slideCaption({
      filters: filtersInWords(state, data.seed.options),
      sources: data.cited,
      dataDate: fresh?.latest_source ? formatPartialDate(String(fresh.latest_source)) : null,
    }),
    link,
  };
}
