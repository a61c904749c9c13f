/**
 * The graph for Gephi (src/lib/network/graph-files.ts): the GEXF and the
 * GraphML of a scene are well-formed XML and, read back with the packages'
 * own parsers (graphology-gexf, graphology-graphml), hold every drawn node
 * and link with its attributes, its place (y up), colour and size, also with
 * parallel links (per-sector mode), commitments as nodes (bipartite) and text
 * that XML must escape. The same scene gives the same bytes.
 */
import { DOMParser } from "@xmldom/xmldom";
import { MultiUndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { bipartiteGraph } from "../../../src/lib/network/bipartite.js";
import type { Graph } from "../../../src/lib/network/graph.js";
import { type GraphFormat, graphFile, hexColour, xmlText } from "../../../src/lib/network/graph-files.js";
import { layoutGraph } from "../../../src/lib/network/layout.js";
import { computeMetrics } from "../../../src/lib/network/metrics.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import { buildScene, type Scene } from "../../../src/lib/network/scene.js";
import { COMMITMENTS, INSTITUTIONS, LINKS } from "./fixture.js";

const SECTOR_COLOURS: Record<string, string> = { trade: "#1f77b4", health: "rgb(44, 160, 44)", energy: "orange" };

function sceneOf(graph: Graph, withMetrics: boolean): { scene: Scene; metrics: ReturnType<typeof computeMetrics> } {
  const metrics = computeMetrics(projectGraph(LINKS, INSTITUTIONS));
  const scene = buildScene(graph, {
    positions: layoutGraph(graph),
    metrics: withMetrics ? metrics.byNode : undefined,
    sizeBy: withMetrics ? "degree" : "commitments",
    affiliationColor: (a) => (a === "PK" ? "#e41a1c" : "hsl(210, 50%, 40%)"),
    sectorColor: (s) => SECTOR_COLOURS[s] ?? "#999",
    commitmentColor: () => "#444",
  });
  return { scene, metrics };
}

/** Well-formed: xmldom reports no error or fatal error on it. */
function wellFormed(text: string): boolean {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== "warning") problems.push(message);
    },
  } as never).parseFromString(text, "application/xml");
  return problems.length === 0 && doc.documentElement !== null;
}

function parse(format: GraphFormat, text: string) {
  return format === "gexf" ? parseGexf(MultiUndirectedGraph, text) : parseGraphml(MultiUndirectedGraph, text);
}

const VIEWS: { name: string; graph: Graph; metrics: boolean }[] = [
  { name: "institutions, dominant links, with metrics", graph: projectGraph(LINKS, INSTITUTIONS), metrics: true },
  { name: "per-sector links (parallel edges)", graph: projectGraph(LINKS, INSTITUTIONS, "per-sector"), metrics: false },
  { name: "commitments as nodes", graph: bipartiteGraph(LINKS, INSTITUTIONS, COMMITMENTS), metrics: false },
];

describe("graph files", () => {
  for (const format of ["gexf", "graphml"] as const) {
    for (const view of VIEWS) {
      it(`${format}, ${view.name}: well-formed, and read back with every node, link and attribute`, () => {
        const { scene, metrics } = sceneOf(view.graph, view.metrics);
        const options = {
          format,
          metrics: view.metrics ? metrics.byNode : null,
          sectorLabel: (s: string) => `Sector ${s}`,
          description: 'Network <of> "institutions" & more',
        };
        const text = graphFile(scene, options);
        expect(wellFormed(text)).toBe(true);
        expect(graphFile(scene, options)).toBe(text);
        const back = parse(format, text);
        expect(back.order).toBe(scene.nodes.length);
        expect(back.size).toBe(scene.edges.length);
        for (const n of scene.nodes) {
          const a = back.getNodeAttributes(n.id);
          expect(a.label).toBe(n.label);
          expect(a.kind).toBe(n.data.kind);
          expect(Number(a.commitments)).toBe(n.data.commitments);
          expect(a.sectors).toBe(n.data.bySector.map(([s]) => s).join(";"));
          expect(Number(a.x)).toBeCloseTo(n.x, 2);
          expect(Number(a.y)).toBeCloseTo(-n.y, 2);
          expect(Number(a.size)).toBeCloseTo(n.r, 2);
          expect(String(a.color).toLowerCase()).toBe(hexColour(n.fill));
          if (n.data.kind === "institution") {
            expect(a.country).toBe(n.data.country_name);
            expect(a.affiliation).toBe(n.data.affiliation);
            expect(a.name).toBe(n.data.name);
          }
          const m = view.metrics ? metrics.byNode.get(n.id) : undefined;
          if (m) {
            expect(Number(a.degree)).toBe(m.degree);
            expect(Number(a.weighted_degree)).toBe(m.weightedDegree);
            expect(Number(a.betweenness)).toBeCloseTo(m.betweenness, 5);
            expect(Number(a.community)).toBe(m.community);
          } else expect(a.degree).toBeUndefined();
        }
        for (const e of scene.edges) {
          expect(back.hasEdge(e.id)).toBe(true);
          expect(new Set(back.extremities(e.id))).toEqual(new Set([e.source.id, e.target.id]));
          const a = back.getEdgeAttributes(e.id);
          expect(Number(a.weight)).toBe(e.data.weight);
          expect(Number(a.commitments)).toBe(e.data.weight);
          expect(a.sector).toBe(e.data.sector);
          expect(a.sector_name).toBe(`Sector ${e.data.sector}`);
          expect(String(a.color).toLowerCase()).toBe(hexColour(e.color));
        }
      });
    }
  }

  it("GEXF 1.3 draws with viz: position, colour and size on every node", () => {
    const { scene } = sceneOf(VIEWS[0].graph, true);
    const doc = new DOMParser().parseFromString(graphFile(scene, { format: "gexf" }), "application/xml");
    expect(doc.documentElement.getAttribute("version")).toBe("1.3");
    const nodes = Array.from(doc.getElementsByTagName("node"));
    expect(nodes).toHaveLength(scene.nodes.length);
    for (const node of nodes) {
      const tags = Array.from(node.childNodes)
        .map((c) => (c as Element).tagName)
        .filter(Boolean);
      expect(tags).toEqual(expect.arrayContaining(["viz:position", "viz:color", "viz:size"]));
    }
    expect(doc.documentElement.getAttribute("xmlns:viz")).toBe("http://gexf.net/1.3/viz");
  });

  it("text XML must escape, and control characters, survive or are dropped, never break the file", () => {
    expect(xmlText(`a<b>&"c"'d'\u0001e`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;e");
    const { scene } = sceneOf(VIEWS[0].graph, false);
    const first = scene.nodes[0];
    const odd = { ...first, label: `<Минск & "Lahore"> 'x'\u0007`, data: { ...first.data, name: "]]> & <!--" } };
    const text = graphFile({ nodes: [odd, ...scene.nodes.slice(1)], edges: scene.edges }, { format: "graphml" });
    expect(wellFormed(text)).toBe(true);
    const back = parse("graphml", text).getNodeAttributes(first.id);
    expect(back.label).toBe(`<Минск & "Lahore"> 'x'`);
    expect(back.name).toBe("]]> & <!--");
  });

  it("colours come out as #rrggbb whatever CSS form the scene holds", () => {
    expect(["orange", "rgb(44, 160, 44)", "#abc", "hsl(0, 100%, 50%)", "nonsense"].map(hexColour)).toEqual([
      "#ffa500",
      "#2ca02c",
      "#aabbcc",
      "#ff0000",
      "#999999",
    ]);
  });
});
