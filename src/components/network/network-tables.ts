/**
 * The drawn network as tables, for screen readers, keyboard users and tests:
 * one row per drawn node and one per drawn edge. Large tables are filled when
 * opened, so thousands of rows never cost the page until asked for. The page
 * shows them under the chart; the embed (network-view.ts) in a closed
 * <details> under its chart (`embedTables`).
 */
import type { GraphEdge, GraphNode } from "../../lib/network/graph.js";
import { affiliationWords, GENERIC_NOTE, isGeneric } from "../../lib/network/node-affiliation.js";
import type { NodeMetrics } from "../../lib/network/ranking.js";
import { el } from "../dom.js";

const EAGER_ROWS = 1000;

function lazyTable(
  summary: string,
  testId: string,
  head: string[],
  rows: () => (string | number)[][],
  count: number,
): HTMLElement {
  const table = el(
    "table",
    { "data-testid": testId },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        head.map((h) => el("th", { scope: "col" }, h)),
      ),
    ),
  );
  const body = el("tbody", {});
  table.append(body);
  const fill = () => {
    if (body.childElementCount || !count) return;
    body.append(
      ...rows().map((r) =>
        el(
          "tr",
          {},
          r.map((c) => el("td", {}, String(c))),
        ),
      ),
    );
  };
  const details = el(
    "details",
    { class: "aa-net-table" },
    el("summary", {}, summary),
    el("div", { class: "aa-scroll" }, table),
  );
  if (count <= EAGER_ROWS) fill();
  else details.addEventListener("toggle", fill);
  return details;
}

export interface NetworkTablesOptions {
  metrics?: Map<string, NodeMetrics>;
  labelOf: (id: string) => string;
  sectorLabel: (id: string) => string;
  /** False leaves out the partners, betweenness and community columns (an embed that computed no metrics). */
  metricColumns?: boolean;
}

const NODE_HEAD = ["Name", "Acronym", "Country / sector", "Type / status", "Commitments"];
const METRIC_HEAD = ["Partners", "Betweenness", "Community"];

export function networkTables(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  options: NetworkTablesOptions,
): HTMLElement {
  const m = options.metrics;
  const withMetrics = options.metricColumns !== false;
  const fmt = (v: number | undefined, digits = 0) => (v === undefined ? "…" : v.toFixed(digits));
  const nodeRows = () =>
    nodes.map((n) => [
      n.kind === "institution" ? n.name : n.summary,
      n.kind === "institution" ? (n.acronym ?? "") : "commitment",
      n.kind === "institution" ? affiliationWords(n) : options.sectorLabel(n.sector),
      n.kind === "institution" ? (isGeneric(n) ? `${n.type} (${GENERIC_NOTE})` : n.type) : n.status,
      n.commitments,
      ...(withMetrics
        ? [fmt(m?.get(n.id)?.degree), fmt(m?.get(n.id)?.betweenness, 3), fmt(m?.get(n.id)?.community)]
        : []),
    ]);
  const edgeRows = () =>
    edges.map((e) => [
      options.labelOf(e.source),
      options.labelOf(e.target),
      e.weight,
      options.sectorLabel(e.sector),
      e.bySector.map(([s, n]) => `${options.sectorLabel(s)} ${n}`).join(", "),
    ]);
  return el(
    "div",
    { class: "aa-net-tables" },
    lazyTable(
      `Nodes as a table (${nodes.length.toLocaleString("en")} rows)`,
      "network-nodes",
      withMetrics ? [...NODE_HEAD, ...METRIC_HEAD] : NODE_HEAD,
      nodeRows,
      nodes.length,
    ),
    lazyTable(
      `Links as a table (${edges.length.toLocaleString("en")} rows)`,
      "network-edges",
      ["From", "To", "Shared commitments", "Sector drawn", "By sector"],
      edgeRows,
      edges.length,
    ),
  );
}

/** The tables in one closed <details> (the embed's: one line under its chart until opened). */
export function embedTables(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  options: NetworkTablesOptions,
): HTMLElement {
  return el(
    "details",
    { class: "aa-embed-data", "data-testid": "embed-tables" },
    el("summary", {}, "The network as tables"),
    networkTables(nodes, edges, options),
  );
}
