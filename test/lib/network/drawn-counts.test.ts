import { describe, expect, it } from "vitest";
import { drawnCounts } from "../../../src/lib/network/drawn-counts.js";
import { countProjection, projectionOrder } from "../../../src/lib/network/project.js";
import { INSTITUTIONS, LINKS } from "./fixture.js";

/** The fixture's links as codes, with institution e named only generically. */
function coded(only?: (sector: string) => boolean) {
  const institutions = INSTITUTIONS.map((i) => (i.id === "e" ? { ...i, naming: "generic" } : i));
  const sectors = ["energy", "health", "trade"];
  const commitments = [...new Set(LINKS.map((l) => l.commitment_id))];
  const kept = LINKS.filter((l) => !only || only(l.sector));
  const links = {
    commitment: Int32Array.from(kept, (l) => commitments.indexOf(l.commitment_id)),
    institution: Int32Array.from(kept, (l) => institutions.findIndex((i) => i.id === l.institution_id)),
    sector: Int32Array.from(kept, (l) => sectors.indexOf(l.sector)),
  };
  const { nodes } = countProjection(links, projectionOrder(institutions, sectors));
  return { nodes, institutions, links: kept.length };
}

describe("drawnCounts", () => {
  it("counts the projection's institutions, the generic apart, and the links; the commitments as SQL gave them", () => {
    const { nodes, institutions, links } = coded();
    expect(drawnCounts(nodes, institutions, links, { commitments: 6, without_parties: 2 })).toEqual({
      institutions: 4,
      generic: 1,
      commitments: 6,
      links: 12,
      without_parties: 2,
    });
  });

  it("counts only the institutions the filtered links name", () => {
    // Trade: c1, c2, c5 bind a, c, d and b; e (generic) is bound by health only.
    const { nodes, institutions, links } = coded((s) => s === "trade");
    expect(drawnCounts(nodes, institutions, links, { commitments: 3, without_parties: 0 })).toEqual({
      institutions: 4,
      generic: 0,
      commitments: 3,
      links: 6,
      without_parties: 0,
    });
  });

  it("is all zeros for no links", () => {
    expect(drawnCounts(new Int32Array(0), INSTITUTIONS, 0, { commitments: 0, without_parties: 1 })).toEqual({
      institutions: 0,
      generic: 0,
      commitments: 0,
      links: 0,
      without_parties: 1,
    });
  });

  it("refuses a node the index does not hold", () => {
    expect(() => drawnCounts(Int32Array.of(0, 9), INSTITUTIONS, 2, { commitments: 1, without_parties: 0 })).toThrow(
      "node 1 is institution code 9, which the index does not hold",
    );
  });
});
