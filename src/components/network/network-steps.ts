/**
 * The network page's two generators (the page assigns them to cells, so each
 * value it yields redraws what reads it): the graph for the filters, first
 * the whole graph from the build when nothing narrows it (drawn before the
 * query engine starts, which waits for it), then the graph from SQL with the
 * filters bound as parameters (the build's objects again when SQL gives the
 * same graph, so nothing is redrawn); and a graph's metrics, null at once
 * and then computed in the worker.
 *
 * The graph's turn at DuckDB, which the page's sources line waits for, is
 * taken once the chart shows the graph: at once for the build's graph, and
 * for SQL's by the page's draw step (`shown`). Taken when DuckDB had
 * answered the links, the sources' query ran in DuckDB's worker while the
 * projection's worker counted and the page made and drew the graph, on the
 * same two cores (docs/performance.md).
 */
import type { ChartTurn } from "../../lib/client/chart-turn.js";
import { firstChartSettled } from "../../lib/client/when-marked.js";
import type { LayoutFile } from "../../lib/model/contracts.js";
import { type FilterState, isEmptyFilters } from "../../lib/model/filters.js";
import type { Graph } from "../../lib/network/graph.js";
import { decodeSeed } from "../../lib/network/layout-file.js";
import type { GraphMetrics } from "../../lib/network/ranking.js";
import { database } from "../db.js";
import type { NetworkControls } from "./network-controls.js";
import { loadNetwork, type NetworkData } from "./network-data.js";
import { graphMetrics } from "./network-metrics.js";

/** A graph to draw, with the words of the filters it was computed for. */
export interface DrawnNetwork extends NetworkData {
  filterWords: string;
  /** Called by the page's draw step once the chart shows this graph (takes the graph's turn at DuckDB). */
  shown?: () => void;
}

/** The whole graph as the build computed it (decode once per page). */
export function builtNetwork(layout: LayoutFile): NetworkData {
  const graph = decodeSeed(layout.seed);
  return { source: "build", projected: graph, graph, shows: "projection", counts: layout.seed.counts };
}

/**
 * The build's graph when the view is the plain one, then DuckDB's for the
 * filters. `turn`: the graph's turn at DuckDB for these filters, taken once
 * the chart shows a graph for them (the build's at once; SQL's when the draw
 * step calls its `shown`), so the page's sources line asks DuckDB after the
 * graph's queries and its drawing, not beside them.
 */
export async function* networkSteps(
  built: NetworkData,
  view: { filters: FilterState; filterWords: string } & Pick<NetworkControls, "mode" | "edgeMode">,
  turn: ChartTurn,
): AsyncGenerator<DrawnNetwork> {
  const { filters, filterWords, mode, edgeMode } = view;
  const plain = isEmptyFilters(filters) && mode === "projection" && edgeMode === "dominant";
  // Once SQL's graph is handed to the page, its draw step takes the turn.
  let handedOver = false;
  try {
    if (plain) {
      turn.markCharted();
      yield { ...built, filterWords };
      // DuckDB (its download, its compile, the tables) starts once the build's graph is drawn: on
      // the canvas a worker draws it, and would share the two cores with them.
      if (built.graph.nodes.length) await firstChartSettled();
    }
    // SQL's graph keeps the build's objects when it is the same graph (nothing to redraw).
    const onScreen = plain ? built : undefined;
    const network = await loadNetwork(await database(), filters, { mode, edgeMode, onScreen });
    handedOver = true;
    yield { ...network, filterWords, shown: turn.markCharted };
  } finally {
    // A failed or dropped step holds nothing back.
    if (!handedOver) turn.markCharted();
  }
}

/** Null while the metrics compute, then the metrics (nothing more when a newer graph made them obsolete). */
export async function* metricsSteps(projected: Graph): AsyncGenerator<GraphMetrics | null> {
  yield null;
  const metrics = await graphMetrics(projected);
  if (metrics) yield metrics;
}
