import { describe, expect, it } from "vitest";
import { type FrameFacts, framePlan } from "../../../src/lib/network/frame-plan.js";

const settled: FrameFacts = {
  large: true,
  newScene: false,
  inGesture: false,
  lastKept: true,
  baseShowsView: () => true,
  fading: false,
  highlighted: false,
};

describe("framePlan", () => {
  it("moves a large graph's last frame mid-gesture, whatever is highlighted, and keeps nothing", () => {
    for (const highlighted of [false, true]) {
      expect(framePlan({ ...settled, inGesture: true, baseShowsView: () => false, highlighted })).toEqual({
        draw: "move-last",
        keepLast: false,
        keepBase: false,
      });
    }
  });

  it("draws a new scene, or a gesture with no last frame of it, in full even mid-gesture", () => {
    expect(framePlan({ ...settled, inGesture: true, newScene: true, baseShowsView: () => false }).draw).toBe("whole");
    expect(framePlan({ ...settled, inGesture: true, lastKept: false, baseShowsView: () => false }).draw).toBe("whole");
  });

  it("never moves a small graph's frame: its full frames are cheap", () => {
    expect(framePlan({ ...settled, large: false, inGesture: true, baseShowsView: () => false })).toEqual({
      draw: "whole",
      keepLast: false,
      keepBase: true,
    });
  });

  it("starts from the base when it shows the view and nothing fades in, keeping it as it is", () => {
    expect(framePlan({ ...settled, highlighted: true })).toEqual({
      draw: "from-base",
      keepLast: true,
      keepBase: false,
    });
    expect(framePlan({ ...settled, large: false, fading: true }).draw).toBe("whole");
  });

  it("keeps a whole frame as the base only with nothing highlighted and nothing fading", () => {
    const whole = { ...settled, baseShowsView: () => false };
    expect(framePlan(whole).keepBase).toBe(true);
    expect(framePlan({ ...whole, highlighted: true }).keepBase).toBe(false);
    expect(framePlan({ ...whole, large: false, fading: true }).keepBase).toBe(false);
  });
});
