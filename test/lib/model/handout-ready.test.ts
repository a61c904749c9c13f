import { describe, expect, it } from "vitest";
import {
  type FrameProbe,
  frameStatus,
  HANDOUT_FRAME,
  handoutReadiness,
  handoutScale,
} from "../../../src/lib/model/handout-ready.js";

const drawn: FrameProbe = { loaded: true, failed: false, figure: true, chart: true, nodes: true, running: 0 };

describe("frameStatus", () => {
  it("is drawn only once the figure, its chart and the network's nodes are there and nothing moves", () => {
    expect(frameStatus(drawn)).toBe("drawn");
    expect(frameStatus({ ...drawn, loaded: false })).toBe("waiting");
    expect(frameStatus({ ...drawn, figure: false })).toBe("waiting");
    expect(frameStatus({ ...drawn, chart: false })).toBe("waiting");
    expect(frameStatus({ ...drawn, nodes: false })).toBe("waiting");
    expect(frameStatus({ ...drawn, running: 3 })).toBe("waiting");
  });

  it("is failed when the embed shows an error", () => {
    expect(frameStatus({ ...drawn, figure: false, chart: false, failed: true })).toBe("failed");
  });
});

describe("handoutReadiness", () => {
  it("waits while any frame waits", () => {
    expect(handoutReadiness(["drawn", "waiting", "failed"])).toEqual({ ready: null, failed: [3] });
  });

  it("is true when every chart is drawn, failed (with the slides) when some failed", () => {
    expect(handoutReadiness(["drawn", "drawn"])).toEqual({ ready: "true", failed: [] });
    expect(handoutReadiness(["drawn", "failed", "failed"])).toEqual({ ready: "failed", failed: [2, 3] });
  });
});

describe("handoutScale", () => {
  it("shows the whole 16:9 frame in the room left, never enlarged", () => {
    expect(handoutScale({ width: 1000, height: 600 })).toBe(0.781);
    expect(handoutScale({ width: 640, height: 600 })).toBe(0.5);
    expect(handoutScale({ width: 4000, height: 4000 })).toBe(1);
    expect(handoutScale({ width: 640, height: 360 }, HANDOUT_FRAME)).toBe(0.5);
  });

  it("keeps a floor so a long note does not shrink the chart to a thumbnail", () => {
    expect(handoutScale({ width: 1000, height: 50 })).toBe(0.25);
    expect(handoutScale({ width: 0, height: 0 })).toBe(0.25);
  });
});
