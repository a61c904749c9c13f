import { describe, expect, it } from "vitest";
import type { GraphNode } from "../../../src/lib/network/graph.js";
import { linkCounts, nodeAnnouncement } from "../../../src/lib/network/node-announcement.js";
import { sceneEdge, sceneNode } from "./scene-fixture.js";

const institution: GraphNode = {
  kind: "institution",
  id: "pk-navttc",
  name: "National Vocational and Technical Training Commission",
  acronym: "NAVTTC",
  affiliation: "PK",
  countries: ["PK"],
  country_name: "Pakistan",
  naming: "named",
  type: "regulatory_agency",
  label: "NAVTTC",
  commitments: 5,
  bySector: [["education", 5]],
};

const commitment: GraphNode = {
  kind: "commitment",
  id: "commitment:c1",
  summary: "Open a tractor plant",
  sector: "industry",
  status: "in_progress",
  label: "Open a tractor plant",
  commitments: 1,
  bySector: [["industry", 1]],
};

describe("nodeAnnouncement", () => {
  it("names an institution with its country, type in words, commitments, links and place", () => {
    expect(nodeAnnouncement(institution, { links: 3, position: 4, total: 76, selected: false })).toBe(
      "NAVTTC, National Vocational and Technical Training Commission: Pakistan, regulatory agency. 5 commitments, 3 links. 4 of 76.",
    );
  });

  it("says when the node is selected, and counts one link and one commitment in the singular", () => {
    const one = { ...institution, acronym: null, commitments: 1 };
    expect(nodeAnnouncement(one, { links: 1, position: 1, total: 2, selected: true })).toBe(
      "National Vocational and Technical Training Commission: Pakistan, regulatory agency. 1 commitment, 1 link. 1 of 2. Selected.",
    );
  });

  it("names a commitment with its sector (by the given label) and its status in words, never a colour", () => {
    const text = nodeAnnouncement(commitment, {
      links: 2,
      position: 9,
      total: 10,
      selected: false,
      sectorLabel: (s) => (s === "industry" ? "Industry and trade" : s),
    });
    expect(text).toBe("Commitment: Open a tractor plant: Industry and trade, in progress. 1 party, 2 links. 9 of 10.");
  });
});

describe("linkCounts", () => {
  it("counts every drawn link at both ends", () => {
    const [a, b, c] = [sceneNode("a", 0, 0), sceneNode("b", 1, 0), sceneNode("c", 2, 0)];
    const counts = linkCounts([sceneEdge(a, b), sceneEdge(a, c), sceneEdge(a, b, { id: "a|b|2" })]);
    expect(Object.fromEntries(counts)).toEqual({ a: 3, b: 2, c: 1 });
  });
});
