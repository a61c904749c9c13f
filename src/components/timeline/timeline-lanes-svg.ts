/**
 * The timeline's lanes: each sector's alternating band with its name, count
 * and colour and a collapse toggle over its name (measured to fit its
 * column, cut only when that is short, the whole name then its tooltip; the lane list is a vertical
 * toolbar, one Tab stop, timeline-keyboard.ts), and what each lane holds: its commitment
 * marks (timeline-marks-svg.ts), its density cells, or, collapsed, its trace
 * (timeline-density-svg.ts). Positions come from
 * src/lib/timeline/lane-layout.ts.
 */
import type * as d3 from "d3";
import type { LaneRow } from "../../lib/sql/timeline-queries.js";
import {
  type ChartFrame,
  type LaneLayout,
  type LaneState,
  markRowY,
  type PackedLane,
} from "../../lib/timeline/lane-layout.js";
import { NAME_X } from "../../lib/timeline/lane-names.js";
import type { DayScale } from "../../lib/timeline/mark-positions.js";
import { laneListLabel, laneName, laneToggleLabel } from "../../lib/timeline/timeline-chart-words.js";
import type { TimelineData } from "../../lib/timeline/timeline-rows.js";
import { laneTextWidth } from "./text-width.js";
import { type DensityCell, densityOpacity, drawCollapsedTrace, drawDensityCells } from "./timeline-density-svg.js";
import type { PlacedMark } from "./timeline-marks-canvas.js";
import { drawLaneMarks, FOCUSABLE_MARKS, type MarkContext, type MarkStop } from "./timeline-marks-svg.js";

type Svg = d3.Selection<SVGSVGElement, undefined, null, undefined>;
type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/** Gives a lane's toggle its behaviour (timeline-interaction.ts laneToggle). */
export type BindToggle = (toggle: Group, lane: LaneRow) => void;

/** The lanes' bands, names and toggles, in layout order. */
export function drawLanes(svg: Svg, layout: LaneLayout, frame: ChartFrame, state: LaneState, bindToggle: BindToggle) {
  const laneGroup = svg
    .append("g")
    .attr("class", "lanes")
    .attr("role", "toolbar")
    .attr("aria-orientation", "vertical")
    .attr("aria-label", laneListLabel(layout.lanes.length));
  layout.lanes.forEach((lane, i) => {
    const top = layout.top.get(lane.sector) ?? 0;
    const h = layout.height.get(lane.sector) ?? 0;
    const g = laneGroup.append("g").attr("data-lane", lane.sector);
    g.append("rect")
      .attr("x", 0)
      .attr("y", top)
      .attr("width", frame.width)
      .attr("height", h)
      .attr("fill", i % 2 ? "var(--theme-foreground-faintest)" : "none")
      .attr("opacity", 0.6);
    const toggle = laneToggle(g, lane, { top, h, frame, collapsed: state.collapsed.has(lane.sector) });
    bindToggle(toggle, lane);
    // The count beside the name, outside the toggle (its name says it): a cut
    // name followed by the count would no longer be the start of that name.
    if (!frame.compact)
      g.append("text")
        .attr("x", frame.labelWidth - 8)
        .attr("y", top + 13)
        .attr("text-anchor", "end")
        .attr("fill", "var(--aa-muted)")
        .attr("aria-hidden", "true")
        .style("pointer-events", "none")
        .text(lane.n.toLocaleString("en"));
    g.append("rect")
      .attr("x", frame.compact ? 0 : 4)
      .attr("y", frame.compact ? top + 2 : top + 17)
      .attr("width", frame.compact ? 3 : 10)
      .attr("height", frame.compact ? 13 : 3)
      .attr("fill", lane.color);
  });
}

