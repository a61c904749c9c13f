import { describe, expect, it } from "vitest";
import type { LaneRow } from "../../../src/lib/sql/timeline-queries.js";
import { windowLanes } from "../../../src/lib/timeline/window-lanes.js";

const lane = (sector: string, total: number): LaneRow => ({
  sector,
  label: sector.toUpperCase(),
  color: "#123456",
  total,
  n: total,
});

describe("windowLanes", () => {
  const lanes = [lane("energy", 40), lane("trade", 12), lane("health", 3)];

  it("keeps every lane in order with its total, and sets its count in the window", () => {
    const counts = [
      { sector: "health", n: 1 },
      { sector: "energy", n: 7 },
    ];
    expect(windowLanes(lanes, counts)).toEqual([
      { ...lane("energy", 40), n: 7 },
      { ...lane("trade", 12), n: 0 },
      { ...lane("health", 3), n: 1 },
    ]);
  });

  it("does not change the lanes it is given", () => {
    windowLanes(lanes, [{ sector: "trade", n: 2 }]);
    expect(lanes[1].n).toBe(12);
  });

  it("names a counted sector the lanes do not have, and the lanes expected", () => {
    expect(() => windowLanes(lanes, [{ sector: "space", n: 2 }])).toThrow(
      /"space", a sector the filters' lanes do not have \(expected one of 3 lanes\)/,
    );
  });
});
