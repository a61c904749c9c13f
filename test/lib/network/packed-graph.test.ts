import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../../src/lib/network/metrics.js";
import { packGraph, samePackedGraph, unpackGraph } from "../../../src/lib/network/packed-graph.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import { INSTITUTIONS, LINKS } from "./fixture.js";

const graph = projectGraph(LINKS, INSTITUTIONS);

describe("packGraph and unpackGraph", () => {
  it("give back the graph's ids and links, weights and order kept", () => {
    const back = unpackGraph(packGraph(graph));
    expect(back.nodes).toEqual(graph.nodes.map((n) => ({ id: n.id })));
    expect(back.edges).toEqual(graph.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })));
  });

  it("keep what the metrics computed in the worker are: the same as on the graph itself", () => {
    const packed = packGraph(graph);
    // As the worker receives it: a structured clone of the packed arrays.
    expect(computeMetrics(unpackGraph(structuredClone(packed)))).toEqual(computeMetrics(graph));
  });

  it("packs a link as two node indexes and a weight", () => {
    const packed = packGraph({
      nodes: [{ id: "x" }, { id: "y" }, { id: "z" }],
      edges: [
        { source: "z", target: "x", weight: 2.5 },
        { source: "y", target: "z", weight: 1 },
      ],
    });
    expect(packed.ids).toEqual(["x", "y", "z"]);
    expect([...packed.source]).toEqual([2, 1]);
    expect([...packed.target]).toEqual([0, 2]);
    expect([...packed.weight]).toEqual([2.5, 1]);
  });

  it("refuses a link to a node the graph does not hold, naming it", () => {
    expect(() => packGraph({ nodes: [{ id: "x" }], edges: [{ source: "x", target: "w", weight: 1 }] })).toThrow(
      'link 0 of the graph names node "w", which the graph does not hold',
    );
  });
});

type Editable = { nodes: { id: string }[]; edges: { source: string; target: string; weight: number }[] };

describe("samePackedGraph", () => {
  const base = packGraph(graph);
  const changed = (edit: (g: Editable) => void) => {
    const copy = { nodes: graph.nodes.map((n) => ({ id: n.id })), edges: graph.edges.map((e) => ({ ...e })) };
    edit(copy);
    return packGraph(copy);
  };

  it("is true for the same graph packed again", () => {
    expect(samePackedGraph(base, packGraph(graph))).toBe(true);
  });

  it("is false when a weight, a link's end, the links or the nodes differ", () => {
    const edits: ((g: Editable) => void)[] = [
      (g) => {
        g.edges[0].weight += 1;
      },
      (g) => {
        g.edges[0].target = g.edges[0].source;
      },
      (g) => {
        g.edges.pop();
      },
      (g) => {
        g.nodes.reverse();
      },
    ];
    for (const edit of edits) expect(samePackedGraph(base, changed(edit))).toBe(false);
  });
});
