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
import { groupByCommitment, projectGraph } from "./project.js";

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
