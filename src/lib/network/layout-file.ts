/**
 * The file the layout loader writes (network-layout.json): one position per
 * institution that any commitment binds, laid out on the whole graph, and the
 * whole (unfiltered) graph itself in a compact form, so the page can draw it
 * before DuckDB-WASM has started. The SQL result replaces it as soon as the
 * tables are in; the browser tests check that both draw the same nodes.
 */
import type { LayoutFile, NetworkCounts, SeedGraph } from "../model/contracts.js";
import { compareIds, type Graph, type InstitutionInfo, type PartyLink, type SectorCounts } from "./graph.js";
import { defaultTicks, layoutGraph, type Positions } from "./layout.js";
import { drawnLabel, isGeneric, outlineOf } from "./node-affiliation.js";
import { projectGraph } from "./project.js";

export function encodeSeed(graph: Graph, counts: NetworkCounts): SeedGraph {
  const sectors = [...new Set(graph.nodes.flatMap((n) => n.bySector.map(([s]) => s)))].sort(compareIds);
  const code = new Map(sectors.map((s, i) => [s, i]));
  const flat = (counts: SectorCounts) => counts.flatMap(([s, k]) => [code.get(s) as number, k]);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  return {
    sectors,
    counts,
    nodes: graph.nodes.map((n) => {
      if (n.kind !== "institution") throw new Error("the seed holds the institution projection only");
      const { id, name, acronym, affiliation, countries, country_name, naming, type } = n;
      return [id, name, acronym, affiliation, [...countries], country_name, naming, type, ...flat(n.bySector)];
    }),
    edges: graph.edges.map((e) => [index.get(e.source) as number, index.get(e.target) as number, ...flat(e.bySector)]),
  };
}

function unflat(values: readonly number[], from: number, sectors: readonly string[]): SectorCounts {
  const out: SectorCounts = [];
  for (let i = from; i < values.length; i += 2) out.push([sectors[values[i]], values[i + 1]]);
  return out;
}

/** The graph projectGraph made, back from its compact form (dominant-sector edges). */
export function decodeSeed(seed: SeedGraph): Graph {
  const nodes = seed.nodes.map((n) => {
    const bySector = unflat(n.slice(8) as number[], 0, seed.sectors);
    return {
      kind: "institution" as const,
      id: n[0],
      name: n[1],
      acronym: n[2],
      affiliation: n[3],
      countries: n[4],
      country_name: n[5],
      naming: n[6],
      type: n[7],
      label: drawnLabel({ naming: n[6] }, n[2] || n[1]),
      commitments: bySector.reduce((sum, [, k]) => sum + k, 0),
      bySector,
    };
  });
  const edges = seed.edges.map((e) => {
    const source = nodes[e[0]].id;
    const target = nodes[e[1]].id;
    const bySector = unflat(e, 2, seed.sectors);
    return {
      id: `${source}|${target}`,
      source,
      target,
      weight: bySector.reduce((sum, [, k]) => sum + k, 0),
      sector: bySector[0][0],
      bySector,
    };
  });
  return { nodes, edges };
}

export function buildLayoutFile(
  links: readonly PartyLink[],
  institutions: readonly InstitutionInfo[],
  commitments = new Set(links.map((l) => l.commitment_id)).size,
): LayoutFile {
  const graph = projectGraph(links, institutions);
  const ticks = defaultTicks(graph.nodes.length);
  const positions = layoutGraph(graph, { ticks });
  const out: Record<string, [number, number]> = {};
  for (const id of [...positions.keys()].sort(compareIds)) {
    const p = positions.get(id) as { x: number; y: number };
    out[id] = [p.x, p.y];
  }
  // Only national bodies rank countries: international and joint bodies have a colour of their own.
  const perCountry = new Map<string, number>();
  for (const n of graph.nodes)
    if (n.kind === "institution" && outlineOf(n.affiliation) === "plain")
      perCountry.set(n.affiliation, (perCountry.get(n.affiliation) ?? 0) + 1);
  const countries = [...perCountry].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0])).map(([c]) => c);
  const bound = new Set(links.map((l) => l.commitment_id)).size;
  const counts: NetworkCounts = {
    institutions: graph.nodes.filter((n) => n.kind === "institution" && !isGeneric(n)).length,
    generic: graph.nodes.filter((n) => n.kind === "institution" && isGeneric(n)).length,
    commitments: bound,
    links: links.length,
    without_parties: commitments - bound,
  };
  return {
    version: 3,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    ticks,
    countries,
    positions: out,
    seed: encodeSeed(graph, counts),
  };
}

export function positionsOf(file: Pick<LayoutFile, "positions">): Positions {
  return new Map(Object.entries(file.positions).map(([id, [x, y]]) => [id, { x, y }]));
}
