/**
 * The bipartite view: commitments are nodes too, and each party link is an
 * edge between an institution and a commitment.
 */
import {
  type CommitmentInfo,
  type CommitmentNode,
  compareIds,
  type Graph,
  type GraphEdge,
  type InstitutionInfo,
  type PartyLink,
} from "./graph.js";
import { type CodedLinks, groupByCommitment, projectGraph } from "./project.js";

/**
 * The most commitments the bipartite view draws, one square each. Past it
 * (a million commitments hold hundreds of thousands with parties) the page
 * draws the institutions only and says how to narrow the view; the query
 * asks for one commitment more than this, never for all of them.
 */
export const BIPARTITE_LIMIT = 5_000;

/** A commitment as the page reads it for the bipartite view: its code in the links (row number) and what is drawn of it. */
export interface CodedCommitment extends CommitmentInfo {
  code: number;
}

/** Node id of a commitment in the bipartite graph (never equal to an institution id). */
export function commitmentNodeId(commitmentId: string): string {
  return `commitment:${commitmentId}`;
}

export function bipartiteGraph(
  links: readonly PartyLink[],
  institutions: ReadonlyMap<string, InstitutionInfo> | readonly InstitutionInfo[],
  commitments: ReadonlyMap<string, CommitmentInfo> | readonly CommitmentInfo[],
): Graph {
  const info =
    commitments instanceof Map ? commitments : new Map((commitments as CommitmentInfo[]).map((c) => [c.id, c]));
  const { nodes: institutionNodes } = projectGraph(links, institutions);
  const groups = groupByCommitment(links);
  const commitmentNodes: CommitmentNode[] = [];
  const edges: GraphEdge[] = [];
  for (const id of [...groups.keys()].sort(compareIds)) {
    const c = info.get(id);
    if (!c) throw new Error(`commitment ${id} has parties but is not described`);
    const { parties } = groups.get(id) as { parties: string[] };
    const nodeId = commitmentNodeId(id);
    commitmentNodes.push({
      kind: "commitment",
      id: nodeId,
      summary: c.summary,
      sector: c.sector,
      status: c.status,
      label: c.summary.length > 40 ? `${c.summary.slice(0, 39)}…` : c.summary,
      commitments: parties.length,
      bySector: [[c.sector, 1]],
    });
    for (const party of parties) {
      edges.push({
        id: `${party}|${nodeId}`,
        source: party,
        target: nodeId,
        weight: 1,
        sector: c.sector,
        bySector: [[c.sector, 1]],
      });
    }
  }
  return { nodes: [...institutionNodes, ...commitmentNodes], edges };
}

/**
 * The bipartite graph from the party links as codes (as the page reads them
 * for the projection) and the commitments they name, or null when more than
 * `limit` commitments came (the page asks for `limit` + 1, so one more means
 * too many to draw). Every link's commitment must be among them.
 */
export function bipartiteFromCodes(
  links: CodedLinks,
  institutions: readonly (InstitutionInfo | undefined)[],
  sectors: readonly string[],
  commitments: readonly CodedCommitment[],
  limit = BIPARTITE_LIMIT,
): Graph | null {
  if (commitments.length > limit) return null;
  const idOf = new Map(commitments.map((c) => [c.code, c.id]));
  const partyLinks: PartyLink[] = Array.from({ length: links.commitment.length }, (_, i) => {
    const commitmentId = idOf.get(links.commitment[i]);
    const institution = institutions[links.institution[i]];
    if (commitmentId === undefined || !institution) {
      throw new Error(
        `party link ${i} names commitment code ${links.commitment[i]} or institution code ${links.institution[i]}, not read`,
      );
    }
    return { commitment_id: commitmentId, institution_id: institution.id, sector: sectors[links.sector[i]] };
  });
  const described = commitments.map(({ code: _, ...info }) => info);
  return bipartiteGraph(
    partyLinks,
    institutions.filter((i): i is InstitutionInfo => Boolean(i)),
    described,
  );
}
