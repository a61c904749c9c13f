import * as d3 from "d3";
import { describe, expect, it } from "vitest";
import { dayScale } from "../../../src/lib/timeline/day-scale.js";
import { dayAfter, dayToDate } from "../../../src/lib/timeline/event-labels.js";

const x = d3
  .scaleUtc()
  .domain([dayToDate("2024-01-01"), dayAfter("2025-12-31")])
  .range([180, 1576]);

describe("dayScale", () => {
  it("places each day's start and end as the time scale does", () => {
    const scale = dayScale(x);
    for (const day of ["2024-01-01", "2024-02-29", "2024-12-31", "2025-03-30", "2025-12-31", "2026-01-10"]) {
      expect(scale.px(day)).toBe(x(dayToDate(day)));
      expect(scale.pxEnd(day)).toBe(x(dayAfter(day)));
      // Asked again: the same answer.
      expect(scale.px(day)).toBe(x(dayToDate(day)));
    }
    expect(scale.pxEnd("2025-12-31")).toBe(1576);
  });

  it("scales each day once, however often it is asked", () => {
    let calls = 0;
    const scale = dayScale((d) => {
      calls += 1;
      return x(d);
    });
    for (let i = 0; i < 1000; i++) {
      scale.px(i % 2 ? "2025-05-01" : "2025-06-01");
      scale.pxEnd("2025-05-01");
    }
    expect(calls).toBe(3);
  });
});
