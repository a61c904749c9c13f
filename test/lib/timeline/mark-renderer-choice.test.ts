import { describe, expect, it } from "vitest";
import { CANVAS_MARKS, chooseMarkRenderer, rendererParam } from "../../../src/lib/timeline/mark-renderer-choice.js";

describe("chooseMarkRenderer", () => {
  it("draws SVG up to CANVAS_MARKS marks and canvas past them", () => {
    expect(chooseMarkRenderer(0)).toBe("svg");
    expect(chooseMarkRenderer(CANVAS_MARKS)).toBe("svg");
    expect(chooseMarkRenderer(CANVAS_MARKS + 1)).toBe("canvas");
  });

  it("keeps a forced renderer whatever the count", () => {
    expect(chooseMarkRenderer(3, "canvas")).toBe("canvas");
    expect(chooseMarkRenderer(50_000, "svg")).toBe("svg");
  });
});

describe("rendererParam", () => {
  it("reads svg and canvas, nothing else", () => {
    expect(rendererParam("canvas")).toBe("canvas");
    expect(rendererParam("svg")).toBe("svg");
    expect(rendererParam("webgl")).toBeNull();
    expect(rendererParam(null)).toBeNull();
  });
});
