import { schemeObservable10, schemeTableau10 } from "d3";
import { describe, expect, it } from "vitest";
import { STATUS_META } from "../../../src/lib/model/value-labels.js";
import { networkPalette, OTHER_GREY, paletteScene } from "../../../src/lib/network/palette.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import { INSTITUTIONS, LINKS } from "./fixture.js";

const OPTIONS = {
  country: [
    { id: "PK", label: "Pakistan" },
    { id: "BY", label: "Belarus" },
  ],
  sector: [
    { id: "trade", label: "Trade", color: "#111111" },
    { id: "health", label: "Health", color: "#222222" },
  ],
};

describe("networkPalette", () => {
  const palette = networkPalette(OPTIONS, ["BY", "PK"]);

  it("colours countries in the layout's order, whatever the filter choices' order", () => {
    expect(palette.namedCountries).toEqual(["BY", "PK"]);
    expect(palette.countryColor("BY")).toBe(schemeTableau10[0]);
    expect(palette.countryColor("PK")).toBe(schemeTableau10[1]);
    expect(palette.countryColor("XX")).toBe(OTHER_GREY);
    expect(palette.countryLabel("PK")).toBe("Pakistan");
    expect(palette.countryLabel("XX")).toBe("XX");
  });

  it("greys the countries past the palette's tenth", () => {
    const ranked = Array.from({ length: 12 }, (_, i) => `C${i}`);
    const many = networkPalette(OPTIONS, ranked);
    expect(many.namedCountries).toHaveLength(9);
    expect(many.countryColor("C8")).toBe(schemeTableau10[8]);
    expect(many.countryColor("C9")).toBe(OTHER_GREY);
  });

  it("takes sector colours and names from the taxonomy, with a grey and the id for unknown ones", () => {
    expect(palette.sectorColor("health")).toBe("#222222");
    expect(palette.sectorLabel("trade")).toBe("Trade");
    expect(palette.sectorColor("energy")).toBe("#999");
    expect(palette.sectorLabel("energy")).toBe("energy");
  });

  it("gives the ten largest communities a colour each and the rest grey", () => {
    expect(palette.communityColor(1)).toBe(schemeObservable10[0]);
    expect(palette.communityColor(10)).toBe(schemeObservable10[9]);
    expect(palette.communityColor(11)).toBe(OTHER_GREY);
    expect(palette.communityColor(0)).toBe(OTHER_GREY);
  });

  it("colours commitments by status", () => {
    expect(palette.statusColor("done")).toBe(STATUS_META.done.color);
    expect(palette.statusColor("unheard-of")).toBe("#999");
  });
});

describe("paletteScene", () => {
  const graph = projectGraph(LINKS, INSTITUTIONS);
  const positions = new Map(graph.nodes.map((n, i) => [n.id, { x: i, y: -i }]));
  const palette = networkPalette(OPTIONS, ["BY", "PK"]);

  it("fills institutions by country and links by sector, at their positions", () => {
    const scene = paletteScene(graph, { positions, metrics: null, sizeBy: "commitments", colorBy: "country" }, palette);
    const node = (id: string) => scene.nodes.find((n) => n.id === id);
    expect(node("a")?.fill).toBe(palette.countryColor("PK"));
    expect(node("c")?.fill).toBe(palette.countryColor("BY"));
    expect([node("b")?.x, node("b")?.y]).toEqual([1, -1]);
    expect(scene.edges.find((e) => e.id === "a|c")?.color).toBe("#111111");
  });

  it("fills institutions by community once metrics give one", () => {
    const byNode = new Map(
      graph.nodes.map((n) => [n.id, { degree: 1, weightedDegree: 1, betweenness: 0, community: n.id === "a" ? 2 : 1 }]),
    );
    const metrics = { byNode, communities: 2, modularity: 0.1 };
    const scene = paletteScene(graph, { positions, metrics, sizeBy: "degree", colorBy: "community" }, palette);
    expect(scene.nodes.find((n) => n.id === "a")?.fill).toBe(schemeObservable10[1]);
    expect(scene.nodes.find((n) => n.id === "b")?.fill).toBe(schemeObservable10[0]);
  });
});
