import { describe, expect, it } from "vitest";
import { STATUS_ORDER } from "../../../src/lib/model/value-labels.js";
import { buildLayoutFile } from "../../../src/lib/network/layout-file.js";
import { BODY_LEGEND, legendGroups, legendItems, legendKey } from "../../../src/lib/network/legend-items.js";
import { BODY_GREY, networkPalette, OTHER_GREY } from "../../../src/lib/network/palette.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import type { GraphMetrics } from "../../../src/lib/network/ranking.js";
import { INSTITUTIONS, LINKS } from "./fixture.js";
import { SCOPED, SCOPED_LINKS } from "./scopes-fixture.js";

const OPTIONS_COUNTRIES = [
  { id: "PK", label: "Pakistan" },
  { id: "BY", label: "Belarus" },
];

const palette = networkPalette(
  {
    country: [
      { id: "PK", label: "Pakistan" },
      { id: "BY", label: "Belarus" },
    ],
    sector: [
      { id: "trade", label: "Trade", color: "#111111" },
      { id: "health", label: "Health", color: "#222222" },
      { id: "energy", label: "Energy", color: "#333333" },
    ],
  },
  ["BY", "PK"],
);
const graph = projectGraph(LINKS, INSTITUTIONS);

function metricsWith(communities: number): GraphMetrics {
  return { byNode: new Map(), communities, modularity: 0.3 };
}

describe("legendItems", () => {
  it("lists the countries drawn in the layout's order, and the drawn links' sectors by label", () => {
    const items = legendItems(graph, "country", null, palette);
    expect(items.colors.map((c) => c.label)).toEqual(["Belarus", "Pakistan"]);
    expect(items.sectors).toEqual([
      { label: "Energy", color: "#333333" },
      { label: "Health", color: "#222222" },
      { label: "Trade", color: "#111111" },
    ]);
    expect(items.statuses).toHaveLength(STATUS_ORDER.length);
  });

  it("leaves out countries not drawn and adds one swatch for countries without a colour", () => {
    const onlyPakistan = { nodes: graph.nodes.filter((n) => n.id === "a" || n.id === "b"), edges: [] };
    expect(legendItems(onlyPakistan, "country", null, palette).colors.map((c) => c.label)).toEqual(["Pakistan"]);
    const narrow = networkPalette({ country: [], sector: [] }, ["BY"]);
    expect(legendItems(graph, "country", null, narrow).colors).toEqual([
      { label: "BY", color: narrow.affiliationColor("BY") },
      { label: "Other countries", color: OTHER_GREY },
    ]);
  });

  it("lists communities once the metrics are in (countries until then), ten at most and the rest as one", () => {
    expect(legendItems(graph, "community", null, palette).colors[0].label).toBe("Belarus");
    const three = legendItems(graph, "community", metricsWith(3), palette).colors;
    expect(three.map((c) => c.label)).toEqual(["Community 1", "Community 2", "Community 3"]);
    const many = legendItems(graph, "community", metricsWith(14), palette).colors;
    expect(many).toHaveLength(11);
    expect(many[10]).toEqual({ label: "4 smaller communities", color: OTHER_GREY });
  });
});

describe("legendKey and legendGroups", () => {
  const items = legendItems(graph, "country", null, palette);

  it("says what is still computing", () => {
    const pending = legendKey(items, { colorBy: "community", sizeBy: "degree", bipartite: false, pending: true });
    expect(pending.colorTitle).toBe("Communities (computing…)");
    expect(pending.sizeTitle).toBe("Partners (computing: by commitments until then)");
    expect(pending.bipartite).toBeUndefined();
    const done = legendKey(items, { colorBy: "community", sizeBy: "degree", bipartite: true, pending: false });
    expect(done.colorTitle).toBe("Communities (Louvain)");
    expect(done.sizeTitle).toBe("Partners");
    expect(done.bipartite).toBe(items.statuses);
    const plain = legendKey(items, { colorBy: "country", sizeBy: "commitments", bipartite: false, pending: true });
    expect([plain.colorTitle, plain.sizeTitle]).toEqual(["Institutions, by country", "Commitments"]);
  });

  it("gives an export one group per kind of mark, squares only for commitments drawn", () => {
    const groups = legendGroups(items, { colorBy: "country", bipartite: false });
    expect(groups.map((g) => g.title)).toEqual(["Country", "Links by sector"]);
    expect(groups[1].items[0]).toEqual({ label: "Energy", color: "#333333", shape: "line" });
    const bipartite = legendGroups(items, { colorBy: "community", bipartite: true });
    expect(bipartite.map((g) => g.title)).toEqual(["Community", "Links by sector", "Commitments by status"]);
    expect(bipartite[2].items.every((i) => i.shape === "square")).toBe(true);
  });
});

describe("legendItems with international organisations, joint bodies and generic institutions", () => {
  const scoped = projectGraph(SCOPED_LINKS, SCOPED);
  const ranked = buildLayoutFile(SCOPED_LINKS, SCOPED).countries;
  const mixed = networkPalette({ country: OPTIONS_COUNTRIES, sector: [] }, ranked);

  it("lists the countries, then international organisations and joint bodies with their rings, then generic ones", () => {
    const items = legendItems(scoped, "country", null, mixed);
    expect(items.colors).toEqual([
      { label: "Pakistan", color: mixed.affiliationColor("PK") },
      { label: "Belarus", color: mixed.affiliationColor("BY") },
      { label: BODY_LEGEND.international, color: BODY_GREY, outline: "ring" },
      { label: BODY_LEGEND.joint, color: BODY_GREY, outline: "double" },
      { label: BODY_LEGEND.generic, color: "transparent", outline: "dashed" },
    ]);
    expect(items.colors.map((c) => c.label).join(" ")).not.toMatch(/United States|null/);
  });

  it("keeps the rings' and dashes' meaning when nodes are coloured by community", () => {
    const items = legendItems(scoped, "community", metricsWith(2), mixed);
    expect(items.colors.map((c) => [c.label, c.outline])).toEqual([
      ["Community 1", undefined],
      ["Community 2", undefined],
      [BODY_LEGEND.international, "ring"],
      [BODY_LEGEND.joint, "double"],
      [BODY_LEGEND.generic, "dashed"],
    ]);
  });

  it("titles the colours by country or body only when bodies are drawn", () => {
    const choice = { colorBy: "country" as const, sizeBy: "commitments" as const, bipartite: false, pending: false };
    expect(legendKey(legendItems(scoped, "country", null, mixed), choice).colorTitle).toBe(
      "Institutions, by country or kind of body",
    );
    expect(legendKey(legendItems(graph, "country", null, palette), choice).colorTitle).toBe("Institutions, by country");
    expect(legendGroups(legendItems(scoped, "country", null, mixed), choice)[0].title).toBe("Country or body");
  });
});
