import { describe, expect, it } from "vitest";
import { bipartiteGraph, commitmentNodeId } from "../../../src/lib/network/bipartite.js";
import { projectCodes, projectGraph } from "../../../src/lib/network/project.js";
import { COMMITMENTS, INSTITUTIONS, LINKS } from "./fixture.js";

describe("projectGraph", () => {
  const graph = projectGraph(LINKS, INSTITUTIONS);
  const node = (id: string) => graph.nodes.find((n) => n.id === id);
  const edge = (id: string) => graph.edges.find((e) => e.id === id);

  it("makes a node per institution any commitment binds, with its commitments by sector", () => {
    expect(graph.nodes.map((n) => [n.id, n.commitments])).toEqual([
      ["a", 4],
      ["b", 3],
      ["c", 2],
      ["d", 2],
      ["e", 1],
    ]);
    expect(node("a")?.bySector).toEqual([
      ["trade", 2],
      ["energy", 1],
      ["health", 1],
    ]);
    expect(node("b")?.label).toBe("Beta Agency"); // no acronym: the name
    expect(node("a")?.label).toBe("AM");
  });

  it("links each pair once per shared commitment, coloured by the dominant sector", () => {
    expect(graph.edges.map((e) => [e.id, e.weight, e.sector])).toEqual([
      ["a|b", 1, "energy"],
      ["a|c", 2, "trade"],
      ["a|d", 2, "health"], // one trade, one health: a tie goes to the first sector id
      ["b|e", 1, "health"],
      ["c|d", 1, "trade"],
    ]);
    expect(edge("a|d")?.bySector).toEqual([
      ["health", 1],
      ["trade", 1],
    ]);
  });

  it("draws one edge per sector when asked", () => {
    const perSector = projectGraph(LINKS, INSTITUTIONS, "per-sector");
    expect(perSector.edges.map((e) => [e.id, e.weight])).toEqual([
      ["a|b|energy", 1],
      ["a|c|trade", 2],
      ["a|d|health", 1],
      ["a|d|trade", 1],
      ["b|e|health", 1],
      ["c|d|trade", 1],
    ]);
    expect(perSector.edges.reduce((s, e) => s + e.weight, 0)).toBe(graph.edges.reduce((s, e) => s + e.weight, 0));
  });

  it("counts a party listed twice once, and gives the same graph whatever the row order", () => {
    const shuffled = [...LINKS].reverse();
    expect(projectGraph([...shuffled, LINKS[0]], INSTITUTIONS)).toEqual(graph);
  });

  it("gives the same graph from integer codes, whatever the codes and row order", () => {
    const institutions = [...INSTITUTIONS].reverse(); // codes that do not follow id order
    const sectors = ["health", "trade", "energy"];
    const rows = [...LINKS].reverse();
    const coded = {
      commitment: Int32Array.from(rows, (l) => 100 - Number(l.commitment_id.slice(1))),
      institution: Int32Array.from(rows, (l) => institutions.findIndex((i) => i.id === l.institution_id)),
      sector: Int32Array.from(rows, (l) => sectors.indexOf(l.sector)),
    };
    expect(projectCodes(coded, institutions, sectors)).toEqual(graph);
    expect(projectCodes(coded, institutions, sectors, "per-sector")).toEqual(
      projectGraph(LINKS, INSTITUTIONS, "per-sector"),
    );
  });

  it("throws on an institution it cannot describe (the tables guarantee the reference)", () => {
    expect(() => projectGraph([{ commitment_id: "x", institution_id: "zz", sector: "trade" }], INSTITUTIONS)).toThrow(
      /zz/,
    );
  });

  it("is empty for no links", () => {
    expect(projectGraph([], INSTITUTIONS)).toEqual({ nodes: [], edges: [] });
  });
});

describe("bipartiteGraph", () => {
  const graph = bipartiteGraph(LINKS, INSTITUTIONS, COMMITMENTS);
  it("adds a node per commitment and an edge per party link", () => {
    expect(graph.nodes.filter((n) => n.kind === "institution")).toHaveLength(5);
    expect(graph.nodes.filter((n) => n.kind === "commitment").map((n) => n.id)).toEqual(
      COMMITMENTS.map((c) => commitmentNodeId(c.id)),
    );
    expect(graph.edges).toHaveLength(LINKS.length);
    const c2 = graph.nodes.find((n) => n.id === commitmentNodeId("c2"));
    expect(c2?.commitments).toBe(3);
    expect(graph.edges.filter((e) => e.target === commitmentNodeId("c2")).map((e) => e.source)).toEqual([
      "a",
      "c",
      "d",
    ]);
  });
});
