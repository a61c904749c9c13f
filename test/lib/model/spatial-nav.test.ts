import { describe, expect, it } from "vitest";
import { isNavKey, type NavPoint, nextInDirection } from "../../../src/lib/model/spatial-nav.js";

// A small grid of marks:      0 (0,0)    1 (10,0)    2 (40,1)
//                              3 (0,10)              4 (12,30)
const POINTS: NavPoint[] = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 40, y: 1 },
  { x: 0, y: 10 },
  { x: 12, y: 30 },
];

describe("nextInDirection", () => {
  it("moves to the nearest mark ahead, weighing the sideways offset twice", () => {
    expect(nextInDirection(POINTS, 0, "ArrowRight")).toBe(1);
    expect(nextInDirection(POINTS, 1, "ArrowRight")).toBe(2);
    expect(nextInDirection(POINTS, 2, "ArrowLeft")).toBe(1);
    expect(nextInDirection(POINTS, 0, "ArrowDown")).toBe(3);
    // From 3 (0,10) down: 4 is 20 ahead and 12 aside (score 44), the only one below.
    expect(nextInDirection(POINTS, 3, "ArrowDown")).toBe(4);
    // From 1 (10,0) down: 3 is 10 ahead and 10 aside (30), 4 is 30 ahead and 2 aside (34).
    expect(nextInDirection(POINTS, 1, "ArrowDown")).toBe(3);
    // From 4 (12,30) up: 1 is 30 ahead and 2 aside (34), 3 is 20 ahead and 12 aside (44).
    expect(nextInDirection(POINTS, 4, "ArrowUp")).toBe(1);
  });

  it("stays put when nothing lies that way, and ignores marks less than half a pixel ahead", () => {
    expect(nextInDirection(POINTS, 2, "ArrowRight")).toBe(2);
    expect(nextInDirection(POINTS, 0, "ArrowUp")).toBe(0);
    const stacked = [
      { x: 5, y: 5 },
      { x: 5.3, y: 40 },
    ];
    expect(nextInDirection(stacked, 0, "ArrowRight")).toBe(0);
    expect(nextInDirection(stacked, 0, "ArrowDown")).toBe(1);
  });

  it("goes to the first and last in the chart's order with Home and End, and starts at the first", () => {
    expect(nextInDirection(POINTS, 2, "Home")).toBe(0);
    expect(nextInDirection(POINTS, 0, "End")).toBe(4);
    expect(nextInDirection(POINTS, -1, "ArrowLeft")).toBe(0);
    expect(nextInDirection([], 0, "ArrowRight")).toBe(-1);
  });

  it("breaks ties to the lower index", () => {
    const twins = [
      { x: 0, y: 0 },
      { x: 10, y: 3 },
      { x: 10, y: -3 },
    ];
    expect(nextInDirection(twins, 0, "ArrowRight")).toBe(1);
  });

  it("knows its keys", () => {
    expect(["ArrowLeft", "Home", "End", "ArrowDown"].every(isNavKey)).toBe(true);
    expect(["Enter", "Escape", "Tab", "a"].some(isNavKey)).toBe(false);
  });
});
