/**
 * The institution projection: institutions are nodes, and two institutions
 * are linked by every commitment that binds them both. A commitment with k
 * parties links each of its k(k-1)/2 pairs once; a commitment with one party
 * links nothing but still counts towards its node.
 *
 * One rule, two doors: `projectGraph` takes party links with ids (tests,
 * loaders), `projectCodes` takes them as integer codes in typed arrays (the
 * page, straight from DuckDB's columns: no row objects for 50,000 links).
 * `projectCodes` is two steps a caller may take apart: `countProjection`
 * counts with typed arrays only (links grouped by a counting sort on the
 * commitment, pairs as numbers sorted by the typed array's own sort: no
 * comparator, no Map, no string per pair), and `graphFromCounts` makes the
 * node and edge objects, in either edge mode from the same counts.
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

/**
 * The order the projection lists things in, from the index alone (computed
 * once per page): each institution's place in id order (-1 for a code with
 * no institution) and the codes in that order, and each sector's place in id
 * order.
 */
export interface ProjectionOrder {
  rank: Int32Array;
  byRank: Int32Array;
  sectorRank: Int32Array;
}

export function projectionOrder(
  institutions: readonly (Pick<InstitutionInfo, "id"> | undefined)[],
  sectors: readonly string[],
): ProjectionOrder {
  const rank = new Int32Array(institutions.length).fill(-1);
  const codes: number[] = [];
  institutions.forEach((inst, code) => {
    if (inst) codes.push(code);
  });
  codes.sort((a, b) => compareIds((institutions[a] as InstitutionInfo).id, (institutions[b] as InstitutionInfo).id));
  const byRank = Int32Array.from(codes);
  byRank.forEach((code, i) => {
    rank[code] = i;
  });
  const sectorCodes = Array.from(sectors.keys()).sort((a, b) => compareIds(sectors[a], sectors[b]));
  const sectorRank = new Int32Array(sectors.length);
  sectorCodes.forEach((code, i) => {
    sectorRank[code] = i;
  });
  return { rank, byRank, sectorRank };
}

/**
 * The projection as numbers, before any object is made (typed arrays only,
 * so a worker can hand it over without copying). Node i is institution
 * `nodes[i]`; its sectors are `nodeSector[j]` with `nodeSectorCount[j]` for
 * j from `nodeSectorStart[i]` to `nodeSectorStart[i + 1]`, count descending
 * then sector id. Edge i links `edgeSource[i]` and `edgeTarget[i]`
 * (institution codes, source first in id order), its sectors likewise.
 * Nodes are in id order, edges by source then target.
 */
export interface ProjectionCounts {
  nodes: Int32Array;
  nodeSectorStart: Int32Array;
  nodeSector: Int32Array;
  nodeSectorCount: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeSectorStart: Int32Array;
  edgeSector: Int32Array;
  edgeSectorCount: Int32Array;
}

/** Integers appended to a typed array that grows as needed (doubles once they pass 2^32). */
class KeyList {
  values: Uint32Array | Float64Array;
  length = 0;
  constructor(capacity: number, wide: boolean) {
    this.values = wide ? new Float64Array(Math.max(16, capacity)) : new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new (this.values.constructor as Float64ArrayConstructor)(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  /** The numbers pushed, in ascending order (a typed array's own numeric sort). */
  sorted(): Uint32Array | Float64Array {
    return this.values.subarray(0, this.length).sort();
  }
}

/**
 * The loops below are each a function of their own, ending in a plain
 * return: the page's worker runs them a few times a session, and V8 compiles
 * a long loop while it runs (on the stack); code after a loop that has never
 * run (an object made there) throws that compiled code away at the loop's
 * exit, so the next filter change compiled the same loops again.
 */

/** The lowest and highest commitment code, as [low, high]. */
function codeRange(commitment: ArrayLike<number>): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < commitment.length; i++) {
    low = Math.min(low, commitment[i]);
    high = Math.max(high, commitment[i]);
  }
  return [low, high];
}

/** Numbers the commitments 0, 1, 2 … in order of first link into `slot`; returns how many there are. */
function denseSlots(commitment: ArrayLike<number>, slot: Int32Array): number {
  const dense = new Map<number, number>();
  for (let i = 0; i < commitment.length; i++) {
    let k = dense.get(commitment[i]);
    if (k === undefined) {
      k = dense.size;
      dense.set(commitment[i], k);
    }
    slot[i] = k;
  }
  return dense.size;
}

