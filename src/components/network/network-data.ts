/**
 * The network's data for the current filters, from DuckDB: party links as
 * integer columns (no row objects), projected (countProjection in the
 * network worker, then graphFromCounts) against the institution and sector
 * index and its order (read and sorted once per page); the counts line's
 * institutions and links counted from those links (drawnCounts), its
 * commitments by SQL (one scan of the commitments).
 */

import type { NetworkCounts } from "../../lib/model/contracts.js";
import type { FilterState } from "../../lib/model/filters.js";
import { BIPARTITE_LIMIT, bipartiteFromCodes, type CodedCommitment } from "../../lib/network/bipartite.js";
import { type CommitmentCounts, drawnCounts } from "../../lib/network/drawn-counts.js";
import type { Graph, InstitutionInfo } from "../../lib/network/graph.js";
import {
  type CodedLinks,
  countsMatchGraph,
  graphFromCounts,
  type ProjectionOrder,
  projectionOrder,
} from "../../lib/network/project.js";
import type { SqlFragment } from "../../lib/sql/fragment.js";
import {
  institutionIndex,
  networkCommitmentCounts,
  networkCommitments,
  packedLinkCodes,
  sectorIndex,
} from "../../lib/sql/network-queries.js";
import type { Database } from "../db.js";
import { countProjectionInWorker, startProjectionWorker } from "./network-projection.js";

export interface NetworkIndex {
  institutions: InstitutionInfo[];
  sectors: string[];
  /** Their order for projectCodes (sorted once per page, not on every filter change). */
  order: ProjectionOrder;
}

let index: Promise<NetworkIndex> | undefined;

/** A list column as DuckDB-WASM returns it (an Arrow vector, or an array in tests) as plain strings. */
function listOf(value: unknown): string[] {
  if (value == null) return [];
  return Array.from(value as Iterable<string>, String);
}

/** Institutions and sectors by code, read once per page. */
export function networkIndex(db: Database): Promise<NetworkIndex> {
  index ??= Promise.all([db.query(institutionIndex), db.query(sectorIndex)]).then(([rows, sectorRows]) => {
    const institutions: InstitutionInfo[] = [];
    for (const r of rows) {
      institutions[r.code as number] = {
        id: r.id as string,
        name: r.name as string,
        acronym: (r.acronym as string | null) ?? null,
        affiliation: r.affiliation as string,
        countries: listOf(r.countries),
        country_name: r.country_name as string,
        naming: r.naming as string,
        type: r.type as string,
      };
    }
    const sectors: string[] = [];
    for (const r of sectorRows) sectors[r.code as number] = r.id as string;
    return { institutions, sectors, order: projectionOrder(institutions, sectors) };
  });
  return index;
}

export interface NetworkData {
  source: "build" | "duckdb";
  /** The institution projection with one edge per pair (metrics are computed on it). */
  projected: Graph;
  /** What to draw: the projection (dominant or per-sector edges) or the bipartite graph. */
  graph: Graph;
  /**
   * What `graph` draws: institutions only, institutions and commitments, or
   * institutions only because the bipartite view was asked for but more
   * commitments match than it draws (BIPARTITE_LIMIT; the page says so).
   */
  shows: "projection" | "bipartite" | "too-many-commitments";
  counts: NetworkCounts;
}

/**
 * The statements DuckDB runs for the graph of `filters`, in the order it is
 * asked them: the party links, the commitments with parties and without, and
 * in the bipartite view the commitments themselves. The page has them
 * prepared ahead of a filter change (prepare-ahead.ts).
 */
export function graphStatements(
  filters: FilterState,
  mode: "projection" | "bipartite",
): [links: SqlFragment, counts: SqlFragment, bipartite?: SqlFragment] {
  const links = packedLinkCodes(filters);
  const counts = networkCommitmentCounts(filters);
  return mode === "bipartite" ? [links, counts, networkCommitments(filters, BIPARTITE_LIMIT)] : [links, counts];
}

/**
 * The network for the filters from DuckDB. Given `onScreen` (the build's graph
 * of the plain view, drawn while the query ran), its objects are kept when
 * the links give exactly that graph: the page then has nothing to redraw
 * (the removal of the last filter, and the page's first answer from SQL).
 */
export async function loadNetwork(
  db: Database,
  filters: FilterState,
  options: {
    mode: "projection" | "bipartite";
    edgeMode: "dominant" | "per-sector";
    onScreen?: NetworkData;
  },
): Promise<NetworkData> {
  startProjectionWorker();
  const [links, counts, bipartite] = graphStatements(filters, options.mode);
  const [{ institutions, sectors, order }, coded, [matching], commitments] = await Promise.all([
    networkIndex(db),
    db.queryPacked(links),
    db.query(counts),
    bipartite ? db.query(bipartite) : Promise.resolve([]),
  ]);
  const codes = coded.columns as unknown as CodedLinks;
  // Counted once, in the worker; the per-sector edges are made from the same counts.
  const pairs = await countProjectionInWorker(codes, order);
  const { onScreen } = options;
  const plain = options.mode === "projection" && options.edgeMode === "dominant";
  const counted = drawnCounts(pairs.nodes, institutions, coded.numRows, matching as unknown as CommitmentCounts);
  if (plain && onScreen && countsMatchGraph(pairs, institutions, sectors, onScreen.projected)) {
    return { ...onScreen, source: "duckdb", counts: counted };
  }
  const projected = graphFromCounts(pairs, institutions, sectors);
  if (options.mode === "bipartite") {
    const graph = bipartiteFromCodes(codes, institutions, sectors, commitments as unknown as CodedCommitment[]);
    return graph
      ? { source: "duckdb", projected, graph, shows: "bipartite", counts: counted }
      : { source: "duckdb", projected, graph: projected, shows: "too-many-commitments", counts: counted };
  }
  const graph =
    options.edgeMode === "per-sector" ? graphFromCounts(pairs, institutions, sectors, "per-sector") : projected;
  return { source: "duckdb", projected, graph, shows: "projection", counts: counted };
}
