import { describe, expect, it } from "vitest";
import { bipartiteGraph, commitmentNodeId } from "../../../src/lib/network/bipartite.js";
import { layoutGraph, placeNodes } from "../../../src/lib/network/layout.js";
import { buildLayoutFile, decodeSeed, positionsOf } from "../../../src/lib/network/layout-file.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import { COMMITMENTS, INSTITUTIONS, LINKS } from "./fixture.js";
import { SCOPED, SCOPED_LINKS } from "./scopes-fixture.js";

describe("layoutGraph", () => {
  const graph = projectGraph(LINKS, INSTITUTIONS);
  it("positions every node, the same way on every run", () => {
    const a = layoutGraph(graph);
    expect([...a.keys()].sort()).toEqual(["a", "b", "c", "d", "e"]);
    for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(layoutGraph(graph)).toEqual(a);
    expect(JSON.stringify(buildLayoutFile(LINKS, INSTITUTIONS))).toBe(
      JSON.stringify(buildLayoutFile(LINKS, INSTITUTIONS)),
    );
  });

  it("keeps nodes apart and linked nodes closer than unlinked ones", () => {
    const p = layoutGraph(graph);
    const d = (x: string, y: string) => {
      const [u, v] = [p.get(x), p.get(y)] as { x: number; y: number }[];
      return Math.hypot(u.x - v.x, u.y - v.y);
    };
    for (const x of ["a", "b", "c", "d", "e"])
      for (const y of ["a", "b", "c", "d", "e"]) if (x < y) expect(d(x, y)).toBeGreaterThan(5);
    expect(d("b", "e")).toBeLessThan(d("c", "e")); // b–e linked; c–e three steps apart
  });
});

describe("the layout file's seed graph", () => {
  it("decodes to exactly the graph projectGraph builds, with the counts", () => {
    const file = buildLayoutFile(LINKS, INSTITUTIONS, 7);
    expect(decodeSeed(JSON.parse(JSON.stringify(file.seed)))).toEqual(projectGraph(LINKS, INSTITUTIONS));
    expect(file.seed.counts).toEqual({ institutions: 5, generic: 0, commitments: 6, links: 12, without_parties: 1 });
    expect(file.countries).toEqual(["BY", "PK"]);
  });
});

describe("placeNodes", () => {
  it("keeps known positions and puts a commitment node near the centre of its parties", () => {
    const known = positionsOf(buildLayoutFile(LINKS, INSTITUTIONS));
    const bi = bipartiteGraph(LINKS, INSTITUTIONS, COMMITMENTS);
    const placed = placeNodes(bi, known);
    expect(placed.get("a")).toEqual(known.get("a"));
    const c4 = placed.get(commitmentNodeId("c4")) as { x: number; y: number };
    const [b, e] = [known.get("b"), known.get("e")] as { x: number; y: number }[];
    expect(Math.hypot(c4.x - (b.x + e.x) / 2, c4.y - (b.y + e.y) / 2)).toBeLessThan(30);
    expect(placed.size).toBe(bi.nodes.length);
    expect(placeNodes(bi, known)).toEqual(placed);
  });

  it("spreads commitments that bind the same parties instead of stacking them", () => {
    const links = Array.from({ length: 30 }, (_, i) => [
      { commitment_id: `k${i}`, institution_id: "a", sector: "trade" },
      { commitment_id: `k${i}`, institution_id: "b", sector: "trade" },
    ]).flat();
    const commitments = links
      .filter((_, i) => i % 2 === 0)
      .map((l) => ({ id: l.commitment_id, summary: "x", sector: "trade", status: "announced" }));
    const bi = bipartiteGraph(links, INSTITUTIONS, commitments);
    const placed = placeNodes(
      bi,
      new Map([
        ["a", { x: -100, y: 0 }],
        ["b", { x: 100, y: 0 }],
      ]),
    );
    const spots = commitments.map((c) => placed.get(commitmentNodeId(c.id)) as { x: number; y: number });
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++)
        expect(Math.hypot(spots[i].x - spots[j].x, spots[i].y - spots[j].y)).toBeGreaterThan(4);
    for (const p of spots) expect(Math.hypot(p.x, p.y)).toBeLessThan(60);
  });

  it("puts a node with no positioned neighbour on a ring outside the drawing", () => {
    const placed = placeNodes({ nodes: projectGraph(LINKS, INSTITUTIONS).nodes, edges: [] }, new Map());
    expect(placed.size).toBe(5);
    expect(new Set([...placed.values()].map((p) => `${p.x},${p.y}`)).size).toBe(5);
  });
});

describe("the seed graph of international, joint and generic institutions", () => {
  it("keeps their affiliation, members and naming through the layout file", () => {
    const file = buildLayoutFile(SCOPED_LINKS, SCOPED);
    expect(decodeSeed(JSON.parse(JSON.stringify(file.seed)))).toEqual(projectGraph(SCOPED_LINKS, SCOPED));
    expect(file.countries).toEqual(["PK", "BY"]);
  });
});
