import { describe, expect, it } from "vitest";
import { chartHeightInFrame, drawingScale, TYPE_SIZES, typeSizes } from "../../../src/lib/model/frame-layout.js";

describe("type sizes", () => {
  it("read from the back of a room at the slide scale: labels 18 px, the caption at least 14", () => {
    expect(typeSizes("slide").label).toBe(18);
    expect(typeSizes("slide").caption).toBeGreaterThanOrEqual(14);
    expect(typeSizes("page")).toEqual(TYPE_SIZES.page);
    expect(typeSizes("page").label).toBeLessThan(typeSizes("slide").label);
  });
});

describe("drawingScale", () => {
  it("enlarges a drawing until its smallest text reaches the scale's label size", () => {
    expect(drawingScale("slide", 10)).toBeCloseTo(1.8);
    expect(drawingScale("slide", 12)).toBeCloseTo(1.5);
    expect(drawingScale("slide", 18)).toBe(1);
  });

  it("never shrinks, and leaves the page scale as it was", () => {
    expect(drawingScale("slide", 24)).toBe(1);
    expect(drawingScale("page", 10)).toBe(1);
    expect(drawingScale("page", 12)).toBe(1);
    expect(drawingScale("slide", 0)).toBe(1);
    expect(drawingScale("slide", Number.NaN)).toBe(1);
  });
});

describe("chartHeightInFrame", () => {
  it("is what the frame leaves, never below the minimum", () => {
    expect(chartHeightInFrame(560, 180.4)).toBe(379);
    expect(chartHeightInFrame(200, 180)).toBe(80);
    expect(chartHeightInFrame(200, 180, 10)).toBe(20);
  });
});
