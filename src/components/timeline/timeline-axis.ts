/**
 * The timeline's time furniture: the axis along the top of the lanes, the
 * event rules across them (a band for a partial or multi-day date, dashed
 * unless held) with their labels above the axis, placed by
 * src/lib/timeline/rule-label-layout.ts, and the dashed red "today" rule.
 */
import * as d3 from "d3";
import type { ChartFrame } from "../../lib/timeline/lane-layout.js";
import type { DayScale } from "../../lib/timeline/mark-positions.js";
import { LABEL_ROW, type PlacedRule } from "../../lib/timeline/rule-label-layout.js";
import { ruleTitle } from "../../lib/timeline/timeline-chart-words.js";
import { OVERDUE } from "./timeline-symbols.js";

type Svg = d3.Selection<SVGSVGElement, undefined, null, undefined>;
type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/** The vertical reach of the rules: from the axis to the foot of the chart. */
export interface RuleSpan {
  axisTop: number;
  height: number;
}

/** The time axis, its ticks spaced for the width. */
export function drawAxis(svg: Svg, x: d3.ScaleTime<number, number>, frame: ChartFrame, axisTop: number): void {
  const ticks = Math.max(2, Math.floor((frame.width - frame.labelWidth) / (frame.compact ? 70 : 90)));
  svg
    .append("g")
    .attr("transform", `translate(0,${axisTop})`)
    .call(d3.axisTop(x).ticks(ticks).tickSizeOuter(0))
    .call((g) => g.selectAll("text").attr("font-size", 11))
    .call((g) => g.select(".domain").attr("stroke", "var(--theme-foreground-faint)"));
}

/** The event rules and their labels. */
export function drawRules(svg: Svg, rules: readonly PlacedRule[], { axisTop, height }: RuleSpan): void {
  const ruleGroup = svg.append("g").attr("class", "rules");
  for (const rule of rules)
    drawRule(ruleGroup.append("g").attr("data-event", rule.event.id), rule, { axisTop, height });
}

function drawRule(g: Group, { event: e, x0, x1, band, cx, row, labelX, text }: PlacedRule, span: RuleSpan): void {
  const { axisTop, height } = span;
  g.append("title").text(ruleTitle(e));
  if (band) {
    g.append("rect")
      .attr("x", x0)
      .attr("y", axisTop)
      .attr("width", x1 - x0)
      .attr("height", height - axisTop)
      .attr("fill", "var(--theme-foreground-focus)")
      .attr("opacity", 0.07);
  }
  g.append("line")
    .attr("x1", cx)
    .attr("x2", cx)
    .attr("y1", axisTop)
    .attr("y2", height)
    .attr("stroke", e.kind === "commission_session" ? "var(--theme-foreground-muted)" : "var(--theme-foreground-faint)")
    .attr("stroke-dasharray", e.status === "held" ? null : "3 3");
  if (row < 0) return;
  g.append("line")
    .attr("x1", cx)
    .attr("x2", cx)
    .attr("y1", LABEL_ROW * row + 18)
    .attr("y2", axisTop)
    .attr("stroke", "var(--theme-foreground-faintest)");
  g.append("text")
    .attr("x", labelX)
    .attr("y", LABEL_ROW * row + 14)
    .attr("text-anchor", "middle")
    .attr("font-size", 11)
    .attr("font-weight", e.kind === "commission_session" ? 600 : 400)
    .attr("fill", "currentColor")
    .attr("data-rule-label", "")
    .text(text);
}

/** The "today" rule, when today is in the window drawn. */
export function drawToday(svg: Svg, today: string, scale: DayScale, frame: ChartFrame, span: RuleSpan): void {
  const { axisTop, height } = span;
  const todayX = scale.px(today);
  if (!(todayX >= frame.labelWidth && todayX <= frame.width - frame.marginRight)) return;
  const g = svg.append("g").attr("class", "today").attr("data-today", today);
  g.append("line")
    .attr("x1", todayX)
    .attr("x2", todayX)
    .attr("y1", axisTop)
    .attr("y2", height)
    .attr("stroke", OVERDUE)
    .attr("stroke-width", 1.5)
    .attr("stroke-dasharray", "4 3");
  const left = todayX > frame.width - frame.marginRight - 50;
  g.append("text")
    .attr("x", todayX + (left ? -4 : 4))
    .attr("y", axisTop + 13)
    .attr("text-anchor", left ? "end" : "start")
    .attr("font-size", 11)
    // Text in the text colour: the overdue red is a graphic's colour (3:1), not a text's (4.5:1).
    .attr("fill", "var(--theme-foreground)")
    .attr("font-weight", 600)
    .attr("stroke", "var(--theme-background)")
    .attr("stroke-width", 3)
    .attr("paint-order", "stroke")
    .text("Today");
}
