import { schemeObservable10, schemeTableau10 } from "d3";
import { describe, expect, it } from "vitest";
import { STATUS_META } from "../../../src/lib/model/value-labels.js";
import { buildLayoutFile } from "../../../src/lib/network/layout-file.js";
import { BODY_GREY, networkPalette, OTHER_GREY, paletteScene } from "../../../src/lib/network/palette.js";
import { projectGraph } from "../../../src/lib/network/project.js";
import { INSTITUTIONS, LINKS } from "./fixture.js";
import { SCOPED, SCOPED_LINKS } from "./scopes-fixture.js";

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
    expect(palette.affiliationColor("BY")).toBe(schemeTableau10[0]);
    expect(palette.affiliationColor("PK")).toBe(schemeTableau10[1]);
    expect(palette.affiliationColor("XX")).toBe(OTHER_GREY);
    expect(palette.affiliationLabel("PK")).toBe("Pakistan");
    expect(palette.affiliationLabel("XX")).toBe("XX");
  });

  it("greys the countries past the palette's tenth", () => {
    const ranked = Array.from({ length: 12 }, (_, i) => `C${i}`);
    const many = networkPalette(OPTIONS, ranked);
    expect(many.namedCountries).toHaveLength(9);
    expect(many.affiliationColor("C8")).toBe(schemeTableau10[8]);
    expect(many.affiliationColor("C9")).toBe(OTHER_GREY);
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
    expect(node("a")?.fill).toBe(palette.affiliationColor("PK"));
    expect(node("c")?.fill).toBe(palette.affiliationColor("BY"));
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

describe("international organisations, joint bodies and generic institutions", () => {
  const scoped = projectGraph(SCOPED_LINKS, SCOPED);
  const positions = new Map(scoped.nodes.map((n, i) => [n.id, { x: i, y: i }]));
  // The layout ranks countries by their national institutions only.
  const ranked = buildLayoutFile(SCOPED_LINKS, SCOPED).countries;
  const palette = networkPalette(OPTIONS, ranked);

  it("ranks only countries for colours, and fills bodies with a grey of their own", () => {
    expect(ranked).toEqual(["PK", "BY"]);
    expect(palette.namedCountries).toEqual(["PK", "BY"]);
    expect(palette.affiliationColor("international")).toBe(BODY_GREY);
    expect(palette.affiliationColor("joint")).toBe(BODY_GREY);
    expect(palette.affiliationColor("US")).toBe(OTHER_GREY);
    expect(BODY_GREY).not.toBe(OTHER_GREY);
    expect(palette.affiliationLabel("international")).toBe("International organisations");
    expect(palette.affiliationLabel("joint")).toBe("Joint bodies");
  });

  it("keeps the bodies' grey at 3:1 or more against light and dark backgrounds", () => {
    for (const background of ["#ffffff", "#161b22", "#000000"])
      expect(contrast(BODY_GREY, background)).toBeGreaterThanOrEqual(3);
  });

  it("rings the UN, double-rings the joint commission, dashes the generic one and labels it", () => {
    const scene = paletteScene(
      scoped,
      { positions, metrics: null, sizeBy: "commitments", colorBy: "country" },
      palette,
    );
    const node = (id: string) => scene.nodes.find((n) => n.id === id);
    expect([node("un")?.fill, node("un")?.outline, node("un")?.dashed]).toEqual([BODY_GREY, "ring", false]);
    expect([node("jc")?.fill, node("jc")?.outline]).toEqual([BODY_GREY, "double"]);
    expect([node("pk")?.outline, node("pk")?.dashed]).toEqual(["plain", false]);
    expect([node("gen")?.fill, node("gen")?.dashed]).toEqual([palette.affiliationColor("PK"), true]);
    expect(node("gen")?.label).toBe("Chambers of commerce (generic)");
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
