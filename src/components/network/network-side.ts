/**
 * The network page's side column: the selected node's commitments from SQL,
 * its panel (partners, metrics, broker rank) or a hint while nothing is
 * selected, the brokers list (or "Computing metrics…" until the metrics are
 * in) and the line on communities.
 */
import type { FilterState } from "../../lib/model/filters.js";
import type { Graph, GraphNode } from "../../lib/network/graph.js";
import { brokerRank, brokerRows, labelsFrom, partnersOf } from "../../lib/network/node-lists.js";
import type { GraphMetrics } from "../../lib/network/ranking.js";
import { commitmentDetail, institutionCommitments } from "../../lib/sql/network-queries.js";
import type { Database } from "../db.js";
import { el } from "../dom.js";
import type { NetworkChart } from "./network-chart.js";
import { brokersList, networkPanel, type PanelCommitment } from "./network-panel.js";

/** The commitments the panel of a node lists, within the filters (none when nothing is selected). */
export async function panelRows(
  db: Database,
  filters: FilterState,
  node: GraphNode | null | undefined,
): Promise<PanelCommitment[]> {
  if (!node) return [];
  const rows =
    node.kind === "institution"
      ? await db.query(institutionCommitments(filters, node.id))
      : await db.query(commitmentDetail(node.id.slice("commitment:".length), filters));
  return rows as unknown as PanelCommitment[];
}

/** What the side column shows: the selected node (if any) and its rows, in the drawn graph. */
export interface SideInput {
  node: GraphNode | null | undefined;
  rows: readonly PanelCommitment[];
  projected: Graph;
  nodeById: ReadonlyMap<string, GraphNode>;
  metrics: GraphMetrics | null;
}

function pickHint(): HTMLElement {
  return el(
    "div",
    { class: "aa-net-hint" },
    el("h2", {}, "Pick an institution"),
    el(
      "p",
      { class: "muted" },
      "Click a node, or find one by name, to see its partners and every commitment that binds it, with sources.",
    ),
  );
}

/** The panel card's content and the brokers card's list; their buttons select nodes on the chart. */
export function sideColumn(input: SideInput, chart: NetworkChart): { panel: HTMLElement; brokers: HTMLElement } {
  const { node, metrics } = input;
  const labelOf = labelsFrom(input.nodeById);
  const pick = (id: string) => chart.select(id, { zoom: true });
  const panel = node
    ? networkPanel(node, input.rows, {
        partners: node.kind === "institution" ? partnersOf(input.projected, node.id, labelOf) : [],
        metrics: metrics?.byNode.get(node.id),
        brokerRank: metrics ? brokerRank(metrics, node.id) : undefined,
        onPick: pick,
        onClose: () => chart.select(null),
      })
    : pickHint();
  const brokers = metrics
    ? brokersList(brokerRows(metrics, labelOf), pick)
    : el("p", { class: "muted", role: "status" }, "Computing metrics…");
  return { panel, brokers };
}

/** "12 communities (Louvain, modularity 0.41)." once the metrics are in. */
export function communitiesNote(metrics: GraphMetrics | null): HTMLElement | "" {
  if (!metrics) return "";
  return el(
    "p",
    { class: "muted", "data-testid": "communities" },
    `${metrics.communities} communities (Louvain, modularity ${metrics.modularity.toFixed(2)}).`,
  );
}