/** Each link's slot as its commitment code less `low`. */
function offsetSlots(commitment: ArrayLike<number>, low: number, slot: Int32Array): void {
  for (let i = 0; i < commitment.length; i++) slot[i] = commitment[i] - low;
}

/** Where each slot's links start once grouped (a counting sort's prefix sums), and where they end at `slots`. */
function slotStarts(slot: Int32Array, slots: number): Int32Array {
  const start = new Int32Array(slots + 1);
  for (let i = 0; i < slot.length; i++) start[slot[i] + 1]++;
  for (let k = 0; k < slots; k++) start[k + 1] += start[k];
  return start;
}

/** Fills `parties` (institution ranks, grouped by slot from `start`) and each slot's `sector`. */
function fillGroups(
  links: CodedLinks,
  rank: Int32Array,
  slot: Int32Array,
  start: Int32Array,
  parties: Int32Array,
  sector: Int32Array,
): void {
  const next = start.slice(0, sector.length);
  for (let i = 0; i < slot.length; i++) {
    const r = rank[links.institution[i]] ?? -1;
    if (r < 0) throw new Error(`institution code ${links.institution[i]} is named by a commitment but not described`);
    parties[next[slot[i]]++] = r;
    sector[slot[i]] = links.sector[i];
  }
}

/**
 * The links grouped by commitment (a counting sort on its code, with no
 * comparison): commitment k's parties, as institution ranks, are
 * `parties[start[k]]` to `parties[start[k + 1] - 1]`, its sector `sector[k]`.
 * Codes are made dense first when they are spread far wider than the links.
 */
function byCommitment(
  links: CodedLinks,
  rank: Int32Array,
): { start: Int32Array; parties: Int32Array; sector: Int32Array } {
  const n = links.commitment.length;
  const [low, high] = codeRange(links.commitment);
  const slot = new Int32Array(n);
  let slots = n ? high - low + 1 : 0;
  if (slots > 4 * n + 1024) slots = denseSlots(links.commitment, slot);
  else offsetSlots(links.commitment, low, slot);
  const start = slotStarts(slot, slots);
  const parties = new Int32Array(n);
  const sector = new Int32Array(slots);
  fillGroups(links, rank, slot, start, parties, sector);
  return { start, parties, sector };
}

/** Sorts a short run of integers in place (a commitment's few parties) and drops repeats; returns its new end. */
function sortDistinct(values: Int32Array, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const v = values[i];
    let j = i;
    for (; j > from && values[j - 1] > v; j--) values[j] = values[j - 1];
    values[j] = v;
  }
  let end = from;
  for (let i = from; i < to; i++) if (i === from || values[i] !== values[end - 1]) values[end++] = values[i];
  return end;
}

/** Counts every commitment of `groups` into `nodeCounts` and `pairKeys` (see countPairs). */
function countGroups(
  groups: { start: Int32Array; parties: Int32Array; sector: Int32Array },
  institutions: number,
  sectorStride: number,
  nodeCounts: Int32Array,
  pairKeys: KeyList,
): void {
  const { start, parties, sector } = groups;
  for (let k = 0; k + 1 < start.length; k++) {
    const from = start[k];
    const to = sortDistinct(parties, from, start[k + 1]);
    const s = sector[k];
    for (let i = from; i < to; i++) {
      nodeCounts[parties[i] * sectorStride + s]++;
      for (let j = i + 1; j < to; j++) pairKeys.push((parties[i] * institutions + parties[j]) * sectorStride + s);
    }
  }
}

/**
 * Counts each commitment's sector per institution (rank × sectors + sector)
 * and per pair of institutions, as sorted numbers ((rank of the first × institutions +
 * rank of the second) × sectors + sector): a commitment with k parties counts
 * once for each party and for each of its k(k-1)/2 pairs; a party listed twice counts once.
 */
function countPairs(
  links: CodedLinks,
  rank: Int32Array,
  sectorStride: number,
): { nodeCounts: Int32Array; pairKeys: Uint32Array | Float64Array } {
  const institutions = rank.length;
  const groups = byCommitment(links, rank);
  const nodeCounts = new Int32Array(institutions * sectorStride);
  const pairKeys = new KeyList(groups.parties.length * 2, institutions * institutions * sectorStride > 2 ** 32);
  countGroups(groups, institutions, sectorStride, nodeCounts, pairKeys);
  return { nodeCounts, pairKeys: pairKeys.sorted() };
}

