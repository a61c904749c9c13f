/**
 * The institution projection: institutions are nodes, and two institutions
 * are linked by every commitment that binds them both. A commitment with k
 * parties links each of its k(k-1)/2 pairs once; a commitment with one party
 * links nothing but still counts towards its node.
 *
 * One rule, two doors: `projectGraph` takes party links with ids (tests,
 * loaders), `projectCodes` takes them as integer codes in typed arrays (the
 * page, straight from DuckDB's columns: no row objects for 50,000 links).
 */
import {
  compareIds,
  type EdgeMode,
  type Graph,
  type GraphEdge,
  type InstitutionInfo,
  type InstitutionNode,
  type PartyLink,
  type SectorCounts,
} from "./graph.js";
import { drawnLabel } from "./node-affiliation.js";

/** Party links as codes: one entry per link, in three parallel arrays. */
export interface CodedLinks {
  /** Any integer that is the same for the links of one commitment. */
  commitment: ArrayLike<number>;
  /** Index into the `institutions` array given with the links. */
  institution: ArrayLike<number>;
  /** Index into the `sectors` array given with the links. */
  sector: ArrayLike<number>;
}

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
 * Builds the institution graph from party links with ids. `institutions`
 * must describe every institution the links name (an unknown one throws: the
 * tables guarantee the reference, so a miss is a bug, not bad input).
 */
export function projectGraph(
  links: readonly PartyLink[],
  institutions: ReadonlyMap<string, InstitutionInfo> | readonly InstitutionInfo[],
  mode: EdgeMode = "dominant",
): Graph {
  const list = institutions instanceof Map ? [...institutions.values()] : (institutions as InstitutionInfo[]);
  const institutionCode = new Map(list.map((inst, i) => [inst.id, i]));
  const sectors: string[] = [];
  const sectorCode = new Map<string, number>();
  const commitmentCode = new Map<string, number>();
  const n = links.length;
  const coded = { commitment: new Int32Array(n), institution: new Int32Array(n), sector: new Int32Array(n) };
  links.forEach((link, i) => {
    const inst = institutionCode.get(link.institution_id);
    if (inst === undefined)
      throw new Error(`institution ${link.institution_id} is named by a commitment but not described`);
    let c = commitmentCode.get(link.commitment_id);
    if (c === undefined) {
      c = commitmentCode.size;
      commitmentCode.set(link.commitment_id, c);
    }
    let s = sectorCode.get(link.sector);
    if (s === undefined) {
      s = sectors.length;
      sectors.push(link.sector);
      sectorCode.set(link.sector, s);
    }
    coded.commitment[i] = c;
    coded.institution[i] = inst;
    coded.sector[i] = s;
  });
  return projectCodes(coded, list, sectors, mode);
}

/** The order of [sector id, count] pairs: count descending, then id. */
function bySectorOrder(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || compareIds(a[0], b[0]);
}

/** Counts per sector code → sorted [sector id, count] pairs (bySectorOrder). */
function countsOf(counts: Map<number, number>, sectors: readonly string[]): SectorCounts {
  return [...counts].map(([code, k]) => [sectors[code], k] as [string, number]).sort(bySectorOrder);
}

