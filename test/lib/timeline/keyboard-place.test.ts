import { describe, expect, it } from "vitest";
import { markToRestore, nearestTo, sortEarliestFirst } from "../../../src/lib/timeline/keyboard-place.js";

const stops = [
  { id: "c", x: 50, y: 10 },
  { id: "a", x: 10, y: 30 },
  { id: "b", x: 10, y: 10 },
  { id: "d", x: 200, y: 40 },
];

describe("sortEarliestFirst", () => {
  it("orders by x, then y, then id, without changing the input", () => {
    expect(sortEarliestFirst(stops).map((s) => s.id)).toEqual(["b", "a", "c", "d"]);
    expect(stops[0].id).toBe("c");
    expect(
      sortEarliestFirst([
        { id: "z", x: 1, y: 1 },
        { id: "y", x: 1, y: 1 },
      ]).map((s) => s.id),
    ).toEqual(["y", "z"]);
  });
});

describe("nearestTo", () => {
  it("finds the closest point, ties to the lower index, -1 for none", () => {
    expect(nearestTo(stops, { x: 190, y: 0 })).toBe(3);
    expect(nearestTo(stops, { x: 12, y: 28 })).toBe(1);
    expect(
      nearestTo(
        [
          { x: 0, y: 0 },
          { x: 2, y: 0 },
        ],
        { x: 1, y: 0 },
      ),
    ).toBe(0);
    expect(nearestTo([], { x: 1, y: 0 })).toBe(-1);
  });
});

describe("markToRestore", () => {
  it("keeps the same commitment when it is still drawn", () => {
    expect(markToRestore(stops, { key: "d", at: { x: 0, y: 0 } })).toBe(3);
  });
  it("else takes the mark nearest to where it was, else the first", () => {
    expect(markToRestore(stops, { key: "gone", at: { x: 45, y: 12 } })).toBe(0);
    expect(markToRestore(stops, { key: "gone", at: null })).toBe(0);
  });
  it("answers -1 when no mark is drawn", () => {
    expect(markToRestore([], { key: "a", at: null })).toBe(-1);
  });
});
