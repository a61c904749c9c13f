/** The WASM / native ratio as the query benchmarks print it, beside the goal. */
import { describe, expect, it } from "vitest";
import { engineRatio, ratioCell } from "../../devtools/engine-ratio.js";

describe("ratioCell", () => {
  it("prints one decimal and whether the goal is met", () => {
    expect(ratioCell(21, 10, 2.5)).toBe("2.1× ✓");
    expect(ratioCell(25, 10, 2.5)).toBe("2.5× ✓");
    expect(ratioCell(155, 43, 2.5)).toBe("3.6× ✗");
  });

  it("prints a dash without a ratio: a missing median or a native time of zero", () => {
    expect(ratioCell(null, 10, 2.5)).toBe("—");
    expect(ratioCell(10, undefined, 2.5)).toBe("—");
    expect(ratioCell(10, 0, 2.5)).toBe("—");
    expect(engineRatio(10, 4)).toBe(2.5);
  });
});
