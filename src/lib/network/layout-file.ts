/**
 * The file the layout loader writes (network-layout.json): one position per
 * institution that any commitment binds, laid out on the whole graph.
 */
import { compareIds, type InstitutionInfo, type PartyLink } from "./graph.js";
import { defaultTicks, layoutGraph, type Positions } from "./layout.js";
import { projectGraph } from "./project.js";

export interface LayoutFile {
  version: 1;
  nodes: number;
  edges: number;
  ticks: number;
  /** Countries by institutions in the graph, most first (ties by code): the order of the colour legend. */
  countries: string[];
  /** Node id → [x, y], ids sorted. */
  positions: Record<string, [number, number]>;
}

export function buildLayoutFile(links: readonly PartyLink[], institutions: readonly InstitutionInfo[]): LayoutFile {
  const graph = projectGraph(links, institutions);
  const ticks = defaultTicks(graph.nodes.length);
  const positions = layoutGraph(graph, { ticks });
  const out: Record<string, [number, number]> = {};
  for (const id of [...positions.keys()].sort(compareIds)) {
    const p = positions.get(id) as { x: number; y: number };
    out[id] = [p.x, p.y];
  }
  const perCountry = new Map<string, number>();
  for (const n of graph.nodes)
    if (n.kind === "institution") perCountry.set(n.country, (perCountry.get(n.country) ?? 0) + 1);
  const countries = [...perCountry].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0])).map(([c]) => c);
  return { version: 1, nodes: graph.nodes.length, edges: graph.edges.length, ticks, countries, positions: out };
}

export function positionsOf(file: Pick<LayoutFile, "positions">): Positions {
  return new Map(Object.entries(file.positions).map(([id, [x, y]]) => [id, { x, y }]));
}
