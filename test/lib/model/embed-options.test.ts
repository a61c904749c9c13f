import { describe, expect, it } from "vitest";
import { embedSearch } from "../../../src/lib/model/embed-options.js";
import { parseViewState, serializeViewState } from "../../../src/lib/model/view-state.js";

const known = { sector: ["industry", "health"], country: ["PK", "BY"] };

/** What a module's options parse to, as parseViewState reads a link. */
function parsed<V extends "network" | "timeline">(view: V, options: unknown) {
  const { params, size, notices } = embedSearch(view, options);
  const state = parseViewState(view, params, known);
  return { state, size, notices: [...notices, ...state.notices] };
}

describe("the exported modules' options are the URL state", () => {
  it("a state string and the same state as fields parse to the same view", () => {
    const fromString = parsed("network", { state: "?sector=industry&size=degree&select=pk-hit&zoom=1,2,3" });
    const fromFields = parsed("network", {
      filters: { sector: ["industry"] },
      size: "degree",
      select: "pk-hit",
      zoom: { x: 1, y: 2, k: 3 },
    });
    expect(fromString.notices).toEqual([]);
    expect(fromFields.notices).toEqual([]);
    expect(fromFields.state).toEqual(fromString.state);
    expect(fromFields.state.filters.sector).toEqual(["industry"]);
    expect(fromFields.state.options).toMatchObject({ size: "degree", select: "pk-hit", zoom: { x: 1, y: 2, k: 3 } });
  });

  it("accepts a whole link or a bare query, and fields override the state's keys", () => {
    const a = parsed("network", {
      state: "https://atlas.example/network?sector=health&size=degree",
      size: "betweenness",
    });
    expect(a.notices).toEqual([]);
    expect(a.state.filters.sector).toEqual(["health"]);
    expect(a.state.options.size).toBe("betweenness");
    const b = parsed("network", "sector=industry");
    expect(b.state.filters.sector).toEqual(["industry"]);
    const c = parsed("network", { state: "?sector=health", filters: { sector: "industry" } });
    expect(c.state.filters.sector).toEqual(["industry"]);
  });

  it("drops what a link would drop, with the link's notices", () => {
    const { state, notices } = parsed("network", {
      filters: { sector: ["industry", "<img src=x onerror=alert(1)>"] },
      size: "huge",
      zoom: { x: 0, y: 0, k: 1000 },
      select: "<script>",
    });
    expect(state.filters.sector).toEqual(["industry"]);
    expect(state.options.size).toBe("commitments");
    expect(state.options.zoom).toBeNull();
    expect(state.options.select).toBeNull();
    expect(notices).toHaveLength(4);
    expect(notices.join(" ")).toContain("unknown sector");
    // The same values in a link give the same notices.
    const link = parseViewState(
      "network",
      `?${new URLSearchParams([
        ["sector", "industry"],
        ["sector", "<img src=x onerror=alert(1)>"],
        ["size", "huge"],
        ["zoom", "0,0,1000"],
        ["select", "<script>"],
      ])}`,
      known,
    );
    expect(notices).toEqual(link.notices);
  });

  it("names options it does not take, and values of the wrong kind", () => {
    const { notices, state } = parsed("network", {
      window: "2020-01-01..2020-12-31",
      colour: { bad: true },
      frobnicate: 1,
      filters: { sector: [{}], planet: ["mars"] },
      zoom: { x: "1", y: 2, k: 3 },
    });
    expect(state.options.colour).toBe("country");
    expect(notices).toEqual([
      "Ignored window: NetworkChart does not take it (it belongs to the other view).",
      "Ignored colour: got an object.",
      "Ignored the option “frobnicate”: NetworkChart does not take it.",
      "Ignored a sector filter value: expected text, got an object.",
      "Ignored the filter “planet”: expected one of sector, country, institution, series, status, from, to.",
      "Ignored zoom: expected {x, y, k} with numbers.",
    ]);
  });

  it("reads the timeline's window, today and the frame options", () => {
    const { state, notices, size } = parsed("timeline", {
      filters: { sector: ["health"], from: 2019 },
      window: { from: "2020-01-01", to: "2021-06-30" },
      select: "c-1",
      today: "2026-11-27",
      theme: "dark",
      caption: false,
      title: "Health",
      width: 800,
    });
    expect(notices).toEqual([]);
    expect(state.filters).toMatchObject({ sector: ["health"], from: 2019 });
    expect(state.options).toEqual({ window: { from: "2020-01-01", to: "2021-06-30" }, select: "c-1" });
    expect(state.frame).toEqual({ theme: "dark", caption: false, title: "Health", fit: "width", type: "page" });
    expect(size).toEqual({ width: 800, height: null });
    expect(embedSearch("timeline", { today: "2026-11-27" }).params.get("today")).toBe("2026-11-27");
  });

  it("checks the size and the shape of the options", () => {
    expect(embedSearch("network", { width: 5 }).notices).toEqual([
      "Ignored width 5: expected pixels from 120 to 10000.",
    ]);
    expect(embedSearch("network", { height: "tall" }).size.height).toBeNull();
    expect(embedSearch("network", 42).notices).toEqual([
      "Ignored the options of NetworkChart: expected an object, got 42.",
    ]);
    expect(embedSearch("network", { state: 42 }).notices[0]).toContain("Ignored state");
    expect(embedSearch("network", { state: `?title=${"x".repeat(30_000)}` }).notices[0]).toContain("longer than");
    expect(embedSearch("network", undefined)).toEqual({
      params: new URLSearchParams(),
      size: { width: null, height: null },
      notices: [],
    });
  });

  it("round-trips: a serialized state as the module's state gives the same view", () => {
    const state = {
      view: "network" as const,
      filters: { sector: ["health"], country: ["PK"], institution: [], series: [], status: [], from: 2016, to: 2020 },
      options: { show: "bipartite" as const, colour: "community" as const, zoom: { x: -4, y: 5.5, k: 0.5 } },
      frame: { theme: "light" as const, title: "Health, Pakistan" },
    };
    const { state: back, notices } = parsed("network", { state: serializeViewState(state) });
    expect(notices).toEqual([]);
    expect(back.filters).toEqual(state.filters);
    expect(back.options).toMatchObject(state.options);
    expect(back.frame).toMatchObject(state.frame);
  });
});
