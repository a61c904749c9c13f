import { describe, expect, it } from "vitest";
import type { LaneRow, MarkRow } from "../../../src/lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../../src/lib/timeline/density.js";
import {
  COLLAPSED_HEIGHT,
  chartFrame,
  DENSITY_HEIGHT,
  densityCellBand,
  LANE_PAD,
  laneHeight,
  layoutLanes,
  markRowY,
  ROW,
  sortLanes,
  stackLanes,
  traceBand,
} from "../../../src/lib/timeline/lane-layout.js";
import type { DayScale } from "../../../src/lib/timeline/mark-positions.js";

// Ten px per day from 1 Jan 2025, the plot starting at the frame's label column.
const frame = chartFrame(960);
const base = Date.UTC(2025, 0, 1);
const px = (day: string) => frame.labelWidth + ((Date.parse(`${day}T00:00:00Z`) - base) / 86_400_000) * 10;
const scale: DayScale = { px, pxEnd: (day) => px(day) + 10 };

const lane = (sector: string, label: string, n: number): LaneRow => ({ sector, label, color: "#000", total: n, n });
function mark(id: string, sector: string, date: string, extra: Partial<MarkRow> = {}): MarkRow {
  return {
    id,
    sector,
    summary: id,
    action: "sign",
    strength: "firm",
    status: "announced",
    update_count: 0,
    date,
    date_precision: "day",
    date_from: date,
    date_to: date,
    target_date: null,
    target_date_precision: null,
    target_date_from: null,
    target_date_to: null,
    target_event_id: null,
    target_event: null,
    target_note: null,
    deadline: null,
    overdue: false,
    event_id: "e",
    event: "E",
    ...extra,
  };
}

describe("chartFrame", () => {
  it("gives a wide chart a label column and no lane headers", () => {
    expect(chartFrame(960)).toEqual({ width: 960, compact: false, labelWidth: 210, header: 0, marginRight: 24 });
    expect(chartFrame(700).labelWidth).toBe(182);
    expect(chartFrame().width).toBe(960);
  });
  it("puts a phone's lane names above their lanes", () => {
    expect(chartFrame(500)).toEqual({ width: 500, compact: true, labelWidth: 8, header: 16, marginRight: 10 });
  });
  it("never goes under 280 px", () => {
    expect(chartFrame(100).width).toBe(280);
  });
});

describe("sortLanes", () => {
  const lanes = [lane("b", "Trade", 2), lane("a", "Energy", 5), lane("c", "Health", 2)];
  it("sorts by count, then name", () => {
    expect(sortLanes(lanes, "count").map((l) => l.sector)).toEqual(["a", "c", "b"]);
  });
  it("sorts by name, then id", () => {
    expect(sortLanes([...lanes, lane("d", "Energy", 1)], "name").map((l) => l.sector)).toEqual(["a", "d", "c", "b"]);
  });
  it("leaves its input as it was", () => {
    sortLanes(lanes, "name");
    expect(lanes.map((l) => l.sector)).toEqual(["b", "a", "c"]);
  });
});

describe("lane heights and tops", () => {
  it("sizes a collapsed lane, a density strip and rows of marks", () => {
    expect(laneHeight({ collapsed: true, mode: "marks", rows: 5, header: 16 })).toBe(COLLAPSED_HEIGHT + 16);
    expect(laneHeight({ collapsed: false, mode: "density", rows: 5, header: 0 })).toBe(DENSITY_HEIGHT + LANE_PAD);
    expect(laneHeight({ collapsed: false, mode: "marks", rows: 3, header: 0 })).toBe(3 * ROW + 2 * LANE_PAD);
  });
  it("keeps one row for a lane without marks", () => {
    expect(laneHeight({ collapsed: false, mode: "marks", rows: 0, header: 0 })).toBe(ROW + 2 * LANE_PAD);
    expect(laneHeight({ collapsed: false, mode: "marks", rows: undefined, header: 0 })).toBe(ROW + 2 * LANE_PAD);
  });
  it("stacks lanes one under the other", () => {
    const lanes = [lane("a", "A", 1), lane("b", "B", 1)];
    const { top, end } = stackLanes(
      lanes,
      new Map([
        ["a", 30],
        ["b", 40],
      ]),
      50,
    );
    expect([...top]).toEqual([
      ["a", 50],
      ["b", 80],
    ]);
    expect(end).toBe(120);
  });
});

