import { describe, expect, it } from "vitest";
import { densityCellAt, densityHitIndex, HIT_SLACK, type HitBox } from "../../../src/lib/timeline/density-hit-test.js";

const box = (x0: number, width: number, y: number, height: number): HitBox => ({ x0, width, y, height });

describe("densityCellAt", () => {
  // Two lanes: a band of months (y 10..40) with a band of years under it (y 42..49), then the next lane at y 80.
  const boxes = [
    box(100, 29.5, 10, 30),
    box(130, 27.5, 10, 30),
    box(158, 30.5, 10, 30),
    box(100, 365, 42, 7),
    box(100, 29.5, 80, 30),
    box(200, 29.5, 80, 30),
  ];
  const index = densityHitIndex(boxes);

  it("finds the cell holding a point, in its lane and band", () => {
    expect(densityCellAt(index, 100, 10)).toBe(0);
    expect(densityCellAt(index, 129, 39.9)).toBe(0);
    expect(densityCellAt(index, 140, 25)).toBe(1);
    expect(densityCellAt(index, 188, 11)).toBe(2);
    expect(densityCellAt(index, 300, 45)).toBe(3);
    expect(densityCellAt(index, 101, 81)).toBe(4);
    expect(densityCellAt(index, 229, 109)).toBe(5);
  });

  it("finds the nearest cell of the band within HIT_SLACK px sideways, the nearer of two", () => {
    expect(densityCellAt(index, 129.6, 20)).toBe(0);
    expect(densityCellAt(index, 129.9, 20)).toBe(1);
    expect(densityCellAt(index, 100 - HIT_SLACK, 20)).toBe(0);
    expect(densityCellAt(index, 129.5 + HIT_SLACK, 90)).toBe(4);
    expect(densityCellAt(index, 200 - HIT_SLACK, 90)).toBe(5);
  });

  it("finds none further than HIT_SLACK from every cell, between bands or past the last cell", () => {
    expect(densityCellAt(index, 99 - HIT_SLACK, 20)).toBe(-1);
    expect(densityCellAt(index, 120, 41)).toBe(-1);
    expect(densityCellAt(index, 150, 80)).toBe(-1);
    expect(densityCellAt(index, 240, 90)).toBe(-1);
    expect(densityCellAt(index, 120, 200)).toBe(-1);
    expect(densityCellAt(index, 120, 0)).toBe(-1);
  });

  it("does not depend on the order the cells come in", () => {
    const order = [5, 3, 1, 4, 0, 2];
    const shuffled = densityHitIndex(order.map((i) => boxes[i]));
    for (const [x, y] of [
      [140, 25],
      [300, 45],
      [229, 109],
    ]) {
      expect(order[densityCellAt(shuffled, x, y)]).toBe(densityCellAt(index, x, y));
    }
  });

  it("answers for every one of 10,000 cells at its own middle, and for nothing without cells", () => {
    const many: HitBox[] = [];
    for (let lane = 0; lane < 16; lane++)
      for (let month = 0; month < 625; month++) many.push(box(120 + month * 2.2, 2, lane * 48, 30));
    const grid = densityHitIndex(many);
    many.forEach((b, i) => {
      expect(densityCellAt(grid, b.x0 + b.width / 2, b.y + b.height / 2)).toBe(i);
    });
    expect(densityCellAt(densityHitIndex([]), 10, 10)).toBe(-1);
  });
});
