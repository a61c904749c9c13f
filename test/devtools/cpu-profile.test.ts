/**
 * Summarising a Chromium CPU profile by self time per function: each sample
 * lasts until the next, nodes of one function on different call paths are
 * added together, labels name the function, its file and line, and the busy
 * functions leave out idle time and crumbs.
 */
import { describe, expect, it } from "vitest";
import { busiestFunctions, type CdpProfile, selfTimeByFunction } from "../../devtools/cpu-profile.js";

const frame = (functionName: string, url = "", lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

const profile: CdpProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)") },
    { id: 2, callFrame: frame("(idle)") },
    { id: 3, callFrame: frame("draw", "http://127.0.0.1:4000/_import/components/network-canvas.abc123.js?v=1", 41) },
    // The same function reached by another call path: a second node.
    { id: 4, callFrame: frame("draw", "http://127.0.0.1:4000/_import/components/network-canvas.abc123.js?v=1", 41) },
    { id: 5, callFrame: frame("", "http://127.0.0.1:4000/_npm/d3@7/index.js", 9) },
    { id: 6, callFrame: frame("(garbage collector)") },
  ],
  samples: [2, 3, 4, 5, 3, 6, 2],
  // Microseconds since the previous sample: sample i lasts timeDeltas[i + 1].
  timeDeltas: [0, 5000, 30000, 2000, 1500, 12000, 400],
};

describe("selfTimeByFunction", () => {
  it("adds up each function's samples, each lasting until the next one, heaviest first", () => {
    expect(selfTimeByFunction(profile)).toEqual([
      { name: "draw (network-canvas.abc123.js:42)", selfMs: 30 + 2 + 12 },
      { name: "(idle)", selfMs: 5 },
      { name: "(anonymous) (index.js:10)", selfMs: 1.5 },
      { name: "(garbage collector)", selfMs: 0.4 },
    ]);
  });

  it("counts nothing for a profile of one sample (it has no next)", () => {
    expect(selfTimeByFunction({ ...profile, samples: [3], timeDeltas: [100] })).toEqual([]);
  });
});

describe("busiestFunctions", () => {
  it("leaves out idle time and functions under the minimum, and keeps the top ones", () => {
    const all = selfTimeByFunction(profile);
    expect(busiestFunctions(all).map((s) => s.name)).toEqual([
      "draw (network-canvas.abc123.js:42)",
      "(anonymous) (index.js:10)",
    ]);
    expect(busiestFunctions(all, 1, 0)).toEqual([{ name: "draw (network-canvas.abc123.js:42)", selfMs: 44 }]);
  });
});
