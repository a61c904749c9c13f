import { describe, expect, it } from "vitest";
import {
  centreOn,
  clampScale,
  fitTransform,
  focusTransform,
  panIntoView,
  toLayout,
  toScreen,
  viewCentre,
  visibleRadius,
} from "../../../src/lib/network/view-transform.js";

describe("view transform conversions", () => {
  const t = { x: 10, y: -20, k: 2 };
  it("maps layout points to screen pixels and back", () => {
    expect(toScreen(t, 5, 5)).toEqual([20, -10]);
    expect(toLayout(t, 20, -10)).toEqual([5, 5]);
    expect(viewCentre(t, 100, 60)).toEqual([20, 25]);
  });

  it("draws nodes larger as the zoom grows, slower than the zoom, never under 2 px", () => {
    expect(visibleRadius(4, 4)).toBe(8);
    expect(visibleRadius(4, 0.25)).toBe(2);
    expect(visibleRadius(0.5, 1)).toBe(2);
  });

  it("keeps a scale within the range a link may ask for", () => {
    expect(clampScale(1000)).toBe(40);
    expect(clampScale(0.0001)).toBe(0.02);
    expect(clampScale(3)).toBe(3);
  });
});

describe("fitTransform", () => {
  it("keeps the padding given on each side (room for labels), centred in what is left", () => {
    const nodes = [
      { x: 0, y: 0 },
      { x: 100, y: 50 },
    ];
    const t = fitTransform(nodes, 400, 300, { top: 20, right: 100, bottom: 30, left: 100 }) as {
      x: number;
      y: number;
      k: number;
    };
    expect(t.k).toBe(2);
    expect([t.x, t.y]).toEqual([100, 20 + (250 - 100) / 2]);
    expect(t.x + 100 * t.k).toBe(300);
  });

  it("centres every node with 48 px to spare on the tighter side", () => {
    const nodes = [
      { x: 0, y: 0 },
      { x: 100, y: 50 },
    ];
    const t = fitTransform(nodes, 300, 200) as { x: number; y: number; k: number };
    expect(t.k).toBeCloseTo(2.04);
    expect(toScreen(t, 50, 25)).toEqual([150, 100]);
    expect(toScreen(t, 0, 0)[0]).toBeCloseTo(48);
    expect(toScreen(t, 100, 0)[0]).toBeCloseTo(252);
    // The other side has room to spare.
    expect(toScreen(t, 0, 0)[1]).toBeGreaterThan(48);
  });

  it("never magnifies a lone node past 4", () => {
    expect(fitTransform([{ x: 7, y: 9 }], 300, 200)).toEqual({ x: 150 - 28, y: 100 - 36, k: 4 });
  });

  it("has nothing to fit without nodes or before the width is known", () => {
    expect(fitTransform([], 300, 200)).toBeNull();
    expect(fitTransform([{ x: 0, y: 0 }], 0, 200)).toBeNull();
  });
});

describe("centring on a point", () => {
  it("puts the point at the centre of the drawing", () => {
    const t = centreOn({ x: 30, y: -10 }, 3, 400, 200);
    expect(toScreen(t, 30, -10)).toEqual([200, 100]);
    expect(t.k).toBe(3);
  });

  it("magnifies a selected node to at least 1.5, keeping a closer zoom", () => {
    expect(focusTransform({ x: 0, y: 0 }, 0.5, 400, 200).k).toBe(1.5);
    expect(focusTransform({ x: 0, y: 0 }, 6, 400, 200).k).toBe(6);
    expect(toScreen(focusTransform({ x: 8, y: 4 }, 0.5, 400, 200), 8, 4)).toEqual([200, 100]);
  });
});

describe("panIntoView", () => {
  const t = { x: 10, y: 20, k: 2 };

  it("leaves a point already in view where it is", () => {
    expect(panIntoView(t, { x: 100, y: 50 }, 400, 200, 20)).toBeNull();
  });

  it("pans a point off the right and top edges just inside the margin, keeping the scale", () => {
    const next = panIntoView(t, { x: 300, y: -40 }, 400, 200, 20);
    expect(next?.k).toBe(2);
    if (!next) throw new Error("expected a pan");
    expect(toScreen(next, 300, -40)).toEqual([380, 20]);
  });

  it("pans a point off the left and bottom edges just inside the margin", () => {
    const next = panIntoView(t, { x: -50, y: 150 }, 400, 200, 20);
    if (!next) throw new Error("expected a pan");
    expect(toScreen(next, -50, 150)).toEqual([20, 180]);
  });
});
