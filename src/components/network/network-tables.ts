/**
 * The drawn network as tables, for screen readers, keyboard users and tests:
 * one row per drawn node and one per drawn edge. Large tables are filled when
 * opened, so thousands of rows never cost the page until asked for.
 */
import type { GraphEdge, GraphNode } from "../../lib/network/graph.js";
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

export function networkTables(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  options: { metrics?: Map<string, NodeMetrics>; labelOf: (id: string) => string; sectorLabel: (id: string) => string },
): HTMLElement {
  const m = options.metrics;
  const fmt = (v: number | undefined, digits = 0) => (v === undefined ? "…" : v.toFixed(digits));
  const nodeRows = () =>
    nodes.map((n) => [
      n.kind === "institution" ? n.name : n.summary,
      n.kind === "institution" ? (n.acronym ?? "") : "commitment",
      n.kind === "institution" ? n.country_name : options.sectorLabel(n.sector),
      n.kind === "institution" ? n.type : n.status,
      n.commitments,
      fmt(m?.get(n.id)?.degree),
      fmt(m?.get(n.id)?.betweenness, 3),
      fmt(m?.get(n.id)?.community),
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
      ["Name", "Acronym", "Country / sector", "Type / status", "Commitments", "Partners", "Betweenness", "Community"],
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
