import { describe, expect, it } from "vitest";
import { MARK_WIDTH } from "../../../src/lib/timeline/density.js";
import {
  binLastDay,
  binSpan,
  clippedBinSpan,
  type DayScale,
  markExtent,
  markFootprint,
  markSpan,
  statusTrack,
  targetSpan,
} from "../../../src/lib/timeline/mark-positions.js";

// One px per day from 1 Jan 2025: a day's left edge is its index, its right edge the next index.
const base = Date.UTC(2025, 0, 1);
const dayIndex = (day: string) => (Date.parse(`${day}T00:00:00Z`) - base) / 86_400_000;
const scale: DayScale = { px: dayIndex, pxEnd: (day) => dayIndex(day) + 1 };

const onDay = { date_from: "2025-01-11", date_to: "2025-01-11", date_precision: "day" };
const inMonth = { date_from: "2025-02-01", date_to: "2025-02-28", date_precision: "month" };
const noTarget = { deadline: null, target_date_precision: null, target_date_from: null, target_date_to: null };

describe("markSpan", () => {
  it("puts a mark dated to the day on a point", () => {
    expect(markSpan(onDay, scale)).toEqual({ x0: 10, x1: 10, cx: 10, partial: false });
  });
  it("spans a month for a date known to the month, centred", () => {
    expect(markSpan(inMonth, scale)).toEqual({ x0: 31, x1: 59, cx: 45, partial: true });
  });
  it("treats an unknown precision as partial", () => {
    expect(markSpan({ ...onDay, date_to: "2025-01-20", date_precision: null }, scale).partial).toBe(true);
  });
});

describe("targetSpan", () => {
  it("is null without a deadline", () => {
    expect(targetSpan(noTarget, scale)).toBeNull();
  });
  it("is the deadline's point for a target dated to the day", () => {
    const t = {
      deadline: "2025-03-01",
      target_date_precision: "day",
      target_date_from: "2025-03-01",
      target_date_to: "2025-03-01",
    };
    expect(targetSpan(t, scale)).toEqual({ x0: 59, x1: 59, partial: false });
  });
  it("spans a target known to the month", () => {
    const t = {
      deadline: "2025-03-31",
      target_date_precision: "month",
      target_date_from: "2025-03-01",
      target_date_to: "2025-03-31",
    };
    expect(targetSpan(t, scale)).toEqual({ x0: 59, x1: 90, partial: true });
  });
  it("spans a target that is a span of dates (2025-03/2025-04), from its first day to its deadline at the end", () => {
    const t = {
      deadline: "2025-04-30",
      target_date_precision: "span",
      target_date_from: "2025-03-01",
      target_date_to: "2025-04-30",
    };
    expect(targetSpan(t, scale)).toEqual({ x0: 59, x1: 120, partial: true });
  });
  it("falls back to the deadline's point when a partial target has no first day", () => {
    const t = {
      deadline: "2025-03-31",
      target_date_precision: "month",
      target_date_from: null,
      target_date_to: "2025-03-31",
    };
    expect(targetSpan(t, scale)).toEqual({ x0: 89, x1: 89, partial: false });
  });
});

describe("markExtent", () => {
  it("is the mark's point with 5 px either side", () => {
    expect(markExtent({ ...onDay, ...noTarget }, [], scale, 0, 1000)).toEqual({ x0: 5, x1: 15 });
  });
  it("reaches the target and the last status update", () => {
    const m = {
      ...onDay,
      deadline: "2025-03-01",
      target_date_precision: "day",
      target_date_from: null,
      target_date_to: null,
    };
    expect(markExtent(m, [], scale, 0, 1000).x1).toBe(59 + 5);
    expect(markExtent(m, [{ date_from: "2025-04-10" }], scale, 0, 1000).x1).toBe(99 + 5);
  });
  it("reaches the end of a partial target", () => {
    const m = {
      ...onDay,
      deadline: "2025-03-31",
      target_date_precision: "month",
      target_date_from: "2025-03-01",
      target_date_to: "2025-03-31",
    };
    expect(markExtent(m, [], scale, 0, 1000).x1).toBe(90 + 5);
  });
  it("is clipped to the plot", () => {
    const m = {
      ...onDay,
      deadline: "2025-12-31",
      target_date_precision: "day",
      target_date_from: null,
      target_date_to: null,
    };
    expect(markExtent(m, [], scale, 20, 100)).toEqual({ x0: 15, x1: 105 });
  });
});

describe("markFootprint", () => {
  it("is the symbol's width around a point, whatever the target", () => {
    expect(markFootprint(onDay, scale)).toEqual({ x0: 10 - MARK_WIDTH / 2, x1: 10 + MARK_WIDTH / 2 });
  });
  it("covers a span", () => {
    expect(markFootprint(inMonth, scale)).toEqual({ x0: 31 - MARK_WIDTH / 2, x1: 59 + MARK_WIDTH / 2 });
  });
});

describe("statusTrack", () => {
  it("runs from the mark as announced, then in each update's status", () => {
    const track = statusTrack(
      10,
      [
        { id: "u1", status: "in_progress", date_from: "2025-01-21" },
        { id: "u2", status: "done", date_from: "2025-02-01" },
      ],
      scale,
    );
    expect(track.segments).toEqual([
      { from: 10, to: 20, status: "announced" },
      { from: 20, to: 31, status: "in_progress" },
    ]);
    expect(track.dots).toEqual([
      { id: "u1", x: 20, status: "in_progress" },
      { id: "u2", x: 31, status: "done" },
    ]);
  });
  it("is empty without updates", () => {
    expect(statusTrack(10, [], scale)).toEqual({ segments: [], dots: [] });
  });
});

describe("density bins", () => {
  it("ends a month bin with its month and a year bin with its year", () => {
    expect(binLastDay({ bin: "month", start: "2024-02-01" })).toBe("2024-02-29");
    expect(binLastDay({ bin: "year", start: "2025-01-01" })).toBe("2025-12-31");
    expect(binSpan({ bin: "month", start: "2025-02-01" }, scale)).toEqual({ x0: 31, x1: 59 });
  });
  it("clips a bin to the plot, and drops one left with nothing", () => {
    expect(clippedBinSpan({ bin: "month", start: "2025-02-01" }, scale, 40, 50)).toEqual({ x0: 40, x1: 50 });
    expect(clippedBinSpan({ bin: "month", start: "2025-02-01" }, scale, 60, 100)).toBeNull();
  });
});
