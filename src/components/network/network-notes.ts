/**
 * The notes in the network page's card around the chart: the empty state
 * when no institution matches the filters, and the note on commitments in
 * the filters that name no party (so are not drawn).
 */
import type { NetworkCounts } from "../../lib/model/contracts.js";
import type { Graph } from "../../lib/network/graph.js";
import { withoutPartiesText } from "../../lib/network/summary-text.js";
import { el, emptyState } from "../dom.js";

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
