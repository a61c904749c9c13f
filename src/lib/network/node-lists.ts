/**
 * The lists of nodes the network page shows beside the chart, worked out from
 * the graph and its metrics: the institutions the search box matches, a
 * node's partners (most shared commitments first), the brokers (highest
 * betweenness, generic institutions left out) and a node's rank among them.
 */
import type { Graph, GraphNode } from "./graph.js";
import { isGeneric } from "./node-affiliation.js";
import { brokers, type GraphMetrics } from "./ranking.js";
import type { RankedEntry } from "./search-ranking.js";

/** An institution as the search box matches and ranks it (search-ranking.ts). */
export interface SearchEntry extends RankedEntry {
  id: string;
  detail: string;
}

/** The drawn institutions for the search box: acronym (or name) first, the rest as detail. */
export function searchEntries(graph: Graph): SearchEntry[] {
  return graph.nodes.flatMap((n) =>
    n.kind === "institution"
      ? [
          {
            id: n.id,
            label: n.acronym ? `${n.acronym}` : n.name,
            detail: n.acronym ? `${n.name}, ${n.country_name}` : n.country_name,
            name: n.name,
            acronym: n.acronym,
            country_name: n.country_name,
            type: n.type,
            text: `${n.name} ${n.acronym ?? ""} ${n.country_name} ${n.id}`.toLowerCase(),
          },
        ]
      : [],
  );
}

/** A node's label by id (the id itself for a node not drawn). */
export type LabelOf = (id: string) => string;

/** Labels from the drawn nodes by id. */
export function labelsFrom(nodeById: ReadonlyMap<string, { label: string }>): LabelOf {
  return (id) => nodeById.get(id)?.label ?? id;
}

/** The institutions linked to `id` in the projection, most shared commitments first, then by label. */
export function partnersOf(
  projected: Graph,
  id: string,
  labelOf: LabelOf,
): { id: string; label: string; shared: number }[] {
  return projected.edges
    .filter((e) => e.source === id || e.target === id)
    .map((e) => {
      const other = e.source === id ? e.target : e.source;
      return { id: other, label: labelOf(other), shared: e.weight };
    })
    .sort((a, b) => b.shared - a.shared || a.label.localeCompare(b.label));
}

/** Which nodes may rank as brokers: all but generic institutions (and nodes not drawn). */
export type Ranked = (id: string) => boolean;

/** Ranks every drawn node but generic institutions ("the chambers of commerce" is no actor of its own). */
export function rankedIn(nodeById: ReadonlyMap<string, GraphNode>): Ranked {
  return (id) => {
    const node = nodeById.get(id);
    return node !== undefined && !(node.kind === "institution" && isGeneric(node));
  };
}

/** The brokers list: the `limit` highest betweenness among the ranked nodes, each with its label and partner count. */
export function brokerRows(
  metrics: GraphMetrics,
  labelOf: LabelOf,
  limit = 10,
  ranked?: Ranked,
): { id: string; label: string; betweenness: number; degree: number }[] {
  return brokers(metrics, limit, ranked).map((b) => ({
    ...b,
    label: labelOf(b.id),
    degree: metrics.byNode.get(b.id)?.degree ?? 0,
  }));
}

/** A node's place among all ranked brokers (1 is the highest), or undefined when it brokers nothing or is not ranked. */
export function brokerRank(metrics: GraphMetrics, id: string, ranked?: Ranked): number | undefined {
  return brokers(metrics, Number.POSITIVE_INFINITY, ranked).findIndex((b) => b.id === id) + 1 || undefined;
}
