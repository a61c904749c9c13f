/**
 * The notes in the network page's card around the chart: the empty state
 * when no institution matches the filters, the note on commitments in the
 * filters that name no party (so are not drawn), and the note when the
 * bipartite view has more commitments than it draws.
 */
import type { NetworkCounts } from "../../lib/model/contracts.js";
import { BIPARTITE_LIMIT } from "../../lib/network/bipartite.js";
import type { Graph } from "../../lib/network/graph.js";
import { bipartiteLimitText, withoutPartiesText } from "../../lib/network/summary-text.js";
import { el, emptyState } from "../dom.js";
import type { NetworkData } from "./network-data.js";

/** The empty state when nothing is drawn, else nothing. */
export function emptyNetwork(graph: Graph): HTMLElement | "" {
  if (graph.nodes.length) return "";
  return emptyState(
    "No institution matches these filters.",
    "Clear a filter or widen the years to see the network again.",
  );
}

/** The note on commitments that name no party, or nothing when every one does. */
export function withoutPartiesNote(counts: NetworkCounts): HTMLElement | "" {
  const text = withoutPartiesText(counts);
  return text ? el("p", { class: "aa-note", "data-testid": "without-parties" }, text) : "";
}

/** The text when the bipartite view draws institutions only (too many commitments), else null. */
export function bipartiteLimitNotice(network: Pick<NetworkData, "shows" | "counts">): string | null {
  return network.shows === "too-many-commitments" ? bipartiteLimitText(network.counts, BIPARTITE_LIMIT) : null;
}

/** That text as the page's note above the chart, or nothing. */
export function bipartiteLimitNote(network: Pick<NetworkData, "shows" | "counts">): HTMLElement | "" {
  const text = bipartiteLimitNotice(network);
  return text ? el("p", { class: "aa-note", role: "status", "data-testid": "bipartite-limit" }, text) : "";
}
