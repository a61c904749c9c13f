/**
 * The reader's input on canvas-drawn density cells (timeline-density-canvas.ts),
 * as timeline-interaction.ts gives it to SVG cells: the cell's tooltip under
 * the pointer (a click does nothing more, as on SVG cells: zooming is the
 * brush). And the keyboard, as timeline-canvas-input.ts gives it to canvas
 * marks: the cells are one Tab stop (the layer holding the canvas), an arrow
 * key moves to the nearest cell in that direction (nextInDirection), Home and
 * End to the earliest and latest; the cell the keyboard is on is outlined (an
 * SVG rect over the canvas), its tooltip shown and its words announced (a
 * polite live region). The cell under a point comes from
 * src/lib/timeline/density-hit-test.ts. Which cell the keyboard was on is
 * kept per lane state, so a redraw keeps it.
 */
import * as d3 from "d3";
import type { HitBox } from "../../lib/timeline/density-hit-test.js";
import { densityCellAt, densityHitIndex } from "../../lib/timeline/density-hit-test.js";
import type { LaneState } from "../../lib/timeline/lane-layout.js";
import { cellTooltip } from "../../lib/timeline/timeline-chart-words.js";
import { el } from "../dom.js";
import { bindCanvasTabStop } from "./canvas-tab-stop.js";
import type { DensityCell } from "./timeline-density-svg.js";
import type { Tooltip } from "./timeline-interaction.js";

/** The cell the keyboard was on in a chart's canvas cells (sector, bin, start), by the page's lane state. */
const keyboardCell = new WeakMap<LaneState, string>();

const cellKey = ({ d }: DensityCell) => `${d.sector}|${d.bin}|${d.start}`;

/** The layer's name: what it holds and how to move in it. */
export function cellListLabel(count: number): string {
  return `Density cells, ${count.toLocaleString("en")} counts per sector and month: arrow keys move between them`;
}

/** What the live region says for a cell: its tooltip's words without the hint. */
export function cellAnnouncement(cell: DensityCell): string {
  return cellTooltip(cell.label, cell.d).slice(0, 3).join(", ");
}

/** An outline over a cell (hover or keyboard focus), hidden until placed. */
function outline(svg: SVGSVGElement, className: string): SVGRectElement {
  return d3
    .select(svg)
    .append("rect")
    .attr("class", className)
    .attr("fill", "none")
    .attr("aria-hidden", "true")
    .style("pointer-events", "none")
    .attr("visibility", "hidden")
    .node() as SVGRectElement;
}

function place(rect: SVGRectElement, box: HitBox | null, index = -1): void {
  if (!box) {
    rect.setAttribute("visibility", "hidden");
    rect.removeAttribute("data-cell");
    return;
  }
  rect.setAttribute("x", String(box.x0 - 1));
  rect.setAttribute("y", String(box.y - 1));
  rect.setAttribute("width", String(box.width + 2));
  rect.setAttribute("height", String(box.height + 2));
  rect.setAttribute("data-cell", String(index));
  rect.setAttribute("visibility", "visible");
}

/**
 * Binds hover and keys for `cells` in `svg` (whose layer `layer` holds the
 * canvas); returns the live region to add beside the chart.
 */
export function bindCanvasDensity(
  svg: SVGSVGElement,
  layer: SVGGElement,
  cells: readonly DensityCell[],
  { tip, state }: { tip: Tooltip; state: LaneState },
): HTMLElement {
  // The hit test's index and the keyboard's order are made on first use, not with the draw.
  let index: ReturnType<typeof densityHitIndex> | null = null;
  const hover = outline(svg, "aa-cell-hover");
  const focus = outline(svg, "aa-cell-focus");
  const live = el("div", { class: "aa-visually-hidden", "aria-live": "polite", "data-testid": "timeline-cell-now" });
  svg.addEventListener("mousemove", (event) => {
    const ctm = svg.getScreenCTM();
    const p = ctm ? new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse()) : null;
    index ??= densityHitIndex(cells.map((c) => c.box));
    const i = p ? densityCellAt(index, p.x, p.y) : -1;
    if (i < 0) {
      if (hover.hasAttribute("data-cell")) tip.hide();
      place(hover, null);
      return;
    }
    if (hover.getAttribute("data-cell") === String(i)) return;
    place(hover, cells[i].box, i);
    tip.show(hover, cellTooltip(cells[i].label, cells[i].d));
  });
  svg.addEventListener("mouseleave", () => {
    place(hover, null);
    tip.hide();
  });
  bindCellKeys(layer, { cells, focus, live, tip, state });
  return live;
}

/** The cells' one Tab stop: arrow keys, Home and End on `layer` (canvas-tab-stop.ts). */
function bindCellKeys(
  layer: SVGGElement,
  parts: { cells: readonly DensityCell[]; focus: SVGRectElement; live: HTMLElement; tip: Tooltip; state: LaneState },
): void {
  const { cells, focus, live, tip, state } = parts;
  bindCanvasTabStop(layer, {
    label: cellListLabel(cells.length),
    focusKey: "canvas-cells",
    kept: keyboardCell,
    state,
    stops: () =>
      cells.map((c, i) => ({ id: cellKey(c), x: c.box.x0 + c.box.width / 2, y: c.box.y + c.box.height / 2, i })),
    show: (stop) => {
      const cell = cells[stop.i];
      place(focus, cell.box, stop.i);
      live.textContent = cellAnnouncement(cell);
      tip.show(focus, cellTooltip(cell.label, cell.d));
    },
    hide: () => {
      place(focus, null);
      tip.hide();
    },
  });
}
