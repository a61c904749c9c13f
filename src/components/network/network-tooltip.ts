/**
 * The tooltip of a network node, the same on the page and in the embed: an
 * institution's name, affiliation (a joint body's members), type and
 * commitments by sector, or a
 * commitment's summary, sector, status and parties.
 */
import type { Status } from "../../lib/model/schema.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { institutionFacts } from "../../lib/network/node-affiliation.js";
import { el } from "../dom.js";

/** Sectors listed by name before "and N more sectors". */
const LISTED_SECTORS = 6;

/** The tooltip lines of a node (the chart's `describe`). */
export function describeNode(node: GraphNode, sectorLabel: (id: string) => string): (string | Node)[] {
  if (node.kind === "institution") {
    const more = node.bySector.length - LISTED_SECTORS;
    return [
      el("strong", {}, node.acronym ? `${node.name} (${node.acronym})` : node.name),
      institutionFacts(node),
      `${node.commitments} commitment${node.commitments === 1 ? "" : "s"} in view:`,
      ...node.bySector.slice(0, LISTED_SECTORS).map(([s, k]) => `  ${sectorLabel(s)}: ${k}`),
      ...(more > 0 ? [`  and ${more} more sectors`] : []),
    ];
  }
  return [
    el("strong", {}, node.summary),
    `${sectorLabel(node.sector)} · ${STATUS_META[node.status as Status]?.label ?? node.status}`,
    `${node.commitments} part${node.commitments === 1 ? "y" : "ies"}`,
  ];
}