/** Sector lists in the order of a graph's bySector: count descending, then sector id. */
class SectorLists {
  start: number[] = [0];
  sector: number[] = [];
  count: number[] = [];
  constructor(private readonly sectorRank: Int32Array) {}
  /** Adds a sector and its count to the list being made, in its place (lists are a handful of sectors). */
  push(sector: number, count: number): void {
    const from = this.start[this.start.length - 1];
    let j = this.sector.length;
    this.sector.push(sector);
    this.count.push(count);
    for (; j > from && this.before(sector, count, this.sector[j - 1], this.count[j - 1]); j--) {
      this.sector[j] = this.sector[j - 1];
      this.count[j] = this.count[j - 1];
    }
    this.sector[j] = sector;
    this.count[j] = count;
  }
  /** Ends the list being made; false when it is empty (then it is no list). */
  close(): boolean {
    if (this.sector.length === this.start[this.start.length - 1]) return false;
    this.start.push(this.sector.length);
    return true;
  }
  private before(s: number, k: number, t: number, l: number): boolean {
    return k > l || (k === l && this.sectorRank[s] < this.sectorRank[t]);
  }
}

/** One more than the highest sector code the links or the order know. */
function sectorStrideOf(sector: ArrayLike<number>, known: number): number {
  let stride = Math.max(1, known);
  for (let i = 0; i < sector.length; i++) stride = Math.max(stride, sector[i] + 1);
  return stride;
}

/** The institutions with a count, in rank order, as codes; their sector lists into `lists`. */
function nodeLists(nodeCounts: Int32Array, byRank: Int32Array, sectorStride: number, lists: SectorLists): number[] {
  const nodes: number[] = [];
  for (let r = 0; r < byRank.length; r++) {
    for (let s = 0; s < sectorStride; s++) {
      const k = nodeCounts[r * sectorStride + s];
      if (k > 0) lists.push(s, k);
    }
    if (lists.close()) nodes.push(byRank[r]);
  }
  return nodes;
}

/** The pairs of sorted `pairKeys` (countPairs' numbers), as codes into `source` and `target`; their sector lists into `lists`. */
function edgeLists(
  pairKeys: Uint32Array | Float64Array,
  order: ProjectionOrder,
  sectorStride: number,
  ends: { source: number[]; target: number[] },
  lists: SectorLists,
): void {
  const { byRank } = order;
  const institutions = order.rank.length;
  for (let i = 0; i < pairKeys.length; ) {
    const pair = Math.floor(pairKeys[i] / sectorStride);
    for (; i < pairKeys.length && Math.floor(pairKeys[i] / sectorStride) === pair; ) {
      const s = pairKeys[i] % sectorStride;
      let k = 0;
      for (; i < pairKeys.length && pairKeys[i] === pair * sectorStride + s; i++) k++;
      lists.push(s, k);
    }
    lists.close();
    ends.source.push(byRank[Math.floor(pair / institutions)]);
    ends.target.push(byRank[pair % institutions]);
  }
}

/**
 * The projection of coded links as numbers (see ProjectionCounts):
 * `order` from projectionOrder on the same institutions and sectors.
 */
export function countProjection(links: CodedLinks, order: ProjectionOrder): ProjectionCounts {
  const sectorStride = sectorStrideOf(links.sector, order.sectorRank.length);
  const { nodeCounts, pairKeys } = countPairs(links, order.rank, sectorStride);
  const nodeSectors = new SectorLists(order.sectorRank);
  const nodes = nodeLists(nodeCounts, order.byRank, sectorStride, nodeSectors);
  const ends = { source: [] as number[], target: [] as number[] };
  const edgeSectors = new SectorLists(order.sectorRank);
  edgeLists(pairKeys, order, sectorStride, ends, edgeSectors);
  return {
    nodes: Int32Array.from(nodes),
    nodeSectorStart: Int32Array.from(nodeSectors.start),
    nodeSector: Int32Array.from(nodeSectors.sector),
    nodeSectorCount: Int32Array.from(nodeSectors.count),
    edgeSource: Int32Array.from(ends.source),
    edgeTarget: Int32Array.from(ends.target),
    edgeSectorStart: Int32Array.from(edgeSectors.start),
    edgeSector: Int32Array.from(edgeSectors.sector),
    edgeSectorCount: Int32Array.from(edgeSectors.count),
  };
}

