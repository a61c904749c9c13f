import { describe, expect, it } from "vitest";
import { CANVAS_CELLS, chooseDensityRenderer } from "../../../src/lib/timeline/density-renderer-choice.js";

describe("chooseDensityRenderer", () => {
  it("draws SVG up to CANVAS_CELLS cells and canvas past them", () => {
    expect(chooseDensityRenderer(0)).toBe("svg");
    expect(chooseDensityRenderer(CANVAS_CELLS)).toBe("svg");
    expect(chooseDensityRenderer(CANVAS_CELLS + 1)).toBe("canvas");
    expect(chooseDensityRenderer(9_984)).toBe("canvas");
  });

  it("keeps a forced renderer whatever the count", () => {
    expect(chooseDensityRenderer(10, "canvas")).toBe("canvas");
    expect(chooseDensityRenderer(9_984, "svg")).toBe("svg");
    expect(chooseDensityRenderer(9_984, null)).toBe("canvas");
  });
});
