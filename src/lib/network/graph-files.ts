/**
 * The network in view as files for Gephi and Gephi Lite: GEXF 1.3, written by
 * graphology-gexf's writer, and GraphML, written here (graphology-graphml
 * 0.5 has a parser only). Both come from the scene the page draws, so they
 * hold what is drawn: each node's place (y pointing up, as Gephi and sigma
 * draw it), fill and radius, and each link's colour and width; with the
 * records' facts as attributes (label, name, kind, country, sectors,
 * commitments, the metrics when computed).
 *
 *     const text = graphFile(scene, { format: "gexf", metrics, sectorLabel, description });
 *
 * Pure and deterministic: the same scene gives the same file (no date in it).
 */
import { color as parseColor } from "d3";
import { MultiUndirectedGraph } from "graphology";
import writeGexf from "graphology-gexf/common/writer.js";
import type { SectorCounts } from "./graph.js";
import type { NodeMetrics } from "./ranking.js";
import type { Scene, SceneEdge, SceneNode } from "./scene.js";

export const GRAPH_FORMATS = ["gexf", "graphml"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphFileOptions {
  format: GraphFormat;
  /** The metrics of the institutions, when the page has computed them. */
  metrics?: ReadonlyMap<string, NodeMetrics> | null;
  /** A sector's name from its id (the attributes keep the ids too). */
  sectorLabel?: (id: string) => string;
  /** What the file shows, in words (the caption): GEXF's meta description, GraphML's graph description. */
  description?: string;
}

type Value = string | number;

/** What a drawn node or link becomes: its attributes, and how it is drawn. */
export interface GraphRecord {
  id: string;
  attributes: Record<string, Value>;
  viz: { color: string; size?: number; thickness?: number; x?: number; y?: number };
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A colour as #rrggbb (the scene may hold any CSS colour; grey when it is none). */
export function hexColour(value: string): string {
  return parseColor(value)?.formatHex() ?? "#999999";
}

/** "industry:5;energy:2": every sector with its count, largest first. */
function countsText(counts: SectorCounts): string {
  return counts.map(([sector, n]) => `${sector}:${n}`).join(";");
}

/** A drawn node's attributes: the records' facts, then its metrics when computed. */
export function nodeRecord(node: SceneNode, options: Omit<GraphFileOptions, "format">): GraphRecord {
  const d = node.data;
  const sectors = d.bySector.map(([s]) => s);
  const attributes: Record<string, Value> = { label: node.label, kind: d.kind };
  if (d.kind === "institution") {
    Object.assign(attributes, {
      name: d.name,
      affiliation: d.affiliation,
      country: d.country_name,
      countries: d.countries.join(";"),
      naming: d.naming,
      type: d.type,
    });
  } else {
    Object.assign(attributes, { name: d.summary, status: d.status });
  }
  Object.assign(attributes, {
    commitments: d.commitments,
    sector: sectors[0] ?? "",
    sector_name: sectors[0] ? (options.sectorLabel?.(sectors[0]) ?? sectors[0]) : "",
    sectors: sectors.join(";"),
    commitments_by_sector: countsText(d.bySector),
  });
  const m = options.metrics?.get(node.id);
  if (m) {
    Object.assign(attributes, {
      degree: m.degree,
      weighted_degree: m.weightedDegree,
      betweenness: round(m.betweenness, 6),
      community: m.community,
    });
  }
  return {
    id: node.id,
    attributes,
    viz: { color: hexColour(node.fill), size: round(node.r), x: round(node.x), y: round(-node.y) },
  };
}

/** A drawn link's attributes: shared commitments (its weight), the sector drawn and every sector. */
export function edgeRecord(edge: SceneEdge, options: Omit<GraphFileOptions, "format">): GraphRecord {
  const d = edge.data;
  return {
    id: edge.id,
    attributes: {
      weight: d.weight,
      commitments: d.weight,
      sector: d.sector,
      sector_name: options.sectorLabel?.(d.sector) ?? d.sector,
      sectors: d.bySector.map(([s]) => s).join(";"),
      commitments_by_sector: countsText(d.bySector),
    },
    viz: { color: hexColour(edge.color), thickness: round(edge.width) },
  };
}

/** The graph file of a scene, in the format asked for. */
export function graphFile(scene: Scene, options: GraphFileOptions): string {
  const nodes = scene.nodes.map((n) => nodeRecord(n, options));
  const edges = scene.edges.map((e) => ({ ...edgeRecord(e, options), source: e.source.id, target: e.target.id }));
  return options.format === "gexf"
    ? gexfText(nodes, edges, options.description)
    : graphmlText(nodes, edges, options.description);
}

type EdgeRecord = GraphRecord & { source: string; target: string };

function gexfText(nodes: GraphRecord[], edges: EdgeRecord[], description?: string): string {
  // Multi: the per-sector view draws one link per shared sector between the same two institutions.
  const graph = new MultiUndirectedGraph();
  graph.setAttribute("creator", "Accord Atlas");
  if (description) graph.setAttribute("description", description);
  for (const n of nodes) graph.addNode(n.id, { ...n.attributes, ...n.viz });
  for (const e of edges) graph.addEdgeWithKey(e.id, e.source, e.target, { ...e.attributes, ...e.viz });
  return writeGexf(graph, {
    version: "1.3",
    formatNode: (_key, attrs) => {
      const { label, color, size, x, y, ...rest } = attrs;
      return { label: String(label), viz: { color, size, x, y }, attributes: rest };
    },
    formatEdge: (_key, attrs) => {
      const { weight, color, thickness, ...rest } = attrs;
      return { weight, viz: { color, thickness }, attributes: rest };
    },
  });
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for an XML attribute or element: escaped, without the control characters XML 1.0 forbids. */
export function xmlText(value: Value): string {
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** GraphML's type of a key: a number column is an int or a double, everything else a string. */
function keyType(values: Value[]): "int" | "double" | "string" {
  if (values.length && values.every((v) => typeof v === "number")) {
    return values.every((v) => Number.isInteger(v)) ? "int" : "double";
  }
  return "string";
}

interface GraphmlKey {
  id: string;
  name: string;
  type: "int" | "double" | "string";
}

/** The GraphML keys of one kind of element, in the order first met. */
function graphmlKeys(records: Record<string, Value>[], kind: "node" | "edge"): GraphmlKey[] {
  const values = new Map<string, Value[]>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      const list = values.get(k);
      if (list) list.push(v);
      else values.set(k, [v]);
    }
  }
  return [...values].map(([name, vs]) => ({ id: `${kind}_${name}`, name, type: keyType(vs) }));
}

/**
 * GraphML with the keys Gephi's importer draws from: x, y, size, r, g, b
 * (and the colour as hex) on nodes, weight on edges.
 */
function graphmlText(nodes: GraphRecord[], edges: EdgeRecord[], description?: string): string {
  const rgb = (hex: string) => {
    const c = parseColor(hex)?.rgb();
    return { r: c?.r ?? 153, g: c?.g ?? 153, b: c?.b ?? 153 };
  };
  const nodeData = nodes.map((n) => ({
    ...n.attributes,
    x: n.viz.x ?? 0,
    y: n.viz.y ?? 0,
    size: n.viz.size ?? 1,
    color: n.viz.color,
    ...rgb(n.viz.color),
  }));
  const edgeData = edges.map((e) => ({ ...e.attributes, color: e.viz.color, thickness: e.viz.thickness ?? 1 }));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const keys = { node: graphmlKeys(nodeData, "node"), edge: graphmlKeys(edgeData, "edge") };
  for (const kind of ["node", "edge"] as const) {
    for (const k of keys[kind]) {
      lines.push(`  <key id="${xmlText(k.id)}" for="${kind}" attr.name="${xmlText(k.name)}" attr.type="${k.type}"/>`);
    }
  }
  lines.push('  <graph id="G" edgedefault="undirected">');
  if (description) lines.push(`    <desc>${xmlText(description)}</desc>`);
  const data = (kind: "node" | "edge", record: Record<string, Value>) =>
    Object.entries(record).map(([k, v]) => `      <data key="${kind}_${xmlText(k)}">${xmlText(v)}</data>`);
  nodes.forEach((n, i) => {
    lines.push(`    <node id="${xmlText(n.id)}">`, ...data("node", nodeData[i]), "    </node>");
  });
  edges.forEach((e, i) => {
    lines.push(
      `    <edge id="${xmlText(e.id)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}">`,
      ...data("edge", edgeData[i]),
      "    </edge>",
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
