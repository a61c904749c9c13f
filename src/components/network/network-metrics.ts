/**
 * Runs the network metrics in the page's network worker
 * (network-worker-channel.ts), one request at a time: a newer graph
 * supersedes an older one still being computed.
 */
import { firstChartSettled } from "../../lib/client/when-marked.js";
import type { MetricsInput } from "../../lib/network/metrics.js";
import { type PackedGraph, packGraph, samePackedGraph } from "../../lib/network/packed-graph.js";
import type { GraphMetrics, NodeMetrics } from "../../lib/network/ranking.js";
import { askNetworkWorker, type WorkerReply } from "./network-worker-channel.js";

interface MetricsReply extends WorkerReply {
  byNode: [string, NodeMetrics][];
  communities: number;
  modularity: number;
}

/** Requests still open that a newer one makes obsolete (resolved to null). */
const open = new Set<{ resolve: (m: GraphMetrics | null) => void; supersede: boolean }>();

/** The last graph computed, packed, and its metrics: the same graph again (build-time, then SQL) is not recomputed. */
let last: { packed: PackedGraph; metrics: Promise<GraphMetrics | null> } | null = null;
/**
 * Metrics asked for, by graph object: a graph drawn again (the build's, when
 * the last filter is removed) gets them back without its 26,000 edges being
 * packed and compared, or a new computation.
 */
const computed = new WeakMap<MetricsInput, Promise<GraphMetrics | null>>();

let requested = 0;

/**
 * Resolves after the next frame, and once the page's first chart is drawn
 * (a graph with nodes is drawn): copying a large graph, and the seconds of
 * computing its metrics, must not delay drawing it (on the canvas a worker
 * draws it, on the same two cores).
 */
async function afterDrawn(graph: MetricsInput): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (graph.nodes.length) await firstChartSettled();
}

/** Metrics of a graph; resolves to null when a newer request made this one obsolete. */
export async function graphMetrics(graph: MetricsInput): Promise<GraphMetrics | null> {
  const ticket = ++requested;
  await afterDrawn(graph);
  if (ticket !== requested) return null;
  const known = computed.get(graph);
  if (known) return known;
  const packed = packGraph(graph);
  const metrics = last && samePackedGraph(last.packed, packed) ? last.metrics : requestMetrics(packed);
  computed.set(graph, metrics);
  last = { packed, metrics };
  // A request made obsolete or failed is not worth remembering.
  const forget = () => {
    computed.delete(graph);
    if (last?.metrics === metrics) last = null;
  };
  metrics.then((m) => {
    if (!m) forget();
  }, forget);
  return metrics;
}

/**
 * Metrics of a graph, never made obsolete by another request: for embeds,
 * where several charts on one host page each need their own.
 */
export function graphMetricsFor(graph: MetricsInput): Promise<GraphMetrics> {
  return requestMetrics(packGraph(graph), false) as Promise<GraphMetrics>;
}

function requestMetrics(graph: PackedGraph, supersede = true): Promise<GraphMetrics | null> {
  for (const request of open) {
    if (!request.supersede) continue;
    open.delete(request);
    request.resolve(null);
  }
  return new Promise<GraphMetrics | null>((resolve, reject) => {
    const request = { resolve, supersede };
    open.add(request);
    askNetworkWorker<MetricsReply>({ kind: "metrics", graph }).then(
      (reply) => {
        if (!open.delete(request)) return; // superseded meanwhile
        resolve({ byNode: new Map(reply.byNode), communities: reply.communities, modularity: reply.modularity });
      },
      (error: Error) => {
        if (open.delete(request)) reject(error);
      },
    );
  });
}
