/**
 * The network page's parts made once, which the page (src/network.md)
 * composes: the view's own state from the link (controls, selection, zoom)
 * with its notice; the chart, its zoom kept in the link; the search box (a
 * new graph replaces its items, not the box, so what is typed stays); the
 * side column's cards (a selection replaces their content, not the page
 * around the chart, so the keyboard focus stays put); the Share menu; and
 * the draw step, which redraws the chart only when the graph,
 * the sizes or the colours change (SQL's answer that keeps the build's graph
 * only relabels its source) and selects the link's node once a graph
 * holds it; and the busy state, which dims the chart from a filter change to
 * the next graph drawn (the page's next paint answers the click at once while
 * the query runs).
 */
import { formatZoom, type NetworkOptions, parseNetworkOptions } from "../../lib/model/view-state.js";
import type { Graph, GraphNode } from "../../lib/network/graph.js";
import { type NetworkPalette, paletteScene, type SceneChoice } from "../../lib/network/palette.js";
import { el } from "../dom.js";
import type { ShareMenu } from "../share-menu.js";
import { replaceParams } from "../url-params.js";
import { markDrawnFrom, type NetworkChart, networkChart } from "./network-chart.js";
import { type NetworkSearch, networkSearch } from "./network-search.js";
import { networkShare, networkShareView, type SharedNetwork } from "./network-share.js";
import { type SideCards, sideCards } from "./network-side.js";
import type { DrawnNetwork } from "./network-steps.js";
import { describeNode } from "./network-tooltip.js";

/** The view's state from the link (the filter bar reads the filters), and what was dropped from it. */
export interface LinkedView {
  options: NetworkOptions;
  notices: readonly string[];
  /** The notice saying what was dropped; a selection no graph holds is added to it later. */
  notice: HTMLElement;
}

export function linkedView(search: string): LinkedView {
  const notices: string[] = [];
  const options = parseNetworkOptions(new URLSearchParams(search), notices);
  const notice = el(
    "div",
    { class: "aa-notice", role: "status", "data-testid": "link-notice", hidden: notices.length === 0 },
    notices.join(" "),
  );
  return { options, notices, notice };
}

/** What a drawing reads besides the graph: positions, metrics, size and colour, the drawn nodes by id. */
export interface DrawView extends SceneChoice {
  nodeById: ReadonlyMap<string, GraphNode>;
}

export interface NetworkPage {
  chart: NetworkChart;
  search: NetworkSearch;
  /** The side column (panel, brokers), filled by `side.show`. */
  side: SideCards;
  share: ShareMenu;
  /** Draws a graph (when it, the sizes or the colours changed) and selects the link's node once a graph holds it. */
  draw(network: DrawnNetwork, view: DrawView): void;
  /** Marks the chart busy (dimmed, aria-busy) until `draw` is given the next graph. */
  pending(): void;
  /** What the Share menu exports from now on. */
  shareView(shared: SharedNetwork): void;
}

function drawStep(chart: NetworkChart, link: LinkedView, palette: NetworkPalette): NetworkPage["draw"] {
  // What the chart last drew, so the metrics arriving redraw it only when they size or colour the nodes.
  const drawn: Partial<Pick<DrawView, "sizeBy" | "colorBy" | "metrics">> & { graph?: Graph } = { metrics: null };
  // The link's selection waits for a graph that holds it.
  let pending = link.options.select;
  return (network, view) => {
    const { graph } = network;
    const sourceChanged = chart.dataset.source !== network.source;
    chart.dataset.source = network.source;
    const usesMetrics = view.sizeBy !== "commitments" || view.colorBy === "community";
    const changed = drawn.graph !== graph || drawn.sizeBy !== view.sizeBy || drawn.colorBy !== view.colorBy;
    if (drawn.graph !== graph) markBusy(chart, false);
    if (changed || (usesMetrics && drawn.metrics !== view.metrics)) {
      Object.assign(drawn, { graph, sizeBy: view.sizeBy, colorBy: view.colorBy, metrics: view.metrics });
      chart.update(paletteScene(graph, view, palette));
    } else if (sourceChanged) markDrawnFrom(network.source); // the same graph, now from SQL: no new frame
    if (network.shown) void shownOrGivenUp(chart).then(network.shown);
    if (!pending || !graph.nodes.length) return;
    const held = view.nodeById.has(pending);
    if (held) chart.select(pending, { notify: true });
    else if (network.source !== "build") {
      link.notice.hidden = false;
      link.notice.textContent = [
        ...link.notices,
        `The selected node “${pending.slice(0, 40)}” is not in this view.`,
      ].join(" ");
    }
    if (held || network.source !== "build") pending = null;
  };
}

/**
 * How long a graph's turn at DuckDB waits for the chart to show it, ms: a
 * drawing that failed (its worker says so on the chart) or is held back
 * holds the page's sources line back no longer than this.
 */
const SHOWN_WAIT_MS = 2_000;

/** Resolves once the chart shows its last scene, or after SHOWN_WAIT_MS. */
function shownOrGivenUp(chart: NetworkChart): Promise<void> {
  return Promise.race([chart.shown(), new Promise<void>((resolve) => setTimeout(resolve, SHOWN_WAIT_MS))]);
}

/** Dims the chart while a new graph is on its way (style.css), and says so to assistive technology. */
function markBusy(chart: NetworkChart, busy: boolean): void {
  if (busy) {
    chart.dataset.busy = "true";
    chart.setAttribute("aria-busy", "true");
  } else {
    delete chart.dataset.busy;
    chart.removeAttribute("aria-busy");
  }
}

/** The chart, search box and Share menu of the page, made once. */
export function networkPage(link: LinkedView, palette: NetworkPalette): NetworkPage {
  // ?renderer=svg|canvas forces one (the benchmark compares them); by default it follows the graph's size.
  const forced = new URLSearchParams(location.search).get("renderer");
  const chart = networkChart({
    renderer: forced === "svg" || forced === "canvas" ? forced : "auto",
    height: window.innerWidth < 640 ? 460 : 620,
    label: "Network of institutions bound by shared commitments",
    zoom: link.options.zoom,
    describe: (n) => describeNode(n, palette.sectorLabel),
    sectorLabel: palette.sectorLabel,
  });
  const search = networkSearch([], {
    onPick: (id) => chart.select(id, { zoom: true }),
    onClear: () => chart.select(null),
  });
  // The view's zoom follows the user into the link.
  chart.addEventListener("aa-zoom", () => {
    const z = chart.getZoom();
    replaceParams({ zoom: z ? formatZoom(z) : null });
  });
  const share = networkShare(chart, palette.sectorLabel);
  return {
    chart,
    search,
    side: sideCards(chart),
    share: share.menu,
    draw: drawStep(chart, link, palette),
    pending: () => markBusy(chart, true),
    shareView: (shared) => share.show(networkShareView(shared, chart)),
  };
}