describe("layoutLanes", () => {
  const state = { sort: "count" as const, collapsed: new Set<string>() };
  const lanes = [lane("x", "X", 3), lane("y", "Y", 1)];
  const marks = [
    mark("m1", "x", "2025-01-10"),
    mark("m2", "x", "2025-01-10"),
    mark("m3", "x", "2025-03-01"),
    mark("m4", "y", "2025-01-10"),
  ];
  it("stacks marks that collide and reuses a free row", () => {
    const layout = layoutLanes({ lanes, total: 4, marks, updates: [] }, { state, frame, scale, axisTop: 40 });
    expect(layout.mode).toBe("marks");
    expect(layout.packed.get("x")).toMatchObject({ rows: [0, 1, 0], count: 2 });
    expect(layout.height.get("x")).toBe(2 * ROW + 2 * LANE_PAD);
    expect(layout.top.get("x")).toBe(44);
    expect(layout.top.get("y")).toBe(44 + 2 * ROW + 2 * LANE_PAD);
    expect(layout.chartHeight).toBe(44 + 2 * ROW + 2 * LANE_PAD + ROW + 2 * LANE_PAD + 6);
  });
  it("keeps a mark's status track clear of the next mark in its row", () => {
    const updates = [
      { commitment_id: "m1", id: "u", status: "done", date: null, date_from: "2025-04-01", date_to: "2025-04-01" },
    ];
    const layout = layoutLanes({ lanes, total: 4, marks, updates }, { state, frame, scale, axisTop: 40 });
    expect(layout.packed.get("x")?.rows).toEqual([0, 1, 1]);
    expect(layout.updatesBy.get("m1")).toEqual(updates);
  });
  it("draws density when the marks were not fetched or are too many", () => {
    const none = layoutLanes({ lanes, total: 4 }, { state, frame, scale, axisTop: 40 });
    expect(none.mode).toBe("density");
    expect(none.packed.size).toBe(0);
    expect(layoutLanes({ lanes, total: MARK_LIMIT + 1, marks }, { state, frame, scale, axisTop: 40 }).mode).toBe(
      "density",
    );
  });
  it("takes a forced mode, and a collapsed lane's height", () => {
    const collapsed = { sort: "name" as const, collapsed: new Set(["x"]) };
    const layout = layoutLanes({ lanes, total: 4 }, { state: collapsed, frame, scale, axisTop: 40, mode: "marks" });
    expect(layout.mode).toBe("marks");
    expect(layout.height.get("x")).toBe(COLLAPSED_HEIGHT);
    expect(layout.height.get("y")).toBe(ROW + 2 * LANE_PAD);
  });
});

describe("positions inside a lane", () => {
  it("centres a row of marks under the lane's padding", () => {
    expect(markRowY(100, 0)).toBe(100 + LANE_PAD + ROW / 2);
    expect(markRowY(100, 2)).toBe(100 + LANE_PAD + 2 * ROW + ROW / 2);
  });
  it("fills the strip with a month's cell and puts a year's bar at its foot", () => {
    const month = densityCellBand(100, false);
    const year = densityCellBand(100, true);
    expect(month).toEqual({ y: 100 + LANE_PAD / 2, height: DENSITY_HEIGHT - 11 });
    expect(year.y + year.height).toBeGreaterThan(month.y + month.height);
    expect(traceBand(100)).toEqual({ y: 106, height: 6 });
  });
});
