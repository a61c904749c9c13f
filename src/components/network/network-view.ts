/**
 * The network for a view state, on its own: the chart with the state's
 * display options (show, links, size, colour), selection and zoom, its
 * legend, the caption, and a link to the full page. The embed page
 * (src/embed/network.md) and the exported module (src/embed/network.ts)
 * both draw it; the queries, layout and scene are the network page's
 * (src/network.md).
 *
 * @example
 * const state = await readState("network", "?sector=industry&size=degree");
 * container.append(await networkView(state, {siteRoot: "https://atlas.example/"}));
 */

import { FileAttachment, resize } from "observablehq:stdlib";
import * as d3 from "d3";
import type { LayoutFile } from "../../lib/model/contracts.js";
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META, STATUS_ORDER } from "../../lib/model/value-labels.js";
import type { NetworkZoom, ViewState } from "../../lib/model/view-state.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { placeNodes } from "../../lib/network/layout.js";
import { positionsOf } from "../../lib/network/layout-file.js";
import type { GraphMetrics } from "../../lib/network/ranking.js";
import { buildScene, countryPalette, SIZE_LABELS } from "../../lib/network/scene.js";
import { citedSources } from "../../lib/sql/page-queries.js";
import { database } from "../db.js";
import { el, emptyState } from "../dom.js";
import {
  type EmbedFrame,
  type EmbedRenderOptions,
  embedFrame,
  filtersInWords,
  loadSeed,
  noticeList,
  openUrl,
} from "../embed/embed-frame.js";
import { type NetworkChart, networkChart } from "./network-chart.js";
import { loadNetwork } from "./network-data.js";
import { networkLegend } from "./network-legend.js";
import { graphMetricsFor } from "./network-metrics.js";

export const NETWORK_TITLE = "Institutions linked by shared commitments";

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

/** The tooltip lines of a node, as on the network page. */
export function describeNode(node: GraphNode, sectorLabel: (id: string) => string): (string | Node)[] {
  if (node.kind === "institution") {
    return [
      el("strong", {}, node.acronym ? `${node.name} (${node.acronym})` : node.name),
      `${node.country_name} · ${humanize(node.type)}`,
      `${node.commitments} commitment${node.commitments === 1 ? "" : "s"} in view:`,
      ...node.bySector.slice(0, 6).map(([s, k]) => `  ${sectorLabel(s)}: ${k}`),
      ...(node.bySector.length > 6 ? [`  and ${node.bySector.length - 6} more sectors`] : []),
    ];
  }
  return [
    el("strong", {}, node.summary),
    `${sectorLabel(node.sector)} · ${STATUS_META[node.status as Status]?.label ?? node.status}`,
    `${node.commitments} part${node.commitments === 1 ? "y" : "ies"}`,
  ];
}

const communityColor = (k: number) => (k >= 1 && k <= 10 ? d3.schemeObservable10[k - 1] : "#9a9a9a");

