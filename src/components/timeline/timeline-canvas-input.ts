/**
 * The reader's input on canvas-drawn marks (timeline-marks-canvas.ts), as
 * timeline-interaction.ts and timeline-keyboard.ts give it to SVG marks:
 * the tooltip over the mark under the pointer, a click opening it; and the
 * keyboard: the marks are one Tab stop (the layer holding the canvases), an
 * arrow key moves to the nearest mark in that direction (nextInDirection),
 * Home and End to the earliest and latest, Enter or Space opens it. The mark
 * the keyboard is on is drawn with a focus ring (an SVG circle over the
 * canvas), its tooltip shown and its name announced (a polite live region).
 * The mark under a point comes from src/lib/timeline/mark-hit-grid.ts. Which
 * mark the keyboard was on is kept per lane state, so a redraw (a lane
 * collapsed, a resize) keeps it.
 */
import * as d3 from "d3";
import type { LaneState } from "../../lib/timeline/lane-layout.js";
import { type HitGrid, hitGrid, markAt } from "../../lib/timeline/mark-hit-grid.js";
import { markLabel, markListLabel, markTooltip } from "../../lib/timeline/timeline-chart-words.js";
import { el } from "../dom.js";
import { bindCanvasTabStop } from "./canvas-tab-stop.js";
import type { Tooltip } from "./timeline-interaction.js";
import type { CanvasMarks } from "./timeline-marks-canvas.js";

type OnSelect = (id: string, trigger: Element) => void;

/** The commitment the keyboard was on in a chart's canvas marks, by the page's lane state. */
const keyboardMark = new WeakMap<LaneState, string>();

/** A ring over a mark (hover or keyboard focus), hidden until placed. */
function ring(svg: SVGSVGElement, className: string): SVGCircleElement {
  return d3
    .select(svg)
    .append("circle")
    .attr("class", className)
    .attr("r", 9)
    .attr("fill", "none")
    .attr("aria-hidden", "true")
    .style("pointer-events", "none")
    .attr("visibility", "hidden")
    .node() as SVGCircleElement;
}

function place(circle: SVGCircleElement, at: { cx: number; y: number } | null, id = ""): void {
  if (!at) {
    circle.setAttribute("visibility", "hidden");
    circle.removeAttribute("data-id");
    return;
  }
  circle.setAttribute("cx", String(at.cx));
  circle.setAttribute("cy", String(at.y));
  circle.setAttribute("data-id", id);
  circle.setAttribute("visibility", "visible");
}

/**
 * Binds hover, click and keys for `drawn` in `svg` (whose layer `layer` holds
 * the canvases); returns the live region to add beside the chart.
 */
export function bindCanvasMarks(
  svg: SVGSVGElement,
  layer: SVGGElement,
  drawn: CanvasMarks,
  { tip, state, onSelect }: { tip: Tooltip; state: LaneState; onSelect?: OnSelect },
): HTMLElement {
  const { hits, marks } = drawn;
  // Made when the pointer first comes: 50,000 marks bucketed are not for the first draw.
  let grid: HitGrid | null = null;
  const hover = ring(svg, "aa-mark-hover");
  const focus = ring(svg, "aa-mark-focus");
  const live = el("div", { class: "aa-visually-hidden", "aria-live": "polite", "data-testid": "timeline-mark-now" });
  const pointAt = (event: MouseEvent) => {
    const ctm = svg.getScreenCTM();
    if (!ctm) return -1;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    grid ??= hitGrid(hits);
    return markAt(grid, p.x, p.y);
  };
  svg.addEventListener("mousemove", (event) => {
    const i = pointAt(event);
    if (i < 0) {
      if (hover.getAttribute("data-id")) tip.hide();
      place(hover, null);
      return;
    }
    if (hover.getAttribute("data-id") === marks[i].id) return;
    place(hover, hits[i], marks[i].id);
    tip.show(hover, markTooltip(marks[i]));
  });
  svg.addEventListener("mouseleave", () => {
    place(hover, null);
    tip.hide();
  });
  svg.addEventListener("click", (event) => {
    const i = pointAt(event);
    if (i >= 0) onSelect?.(marks[i].id, layer);
  });
  bindCanvasKeys(layer, { drawn, focus, live, tip, state, onSelect });
  return live;
}

/** The marks' one Tab stop: arrow keys, Home, End, Enter and Space on `layer` (canvas-tab-stop.ts). */
function bindCanvasKeys(
  layer: SVGGElement,
  parts: {
    drawn: CanvasMarks;
    focus: SVGCircleElement;
    live: HTMLElement;
    tip: Tooltip;
    state: LaneState;
    onSelect?: OnSelect;
  },
): void {
  const { drawn, focus, live, tip, state, onSelect } = parts;
  bindCanvasTabStop(layer, {
    label: markListLabel(drawn.hits.length),
    focusKey: "canvas-marks",
    kept: keyboardMark,
    state,
    stops: () => drawn.hits.map((h, i) => ({ id: drawn.marks[i].id, x: h.cx, y: h.y, i })),
    show: (stop) => {
      const m = drawn.marks[stop.i];
      place(focus, drawn.hits[stop.i], m.id);
      live.textContent = markLabel(m);
      tip.show(focus, markTooltip(m));
    },
    hide: () => {
      place(focus, null);
      tip.hide();
    },
    activate: (stop) => onSelect?.(stop.id, layer),
  });
}
