import { describe, expect, it } from "vitest";
import { buildLayoutFile } from "../../../src/lib/network/layout-file.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import {
  bipartiteLimitText,
  captionDetail,
  countsHeading,
  countsLine,
  drawnLine,
  institutionsCount,
  withoutPartiesText,
} from "../../../src/lib/network/summary-text.js";
import { INSTITUTIONS, LINKS } from "./fixture.js";
import { SCOPED, SCOPED_LINKS } from "./scopes-fixture.js";

const projected = projectGraph(LINKS, INSTITUTIONS);
const counts = { institutions: 1234, generic: 0, commitments: 6, links: 12, without_parties: 0 };
const network = { counts, projected, graph: projected };
const empty = {
  counts: { ...counts, institutions: 0 },
  projected: { nodes: [], edges: [] },
  graph: { nodes: [], edges: [] },
};

describe("the network's counts in words", () => {
  it("counts institutions, linked pairs (the projection's edges) and commitments", () => {
    expect(countsLine(network)).toBe("1,234 institutions · 5 pairs linked · 6 commitments");
    expect(drawnLine(network)).toBe(countsLine(network));
    expect(drawnLine(empty)).toBe("Nothing to draw");
  });

  it("heads the page with the nodes drawn in the bipartite view and the drawn graph's filters", () => {
    expect(countsHeading({ ...network, filterWords: "" }, false)).toBe(countsLine(network));
    expect(countsHeading({ ...network, filterWords: "Sector: Trade" }, true)).toBe(
      `${countsLine(network)} · 5 nodes drawn · Sector: Trade`,
    );
    expect(countsHeading({ ...empty, filterWords: "Sector: Trade" }, false)).toBe("Nothing to draw · Sector: Trade");
  });

  it("says in a caption what sizes the nodes and whether commitments are drawn", () => {
    expect(captionDetail(network, "betweenness", false)).toBe(
      `${countsLine(network)} · node size: betweenness (brokerage)`,
    );
    expect(captionDetail(network, "commitments", true)).toBe(
      `${countsLine(network)} · node size: commitments · commitments drawn as squares`,
    );
  });

  it("notes commitments without parties, in the singular or plural, and nothing when there is none", () => {
    expect(withoutPartiesText(counts)).toBeNull();
    expect(withoutPartiesText({ ...counts, without_parties: 1 })).toBe(
      "1 commitment in these filters names no party and is not drawn; the SQL page lists them.",
    );
    expect(withoutPartiesText({ ...counts, without_parties: 1200 })).toBe(
      "1,200 commitments in these filters name no party and are not drawn; the SQL page lists them.",
    );
  });
});

describe("the bipartite view past its limit", () => {
  it("says how many commitments match, the limit, and what to narrow", () => {
    expect(bipartiteLimitText({ commitments: 812_345 }, 5000)).toBe(
      "812,345 commitments match these filters, more than the 5,000 this view draws one by one, so only the institutions are drawn. Narrow the sector, country, years or status to see the commitments.",
    );
  });
});

describe("generic institutions in the counts", () => {
  it("counts them apart from the named institutions", () => {
    expect(institutionsCount({ institutions: 31, generic: 2 })).toBe("31 institutions and 2 generic mentions");
    expect(institutionsCount({ institutions: 31, generic: 1 })).toBe("31 institutions and 1 generic mention");
    expect(institutionsCount({ institutions: 31, generic: 0 })).toBe("31 institutions");
    expect(countsLine({ ...network, counts: { ...counts, generic: 3 } })).toBe(
      "1,234 institutions and 3 generic mentions · 5 pairs linked · 6 commitments",
    );
  });

  it("counts them apart in the layout file's seed too", () => {
    const file = buildLayoutFile(SCOPED_LINKS, SCOPED);
    expect(file.seed.counts).toMatchObject({ institutions: 4, generic: 1 });
  });
});
