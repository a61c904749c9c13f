/**
 * Runs the network metrics in a worker (src/components/network/network-worker.ts),
 * one request at a time: a newer graph supersedes an older one still being
 * computed. The worker is one self-contained module bundled at build time by
 * the loader src/data/network-worker.js.ts.
 */
import { FileAttachment } from "observablehq:stdlib";
import type { MetricsInput } from "../../lib/network/metrics.js";
import type { GraphMetrics, NodeMetrics } from "../../lib/network/ranking.js";
import { moduleWorker } from "../module-worker.js";

interface Reply {
  id: number;
  byNode?: [string, NodeMetrics][];
  communities?: number;
  modularity?: number;
  error?: string;
}

let worker: Promise<Worker> | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (m: GraphMetrics | null) => void; reject: (e: Error) => void; supersede: boolean }
>();

function getWorker(): Promise<Worker> {
  worker ??= FileAttachment("../../data/network-worker.js")
    .url()
    .then((url: string) => {
      const w = moduleWorker(url);
      w.addEventListener("message", (event: MessageEvent<Reply>) => {
        const { id, byNode, communities, modularity, error } = event.data;
        const request = pending.get(id);
        if (!request) return;
        pending.delete(id);
        if (error || !byNode) request.reject(new Error(error ?? "no metrics"));
        else request.resolve({ byNode: new Map(byNode), communities: communities ?? 0, modularity: modularity ?? 0 });
      });
      w.addEventListener("error", (event) => {
        for (const request of pending.values())
          request.reject(new Error(`the metrics worker failed: ${event.message || "it did not load"}`));
        pending.clear();
      });
      return w;
    });
  return worker;
}

/** The last graph computed (by its edges' signature) and its metrics: the same graph again (build-time, then SQL) is not recomputed. */
let last: { signature: string; metrics: Promise<GraphMetrics | null> } | null = null;
/**
 * Metrics asked for, by graph object: a graph drawn again (the build's, when
 * the last filter is removed) gets them back without a signature of its
 * 26,000 edges being made, or a new computation.
 */
const computed = new WeakMap<MetricsInput, Promise<GraphMetrics | null>>();

function signatureOf(graph: MetricsInput): string {
  const parts: string[] = [];
  for (const n of graph.nodes) parts.push(n.id);
  parts.push("");
  for (const e of graph.edges) parts.push(`${e.source}\u0000${e.target}\u0000${e.weight}`);
  return parts.join("\n");
}

let requested = 0;

/** Resolves after the next frame: copying a large graph must not delay drawing it. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Metrics of a graph; resolves to null when a newer request made this one obsolete. */
export async function graphMetrics(graph: MetricsInput): Promise<GraphMetrics | null> {
  const ticket = ++requested;
  await afterNextFrame();
  if (ticket !== requested) return null;
  const known = computed.get(graph);
  if (known) return known;
  const signature = signatureOf(graph);
  const metrics = last?.signature === signature ? last.metrics : requestMetrics(graph);
  computed.set(graph, metrics);
  last = { signature, metrics };
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
  return requestMetrics(graph, false) as Promise<GraphMetrics>;
}

function requestMetrics(graph: MetricsInput, supersede = true): Promise<GraphMetrics | null> {
  const id = ++nextId;
  // Only ids and weights cross to the worker: no labels or sector lists to copy.
  const nodes = graph.nodes.map((n) => ({ id: n.id }));
  const edges = graph.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  for (const [old, request] of pending) {
    if (!request.supersede) continue;
    pending.delete(old);
    request.resolve(null);
  }
  return new Promise<GraphMetrics | null>((resolve, reject) => {
    pending.set(id, { resolve, reject, supersede });
    getWorker().then((w) => w.postMessage({ id, nodes, edges }), reject);
  });
}
