/**
 * The legend under the timeline chart: status colours, the shape of each
 * strength, how to read targets, partial dates, status tracks and overdue
 * rings, and, in density mode, the cells. (The Share menu's exported legend
 * is timeline-legend-items.ts.)
 */
import * as d3 from "d3";
import { STATUS_META } from "../../lib/model/value-labels.js";
import type { TimelineMode } from "../../lib/timeline/density.js";
import { STRENGTH_SHAPES, type Strength } from "../../lib/timeline/event-labels.js";
import { el } from "../dom.js";
import { OVERDUE, symbolFor } from "./timeline-symbols.js";

function swatch(color: string): HTMLElement {
  return el("span", { class: "aa-swatch-inline", style: `background:${color}` });
}

/** The overdue ring as the marks draw it, beside words in the legend's text colour. */
function overdueRing(): SVGSVGElement {
  const svg = d3.create("svg").attr("width", 14).attr("height", 14).attr("aria-hidden", "true");
  svg
    .append("circle")
    .attr("cx", 7)
    .attr("cy", 7)
    .attr("r", 5.5)
    .attr("fill", "none")
    .attr("stroke", OVERDUE)
    .attr("stroke-width", 2);
  return svg.node() as SVGSVGElement;
}

function shape(strength: Strength): SVGSVGElement {
  const svg = d3.create("svg").attr("width", 14).attr("height", 14).attr("aria-hidden", "true");
  svg
    .append("path")
    .attr("transform", "translate(7,7.5)")
    .attr("d", d3.symbol(symbolFor(strength), 60)())
    .attr("fill", "currentColor");
  return svg.node() as SVGSVGElement;
}

/** The legend under the chart; `compact` (a chart fitted to a frame) keeps what the drawing needs in the fewest words. */
export function timelineLegend(mode: TimelineMode, compact = false): HTMLElement {
  const status = Object.entries(STATUS_META).map(([, meta]) =>
    el("span", { title: meta.description }, swatch(meta.color), meta.label),
  );
  if (compact) {
    return el(
      "div",
      { class: "aa-legend", "aria-label": "Legend" },
      el("span", { class: "aa-legend-title" }, "Status"),
      status,
      mode === "marks"
        ? (Object.keys(STRENGTH_SHAPES) as Strength[]).map((s) => el("span", {}, shape(s), STRENGTH_SHAPES[s].label))
        : null,
      mode === "marks" ? el("span", { "data-legend": "overdue" }, overdueRing(), "overdue") : null,
    );
  }
  return el(
    "div",
    { class: "aa-legend", "aria-label": "Legend" },
    el("span", { class: "aa-legend-title" }, "Status"),
    status,
    el("span", { class: "aa-legend-title" }, "Shape"),
    (Object.keys(STRENGTH_SHAPES) as Strength[]).map((s) => el("span", {}, shape(s), STRENGTH_SHAPES[s].label)),
    el("span", { class: "aa-legend-title" }, "Marks"),
    el(
      "span",
      {},
      "◯ hollow = target date or event · bar = date known only to the month or year · coloured track = status updates",
    ),
    el("span", { "data-legend": "overdue" }, overdueRing(), "red ring = overdue (target passed, no completion)"),
    mode === "density"
      ? el("span", {}, "Density: cell darkness = commitments per month; red base = overdue share")
      : null,
  );
}
