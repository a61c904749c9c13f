/**
 * Sector timelines: one lane per sector, time on x. Events are labelled
 * rules (a span when their date is partial); commitments are marks at their
 * date (a span for a year or month), shaped by strength and coloured by
 * status, joined to a hollow marker at their target, with their status
 * updates as a coloured track; overdue marks carry a red ring; a "today"
 * rule. When marks would overlap past legibility (src/lib/timeline/density.ts)
 * the lanes show counts per month instead. Lanes sort by count or name and
 * collapse; a brush under the chart zooms.
 *
 * `timelineChart(data, {width, state, mode, onSelect, onZoom})` → element.
 * Rows come from src/lib/sql/timeline-queries.ts. This file holds the state
 * and the public API and puts the parts together: the layout is in
 * src/lib/timeline/ (lane-layout.ts, rule-label-layout.ts, mark-positions.ts),
 * the words in timeline-chart-words.ts there; the drawing is
 * timeline-lanes-svg.ts, timeline-marks-svg.ts (or, past CANVAS_MARKS marks,
 * timeline-marks-canvas.ts, src/lib/timeline/mark-renderer-choice.ts), timeline-density-svg.ts (or, past
 * CANVAS_CELLS cells, timeline-density-canvas.ts, density-renderer-choice.ts),
 * timeline-axis.ts, timeline-legend.ts and timeline-brush.ts; the reader's
 * input timeline-interaction.ts, and the keyboard (the marks one Tab stop,
 * the lane list another, focus kept across redraws) timeline-keyboard.ts, and
 * on canvas marks timeline-canvas-input.ts, on canvas cells timeline-density-canvas-input.ts (both one
 * Tab stop through canvas-tab-stop.ts).
 * Record text goes in as text only.
 */
import * as d3 from "d3";
import type { MarkRow, TimeRange } from "../../lib/sql/timeline-queries.js";
import { dayScale } from "../../lib/timeline/day-scale.js";
import type { TimelineMode } from "../../lib/timeline/density.js";
import { chooseDensityRenderer } from "../../lib/timeline/density-renderer-choice.js";
import { dayAfter, dayToDate } from "../../lib/timeline/event-labels.js";
import { sortEarliestFirst } from "../../lib/timeline/keyboard-place.js";
import {
  type ChartFrame,
  chartFrame,
  type LaneLayout,
  type LaneLayoutInput,
  type LaneState,
  layoutLanes,
} from "../../lib/timeline/lane-layout.js";
import { fitLanes, frameFitNote } from "../../lib/timeline/lanes-in-frame.js";
import type { DayScale } from "../../lib/timeline/mark-positions.js";
import { chooseMarkRenderer, type MarkRenderer } from "../../lib/timeline/mark-renderer-choice.js";
import { layoutRules, type RuleLayout } from "../../lib/timeline/rule-label-layout.js";
import { chartLabel, frameModeNote, markListLabel, modeNote } from "../../lib/timeline/timeline-chart-words.js";
import type { TimelineData } from "../../lib/timeline/timeline-rows.js";
import { el, emptyState } from "../dom.js";
import { laneTextWidth } from "./text-width.js";
import { drawAxis, drawRules, drawToday } from "./timeline-axis.js";
import { brushStrip } from "./timeline-brush.js";
import { bindCanvasMarks } from "./timeline-canvas-input.js";
import { drawCanvasDensity } from "./timeline-density-canvas.js";
import { bindCanvasDensity } from "./timeline-density-canvas-input.js";
import type { DensityCell } from "./timeline-density-svg.js";
import { bindMarkEvents, laneToggle, laneToolbar, showMarkTip, type Tooltip, tooltip } from "./timeline-interaction.js";
import { type ChartKeyboard, chartKeyboard } from "./timeline-keyboard.js";
import { drawLaneContents, drawLanes, type LaneContents } from "./timeline-lanes-svg.js";
import { timelineLegend } from "./timeline-legend.js";
import { drawCanvasMarks, type PlacedMark } from "./timeline-marks-canvas.js";
import { timelineTable } from "./timeline-table.js";

