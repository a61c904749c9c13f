/**
 * What a screen reader says for the network node the keyboard is on: the
 * node's name, what it is (an institution's affiliation, type and whether
 * it is a generic mention, a
 * commitment's sector and status, in words), how many commitments bind it
 * (or how many parties a commitment has) and how many links it has in the
 * drawing, its place in the chart's order and whether it is selected. Pure:
 * the chart (src/components/network/network-keyboard.ts) gives it the node.
 */
import type { Status } from "../model/schema.js";
import { humanize, STATUS_META } from "../model/value-labels.js";
import type { GraphNode } from "./graph.js";
import { institutionFacts } from "./node-affiliation.js";

/** What the announcement needs besides the node. */
export interface AnnouncementContext {
  /** Links drawn to or from the node. */
  links: number;
  /** 1-based place in the chart's keyboard order, and how many nodes there are. */
  position: number;
  total: number;
  selected: boolean;
  /** A sector's name for its id (the palette's); sector ids are humanised without it. */
  sectorLabel?: (sector: string) => string;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * "NAVTTC, National Vocational and Technical Training Commission: Pakistan,
 * agency. 5 commitments, 3 links. 4 of 76. Selected."
 */
export function nodeAnnouncement(node: GraphNode, context: AnnouncementContext): string {
  const links = plural(context.links, "link", "links");
  const place = `${context.position} of ${context.total}.`;
  const selected = context.selected ? " Selected." : "";
  if (node.kind === "institution") {
    const name = node.acronym ? `${node.acronym}, ${node.name}` : node.name;
    const what = institutionFacts(node, ", ", true);
    const counts = `${plural(node.commitments, "commitment", "commitments")}, ${links}.`;
    return `${name}: ${what}. ${counts} ${place}${selected}`;
  }
  const sector = context.sectorLabel ? context.sectorLabel(node.sector) : humanize(node.sector);
  const status = STATUS_META[node.status as Status]?.label ?? humanize(node.status);
  const counts = `${plural(node.commitments, "party", "parties")}, ${links}.`;
  return `Commitment: ${node.summary}: ${sector}, ${status.toLowerCase()}. ${counts} ${place}${selected}`;
}

/** Links per node id, counted once per drawn link (a per-sector pair counts each of its links). */
export function linkCounts(edges: readonly { source: { id: string }; target: { id: string } }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of edges) {
    counts.set(e.source.id, (counts.get(e.source.id) ?? 0) + 1);
    counts.set(e.target.id, (counts.get(e.target.id) ?? 0) + 1);
  }
  return counts;
}
