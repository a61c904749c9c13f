/**
 * The institution network: what a node and an edge are, and the rows the
 * graph is built from (one per commitment and party, from SQL or records).
 */

/** One party of one commitment: the row every graph view starts from. */
export interface PartyLink {
  commitment_id: string;
  institution_id: string;
  sector: string;
}

/** What the graph shows about an institution (a row of the `institutions` table). */
export interface InstitutionInfo {
  id: string;
  name: string;
  acronym: string | null;
  /** What colours and groups it: its country code, `international` or `joint` (institution-scope.ts). */
  affiliation: string;
  /** Its countries: [country] for a national body, the members of a joint body, none for an international one. */
  countries: readonly string[];
  /** The affiliation in words ("Pakistan", "International organisation", "Joint body (Belarus–Pakistan)"). */
  country_name: string;
  /** `named`, or `generic` for a body the sources only describe ("the chambers of commerce"). */
  naming: string;
  type: string;
}

/** What the bipartite view shows about a commitment drawn as a node. */
export interface CommitmentInfo {
  id: string;
  summary: string;
  sector: string;
  status: string;
}

/** Counts per sector, sorted by count (descending) then sector id. */
export type SectorCounts = [sector: string, count: number][];

export interface InstitutionNode extends InstitutionInfo {
  kind: "institution";
  /** Acronym, or the name when there is none. */
  label: string;
  /** Distinct commitments in view that bind it. */
  commitments: number;
  bySector: SectorCounts;
}

export interface CommitmentNode extends CommitmentInfo {
  kind: "commitment";
  label: string;
  /** Parties in view. */
  commitments: number;
  bySector: SectorCounts;
}

export type GraphNode = InstitutionNode | CommitmentNode;

export interface GraphEdge {
  /** Stable id: the two node ids (sorted) and, per sector, the sector. */
  id: string;
  source: string;
  target: string;
  /** Shared commitments (one per commitment, also when it binds many parties). */
  weight: number;
  /** The sector drawn: the dominant one, or the edge's own in per-sector mode. */
  sector: string;
  bySector: SectorCounts;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** How a shared sector is chosen for an edge, and whether commitments are nodes. */
export type EdgeMode = "dominant" | "per-sector";

/** Sorted [key, count] pairs: count descending, then key ascending (deterministic). */
export function sortedCounts(counts: Map<string, number>): SectorCounts {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
