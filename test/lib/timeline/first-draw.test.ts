import { describe, expect, it } from "vitest";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { firstDraw, firstDrawFits, timelineDifference } from "../../../src/lib/timeline/first-draw.js";
import type { StoredMark, TimelineFirstFile } from "../../../src/lib/timeline/timeline-rows.js";

const mark = (id: string, deadline: string | null, status: string): StoredMark =>
  ({ id, sector: "trade", date_precision: "day", date_from: "2025-02-01", deadline, status }) as unknown as StoredMark;

const file = (over: Partial<TimelineFirstFile> = {}): TimelineFirstFile => ({
  first: "2015-03-01",
  last: "2027-02-01",
  lanes: [],
  events: [],
  total: 3,
  marks: [mark("a", "2025-06-30", "announced"), mark("b", null, "announced"), mark("c", null, "done")],
  updates: [],
  cited: [],
  ...over,
});

describe("the timeline's first draw", () => {
  it("works out overdue for the page's day as the SQL does (NULL without a deadline unless closed)", () => {
    const early = firstDraw(file(), "2025-06-30")?.data.marks?.map((m) => m.overdue);
    const late = firstDraw(file(), "2025-07-01")?.data.marks?.map((m) => m.overdue);
    expect(early).toEqual([false, null, false]);
    expect(late).toEqual([true, null, false]);
    expect(firstDraw(file(), "2025-07-01")?.data.density[0]).toMatchObject({ n: 3, overdue: 1, done: 1 });
  });

  it("widens the extent to the page's day as timelineDomain does", () => {
    expect(firstDraw(file(), "2025-01-01")?.extent).toEqual({ from: "2015-01-01", to: "2027-12-31" });
    expect(firstDraw(file(), "2029-08-01")?.extent).toEqual({ from: "2015-01-01", to: "2030-12-31" });
  });

  it("gives nothing without a file, or from density counted on another day", () => {
    const dense = file({
      marks: undefined,
      updates: undefined,
      density: { today: "2026-01-01", sectors: [], cells: [] },
    });
    expect(firstDraw(null, "2026-01-01")).toBeNull();
    expect(firstDraw(dense, "2026-01-02")).toBeNull();
    expect(firstDraw(dense, "2026-01-01")?.data.marks).toBeUndefined();
  });

  it("answers only the unfiltered, unzoomed view", () => {
    expect(firstDrawFits(emptyFilters(), null)).toBe(true);
    expect(firstDrawFits({ ...emptyFilters(), sector: ["trade"] }, null)).toBe(false);
    expect(firstDrawFits(emptyFilters(), { from: "2025-01-01", to: "2025-12-31" })).toBe(false);
  });

  it("finds where two draws differ, whatever their keys' order", () => {
    const a = firstDraw(file(), "2025-07-01")?.data;
    if (!a) throw new Error("no draw");
    const reordered = JSON.parse(JSON.stringify(a, Object.keys(a).sort().reverse()));
    expect(timelineDifference(a, { ...a, marks: a.marks?.map((m) => ({ ...m })) })).toBeNull();
    expect(timelineDifference(a, { ...reordered, ...a })).toBeNull();
    const changed = { ...a, marks: a.marks?.map((m, i) => (i === 1 ? { ...m, overdue: false } : m)) };
    expect(timelineDifference(a, changed)).toBe("marks[1].overdue: null ≠ false");
    expect(timelineDifference(a, { ...a, lanes: [...a.lanes, a.lanes[0]] })).toMatch(/^lanes/);
  });
});
