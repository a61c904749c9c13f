/**
 * What the metrics are (computed by metrics.ts, in a worker on the page) and
 * the rankings drawn from them. Kept apart from metrics.ts so pages can use
 * them without loading graphology on the main thread.
 */
import { compareIds } from "./graph.js";

export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  /** Community number: 1 is the largest community, ties broken by smallest member id. */
  community: number;
}

export interface GraphMetrics {
  byNode: Map<string, NodeMetrics>;
  communities: number;
  modularity: number;
}

/**
 * The institutions with the highest betweenness (brokers), ties by id;
 * zero-betweenness nodes left out, and those `ranked` says no to (generic
 * institutions: not actors of their own).
 */
export function brokers(
  metrics: GraphMetrics,
  limit = 10,
  ranked: (id: string) => boolean = () => true,
): { id: string; betweenness: number }[] {
  return [...metrics.byNode]
    .filter(([id, m]) => m.betweenness > 0 && ranked(id))
    .map(([id, m]) => ({ id, betweenness: m.betweenness }))
    .sort((a, b) => b.betweenness - a.betweenness || compareIds(a.id, b.id))
    .slice(0, limit);
}
