import { describe, expect, it } from "vitest";
import { bipartiteGraph } from "../../../src/lib/network/bipartite.js";
import { brokers, computeMetrics } from "../../../src/lib/network/metrics.js";
import { brokerRank, brokerRows, labelsFrom, rankedIn } from "../../../src/lib/network/node-lists.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import { COMMITMENTS, INSTITUTIONS, LINKS } from "./fixture.js";
import { SCOPED } from "./scopes-fixture.js";

describe("computeMetrics", () => {
  const metrics = computeMetrics(projectGraph(LINKS, INSTITUTIONS));
  const m = (id: string) => metrics.byNode.get(id);

  it("counts partners (degree) and shared commitments (weighted degree)", () => {
    expect(["a", "b", "c", "d", "e"].map((id) => [m(id)?.degree, m(id)?.weightedDegree])).toEqual([
      [3, 5],
      [2, 2],
      [2, 3],
      [2, 3],
      [1, 1],
    ]);
  });

  it("finds the brokers: betweenness by hand is a 4, b 3, others 0, over (n-1)(n-2)/2 = 6 pairs", () => {
    expect(m("a")?.betweenness).toBeCloseTo(4 / 6, 10);
    expect(m("b")?.betweenness).toBeCloseTo(3 / 6, 10);
    expect(m("c")?.betweenness).toBe(0);
    expect(brokers(metrics).map((b) => b.id)).toEqual(["a", "b"]);
  });

  it("groups a, c, d apart from b, e, numbering the largest community 1", () => {
    expect(metrics.communities).toBe(2);
    expect([m("a"), m("c"), m("d")].map((x) => x?.community)).toEqual([1, 1, 1]);
    expect([m("b"), m("e")].map((x) => x?.community)).toEqual([2, 2]);
  });

  it("gives the same result on every run, and the same on per-sector edges", () => {
    expect(computeMetrics(projectGraph(LINKS, INSTITUTIONS))).toEqual(metrics);
    expect(computeMetrics(projectGraph(LINKS, INSTITUTIONS, "per-sector")).byNode).toEqual(metrics.byNode);
  });

  it("handles a graph with no edges", () => {
    const lone = computeMetrics(
      projectGraph(
        LINKS.filter((l) => l.commitment_id === "c5"),
        INSTITUTIONS,
      ),
    );
    expect(lone.byNode.get("b")).toEqual({ degree: 0, weightedDegree: 0, betweenness: 0, community: 1 });
  });

  it("works on the bipartite graph too (commitments are the brokers there)", () => {
    const bi = computeMetrics(bipartiteGraph(LINKS, INSTITUTIONS, COMMITMENTS));
    expect(bi.byNode.size).toBe(11);
    expect(bi.byNode.get("a")?.degree).toBe(4);
  });
});

describe("brokers among international, joint and generic institutions", () => {
  // pk – gen – by – un – jc: the generic institution sits on the path between Pakistan and the rest.
  const links = [
    ["m1", "pk"],
    ["m1", "gen"],
    ["m2", "gen"],
    ["m2", "by"],
    ["m3", "by"],
    ["m3", "un"],
    ["m4", "un"],
    ["m4", "jc"],
  ].map(([commitment_id, institution_id]) => ({ commitment_id, institution_id, sector: "trade" }));
  const graph = projectGraph(links, SCOPED);
  const metrics = computeMetrics(graph);
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));

  it("computes the generic institution's betweenness, but never ranks it", () => {
    expect(metrics.byNode.get("gen")?.betweenness).toBeGreaterThan(0);
    expect(brokers(metrics).map((b) => b.id)).toContain("gen");
    const ranked = rankedIn(nodeById);
    expect(brokers(metrics, 10, ranked).map((b) => b.id)).toEqual(["by", "un"]);
    expect(brokerRows(metrics, labelsFrom(nodeById), 10, ranked).map((r) => r.label)).toEqual(["BY", "UN"]);
    expect(brokerRank(metrics, "gen", ranked)).toBeUndefined();
    expect(brokerRank(metrics, "un", ranked)).toBe(2);
  });
});
