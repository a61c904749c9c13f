/**
 * Network metrics with graphology: degree (distinct partners), weighted degree
 * (shared commitments summed over partners), betweenness centrality
 * (normalised, unweighted: a broker sits on many shortest paths between
 * others) and Louvain communities (seeded, so the same graph gives the same
 * communities). Metrics are computed on the institution projection with one
 * edge per pair.
 */
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { compareIds } from "./graph.js";
import type { GraphMetrics, NodeMetrics } from "./ranking.js";

export { brokers, type GraphMetrics, type NodeMetrics } from "./ranking.js";

/** What the metrics need of a graph (a Graph qualifies; a worker gets just this). */
export interface MetricsInput {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string; weight: number }[];
}

// CommonJS packages whose typings declare `export default`: under NodeNext the
// default import is typed as the module; at run time (Node, and Framework's
// bundle) it is the function itself. Take whichever is there.
function interop<T>(module: { default: T }): T {
  return ((module as unknown as { default?: T }).default ?? module) as T;
}
const louvain = interop(louvainModule);
const betweennessCentrality = interop(betweennessModule);

/** A small seeded generator (same as d3.randomLcg), so Louvain is deterministic. */
export function lcg(seed = 0.5): () => number {
  const mul = 0x19660d;
  const inc = 0x3c6ef35f;
  const eps = 1 / 0x100000000;
  let state = ((0 <= seed && seed < 1 ? seed / eps : Math.abs(seed)) | 0) >>> 0;
  return () => {
    state = (mul * state + inc) | 0;
    return eps * (state >>> 0);
  };
}

/** Collapses per-sector edges to one undirected edge per pair, weights summed. */
function toGraphology(graph: MetricsInput): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const node of graph.nodes) g.addNode(node.id);
  for (const edge of graph.edges) {
    if (edge.source === edge.target) continue;
    const existing = g.edge(edge.source, edge.target);
    if (existing === undefined) g.addEdge(edge.source, edge.target, { weight: edge.weight });
    else g.updateEdgeAttribute(existing, "weight", (w) => (w as number) + edge.weight);
  }
  return g;
}

export function computeMetrics(graph: MetricsInput, options: { seed?: number } = {}): GraphMetrics {
  const g = toGraphology(graph);
  const betweenness = g.size > 0 ? betweennessCentrality(g, { normalized: true, getEdgeWeight: null }) : {};
  let communities: Record<string, number> = {};
  let modularity = 0;
  if (g.size > 0) {
    const detailed = louvain.detailed(g, { rng: lcg(options.seed ?? 0.5), getEdgeWeight: "weight" });
    communities = detailed.communities;
    modularity = detailed.modularity;
  }
  // Renumber communities by size (largest first), ties by their smallest member id.
  const members = new Map<number, string[]>();
  for (const id of g.nodes()) {
    const c = communities[id] ?? -1 - members.size; // isolated nodes form their own community
    const list = members.get(c);
    if (list) list.push(id);
    else members.set(c, [id]);
  }
  const order = [...members.values()]
    .map((ids) => ids.sort(compareIds))
    .sort((a, b) => b.length - a.length || compareIds(a[0], b[0]));
  const communityOf = new Map<string, number>();
  order.forEach((ids, i) => {
    for (const id of ids) communityOf.set(id, i + 1);
  });
  const byNode = new Map<string, NodeMetrics>();
  for (const id of g.nodes()) {
    let weightedDegree = 0;
    g.forEachEdge(id, (_e, attrs) => {
      weightedDegree += attrs.weight as number;
    });
    byNode.set(id, {
      degree: g.degree(id),
      weightedDegree,
      betweenness: betweenness[id] ?? 0,
      community: communityOf.get(id) ?? 0,
    });
  }
  return { byNode, communities: order.length, modularity };
}
