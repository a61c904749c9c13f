/**
 * The network's counts line (NetworkCounts) for a filter change, from what
 * the page already has: the institutions and links from the party links it
 * projected (the projection's nodes are the institutions those links name),
 * the commitments from SQL's count of the filtered commitments with parties
 * and without. Counting the institutions in SQL as well took DuckDB twice as
 * long as the links themselves (four scans of the party links); the page's
 * counts are checked against that definition, networkCounts, in
 * test/cross/view-figures-sql.test.ts.
 */
import type { NetworkCounts } from "../model/contracts.js";
import type { InstitutionInfo } from "./graph.js";

/** The filtered commitments, as networkCommitmentCounts gives them. */
export type CommitmentCounts = Pick<NetworkCounts, "commitments" | "without_parties">;

/**
 * `nodes`: the institution codes of the projection (countProjection), each
 * institution a link names once; `institutions`: the index by code; `links`:
 * how many party links were projected.
 */
export function drawnCounts(
  nodes: ArrayLike<number>,
  institutions: readonly (Pick<InstitutionInfo, "naming"> | undefined)[],
  links: number,
  commitments: CommitmentCounts,
): NetworkCounts {
  let generic = 0;
  for (let i = 0; i < nodes.length; i++) {
    const institution = institutions[nodes[i]];
    if (!institution) throw new Error(`node ${i} is institution code ${nodes[i]}, which the index does not hold`);
    if (institution.naming === "generic") generic++;
  }
  return {
    institutions: nodes.length - generic,
    generic,
    commitments: commitments.commitments,
    links,
    without_parties: commitments.without_parties,
  };
}
