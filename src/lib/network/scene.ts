/**
 * What the chart draws, worked out without the DOM: each node's place, radius
 * and colour, each edge's width, colour and bend. Pages build a scene from a
 * graph, positions and metrics; the chart only draws it. Tests check scenes
 * directly.
 */
import type { Graph, GraphEdge, GraphNode } from "./graph.js";
import type { Positions } from "./layout.js";
import type { NodeMetrics } from "./metrics.js";
import { isGeneric, type NodeOutline, outlineOf } from "./node-affiliation.js";
import { edgeWidth, nodeRadius } from "./size.js";

/** What sets a node's size. */
export type SizeBy = "commitments" | "degree" | "weightedDegree" | "betweenness";
export type ColorBy = "country" | "community";

export const SIZE_LABELS: Record<SizeBy, string> = {
  commitments: "Commitments",
  degree: "Partners",
  weightedDegree: "Shared commitments",
  betweenness: "Betweenness (brokerage)",
};

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  r: number;
  fill: string;
  /** How the node is outlined: plain, a ring (international organisation), a double ring (joint body). */
  outline: NodeOutline;
  /** Drawn with a dashed outline: an institution the sources name only generically. */
  dashed: boolean;
  label: string;
  /** Label priority: bigger nodes keep their labels first. */
  priority: number;
  data: GraphNode;
}

export interface SceneEdge {
  id: string;
  source: SceneNode;
  target: SceneNode;
  width: number;
  color: string;
  /** Bend of a parallel edge (per-sector mode): 0 for straight, ±1, ±2 … */
  bend: number;
  data: GraphEdge;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
}

export interface SceneOptions {
  positions: Positions;
  metrics?: Map<string, NodeMetrics>;
  sizeBy?: SizeBy;
  colorBy?: ColorBy;
  /** The fill of an institution by its affiliation (country code, `international`, `joint`). */
  affiliationColor: (affiliation: string) => string;
  communityColor?: (community: number) => string;
  sectorColor: (sector: string) => string;
  /** Fill of commitment nodes (bipartite view): by status. */
  commitmentColor?: (status: string) => string;
}

export function sizeValue(node: GraphNode, sizeBy: SizeBy, metrics?: Map<string, NodeMetrics>): number {
  if (sizeBy === "commitments") return node.commitments;
  const m = metrics?.get(node.id);
  return m ? m[sizeBy] : node.commitments;
}

export function buildScene(graph: Graph, options: SceneOptions): Scene {
  const sizeBy = options.sizeBy ?? "commitments";
  // Without metrics yet, size by commitments rather than draw every node the same.
  const effective: SizeBy = sizeBy !== "commitments" && !options.metrics ? "commitments" : sizeBy;
  let max = 0;
  for (const n of graph.nodes)
    if (n.kind === "institution") max = Math.max(max, sizeValue(n, effective, options.metrics));
  const nodes: SceneNode[] = graph.nodes.map((node) => {
    const p = options.positions.get(node.id) ?? { x: 0, y: 0 };
    if (node.kind === "commitment") {
      return {
        id: node.id,
        x: p.x,
        y: p.y,
        r: 3.5,
        fill: options.commitmentColor ? options.commitmentColor(node.status) : options.sectorColor(node.sector),
        outline: "plain",
        dashed: false,
        label: node.label,
        priority: -1,
        data: node,
      };
    }
    const value = sizeValue(node, effective, options.metrics);
    const community = options.metrics?.get(node.id)?.community;
    const fill =
      options.colorBy === "community" && community !== undefined && options.communityColor
        ? options.communityColor(community)
        : options.affiliationColor(node.affiliation);
    return {
      id: node.id,
      x: p.x,
      y: p.y,
      r: nodeRadius(value, max),
      fill,
      outline: outlineOf(node.affiliation),
      dashed: isGeneric(node),
      label: node.label,
      priority: value,
      data: node,
    };
  });
  return { nodes, edges: sceneEdges(graph.edges, nodes, options.sectorColor) };
}

/**
 * The edges between scene nodes, each with its width and colour. Parallel
 * edges of one pair (per-sector mode) fan out: 0, +1, -1, +2, -2 … counted by
 * one number per pair of node indexes (no Map or string per node or edge).
 */
function sceneEdges(
  graphEdges: readonly GraphEdge[],
  nodes: readonly SceneNode[],
  sectorColor: (sector: string) => string,
): SceneEdge[] {
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  let maxWeight = 1;
  for (const e of graphEdges) if (e.weight > maxWeight) maxWeight = e.weight;
  const seen = new Map<number, number>();
  const edges: SceneEdge[] = [];
  for (const edge of graphEdges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined) continue;
    const pair = s * nodes.length + t;
    const k = seen.get(pair) ?? 0;
    seen.set(pair, k + 1);
    const bend = k === 0 ? 0 : k % 2 === 1 ? (k + 1) / 2 : -k / 2;
    edges.push({
      id: edge.id,
      source: nodes[s],
      target: nodes[t],
      width: edgeWidth(edge.weight, maxWeight),
      color: sectorColor(edge.sector),
      bend,
      data: edge,
    });
  }
  return edges;
}

/** Ids of a node and its neighbours in the scene, for highlighting. */
/**
 * An edge's path between two points: a straight line, or a quadratic curve
 * bent sideways by `bend` (one curve per sector between the same pair). The
 * chart and its SVG export draw the same shapes.
 */
export function edgePathData(x1: number, y1: number, x2: number, y2: number, bend: number): string {
  if (bend === 0) return `M${x1},${y1}L${x2},${y2}`;
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const off = bend * Math.min(24, len * 0.15);
  const mx = (x1 + x2) / 2 - ((y2 - y1) / len) * off;
  const my = (y1 + y2) / 2 + ((x2 - x1) / len) * off;
  return `M${x1},${y1}Q${mx},${my} ${x2},${y2}`;
}

export function neighbourhood(scene: Scene, id: string): Set<string> {
  const out = new Set([id]);
  for (const e of scene.edges) {
    if (e.source.id === id) out.add(e.target.id);
    else if (e.target.id === id) out.add(e.source.id);
  }
  return out;
}

/**
 * Colours for countries: the `limit - 1` countries with most institutions in
 * the graph get their own colour (a colour-blind-safe palette), the rest
 * share grey, so a legend stays readable with forty countries.
 */
export function countryPalette(
  ranked: readonly string[],
  scheme: readonly string[],
  other = "#9a9a9a",
): { color: (country: string) => string; named: string[]; other: string } {
  const limit = Math.min(scheme.length, ranked.length <= scheme.length ? ranked.length : scheme.length - 1);
  const named = ranked.slice(0, limit);
  const map = new Map(named.map((c, i) => [c, scheme[i]]));
  return { color: (c) => map.get(c) ?? other, named, other };
}