export interface TimelineOptions {
  width?: number;
  state?: LaneState;
  /** Force a mode (the benchmark draws one zoomed year's marks); by default the density rule decides. */
  mode?: TimelineMode;
  /**
   * Force the marks' and the density cells' renderer (`?renderer=`, the benchmark); by default SVG up to
   * CANVAS_MARKS marks (CANVAS_CELLS cells), canvas past.
   */
  renderer?: MarkRenderer | null;
  onSelect?: (id: string, trigger: Element) => void;
  onZoom?: (range: TimeRange | null) => void;
  /**
   * The frame options: the chart's drawing is `scale` times its own pixels
   * (the type scale, lanes-in-frame.ts timelineScale); with `frame` (fit=frame)
   * its lanes switch to density or collapse until they fit the room left
   * under the toolbar and over the legend, saying so in the note.
   */
  fit?: { scale: number; frame: boolean; keep?: string | null };
}

type Options = TimelineOptions & { state: LaneState; room?: number };
type OnSelect = NonNullable<TimelineOptions["onSelect"]>;

export function timelineChart(data: TimelineData, options: TimelineOptions = {}): HTMLElement {
  const state = options.state ?? { sort: "count", collapsed: new Set<string>() };
  const root = el("div", { class: "aa-timeline" });
  const keyboard = chartKeyboard(root, state);
  // In a frame: the chart box's height as measured once on the page (null until then).
  let room: number | undefined;
  const parts = () => {
    const nodes = render(data, { ...options, state, room }, draw, keyboard);
    if (options.fit?.frame)
      watchRoom(nodes, room, (measured) => {
        room = measured;
        draw();
      });
    return nodes;
  };
  const draw = () => {
    root.replaceChildren(...parts());
    keyboard.restore();
  };
  if (options.fit?.frame) root.dataset.fit = "frame";
  root.replaceChildren(...parts());
  // A chart drawn anew (filters, zoom, resize) takes focus back if the one it replaces had it.
  keyboard.restoreWhenConnected();
  return root;
}

/** The chart's parts for the data and the lane state: toolbar, chart, brush, legend and table. */
function render(data: TimelineData, options: Options, redraw: () => void, keyboard: ChartKeyboard): Node[] {
  const { state } = options;
  const magnify = options.fit?.scale ?? 1;
  const own = options.width === undefined ? undefined : options.width / magnify;
  const frame = chartFrame(own, { lanes: data.lanes, measure: laneTextWidth() });
  if (data.lanes.length === 0 || data.lanes.every((l) => l.total === 0)) {
    return [emptyState("No commitment matches these filters.", "Clear a filter or widen the years.")];
  }
  const x = d3
    .scaleUtc()
    .domain([dayToDate(data.domain.from), dayAfter(data.domain.to)])
    .range([frame.labelWidth, frame.width - frame.marginRight]);
  const scale: DayScale = dayScale(x);
  const rules = layoutRules(data.events, scale, frame);
  const laneInput = { state, frame, scale, axisTop: rules.axisTop, mode: options.mode };
  const fitted = options.fit?.frame
    ? fitToRoom(data, laneInput, { room: options.room, magnify, keep: options.fit.keep })
    : null;
  const layout = fitted?.layout ?? layoutLanes(data, laneInput);
  const drawn = fitted?.state ?? state;
  const renderer = chooseMarkRenderer(data.marks?.length ?? 0, options.renderer);
  const cellRenderer = chooseDensityRenderer(data.density.length, options.renderer);
  const canvasCells = layout.mode === "density" && cellRenderer === "canvas";
  const parts = { x, scale, frame, rules, layout, state: drawn, redraw, canvas: renderer === "canvas", canvasCells };
  const { svg, body, contents } = timelineSvg(data, parts);
  if (options.fit && (options.fit.frame || magnify !== 1)) fitSvg(svg, magnify);
  const tip = tooltip();
  const marks = data.marks ?? [];
  bindMarkEvents(body, { marks, cells: contents.cells, tip, onSelect: options.onSelect });
  const live = contents.placed.length
    ? canvasMarks(svg, body, contents.placed, { layout, frame, scale, magnify, tip, state, onSelect: options.onSelect })
    : canvasCells
      ? canvasDensity(svg, body, contents.cells, {
          width: frame.width,
          height: layout.chartHeight,
          magnify,
          tip,
          state,
        })
      : null;
  // Marks by id for the SVG marks' tooltips, made when the keyboard first reaches one.
  let byId: Map<string, MarkRow> | null = null;
  keyboard.update({
    marks: sortEarliestFirst(contents.stops),
    lanes: [...svg.querySelectorAll<SVGGElement>(".aa-lane-toggle")],
    markFocused: (mark) => {
      if (!mark) return tip.hide();
      byId ??= new Map(marks.map((m) => [m.id, m]));
      showMarkTip(tip, mark, byId);
    },
  });
  const note = fitted
    ? [frameModeNote(layout.mode, contents.drawn, data.domain), fitted.note].join(" ").trim()
    : modeNote(layout.mode, data.total, contents.drawn, data.domain);
  return [
    laneToolbar(layout.lanes, state, redraw, note),
    el("div", { class: "aa-timeline-chart" }, svg, tip.node, ...(live ? [live] : [])),
    brushStrip(data, frame, options.onZoom),
    timelineLegend(layout.mode, fitted !== null),
    tableDetails(data, layout.mode, contents.placed.length > 0, options),
  ];
}

