import { describe, expect, it } from "vitest";
import { COLLAPSED_HEIGHT, DENSITY_HEIGHT, LANE_PAD, ROW } from "../../../src/lib/timeline/lane-layout.js";
import {
  AXIS_ROOM,
  FOOT_ROOM,
  fitLanes,
  frameFitNote,
  lanesThatFit,
  laneUnit,
  timelineScale,
} from "../../../src/lib/timeline/lanes-in-frame.js";

describe("timelineScale", () => {
  it("draws the timeline 1.8× its own pixels on a slide (its 10 px counts become 18 px), as it always was on a page", () => {
    expect(timelineScale("slide")).toBeCloseTo(1.8);
    expect(timelineScale("page")).toBe(1);
  });
});

describe("lanesThatFit", () => {
  it("counts the lanes of a kind a chart of a height holds under its axis", () => {
    expect(laneUnit("density")).toBe(DENSITY_HEIGHT + LANE_PAD);
    expect(laneUnit("marks")).toBe(ROW + 2 * LANE_PAD);
    expect(laneUnit("collapsed")).toBe(COLLAPSED_HEIGHT);
    const own = 5 * laneUnit("density") + AXIS_ROOM + FOOT_ROOM;
    expect(lanesThatFit(own * 1.8, "slide")).toBe(5);
    expect(lanesThatFit(own * 1.8 - 1, "slide")).toBe(4);
    expect(lanesThatFit(own * 1.8, "slide", { mode: "collapsed" })).toBe(Math.floor((5 * 38) / 18));
  });

  it("fits more lanes at the page scale, and none in a frame too small for the axis", () => {
    expect(lanesThatFit(500, "page")).toBeGreaterThan(lanesThatFit(500, "slide"));
    expect(lanesThatFit(40, "slide")).toBe(0);
    expect(lanesThatFit(400, "slide", { axis: 300 })).toBe(0);
  });
});

const lanes = [
  { sector: "industry", n: 20 },
  { sector: "trade", n: 12 },
  { sector: "energy", n: 3 },
  { sector: "health", n: 3 },
];
const heights = new Map(lanes.map((l) => [l.sector, 38]));

describe("fitLanes", () => {
  it("changes nothing when the lanes fit", () => {
    expect(fitLanes({ lanes, heights, available: 4 * 38 })).toEqual({ collapse: [], hide: [], fits: true });
  });

  it("collapses the lanes with the fewest commitments first, ties from the last id", () => {
    expect(fitLanes({ lanes, heights, available: 4 * 38 - 1 })).toEqual({ collapse: ["health"], hide: [], fits: true });
    expect(fitLanes({ lanes, heights, available: 2 * 38 + 2 * 18 })).toEqual({
      collapse: ["health", "energy"],
      hide: [],
      fits: true,
    });
  });

  it("leaves out the lanes with the fewest commitments when even collapsed they do not fit", () => {
    expect(fitLanes({ lanes, heights, available: 3 * 18 })).toEqual({
      collapse: ["energy", "trade", "industry"],
      hide: ["health"],
      fits: true,
    });
  });

  it("never collapses nor leaves out the lane to keep (the selected commitment's)", () => {
    expect(fitLanes({ lanes, heights, available: 4 * 38 - 1, keep: "health" })).toEqual({
      collapse: ["energy"],
      hide: [],
      fits: true,
    });
    const fit = fitLanes({ lanes, heights, available: 38, keep: "energy" });
    expect(fit.hide).toEqual(["health", "trade", "industry"]);
    expect(fit.collapse).toEqual([]);
    expect(fit.fits).toBe(true);
  });

  it("keeps one lane at least, and says when even that does not fit", () => {
    expect(fitLanes({ lanes, heights, available: 5 })).toEqual({
      collapse: ["industry"],
      hide: ["health", "energy", "trade"],
      fits: false,
    });
  });
});

describe("frameFitNote", () => {
  it("says what changed to fit the frame, and nothing when nothing did", () => {
    expect(frameFitNote(false, 0, 0, true)).toBe("");
    expect(frameFitNote(true, 0, 0, true)).toBe("Counted per month to fit this frame.");
    expect(frameFitNote(false, 1, 2, true)).toBe(
      "1 lane collapsed to fit this frame. 2 lanes with the fewest commitments left out to fit this frame: open the full view to see them.",
    );
    expect(frameFitNote(false, 0, 0, false)).toBe("The chart is drawn smaller to fit this frame.");
  });
});
