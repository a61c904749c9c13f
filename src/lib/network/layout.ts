/**
 * Node positions. The whole graph is laid out once, ahead of time, in a loader
 * (src/data/network-layout.json.ts): every filtered view reuses those
 * positions, so a node keeps its place when filters change and the page never
 * runs a force simulation on the main thread. Commitment nodes of the
 * bipartite view sit at the centre of their parties.
 *
 * The simulation is deterministic: nodes start on a phyllotaxis spiral in id
 * order and d3-force's jiggle uses its own seeded generator.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3";
import { compareIds, type Graph } from "./graph.js";
import { nodeRadius } from "./size.js";

export type Positions = Map<string, { x: number; y: number }>;

export interface LayoutOptions {
  /** Simulation steps; fewer for large graphs (the loader picks by size). */
  ticks?: number;
}

/** Steps that keep the loader near a few seconds at any size (measured: ~0.1 s a step at 5,000 nodes). */
export function defaultTicks(nodes: number): number {
  return nodes <= 500 ? 300 : nodes <= 2000 ? 200 : 120;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
}

export function layoutGraph(graph: Graph, options: LayoutOptions = {}): Positions {
  const ids = graph.nodes.map((n) => n.id).sort(compareIds);
  const maxCommitments = Math.max(1, ...graph.nodes.map((n) => n.commitments));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const spacing = 10;
  const nodes: SimNode[] = ids.map((id, i) => {
    const radius = spacing * Math.sqrt(0.5 + i);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const node = byId.get(id);
    return {
      id,
      x: radius * Math.cos(angle),
      y: radius * Math.sin(angle),
      r: nodeRadius(node ? node.commitments : 1, maxCommitments),
    };
  });
  const maxWeight = Math.max(1, ...graph.edges.map((e) => e.weight));
  const links = graph.edges
    .filter((e) => e.source !== e.target)
    .map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const large = nodes.length > 2000;
  const simulation = forceSimulation(nodes)
    .force(
      "link",
      forceLink<SimNode, { source: string; target: string; weight: number }>(links)
        .id((d) => d.id)
        .distance(60)
        .strength((l) => 0.05 + 0.5 * (l.weight / maxWeight)),
    )
    .force(
      "charge",
      forceManyBody<SimNode>()
        .strength(-120)
        .theta(large ? 1.2 : 0.9)
        .distanceMax(600),
    )
    .force("collide", forceCollide<SimNode>((d) => d.r + 3).iterations(large ? 1 : 2))
    .force("x", forceX(0).strength(0.04))
    .force("y", forceY(0).strength(0.04))
    .stop();
  const ticks = options.ticks ?? defaultTicks(nodes.length);
  simulation.alphaDecay(1 - 0.001 ** (1 / ticks));
  simulation.tick(ticks);
  const positions: Positions = new Map();
  for (const n of nodes) positions.set(n.id, { x: round(n.x ?? 0), y: round(n.y ?? 0) });
  return positions;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * Positions for a view: known nodes keep theirs; a node without one (a
 * commitment in the bipartite view, an institution added after the layout
 * was built) goes near the centre of its positioned neighbours; nodes that
 * share the same neighbours spread on a small spiral, never on top of each other.
 */
export function placeNodes(graph: Graph, known: Positions): Positions {
  const out: Positions = new Map();
  const missing: string[] = [];
  for (const n of graph.nodes) {
    const p = known.get(n.id);
    if (p) out.set(n.id, { x: p.x, y: p.y });
    else missing.push(n.id);
  }
  // Every node laid out already (the institution projection): no neighbour lists to build.
  if (!missing.length) return out;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of graph.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  let extent = 0;
  for (const p of out.values()) extent = Math.max(extent, Math.hypot(p.x, p.y));
  // Nodes with the same positioned neighbours (commitments binding the same
  // parties) share a centre: spread them on a small spiral around it.
  const groups = new Map<string, { centre: { x: number; y: number } | null; ids: string[] }>();
  for (const id of missing) {
    const around = (neighbours.get(id) ?? []).filter((nb) => out.has(nb)).sort();
    const key = around.join("\u0000");
    let group = groups.get(key);
    if (!group) {
      const anchored = around.map((nb) => out.get(nb) as { x: number; y: number });
      const centre = anchored.length
        ? {
            x: anchored.reduce((s, p) => s + p.x, 0) / anchored.length,
            y: anchored.reduce((s, p) => s + p.y, 0) / anchored.length,
          }
        : null;
      group = { centre, ids: [] };
      groups.set(key, group);
    }
    group.ids.push(id);
  }
  let orphan = 0;
  for (const { centre, ids } of groups.values()) {
    ids.forEach((id, i) => {
      if (centre) {
        // Golden-angle spiral, starting off the centre (a line between two parties stays visible).
        const radius = 9 * Math.sqrt(i + 1);
        const angle = (i + 1) * Math.PI * (3 - Math.sqrt(5));
        out.set(id, { x: round(centre.x + radius * Math.cos(angle)), y: round(centre.y + radius * Math.sin(angle)) });
      } else {
        // No positioned neighbour: a ring outside the drawing, in id order.
        const ringAngle = orphan++ * 0.35;
        out.set(id, { x: round((extent + 40) * Math.cos(ringAngle)), y: round((extent + 40) * Math.sin(ringAngle)) });
      }
    });
  }
  return out;
}