/** The [sector id, count] pairs of list i. */
function sectorCounts(
  start: Int32Array,
  sector: Int32Array,
  count: Int32Array,
  i: number,
  sectors: readonly string[],
): SectorCounts {
  const out: SectorCounts = [];
  for (let j = start[i]; j < start[i + 1]; j++) out.push([sectors[sector[j]], count[j]]);
  return out;
}

/**
 * The graph of counted links: nodes described from the index, edges one per
 * pair (dominant: the commonest sector) or one per pair and sector.
 */
export function graphFromCounts(
  counts: ProjectionCounts,
  institutions: readonly (InstitutionInfo | undefined)[],
  sectors: readonly string[],
  mode: EdgeMode = "dominant",
): Graph {
  const nodes: InstitutionNode[] = Array.from(counts.nodes, (code, i) => {
    const inst = institutions[code] as InstitutionInfo;
    const bySector = sectorCounts(counts.nodeSectorStart, counts.nodeSector, counts.nodeSectorCount, i, sectors);
    let commitments = 0;
    for (const [, k] of bySector) commitments += k;
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
      commitments,
      bySector,
    };
  });
  const edges: GraphEdge[] = [];
  for (let i = 0; i < counts.edgeSource.length; i++) {
    const source = (institutions[counts.edgeSource[i]] as InstitutionInfo).id;
    const target = (institutions[counts.edgeTarget[i]] as InstitutionInfo).id;
    const bySector = sectorCounts(counts.edgeSectorStart, counts.edgeSector, counts.edgeSectorCount, i, sectors);
    pushEdges(edges, source, target, bySector, mode);
  }
  return { nodes, edges };
}

function total(bySector: SectorCounts): number {
  let sum = 0;
  for (const [, k] of bySector) sum += k;
  return sum;
}

/** Whether list i of the counts holds the same [sector id, count] pairs, in order, as `bySector`. */
function sameSectors(
  start: Int32Array,
  sector: Int32Array,
  count: Int32Array,
  i: number,
  sectors: readonly string[],
  bySector: SectorCounts,
): boolean {
  if (start[i + 1] - start[i] !== bySector.length) return false;
  for (let j = start[i]; j < start[i + 1]; j++) {
    const [id, k] = bySector[j - start[i]];
    if (sectors[sector[j]] !== id || count[j] !== k) return false;
  }
  return true;
}

/**
 * Whether counted links give exactly `graph`'s nodes and dominant edges
 * (ids, order and counts per sector; an edge's id is made from its ends): then a graph already made (the build's,
 * on screen) can stand for them, with no new objects, scene or drawing.
 */
export function countsMatchGraph(
  counts: ProjectionCounts,
  institutions: readonly (InstitutionInfo | undefined)[],
  sectors: readonly string[],
  graph: Graph,
): boolean {
  const { nodes, edges } = graph;
  if (nodes.length !== counts.nodes.length || edges.length !== counts.edgeSource.length) return false;
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].kind !== "institution" || nodes[i].id !== institutions[counts.nodes[i]]?.id) return false;
    if (!sameSectors(counts.nodeSectorStart, counts.nodeSector, counts.nodeSectorCount, i, sectors, nodes[i].bySector))
      return false;
    if (nodes[i].commitments !== total(nodes[i].bySector)) return false;
  }
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.source !== institutions[counts.edgeSource[i]]?.id || e.target !== institutions[counts.edgeTarget[i]]?.id)
      return false;
    if (e.sector !== e.bySector[0]?.[0]) return false;
    if (!sameSectors(counts.edgeSectorStart, counts.edgeSector, counts.edgeSectorCount, i, sectors, e.bySector))
      return false;
    if (e.weight !== total(e.bySector)) return false;
  }
  return true;
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
  return graphFromCounts(countProjection(links, projectionOrder(institutions, sectors)), institutions, sectors, mode);
}

/** The edge of a pair (dominant: one, its sector the commonest), or one per sector. */
function pushEdges(edges: GraphEdge[], source: string, target: string, bySector: SectorCounts, mode: EdgeMode): void {
  if (mode === "dominant") {
    let weight = 0;
    for (const [, k] of bySector) weight += k;
    edges.push({ id: `${source}|${target}`, source, target, weight, sector: bySector[0][0], bySector });
    return;
  }
  for (const [sector, k] of [...bySector].sort((x, y) => compareIds(x[0], y[0]))) {
    edges.push({ id: `${source}|${target}|${sector}`, source, target, weight: k, sector, bySector: [[sector, k]] });
  }
}