/** Draws the network for a state; resolves once the data (and metrics, when they size or colour nodes) are in. */
export async function networkView(state: ViewState<"network">, options: EmbedRenderOptions): Promise<HTMLElement> {
  const { filters, frame } = state;
  const o = state.options;
  const mode = o.show === "bipartite" ? "bipartite" : "projection";
  const [seed, layout, db] = await Promise.all([loadSeed(), loadLayout(), database()]);
  // Freshness from the build, as the pages have it (no page loads every status update for one date).
  const fresh = seed.freshness;
  const [network, cited] = await Promise.all([
    loadNetwork(db, filters, { mode, edgeMode: o.links }),
    db.query(citedSources(filters)),
  ]);
  const { projected, graph, counts } = network;
  const needsMetrics = o.size !== "commitments" || o.colour === "community";
  const metrics: GraphMetrics | null = needsMetrics && projected.nodes.length ? await graphMetricsFor(projected) : null;

  const countries = countryPalette(layout.countries, d3.schemeTableau10);
  const countryLabel = new Map(seed.options.country.map((c) => [c.id, c.label]));
  const sectorInfo = new Map(seed.options.sector.map((s) => [s.id, s]));
  const sectorColor = (id: string) => sectorInfo.get(id)?.color ?? "#999";
  const sectorLabel = (id: string) => sectorInfo.get(id)?.label ?? id;
  const positions = placeNodes(graph, positionsOf(layout));

  const notices = [...(options.notices ?? [])];
  const selectable = new Set(graph.nodes.map((n) => n.id));
  let selected = o.select && selectable.has(o.select) ? o.select : null;
  if (o.select && !selected) notices.push(`The selection “${o.select}” is not drawn with these filters.`);

  const scene = () =>
    buildScene(graph, {
      positions,
      metrics: metrics?.byNode,
      sizeBy: o.size,
      colorBy: o.colour,
      countryColor: countries.color,
      communityColor,
      sectorColor,
      commitmentColor: (s) => STATUS_META[s as Status]?.color ?? "#999",
    });

  const drawnSectors = [...new Set(graph.edges.map((e) => e.sector))].sort((a, b) =>
    sectorLabel(a).localeCompare(sectorLabel(b)),
  );
  const drawnCountries = new Set(graph.nodes.filter((n) => n.kind === "institution").map((n) => n.country));
  const colorItems =
    o.colour === "community" && metrics
      ? d3
          .range(1, Math.min(metrics.communities, 10) + 1)
          .map((k) => ({ label: `Community ${k}`, color: communityColor(k) }))
          .concat(
            metrics.communities > 10
              ? [{ label: `${metrics.communities - 10} smaller communities`, color: "#9a9a9a" }]
              : [],
          )
      : countries.named
          .filter((c) => drawnCountries.has(c))
          .map((c) => ({ label: countryLabel.get(c) ?? c, color: countries.color(c) }))
          .concat(
            [...drawnCountries].some((c) => !countries.named.includes(c))
              ? [{ label: "Other countries", color: countries.other }]
              : [],
          );
  const legend = graph.nodes.length
    ? networkLegend({
        colorTitle: o.colour === "community" ? "Communities (Louvain)" : "Institutions, by country",
        colors: colorItems,
        sectors: drawnSectors.map((s) => ({ label: sectorLabel(s), color: sectorColor(s) })),
        sizeTitle: SIZE_LABELS[o.size],
        bipartite:
          mode === "bipartite"
            ? STATUS_ORDER.map((s) => ({ label: STATUS_META[s].label, color: STATUS_META[s].color }))
            : undefined,
      })
    : null;

  // The state the reader has reached, for the link to the full page.
  let zoom: NetworkZoom | null = o.zoom;
  const href = () => openUrl({ ...state, options: { ...o, select: selected, zoom } }, options.siteRoot);

  let chart: NetworkChart | null = null;
  let figure: EmbedFrame | undefined;
  const draw = (width: number): HTMLElement => {
    if (!graph.nodes.length) {
      return emptyState("No institution matches these filters.", "Clear a filter to see the network again.");
    }
    // A redraw at a new width keeps where the reader was looking.
    if (chart) zoom = chart.getZoom();
    const next = networkChart({
      height: options.height ?? networkHeight(width),
      label: `${frame.title ?? NETWORK_TITLE}: ${counts.institutions} institutions`,
      describe: (n) => describeNode(n, sectorLabel),
      zoom,
    });
    next.dataset.source = network.source;
    next.update(scene());
    if (selected) next.select(selected, { notify: false });
    next.addEventListener("input", () => {
      selected = next.value;
      figure?.setHref(href());
    });
    next.addEventListener("aa-zoom", (event) => {
      zoom = (event as CustomEvent<NetworkZoom | null>).detail;
      figure?.setHref(href());
    });
    chart = next;
    return next;
  };

  const detail = graph.nodes.length
    ? `${counts.institutions.toLocaleString("en")} institutions · ${projected.edges.length.toLocaleString("en")} pairs linked · ${counts.commitments.toLocaleString("en")} commitments`
    : "Nothing to draw";
  figure = embedFrame({
    view: "network",
    frame,
    title: NETWORK_TITLE,
    notices: noticeList(notices),
    chart: options.width ? draw(options.width) : resize((width: number) => draw(width)),
    legend,
    detail,
    filters: filtersInWords(state, seed.options),
    sources: cited as unknown as { publisher: string; n: number }[],
    dataDate: fresh?.latest_source ? formatPartialDate(String(fresh.latest_source)) : null,
    href: href(),
    width: options.width ?? null,
  });
  return figure;
}