/**
 * The lanes laid out to fit `room` CSS px (the chart box's height, once
 * measured): with a selected commitment (`keep`), its marks kept and other
 * lanes collapsed first; else (or when that is not enough) density instead of
 * marks, then collapsed lanes, then the lanes with the fewest commitments
 * left out. The selected commitment's lane is never collapsed nor left out;
 * `note` says what changed.
 */
function fitToRoom(
  data: TimelineData,
  input: LaneLayoutInput,
  { room, magnify, keep }: { room: number | undefined; magnify: number; keep?: string | null },
): { layout: LaneLayout; state: LaneState; note: string } {
  const first = layoutLanes(data, input);
  if (room === undefined || first.chartHeight * magnify <= room) return { layout: first, state: input.state, note: "" };
  const available = room / magnify;
  const keepLane = keep ? (data.marks?.find((m) => m.id === keep)?.sector ?? null) : null;
  if (keepLane && first.mode === "marks") {
    const kept = collapseToFit(data, input, first, available, keepLane);
    if (kept.fits && kept.hidden === 0) return { layout: kept.layout, state: kept.state, note: kept.note };
  }
  let layout = first;
  const density = first.mode === "marks" && input.mode === undefined;
  if (density) {
    layout = layoutLanes(data, { ...input, mode: "density" });
    if (layout.chartHeight <= available) {
      return { layout, state: input.state, note: frameFitNote(true, 0, 0, true) };
    }
  }
  const fitted = collapseToFit(data, input, layout, available, keepLane);
  return { ...fitted, note: frameFitNote(density, fitted.collapsed, fitted.hidden, fitted.fits) };
}

/** `layout` with lanes collapsed, then left out, until it fits `available` own px (lanes-in-frame.ts fitLanes). */
function collapseToFit(
  data: TimelineData,
  input: LaneLayoutInput,
  layout: LaneLayout,
  available: number,
  keep: string | null,
): { layout: LaneLayout; state: LaneState; note: string; collapsed: number; hidden: number; fits: boolean } {
  const lanesHeight = [...layout.height.values()].reduce((a, b) => a + b, 0);
  const { collapse, hide, fits } = fitLanes({
    lanes: layout.lanes,
    heights: layout.height,
    available: available - (layout.chartHeight - lanesHeight),
    keep,
  });
  const state = { ...input.state, collapsed: new Set([...input.state.collapsed, ...collapse]) };
  const shown = { ...data, lanes: data.lanes.filter((l) => !hide.includes(l.sector)) };
  const next = layoutLanes(shown, { ...input, state, mode: layout.mode });
  const note = frameFitNote(false, collapse.length, hide.length, fits);
  return { layout: next, state, note, collapsed: collapse.length, hidden: hide.length, fits };
}

/** A drawing at `magnify` times its own pixels, shrunk (never cut) when its box is smaller still. */
function fitSvg(svg: SVGSVGElement, magnify: number): void {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  svg.setAttribute("width", String(Math.round(width * magnify)));
  svg.setAttribute("height", String(Math.round(height * magnify)));
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");
  svg.style.maxHeight = "100%";
}

/**
 * Measures the chart box once the chart is on the page and asks for a new
 * drawing when its height is not the one the lanes were fitted to.
 */
function watchRoom(nodes: readonly Node[], used: number | undefined, measured: (room: number) => void): void {
  const box = nodes.find(
    (n): n is HTMLElement => n instanceof HTMLElement && n.classList.contains("aa-timeline-chart"),
  );
  if (!box) return;
  const observer = new ResizeObserver(([entry]) => {
    const room = Math.floor(entry.contentRect.height);
    if (room <= 0 || (used !== undefined && Math.abs(room - used) <= 2)) return;
    observer.disconnect();
    measured(room);
  });
  observer.observe(box);
}

