/**
 * The institution projection: institutions are nodes, and two institutions
 * are linked by every commitment that binds them both. A commitment with k
 * parties links each of its k(k-1)/2 pairs once; a commitment with one party
 * links nothing but still counts towards its node.
 */
import {
  compareIds,
  type EdgeMode,
  type Graph,
  type GraphEdge,
  type InstitutionInfo,
  type InstitutionNode,
  increment,
  type PartyLink,
  sortedCounts,
} from "./graph.js";

/** Groups links by commitment: its sector and its distinct parties, sorted. */
export function groupByCommitment(links: readonly PartyLink[]): Map<string, { sector: string; parties: string[] }> {
  const groups = new Map<string, { sector: string; parties: Set<string> }>();
  for (const link of links) {
    let group = groups.get(link.commitment_id);
    if (!group) {
      group = { sector: link.sector, parties: new Set() };
      groups.set(link.commitment_id, group);
    }
    group.parties.add(link.institution_id);
  }
  return new Map(
    [...groups].map(([id, g]) => [id, { sector: g.sector, parties: [...g.parties].sort(compareIds) }] as const),
  );
}

/**
 * Builds the institution graph from party links. `institutions` must describe
 * every institution the links name (an unknown one throws: the tables
 * guarantee the reference, so a miss is a bug, not bad input).
 *
 * Nodes and edges come out sorted by id, so the same links give the same graph.
 */
export function projectGraph(
  links: readonly PartyLink[],
  institutions: ReadonlyMap<string, InstitutionInfo> | readonly InstitutionInfo[],
  mode: EdgeMode = "dominant",
): Graph {
  const info =
    institutions instanceof Map ? institutions : new Map((institutions as InstitutionInfo[]).map((i) => [i.id, i]));
  const nodeSectors = new Map<string, Map<string, number>>();
  const pairs = new Map<string, { source: string; target: string; sectors: Map<string, number> }>();
  for (const { sector, parties } of groupByCommitment(links).values()) {
    for (const id of parties) {
      let counts = nodeSectors.get(id);
      if (!counts) {
        counts = new Map();
        nodeSectors.set(id, counts);
      }
      increment(counts, sector);
    }
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        const key = `${parties[i]}\u0000${parties[j]}`;
        let pair = pairs.get(key);
        if (!pair) {
          pair = { source: parties[i], target: parties[j], sectors: new Map() };
          pairs.set(key, pair);
        }
        increment(pair.sectors, sector);
      }
    }
  }
  const nodes: InstitutionNode[] = [...nodeSectors.keys()].sort(compareIds).map((id) => {
    const inst = info.get(id);
    if (!inst) throw new Error(`institution ${id} is named by a commitment but not described`);
    const bySector = sortedCounts(nodeSectors.get(id) as Map<string, number>);
    return {
      kind: "institution",
      id,
      name: inst.name,
      acronym: inst.acronym,
      country: inst.country,
      country_name: inst.country_name,
      type: inst.type,
      label: inst.acronym || inst.name,
      commitments: bySector.reduce((sum, [, n]) => sum + n, 0),
      bySector,
    };
  });
  const edges: GraphEdge[] = [];
  for (const key of [...pairs.keys()].sort(compareIds)) {
    const pair = pairs.get(key) as { source: string; target: string; sectors: Map<string, number> };
    const bySector = sortedCounts(pair.sectors);
    if (mode === "dominant") {
      const weight = bySector.reduce((sum, [, n]) => sum + n, 0);
      edges.push({
        id: `${pair.source}|${pair.target}`,
        source: pair.source,
        target: pair.target,
        weight,
        sector: bySector[0][0],
        bySector,
      });
    } else {
      for (const [sector, n] of [...bySector].sort((a, b) => compareIds(a[0], b[0]))) {
        edges.push({
          id: `${pair.source}|${pair.target}|${sector}`,
          source: pair.source,
          target: pair.target,
          weight: n,
          sector,
          bySector: [[sector, n]],
        });
      }
    }
  }
  return { nodes, edges };
}
