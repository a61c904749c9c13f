import { describe, expect, it } from "vitest";
import { bipartiteGraph, commitmentNodeId } from "../../../src/lib/network/bipartite.js";
import type { InstitutionInfo } from "../../../src/lib/network/graph.js";
import {
  countProjection,
  countsMatchGraph,
  graphFromCounts,
  projectCodes,
  projectGraph,
  projectionOrder,
} from "../../../src/lib/network/project.js";
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

/** The rule written the plain way (a Set of parties per commitment, a Map per pair): what the fast path must match. */
function naiveProjection(
  links: { commitment: number[]; institution: number[]; sector: number[] },
  institutions: readonly (InstitutionInfo | undefined)[],
  sectors: readonly string[],
) {
  const byCommitment = new Map<number, { sector: string; parties: Set<string> }>();
  links.commitment.forEach((c, i) => {
    const group = byCommitment.get(c) ?? { sector: sectors[links.sector[i]], parties: new Set<string>() };
    group.parties.add((institutions[links.institution[i]] as InstitutionInfo).id);
    byCommitment.set(c, group);
  });
  const nodes = new Map<string, Map<string, number>>();
  const pairs = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, key: string, sector: string) => {
    const counts = m.get(key) ?? new Map<string, number>();
    counts.set(sector, (counts.get(sector) ?? 0) + 1);
    m.set(key, counts);
  };
  for (const { sector, parties } of byCommitment.values()) {
    const ids = [...parties].sort();
    ids.forEach((a, i) => {
      bump(nodes, a, sector);
      for (const b of ids.slice(i + 1)) bump(pairs, `${a}\u0000${b}`, sector); // sorts by source, then target
    });
  }
  const sorted = (m: Map<string, number>) =>
    [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return {
    nodes: [...nodes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, m]) => [id, sorted(m)]),
    edges: [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, m]) => [key.replace("\u0000", "|"), sorted(m)]),
  };
}

describe("projectCodes on many random links", () => {
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 16807) % 2147483647;
    return seed % n;
  };
  const sectors = ["water", "trade", "energy", "health", "agri"];

  function randomCase(institutionCount: number, holes: number, commitmentCode: (k: number) => number) {
    // Codes with gaps (no institution) and ids out of code order, as rowids can be.
    const institutions: (InstitutionInfo | undefined)[] = Array.from({ length: institutionCount }, (_, code) =>
      code % holes === 1 ? undefined : { ...INSTITUTIONS[0], id: `i${(code * 7919) % 100003}`, acronym: null },
    );
    const described = institutions.flatMap((inst, code) => (inst ? [code] : []));
    const links = { commitment: [] as number[], institution: [] as number[], sector: [] as number[] };
    for (let k = 0; k < 400; k++) {
      const sector = random(sectors.length);
      for (let p = 1 + random(5); p > 0; p--) {
        // A few popular institutions, so pairs repeat across commitments and sectors.
        const pick = random(3) === 0 ? random(6) : random(described.length);
        links.commitment.push(commitmentCode(k));
        links.institution.push(described[pick]);
        links.sector.push(sector);
      }
    }
    return { institutions, links };
  }

  const cases = {
    "dense commitment codes": randomCase(300, 7, (k) => k),
    "sparse and negative commitment codes": randomCase(300, 5, (k) => k * 1_000_003 - 9_000_000),
    "an index too large for 32-bit pair numbers": randomCase(70_000, 2, (k) => 40 - k),
  };
  for (const [name, { institutions, links }] of Object.entries(cases)) {
    it(`matches the rule written plainly: ${name}`, () => {
      const coded = {
        commitment: Int32Array.from(links.commitment),
        institution: Int32Array.from(links.institution),
        sector: Int32Array.from(links.sector),
      };
      const graph = projectCodes(coded, institutions, sectors);
      const naive = naiveProjection(links, institutions, sectors);
      expect(graph.nodes.map((n) => [n.id, n.bySector])).toEqual(naive.nodes);
      expect(graph.edges.map((e) => [e.id, e.bySector])).toEqual(naive.edges);
      expect(graph.edges.length).toBeGreaterThan(100);
      expect(graph.edges.some((e) => e.bySector.length > 1)).toBe(true);
    });
  }

  it("builds both edge modes from one count, the same as projecting twice", () => {
    const { institutions, links } = cases["dense commitment codes"];
    const coded = {
      commitment: Int32Array.from(links.commitment),
      institution: Int32Array.from(links.institution),
      sector: Int32Array.from(links.sector),
    };
    const counts = countProjection(coded, projectionOrder(institutions, sectors));
    expect(graphFromCounts(counts, institutions, sectors)).toEqual(projectCodes(coded, institutions, sectors));
    expect(graphFromCounts(counts, institutions, sectors, "per-sector")).toEqual(
      projectCodes(coded, institutions, sectors, "per-sector"),
    );
  });

  it("tells whether counts give a graph already made, down to a count or a sector's place", () => {
    const { institutions, links } = cases["sparse and negative commitment codes"];
    const counts = countProjection(links, projectionOrder(institutions, sectors));
    const made = () => graphFromCounts(counts, institutions, sectors);
    expect(countsMatchGraph(counts, institutions, sectors, made())).toBe(true);
    const changes: ((g: ReturnType<typeof made>) => void)[] = [
      (g) => g.edges.pop(),
      (g) => g.nodes.reverse(),
      (g) => {
        g.edges[3].weight += 1;
      },
      (g) => {
        g.nodes[5].commitments += 1;
      },
      (g) => {
        const multi = g.edges.find((e) => e.bySector.length > 1) as (typeof g.edges)[number];
        multi.bySector.reverse();
      },
      (g) => {
        g.edges[7].bySector[0][1] += 1;
      },
      (g) => {
        g.nodes[2].bySector.push(["trade", 1]);
      },
    ];
    for (const change of changes) {
      const graph = made();
      change(graph);
      expect(countsMatchGraph(counts, institutions, sectors, graph)).toBe(false);
    }
    const perSector = graphFromCounts(counts, institutions, sectors, "per-sector");
    expect(countsMatchGraph(counts, institutions, sectors, perSector)).toBe(false);
  });

  it("throws on a code with no institution", () => {
    const { institutions } = cases["dense commitment codes"];
    const hole = institutions.findIndex((inst) => !inst);
    const coded = { commitment: [1, 1], institution: [0, hole], sector: [0, 0] };
    expect(() => projectCodes(coded, institutions, sectors)).toThrow(new RegExp(`code ${hole}`));
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
