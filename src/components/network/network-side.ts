/**
 * The network page's side column: the selected node's commitments from SQL,
 * its panel (partners, metrics, broker rank) or a hint while nothing is
 * selected, the brokers list (or "Computing metrics…" until the metrics are
 * in) and the line on communities.
 *
 * The column's two cards are made once (`sideCards`) and their content
 * replaced, so a selection redraws neither the chart nor the page around it,
 * and the keyboard focus stays where it was: on the same broker button (found
 * by its node id in the new list), on the new panel after a partner was
 * picked, on the chart after the panel closed. Escape in the panel clears the
 * selection and returns to the chart.
 */
import type { FilterState } from "../../lib/model/filters.js";
import type { Graph, GraphNode } from "../../lib/network/graph.js";
import { brokerRank, brokerRows, labelsFrom, partnersOf, rankedIn } from "../../lib/network/node-lists.js";
import type { GraphMetrics } from "../../lib/network/ranking.js";
import { commitmentDetail, institutionCommitments, PANEL_COMMITMENTS_PAGE } from "../../lib/sql/network-queries.js";
import { afterNextPaint } from "../after-paint.js";
import type { Database } from "../db.js";
import { el } from "../dom.js";
import type { NetworkChart } from "./network-chart.js";
import { brokersList, networkPanel, type PanelCommitment, type PanelRows } from "./network-panel.js";

/** The commitments the panel of a node lists, within the filters (none when nothing is selected). */
export async function panelRows(
  db: Database,
  filters: FilterState,
  node: GraphNode | null | undefined,
): Promise<PanelRows> {
  if (!node) return { rows: [], total: 0, more: null };
  if (node.kind !== "institution") {
    const rows = await db.query(commitmentDetail(node.id.slice("commitment:".length), filters));
    return { rows: rows as unknown as PanelCommitment[], total: rows.length, more: null };
  }
  // An institution's commitments a page at a time: a hub at a million commitments binds hundreds of thousands.
  const read = async (offset: number, limit: number) =>
    (await db.query(institutionCommitments(filters, node.id, { limit, offset }))) as unknown as PanelPageRow[];
  const first = (await db.query(firstPanelPage(filters, node.id))) as unknown as PanelPageRow[];
  const list: PanelRows = { rows: first, total: first[0]?.total ?? 0, more: null };
  if (first.length < list.total) {
    list.more = async (from, to) => {
      const page = await read(from, to - from);
      if (page.length !== to - from) throw new Error(`read ${page.length} of commitments ${from + 1}–${to}`);
      page.forEach((row, i) => {
        list.rows[from + i] = row;
      });
    };
  }
  return list;
}

/** The first page of an institution's commitments, which its panel opens with. */
function firstPanelPage(filters: FilterState, institutionId: string) {
  return institutionCommitments(filters, institutionId, { limit: PANEL_COMMITMENTS_PAGE, offset: 0 });
}

/**
 * When the pointer comes to the chart or the focus comes into it, the tables
 * an institution's panel reads are loaded (the network's own queries leave
 * out the events) and its first page's statement prepared, in a task after
 * the next paint: the click on a node that follows then only runs it. Once
 * for the filters the page has; the listeners go with `invalidation`.
 */
export function readyPanelOnApproach(
  chart: NetworkChart,
  db: Database,
  filters: FilterState,
  invalidation: Promise<unknown>,
): void {
  const approach = () => {
    stop();
    // Any institution: the text is the same for every one, its id a parameter. A failed load is said in the status line.
    afterNextPaint(() => void db.warm(firstPanelPage(filters, "")).catch(() => {}));
  };
  const stop = () => {
    chart.removeEventListener("pointerenter", approach);
    chart.removeEventListener("focusin", approach);
  };
  chart.addEventListener("pointerenter", approach);
  chart.addEventListener("focusin", approach);
  void invalidation.then(stop);
}

/** A row of institutionCommitments: a panel commitment and how many there are in all. */
type PanelPageRow = PanelCommitment & { total: number };

/** What the side column shows: the selected node (if any) and its rows, in the drawn graph. */
export interface SideInput {
  node: GraphNode | null | undefined;
  rows: PanelRows;
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

/** What the side column shows: the panel card's content, the brokers list and the line on communities. */
export interface SideContent {
  panel: HTMLElement;
  brokers: HTMLElement;
  note: HTMLElement | "";
}

/** The panel card's content and the brokers card's list; their buttons select nodes on the chart. */
export function sideColumn(input: SideInput, chart: NetworkChart): SideContent {
  const { node, metrics } = input;
  const labelOf = labelsFrom(input.nodeById);
  const ranked = rankedIn(input.nodeById);
  const pick = (id: string) => chart.select(id, { zoom: true });
  const panel = node
    ? networkPanel(node, input.rows, {
        partners: node.kind === "institution" ? partnersOf(input.projected, node.id, labelOf) : [],
        metrics: metrics?.byNode.get(node.id),
        brokerRank: metrics ? brokerRank(metrics, node.id, ranked) : undefined,
        onPick: pick,
        onClose: () => {
          chart.select(null);
          chart.focus();
        },
      })
    : pickHint();
  const brokers = metrics
    ? brokersList(brokerRows(metrics, labelOf, 10, ranked), pick)
    : el("p", { class: "muted", role: "status" }, "Computing metrics…");
  return { panel, brokers, note: communitiesNote(metrics) };
}

/** The side column's cards, made once; `show` replaces what they hold. */
export interface SideCards {
  readonly element: HTMLElement;
  show(content: SideContent): void;
}

export function sideCards(chart: NetworkChart): SideCards {
  const panelCard = el("div", { class: "card", "aria-live": "polite" });
  const brokersBody = el("div", {});
  const element = el(
    "div",
    { class: "aa-net-side" },
    panelCard,
    el(
      "div",
      { class: "card" },
      el("h2", {}, "Brokers"),
      el("h3", {}, "Highest betweenness: on the most shortest paths between other institutions"),
      brokersBody,
    ),
  );
  panelCard.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    chart.select(null);
    chart.focus();
  });
  return {
    element,
    show: (content) => {
      const focus = focusPlace(element, panelCard);
      panelCard.replaceChildren(content.panel);
      brokersBody.replaceChildren(content.brokers, content.note);
      if (focus) restoreFocus(focus, { panelCard, brokersBody, chart });
    },
  };
}

/** Where the focus was in the column before its content was replaced (null: not in it). */
interface FocusPlace {
  inPanel: boolean;
  id: string | null;
}

function focusPlace(column: HTMLElement, panelCard: HTMLElement): FocusPlace | null {
  const focused = document.activeElement;
  if (!focused || !column.contains(focused)) return null;
  return { inPanel: panelCard.contains(focused), id: focused.getAttribute("data-id") };
}

/** Puts the focus back after a redraw: the same node's button, else the new panel, else the chart. */
function restoreFocus(
  place: FocusPlace,
  parts: { panelCard: HTMLElement; brokersBody: HTMLElement; chart: NetworkChart },
): void {
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  const within = place.inPanel ? parts.panelCard : parts.brokersBody;
  const same = place.id ? within.querySelector<HTMLElement>(`button[data-id="${CSS.escape(place.id)}"]`) : null;
  const panel = parts.panelCard.querySelector<HTMLElement>(".aa-net-panel");
  (same ?? (place.inPanel ? panel : null) ?? parts.chart).focus();
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
