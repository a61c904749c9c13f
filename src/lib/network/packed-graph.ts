/**
 * A graph as the network metrics need it (ids and weighted links), packed
 * into typed arrays for the trip to the page's network worker: a link is two
 * node indexes and a weight instead of an object, so posting 26,000 links
 * copies three arrays instead of cloning 26,000 objects (15 ms of the page's
 * main thread at 5,000 institutions), and telling whether a graph is the one
 * computed last compares numbers instead of building a 26,000-line string.
 */
import type { MetricsInput } from "./metrics.js";

export interface PackedGraph {
  /** Node ids, in the graph's order. */
  ids: string[];
  /** Per link: the index in `ids` of its source and of its target, and its weight. */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/** Packs a graph; a link to a node the graph does not hold is a bug upstream and throws. */
export function packGraph(graph: MetricsInput): PackedGraph {
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const count = graph.edges.length;
  const source = new Int32Array(count);
  const target = new Int32Array(count);
  const weight = new Float64Array(count);
  const indexOf = (id: string, link: number): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`link ${link} of the graph names node "${id}", which the graph does not hold`);
    return i;
  };
  graph.edges.forEach((e, i) => {
    source[i] = indexOf(e.source, i);
    target[i] = indexOf(e.target, i);
    weight[i] = e.weight;
  });
  return { ids, source, target, weight };
}

/** The graph back as nodes and links, in the same order (the worker's side). */
export function unpackGraph(packed: PackedGraph): MetricsInput {
  const { ids, source, target, weight } = packed;
  const nodes = ids.map((id) => ({ id }));
  const edges = Array.from(source, (s, i) => ({ source: ids[s], target: ids[target[i]], weight: weight[i] }));
  return { nodes, edges };
}

/** True when two packed graphs have the same nodes and links, in the same order. */
export function samePackedGraph(a: PackedGraph, b: PackedGraph): boolean {
  return (
    sameList(a.ids, b.ids) &&
    sameList(a.source, b.source) &&
    sameList(a.target, b.target) &&
    sameList(a.weight, b.weight)
  );
}

function sameList<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
