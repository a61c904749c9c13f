/**
 * Computes the network metrics off the main thread (betweenness is
 * O(nodes × edges): seconds for thousands of institutions). The page posts
 * {id, nodes, edges} and gets {id, byNode, communities, modularity} back;
 * a newer request makes older answers irrelevant, the caller drops them.
 */
import { computeMetrics, type MetricsInput } from "../../lib/network/metrics.js";

interface Request extends MetricsInput {
  id: number;
}

self.addEventListener("message", (event: MessageEvent<Request>) => {
  const { id, nodes, edges } = event.data;
  try {
    const started = performance.now();
    const metrics = computeMetrics({ nodes, edges });
    self.postMessage({
      id,
      byNode: [...metrics.byNode],
      communities: metrics.communities,
      modularity: metrics.modularity,
      ms: performance.now() - started,
    });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
