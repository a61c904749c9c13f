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
  return { version: 1, nodes: graph.nodes.length, edges: graph.edges.length, ticks, positions: out };
}

export function positionsOf(file: Pick<LayoutFile, "positions">): Positions {
  return new Map(Object.entries(file.positions).map(([id, [x, y]]) => [id, { x, y }]));
}