/** The placed marks painted on canvas over the lanes, with their pointer and keyboard input; returns the live region. */
function canvasMarks(
  svg: SVGSVGElement,
  body: d3.Selection<SVGGElement, undefined, null, undefined>,
  placed: readonly PlacedMark[],
  ctx: {
    layout: LaneLayout;
    frame: ChartFrame;
    scale: DayScale;
    magnify: number;
    tip: Tooltip;
    state: LaneState;
    onSelect?: OnSelect;
  },
): HTMLElement {
  const { layout, scale, magnify, frame } = ctx;
  const drawn = drawCanvasMarks(body, placed, {
    scale,
    updatesBy: layout.updatesBy,
    width: frame.width,
    height: layout.chartHeight,
    magnify,
  });
  const layer = body.select<SVGGElement>(".aa-marks-canvas").node() as SVGGElement;
  return bindCanvasMarks(svg, layer, drawn, ctx);
}

/** The density cells painted on canvas over the lanes, with their pointer and keyboard input; returns the live region. */
function canvasDensity(
  svg: SVGSVGElement,
  body: d3.Selection<SVGGElement, undefined, null, undefined>,
  cells: readonly DensityCell[],
  ctx: { width: number; height: number; magnify: number; tip: Tooltip; state: LaneState },
): HTMLElement {
  const layer = drawCanvasDensity(body, cells, ctx);
  return bindCanvasDensity(svg, layer, cells, ctx);
}

interface SvgParts {
  x: d3.ScaleTime<number, number>;
  scale: DayScale;
  frame: ChartFrame;
  rules: RuleLayout;
  layout: LaneLayout;
  state: LaneState;
  redraw: () => void;
  /** Marks placed for the canvas renderer instead of drawn as SVG. */
  canvas: boolean;
  /** Density cells placed for the canvas renderer instead of drawn as SVG. */
  canvasCells: boolean;
}

/** The chart's SVG: lanes, axis, event rules, today, then the lanes' content (its group returned as `body`). */
function timelineSvg(data: TimelineData, parts: SvgParts) {
  const { x, scale, frame, rules, layout, state, redraw, canvas, canvasCells } = parts;
  const { width } = frame;
  const height = layout.chartHeight;
  const svg = d3
    .create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "group")
    .attr("aria-label", chartLabel(data.total, data.domain))
    .attr("data-chart", "timeline")
    .attr("data-mode", layout.mode)
    .style("max-width", "100%")
    .style("font", "12px var(--sans-serif)");
  drawLanes(svg, layout, frame, state, (toggle, lane) => laneToggle(toggle, lane, state, redraw));
  drawAxis(svg, x, frame, rules.axisTop);
  drawRules(svg, rules.rules, { axisTop: rules.axisTop, height });
  drawToday(svg, data.today, scale, frame, { axisTop: rules.axisTop, height });
  const body = svg.append("g").attr("class", "marks");
  const contents: LaneContents = drawLaneContents(body, data, { layout, frame, scale, state, canvas, canvasCells });
  // The marks are one Tab stop (timeline-keyboard.ts; on canvas, timeline-canvas-input.ts), named with their keys.
  if (contents.stops.length) body.attr("role", "group").attr("aria-label", markListLabel(contents.stops.length));
  svg.attr("data-marks", contents.drawn);
  return { svg: svg.node() as SVGSVGElement, body, contents };
}

/**
 * The table under the chart, open as the page last left it. Its rows (up to
 * 2,000) are built when the table is first opened if it is closed and holds
 * the counts per sector and month, or marks painted on canvas: while closed
 * they are not in the accessibility tree anyway, and they were a tenth of the
 * density view's first draw at a million commitments and about a sixth of 50,000
 * canvas marks'. The table of SVG marks (600 at most) is built at once (the
 * chart's keyboard and the panel link into it).
 */
function tableDetails(
  data: TimelineData,
  mode: TimelineMode,
  canvas: boolean,
  { state, onSelect }: Options,
): HTMLElement {
  const open = state.tableOpen === true;
  const lazy = (mode === "density" || canvas) && !open;
  const details = el(
    "details",
    { class: "aa-table-details", open },
    el(
      "summary",
      { class: "aa-table-summary" },
      mode === "marks" ? "Table of the commitments drawn" : "Table of the counts per sector and month",
    ),
    lazy ? null : timelineTable(data, { mode, onSelect }),
  );
  let built = !lazy;
  details.addEventListener("toggle", () => {
    state.tableOpen = details.open;
    if (details.open && !built) {
      built = true;
      details.append(timelineTable(data, { mode, onSelect }));
    }
  });
  return details;
}
