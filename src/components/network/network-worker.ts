/**
 * The network's work off the main thread, one request at a time, each
 * answered with its id:
 * - `metrics` {graph}: the graph packed (packed-graph.ts); betweenness is
 *   O(nodes × edges), seconds for thousands of institutions; answered with
 *   {byNode, communities, modularity};
 * - `project` {links, order}: the projection's counts (countProjection) of
 *   the party links as integer codes, 170 ms for the two million links of a
 *   million commitments; answered with {counts}, its arrays handed over.
 * A newer request may make older answers irrelevant; the caller drops them.
 */
import { computeMetrics, type MetricsInput } from "../../lib/network/metrics.js";
import { type PackedGraph, unpackGraph } from "../../lib/network/packed-graph.js";
import {
  type CodedLinks,
  countProjection,
  type ProjectionCounts,
  type ProjectionOrder,
} from "../../lib/network/project.js";

type Request =
  | { id: number; kind: "metrics"; graph: PackedGraph }
  | { id: number; kind: "project"; links: CodedLinks; order: ProjectionOrder };

function metricsReply(id: number, input: MetricsInput) {
  const started = performance.now();
  const metrics = computeMetrics(input);
  self.postMessage({
    id,
    byNode: [...metrics.byNode],
    communities: metrics.communities,
    modularity: metrics.modularity,
    ms: performance.now() - started,
  });
}

function projectReply(id: number, links: CodedLinks, order: ProjectionOrder) {
  const counts: ProjectionCounts = countProjection(links, order);
  const buffers = Object.values(counts).map((array: Int32Array) => array.buffer);
  (self as unknown as Worker).postMessage({ id, counts }, buffers);
}

self.addEventListener("message", (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    if (request.kind === "project") projectReply(request.id, request.links, request.order);
    else metricsReply(request.id, unpackGraph(request.graph));
  } catch (error) {
    self.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
