/**
 * The network page's two generators (the page assigns them to cells, so each
 * value it yields redraws what reads it): the graph for the filters, taking the
 * graph's turn at DuckDB that the page's sources line waits for, first
 * the whole graph from the build when nothing narrows it (drawn before the
 * query engine starts, which waits for it), then the graph from SQL with the
 * filters bound as parameters (the build's objects again when SQL gives the
 * same graph, so nothing is redrawn); and a graph's metrics, null at once
 * and then computed in the worker.
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
}

/** The whole graph as the build computed it (decode once per page). */
export function builtNetwork(layout: LayoutFile): NetworkData {
  const graph = decodeSeed(layout.seed);
  return { source: "build", projected: graph, graph, shows: "projection", counts: layout.seed.counts };
}

/**
 * The build's graph when the view is the plain one, then DuckDB's for the
 * filters. `turn`: the graph's turn at DuckDB for these filters, taken once
 * it has a graph (the build's, or SQL's links answered), so the page's
 * sources line asks DuckDB after the graph's queries, not ahead of them.
 */
export async function* networkSteps(
  built: NetworkData,
  view: { filters: FilterState; filterWords: string } & Pick<NetworkControls, "mode" | "edgeMode">,
  turn: ChartTurn,
): AsyncGenerator<DrawnNetwork> {
  const { filters, filterWords, mode, edgeMode } = view;
  const plain = isEmptyFilters(filters) && mode === "projection" && edgeMode === "dominant";
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
    const network = loadNetwork(await database(), filters, { mode, edgeMode, onScreen, queried: turn.markCharted });
    yield { ...(await network), filterWords };
  } finally {
    // A failed or dropped step holds nothing back.
    turn.markCharted();
  }
}

/** Null while the metrics compute, then the metrics (nothing more when a newer graph made them obsolete). */
export async function* metricsSteps(projected: Graph): AsyncGenerator<GraphMetrics | null> {
  yield null;
  const metrics = await graphMetrics(projected);
  if (metrics) yield metrics;
}
