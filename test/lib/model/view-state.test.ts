import { describe, expect, it } from "vitest";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import {
  parseViewState,
  parseWindow,
  serializeViewState,
  VIEW_KEYS,
  VIEWS,
  viewPath,
  ZOOM_K,
} from "../../../src/lib/model/view-state.js";

describe("view state in a link", () => {
  it("round-trips a network view: filters, controls, selection and zoom", () => {
    const state = {
      view: "network" as const,
      filters: { ...emptyFilters(), sector: ["industry"], from: 2015 },
      options: {
        show: "bipartite" as const,
        links: "per-sector" as const,
        size: "betweenness" as const,
        colour: "community" as const,
        select: "pk-hit",
        zoom: { x: 12.5, y: -3.25, k: 2 },
      },
      frame: {
        theme: "dark" as const,
        caption: false,
        title: "Industry since 2015",
        fit: "frame" as const,
        type: "slide" as const,
      },
    };
    const search = serializeViewState(state);
    const parsed = parseViewState("network", search, { sector: ["industry", "health"] });
    expect(parsed.notices).toEqual([]);
    expect(parsed.filters).toEqual(state.filters);
    expect(parsed.options).toEqual(state.options);
    expect(parsed.frame).toEqual(state.frame);
  });

  it("leaves defaults out, so the plain view has the plain link", () => {
    expect(serializeViewState({ view: "network", filters: emptyFilters(), options: {} })).toBe("");
    expect(
      serializeViewState({
        view: "timeline",
        filters: emptyFilters(),
        options: { window: { from: "2020-01-01", to: "2020-12-31" } },
      }),
    ).toBe("?window=2020-01-01..2020-12-31");
  });

  it("round-trips a timeline view with a selection", () => {
    const search = serializeViewState({
      view: "timeline",
      filters: { ...emptyFilters(), status: ["done"] },
      options: { window: { from: "2015-01-01", to: "2025-12-31" }, select: "jmc-8-c01" },
    });
    const parsed = parseViewState("timeline", search);
    expect(parsed.notices).toEqual([]);
    expect(parsed.options).toEqual({ window: { from: "2015-01-01", to: "2025-12-31" }, select: "jmc-8-c01" });
  });

  it("drops hostile values with a notice each, and keeps the rest", () => {
    const huge = "x".repeat(5000);
    const search = new URLSearchParams({
      sector: "<img src=x onerror=alert(1)>",
      show: "<script>alert(1)</script>",
      size: "constructor",
      select: '"><svg onload=alert(1)>',
      zoom: "1,2,1e309",
      theme: "javascript:alert(1)",
      caption: "maybe",
      title: huge,
      colour: "community",
      fit: "<b>",
      type: "huge",
    });
    const parsed = parseViewState("network", search, { sector: ["industry"] });
    expect(parsed.filters.sector).toEqual([]);
    expect(parsed.options.show).toBe("institutions");
    expect(parsed.options.size).toBe("commitments");
    expect(parsed.options.select).toBeNull();
    expect(parsed.options.zoom).toBeNull();
    expect(parsed.options.colour).toBe("community");
    expect(parsed.frame).toEqual({ theme: null, caption: true, title: null, fit: "width", type: "page" });
    expect(parsed.notices).toHaveLength(10);
    for (const notice of parsed.notices) expect(notice.length).toBeLessThan(200);
  });

  it("rejects zoom scales outside the chart's range and non-numbers", () => {
    for (const zoom of ["0,0,0", `0,0,${ZOOM_K[1] * 2}`, "a,b,c", "1,2", "1,2,3,4", "NaN,0,1", "Infinity,0,1"]) {
      const parsed = parseViewState("network", `?zoom=${encodeURIComponent(zoom)}`);
      expect(parsed.options.zoom, zoom).toBeNull();
      expect(parsed.notices, zoom).toHaveLength(1);
    }
    expect(parseViewState("network", "?zoom=-10.5,20,0.5").options.zoom).toEqual({ x: -10.5, y: 20, k: 0.5 });
  });

  it("accepts only real days in order for the timeline window", () => {
    const notices: string[] = [];
    expect(parseWindow("2021-02-29..2021-03-01", notices)).toBeNull();
    expect(parseWindow("2021-03-01..2021-02-01", notices)).toBeNull();
    expect(parseWindow("2020-02-29..2020-03-01", notices)).toEqual({ from: "2020-02-29", to: "2020-03-01" });
    expect(notices).toHaveLength(2);
  });

  it("accepts ids as the records write them and nothing else", () => {
    expect(parseViewState("network", "?select=commitment:jmc-8-c01").options.select).toBe("commitment:jmc-8-c01");
    expect(parseViewState("network", "?select=by-mtw").options.select).toBe("by-mtw");
    expect(parseViewState("network", "?select=a%20b").options.select).toBeNull();
    expect(parseViewState("network", `?select=${"a".repeat(300)}`).options.select).toBeNull();
  });
});

describe("the sector chart and scorecards views", () => {
  it("read the shared filters and the frame options, and no view option of the others", () => {
    for (const view of ["sectors", "scorecards"] as const) {
      const parsed = parseViewState(view, "?sector=industry&status=done&from=2020&select=x&fit=frame&type=slide", {
        sector: ["industry"],
      });
      expect(parsed.filters).toMatchObject({ sector: ["industry"], status: ["done"], from: 2020 });
      expect(parsed.options).toEqual({});
      expect(parsed.frame).toMatchObject({ fit: "frame", type: "slide" });
      expect(parsed.notices).toEqual([]);
      expect(VIEW_KEYS[view]).toEqual([]);
    }
  });

  it("round-trip their filters and leave out what they do not read", () => {
    const filters = { ...emptyFilters(), sector: ["industry"], to: 2024 };
    const search = serializeViewState({ view: "scorecards", filters, options: {}, frame: { type: "slide" } });
    expect(search).toBe("?sector=industry&to=2024&type=slide");
    expect(parseViewState("scorecards", search).filters).toEqual(filters);
  });

  it("open on the page that shows them: the overview for the sector chart, the timeline page for the scorecards", () => {
    expect(viewPath("sectors")).toBe("/");
    expect(viewPath("scorecards")).toBe("/timeline");
    expect(viewPath("network")).toBe("/network");
    expect(viewPath("sectors", { embed: true })).toBe("/embed/sectors");
    expect(viewPath("scorecards", { embed: true })).toBe("/embed/scorecards");
    expect(VIEWS).toEqual(["network", "timeline", "sectors", "scorecards"]);
  });
});