/** A lane's toggle: a button over its name (and count), ▸ collapsed, ▾ open; the lane list's arrow keys reach it. */
function laneToggle(
  g: Group,
  lane: LaneRow,
  { top, h, frame, collapsed }: { top: number; h: number; frame: ChartFrame; collapsed: boolean },
): Group {
  const { compact, labelWidth, width, header } = frame;
  const toggle = g
    .append("g")
    .attr("class", "aa-lane-toggle")
    .attr("role", "button")
    .attr("tabindex", -1)
    .attr("aria-expanded", String(!collapsed))
    .attr("aria-label", laneToggleLabel(lane, collapsed))
    .style("cursor", "pointer");
  toggle
    .append("rect")
    .attr("x", 0)
    .attr("y", top)
    .attr("width", compact ? width : labelWidth - 6)
    .attr("height", Math.min(h, compact ? header : 22))
    .attr("fill", "transparent");
  toggle
    .append("text")
    .attr("x", 4)
    .attr("y", top + 13)
    .attr("fill", "currentColor")
    .attr("aria-hidden", "true")
    .text(`${collapsed ? "▸" : "▾"} `);
  const shown = laneName(lane, compact, labelWidth, laneTextWidth());
  toggle
    .append("text")
    .attr("x", NAME_X)
    .attr("y", top + 13)
    .attr("fill", "currentColor")
    .attr("font-weight", 600)
    .text(shown);
  // A cut name shows whole on hover; the toggle's accessible name has it whole already.
  if (shown !== lane.label && !compact) toggle.append("title").text(lane.label);
  return toggle;
}

/**
 * What the lanes' content drew: the density cells (for their tooltips), the
 * number of marks and the marks the keyboard reaches; with `canvas`, the
 * marks placed in their rows but not drawn (timeline-marks-canvas.ts paints them);
 * with `canvasCells`, the density cells likewise (timeline-density-canvas.ts).
 */
export interface LaneContents {
  cells: DensityCell[];
  drawn: number;
  stops: MarkStop[];
  placed: PlacedMark[];
}

/** Each lane's content in `body`: a collapsed lane's trace, its density cells, or its marks (placed only, with `canvas`). */
export function drawLaneContents(
  body: Group,
  data: Pick<TimelineData, "density" | "marks">,
  {
    layout,
    frame,
    scale,
    state,
    canvas = false,
    canvasCells = false,
  }: {
    layout: LaneLayout;
    frame: ChartFrame;
    scale: DayScale;
    state: LaneState;
    canvas?: boolean;
    /** Density cells placed only (timeline-density-canvas.ts paints them). */
    canvasCells?: boolean;
  },
): LaneContents {
  const contents: LaneContents = { cells: [], drawn: 0, stops: [], placed: [] };
  const opacity = densityOpacity(data.density);
  const marks: MarkContext = {
    scale,
    updatesBy: layout.updatesBy,
    focusable: (data.marks?.length ?? 0) <= FOCUSABLE_MARKS,
    stops: contents.stops,
  };
  for (const lane of layout.lanes) {
    const top = (layout.top.get(lane.sector) ?? 0) + frame.header;
    const laneG = body.append("g").attr("data-lane-marks", lane.sector);
    const rows = () => data.density.filter((r) => r.sector === lane.sector);
    if (state.collapsed.has(lane.sector)) drawCollapsedTrace(laneG, lane, rows(), { top, scale, opacity });
    else if (layout.mode === "density")
      drawDensityCells(laneG, lane, rows(), { top, scale, frame, opacity, cells: contents.cells, canvas: canvasCells });
    else {
      const packed = layout.packed.get(lane.sector);
      if (packed && canvas) contents.drawn += placeLaneMarks(packed, top, contents.placed);
      else if (packed) contents.drawn += drawLaneMarks(body, packed, top, marks);
    }
  }
  return contents;
}

/** A lane's marks in their rows, for the canvas renderer; returns how many. */
function placeLaneMarks({ marks, rows }: PackedLane, top: number, placed: PlacedMark[]): number {
  marks.forEach((mark, i) => {
    placed.push({ mark, rowY: markRowY(top, rows[i]) });
  });
  return marks.length;
}
