import { describe, expect, it } from "vitest";
import { bipartiteGraph } from "../../../src/lib/network/bipartite.js";
import { brokerRank, brokerRows, labelsFrom, partnersOf, searchEntries } from "../../../src/lib/network/node-lists.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import type { GraphMetrics, NodeMetrics } from "../../../src/lib/network/ranking.js";
import { COMMITMENTS, INSTITUTIONS, LINKS } from "./fixture.js";

const projected = projectGraph(LINKS, INSTITUTIONS);
const labelOf = labelsFrom(new Map(projected.nodes.map((n) => [n.id, n])));

const metric = (betweenness: number, degree: number): NodeMetrics => ({
  betweenness,
  degree,
  weightedDegree: degree,
  community: 1,
});
const metrics: GraphMetrics = {
  byNode: new Map([
    ["a", metric(0.5, 3)],
    ["b", metric(0.4, 2)],
    ["c", metric(0, 2)],
    ["d", metric(0.4, 2)],
  ]),
  communities: 1,
  modularity: 0,
};

describe("searchEntries", () => {
  it("lists the drawn institutions only, by acronym (else name), matched in lower case", () => {
    const entries = searchEntries(bipartiteGraph(LINKS, INSTITUTIONS, COMMITMENTS));
    expect(entries.map((e) => e.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(entries[0]).toEqual({
      id: "a",
      label: "AM",
      detail: "Alpha Ministry, Pakistan",
      text: "alpha ministry am pakistan a",
      name: "Alpha Ministry",
      acronym: "AM",
      country_name: "Pakistan",
      type: expect.any(String),
    });
    expect(entries[1]).toMatchObject({ label: "Beta Agency", detail: "Pakistan" });
  });
});

describe("partnersOf", () => {
  it("lists a node's partners, most shared commitments first, then by label", () => {
    expect(partnersOf(projected, "a", labelOf)).toEqual([
      { id: "d", label: "DI", shared: 2 }, // a tie: by label, DI before GW
      { id: "c", label: "GW", shared: 2 },
      { id: "b", label: "Beta Agency", shared: 1 },
    ]);
    expect(partnersOf(projected, "e", labelOf)).toEqual([{ id: "b", label: "Beta Agency", shared: 1 }]);
  });

  it("labels a node not drawn by its id", () => {
    expect(labelOf("zz")).toBe("zz");
  });
});

describe("brokers", () => {
  it("ranks brokers by betweenness, ties by id, with their labels and partner counts", () => {
    expect(brokerRows(metrics, labelOf, 2)).toEqual([
      { id: "a", betweenness: 0.5, label: "AM", degree: 3 },
      { id: "b", betweenness: 0.4, label: "Beta Agency", degree: 2 },
    ]);
    expect(brokerRows(metrics, labelOf).map((r) => r.id)).toEqual(["a", "b", "d"]);
  });

  it("gives a node's rank among all brokers, none when it brokers nothing", () => {
    expect(brokerRank(metrics, "a")).toBe(1);
    expect(brokerRank(metrics, "d")).toBe(3);
    expect(brokerRank(metrics, "c")).toBeUndefined();
  });
});
