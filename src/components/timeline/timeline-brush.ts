/**
 * The strip under the timeline for zooming: the whole extent of the records
 * in scope with the event dates as ticks and the window drawn as a brush.
 * Drag across it to zoom (`onZoom(range)`), double-click to show all
 * (`onZoom(null)`).
 */
import * as d3 from "d3";
import type { TimeRange } from "../../lib/sql/timeline-queries.js";
import { dateToDay, dayAfter, dayToDate } from "../../lib/timeline/event-labels.js";
import type { ChartFrame } from "../../lib/timeline/lane-layout.js";
import type { TimelineData } from "../../lib/timeline/timeline-rows.js";

/** The strip's brush: the window drawn, and a drag across ends in `onZoom` with the days it covers. */
function windowBrush(
  x: d3.ScaleTime<number, number>,
  { labelWidth, width, marginRight }: Pick<ChartFrame, "labelWidth" | "width" | "marginRight">,
  onZoom?: (range: TimeRange | null) => void,
): d3.BrushBehavior<undefined> {
  return d3
    .brushX<undefined>()
    .extent([
      [labelWidth, 2],
      [width - marginRight, 24],
    ])
    .on("end", (event: d3.D3BrushEvent<undefined>) => {
      if (!event.sourceEvent) return;
      const sel = event.selection as [number, number] | null;
      if (!sel || sel[1] - sel[0] < 3) return;
      const from = dateToDay(x.invert(sel[0]));
      const last = Math.max(x.invert(sel[1]).getTime() - 1, x.invert(sel[0]).getTime());
      onZoom?.({ from, to: dateToDay(new Date(last)) });
    });
}

export function brushStrip(
  data: Pick<TimelineData, "events" | "domain" | "extent">,
  frame: Pick<ChartFrame, "labelWidth" | "width" | "marginRight">,
  onZoom?: (range: TimeRange | null) => void,
): Element {
  const { width, labelWidth, marginRight } = frame;
  const height = 40;
  const x = d3
    .scaleUtc()
    .domain([dayToDate(data.extent.from), dayAfter(data.extent.to)])
    .range([labelWidth, width - marginRight]);
  const svg = d3
    .create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("class", "aa-brush")
    .attr("aria-label", "Time window: drag across the strip to zoom, double-click to show all")
    .style("max-width", "100%")
    .style("font", "11px var(--sans-serif)");
  svg.append("text").attr("x", 4).attr("y", 16).attr("fill", "var(--theme-foreground-muted)").text("Zoom: drag here");
  svg
    .append("rect")
    .attr("x", labelWidth)
    .attr("y", 4)
    .attr("width", width - marginRight - labelWidth)
    .attr("height", 18)
    .attr("fill", "var(--theme-foreground-faintest)");
  for (const e of data.events)
    svg
      .append("line")
      .attr("x1", x(dayToDate(e.start_date_from)))
      .attr("x2", x(dayToDate(e.start_date_from)))
      .attr("y1", 6)
      .attr("y2", 20)
      .attr("stroke", "var(--theme-foreground-faint)");
  svg
    .append("g")
    .attr("transform", "translate(0,22)")
    .call(
      d3
        .axisBottom(x)
        .ticks(Math.max(2, Math.floor((width - labelWidth) / 90)))
        .tickSizeOuter(0),
    );
  const brush = windowBrush(x, frame, onZoom);
  const g = svg.append("g").call(brush);
  const whole = data.domain.from <= data.extent.from && data.domain.to >= data.extent.to;
  if (!whole) g.call(brush.move, [x(dayToDate(data.domain.from)), x(dayAfter(data.domain.to))]);
  svg.on("dblclick", () => onZoom?.(null));
  return svg.node() as SVGSVGElement;
}
