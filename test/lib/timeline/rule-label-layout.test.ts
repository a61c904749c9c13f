import { describe, expect, it } from "vitest";
import type { RuleRow } from "../../../src/lib/sql/timeline-queries.js";
import type { DayScale } from "../../../src/lib/timeline/mark-positions.js";
import { LABEL_ROW, layoutRules, ruleLabelWidth, rulePriority } from "../../../src/lib/timeline/rule-label-layout.js";

// One px per day from 1 Jan 2025.
const base = Date.UTC(2025, 0, 1);
const px = (day: string) => (Date.parse(`${day}T00:00:00Z`) - base) / 86_400_000;
const scale: DayScale = { px, pxEnd: (day) => px(day) + 1 };

function rule(id: string, kind: string, from: string, to = from, extra: Partial<RuleRow> = {}): RuleRow {
  return {
    id,
    title: id,
    kind,
    status: "held",
    start_date: from,
    start_date_precision: "day",
    start_date_from: from,
    start_date_to: from,
    end_date_to: to,
    series: null,
    series_short: null,
    series_body: null,
    session: null,
    place: null,
    ...extra,
  };
}

describe("layoutRules", () => {
  it("puts the axis under one row of labels when there are none", () => {
    expect(layoutRules([], scale, { width: 1000, compact: false }).axisTop).toBe(LABEL_ROW + 8 + 22);
  });
  it("gives a session's label the first row when labels collide", () => {
    const session = rule("s", "commission_session", "2025-02-10", "2025-02-10", {
      series: "Pakistan–Belarus Joint Ministerial Commission",
      session: 8,
    });
    const { rules, axisTop } = layoutRules([rule("v", "state_visit", "2025-02-10"), session], scale, {
      width: 2000,
      compact: false,
    });
    expect(rules.map((r) => [r.event.id, r.text, r.row])).toEqual([
      ["v", "State visit", 1],
      ["s", "8th JMC", 0],
    ]);
    expect(axisTop).toBe(2 * LABEL_ROW + 8 + 22);
  });
  it("labels a session with its series' own short name when the records give one", () => {
    const session = rule("j", "commission_session", "2025-03-11", "2025-03-12", {
      series: "Pakistan–Belarus Joint Permanent Commission on Cooperation",
      series_short: "JPCC",
      session: 3,
    });
    const [placed] = layoutRules([session], scale, { width: 2000, compact: false }).rules;
    expect(placed.text).toBe("3rd JPCC");
  });
  it("leaves out labels past two rows on a phone, three otherwise", () => {
    const crowd = ["a", "b", "c"].map((id) => rule(id, "business_forum", "2025-03-01"));
    expect(layoutRules(crowd, scale, { width: 2000, compact: true }).rules.map((r) => r.row)).toEqual([0, 1, -1]);
    expect(layoutRules(crowd, scale, { width: 2000, compact: false }).rules.map((r) => r.row)).toEqual([0, 1, 2]);
  });
  it("draws a multi-day event as a band with its line in the middle, a single day as a line", () => {
    const [band, line] = layoutRules(
      [rule("b", "working_group", "2025-01-11", "2025-01-20"), rule("l", "working_group", "2025-06-01")],
      scale,
      { width: 5000, compact: false },
    ).rules;
    expect(band).toMatchObject({ x0: 10, x1: 20, band: true, cx: 15 });
    expect(line).toMatchObject({ band: false, cx: px("2025-06-01") });
  });
  it("keeps a label inside the chart at either edge", () => {
    const text = "Working group";
    const half = ruleLabelWidth(text, "working_group") / 2;
    const { rules } = layoutRules(
      [rule("e", "working_group", "2025-01-01"), rule("f", "working_group", "2025-12-01")],
      scale,
      {
        width: 320,
        compact: false,
      },
    );
    expect(rules[0].labelX).toBe(half + 2);
    expect(rules[1].labelX).toBe(320 - half - 2);
  });
});

describe("rule label priority and width", () => {
  it("ranks sessions, then state visits, then the rest", () => {
    expect([rulePriority("commission_session"), rulePriority("state_visit"), rulePriority("business_forum")]).toEqual([
      0, 1, 2,
    ]);
  });
  it("sets a session's label wider (bold)", () => {
    expect(ruleLabelWidth("8th JMC", "commission_session")).toBeGreaterThan(ruleLabelWidth("8th JMC", "state_visit"));
  });
});