function bump(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Each institution's place in id order (-1 for codes with no institution), and the codes in that order. */
function idOrder(institutions: readonly (InstitutionInfo | undefined)[]): { rank: Int32Array; byRank: number[] } {
  const rank = new Int32Array(institutions.length).fill(-1);
  const byRank: number[] = [];
  institutions.forEach((inst, code) => {
    if (inst) byRank.push(code);
  });
  byRank.sort((a, b) => compareIds((institutions[a] as InstitutionInfo).id, (institutions[b] as InstitutionInfo).id));
  byRank.forEach((code, i) => {
    rank[code] = i;
  });
  return { rank, byRank };
}

/**
 * Counts of each commitment's sector per institution and per pair of
 * institutions. A pair and its sector are one number, (rank of the first
 * in id order × institutions + rank of the second) × sectors + sector, so
 * sorting the numbers orders the pairs as the edges are listed.
 */
function countPairs(
  links: CodedLinks,
  institutions: readonly (InstitutionInfo | undefined)[],
  rank: Int32Array,
): { nodeSectors: Map<number, Map<number, number>>; pairSectors: Map<number, number>; sectorStride: number } {
  const n = links.commitment.length;
  let sectorStride = 1;
  for (let i = 0; i < n; i++) sectorStride = Math.max(sectorStride, links.sector[i] + 1);
  // Links in (commitment, institution) order, so each commitment is one run.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => links.commitment[a] - links.commitment[b] || links.institution[a] - links.institution[b]);
  const nodeSectors = new Map<number, Map<number, number>>();
  const pairSectors = new Map<number, number>();
  const stride = institutions.length + 1;
  const parties: number[] = [];
  for (let start = 0; start < n; ) {
    const commitment = links.commitment[order[start]];
    const sector = links.sector[order[start]];
    parties.length = 0;
    let end = start;
    for (; end < n && links.commitment[order[end]] === commitment; end++) {
      const inst = links.institution[order[end]];
      if (parties[parties.length - 1] !== inst) parties.push(inst); // a party listed twice counts once
    }
    start = end;
    for (const inst of parties) {
      if (!institutions[inst]) throw new Error(`institution code ${inst} is named by a commitment but not described`);
      let counts = nodeSectors.get(inst);
      if (!counts) {
        counts = new Map();
        nodeSectors.set(inst, counts);
      }
      bump(counts, sector);
    }
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        // The pair in id order, so the edge reads the same way as its id.
        const a = rank[parties[i]];
        const b = rank[parties[j]];
        const key = (Math.min(a, b) * stride + Math.max(a, b)) * sectorStride + sector;
        pairSectors.set(key, (pairSectors.get(key) ?? 0) + 1);
      }
    }
  }
  return { nodeSectors, pairSectors, sectorStride };
}

/**
 * The same projection on coded links. `institutions[code]` describes the
 * institution with that code; `sectors[code]` is the sector id. Nodes come
 * out in id order, edges by source id then target id (then sector).
 */
export function projectCodes(
  links: CodedLinks,
  institutions: readonly (InstitutionInfo | undefined)[],
  sectors: readonly string[],
  mode: EdgeMode = "dominant",
): Graph {
  // Pairs and output are ordered by rank with integer comparisons (no string comparison per pair).
  const { rank, byRank } = idOrder(institutions);
  const { nodeSectors, pairSectors, sectorStride } = countPairs(links, institutions, rank);
  const nodes: InstitutionNode[] = [...nodeSectors.keys()]
    .sort((a, b) => rank[a] - rank[b])
    .map((code) => {
      const inst = institutions[code] as InstitutionInfo;
      const bySector = countsOf(nodeSectors.get(code) as Map<number, number>, sectors);
      return {
        kind: "institution" as const,
        id: inst.id,
        name: inst.name,
        acronym: inst.acronym,
        affiliation: inst.affiliation,
        countries: inst.countries,
        country_name: inst.country_name,
        naming: inst.naming,
        type: inst.type,
        label: drawnLabel(inst, inst.acronym || inst.name),
        commitments: bySector.reduce((sum, [, k]) => sum + k, 0),
        bySector,
      };
    });
  // Edges by source, then target, in id order (then sector, for per-sector edges): the keys' numeric order.
  const keys = Float64Array.from(pairSectors.keys()).sort();
  const stride = institutions.length + 1;
  const edges: GraphEdge[] = [];
  for (let i = 0; i < keys.length; ) {
    const pair = Math.floor(keys[i] / sectorStride);
    const bySector: SectorCounts = [];
    for (; i < keys.length && Math.floor(keys[i] / sectorStride) === pair; i++)
      bySector.push([sectors[keys[i] % sectorStride], pairSectors.get(keys[i]) as number]);
    if (bySector.length > 1) bySector.sort(bySectorOrder);
    const source = (institutions[byRank[Math.floor(pair / stride)]] as InstitutionInfo).id;
    const target = (institutions[byRank[pair % stride]] as InstitutionInfo).id;
    pushEdges(edges, source, target, bySector, mode);
  }
  return { nodes, edges };
}

/** The edge of a pair (dominant: one, its sector the commonest), or one per sector. */
function pushEdges(edges: GraphEdge[], source: string, target: string, bySector: SectorCounts, mode: EdgeMode): void {
  if (mode === "dominant") {
    const weight = bySector.reduce((sum, [, k]) => sum + k, 0);
    edges.push({ id: `${source}|${target}`, source, target, weight, sector: bySector[0][0], bySector });
    return;
  }
  for (const [sector, k] of [...bySector].sort((x, y) => compareIds(x[0], y[0]))) {
    edges.push({ id: `${source}|${target}|${sector}`, source, target, weight: k, sector, bySector: [[sector, k]] });
  }
}
