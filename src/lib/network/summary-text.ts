/**
 * The network's counts in words: the line under the page's title, the detail
 * of a caption (exports and embeds), and the note on commitments that name
 * no party. One wording for the page, the embed and every export.
 */
import type { NetworkCounts } from "../model/contracts.js";
import type { Graph } from "./graph.js";
import { SIZE_LABELS, type SizeBy } from "./scene.js";

/** The title of the network wherever it is shown (a frame's own title replaces it). */
export const NETWORK_TITLE = "Institutions linked by shared commitments";

/** What a counts line is made of: the counts, the projection (its edges are the pairs) and what is drawn. */
export interface CountedNetwork {
  counts: NetworkCounts;
  projected: Graph;
  graph: Graph;
}

const number = (n: number) => n.toLocaleString("en");

/** "76 institutions", or "31 institutions and 2 generic mentions" (generic institutions are not counted among them). */
export function institutionsCount(counts: Pick<NetworkCounts, "institutions" | "generic">): string {
  const named = `${number(counts.institutions)} institutions`;
  const generic = counts.generic ?? 0;
  return generic ? `${named} and ${number(generic)} generic mention${generic === 1 ? "" : "s"}` : named;
}

/** "76 institutions · 300 pairs linked · 140 commitments" */
export function countsLine(network: Pick<CountedNetwork, "counts" | "projected">): string {
  const { counts, projected } = network;
  return `${institutionsCount(counts)} · ${number(projected.edges.length)} pairs linked · ${number(counts.commitments)} commitments`;
}

/** The counts line, or "Nothing to draw" when no node is drawn. */
export function drawnLine(network: CountedNetwork): string {
  return network.graph.nodes.length ? countsLine(network) : "Nothing to draw";
}

/**
 * The line under the page's title: the counts, the nodes drawn in the
 * bipartite view, and the words of the filters the drawn graph was computed
 * for (not the filter bar's, which are newer while a graph loads).
 */
export function countsHeading(network: CountedNetwork & { filterWords: string }, bipartite: boolean): string {
  const drawn = bipartite ? ` · ${number(network.graph.nodes.length)} nodes drawn` : "";
  return `${drawnLine(network)}${drawn}${network.filterWords ? ` · ${network.filterWords}` : ""}`;
}

/** A caption's detail: the counts, what sizes the nodes, and whether commitments are drawn. */
export function captionDetail(network: CountedNetwork, sizeBy: SizeBy, bipartite: boolean): string {
  const squares = bipartite ? " · commitments drawn as squares" : "";
  return `${countsLine(network)} · node size: ${SIZE_LABELS[sizeBy].toLowerCase()}${squares}`;
}

/** The note on commitments in the filters that name no party (so are not drawn); null when there is none. */
export function withoutPartiesText(counts: NetworkCounts): string | null {
  const n = counts.without_parties;
  if (!n) return null;
  const one = n === 1;
  return `${number(n)} commitment${one ? "" : "s"} in these filters name${one ? "s" : ""} no party and ${one ? "is" : "are"} not drawn; the SQL page lists them.`;
}

/**
 * Why the bipartite view shows institutions only: more commitments match
 * than it draws one by one (`limit`, BIPARTITE_LIMIT), with what to do.
 */
export function bipartiteLimitText(counts: Pick<NetworkCounts, "commitments">, limit: number): string {
  return `${number(counts.commitments)} commitments match these filters, more than the ${number(limit)} this view draws one by one, so only the institutions are drawn. Narrow the sector, country, years or status to see the commitments.`;
}
