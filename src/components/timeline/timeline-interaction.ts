/**
 * What the reader does with the timeline chart: the tooltip over a mark or a
 * density cell (on a focused mark, timeline-keyboard.ts shows it); picking a
 * mark by click, or by Enter or Space when it has focus; a lane's toggle
 * (click, Enter or Space); the toolbar's lane order and "collapse all". Lane
 * changes go to the page's lane state and redraw the chart, and the keyboard
 * model puts focus back. (Zooming is the brush, timeline-brush.ts; moving
 * between marks and lanes, timeline-keyboard.ts.)
 */
import type * as d3 from "d3";
import type { LaneRow, MarkRow } from "../../lib/sql/timeline-queries.js";
import type { LaneState } from "../../lib/timeline/lane-layout.js";
import { cellTooltip, markTooltip } from "../../lib/timeline/timeline-chart-words.js";
import { el } from "../dom.js";
import type { DensityCell } from "./timeline-density-svg.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;
type OnSelect = (id: string, trigger: Element) => void;

export interface Tooltip {
  node: HTMLElement;
  /** Shows lines (the first in bold) under `anchor`, kept inside the chart. */
  show: (anchor: Element, lines: string[]) => void;
  hide: () => void;
}

export function tooltip(): Tooltip {
  const tip = el("div", { class: "aa-tip", role: "tooltip", hidden: true });
  const show = (anchor: Element, lines: string[]) => {
    tip.replaceChildren(...lines.map((line, i) => (i === 0 ? el("strong", {}, line) : el("div", {}, line))));
    tip.hidden = false;
    const box = anchor.getBoundingClientRect();
    const host = (tip.parentElement ?? tip).getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left - host.left + box.width / 2 - 150), Math.max(0, host.width - 300));
    tip.style.left = `${left}px`;
    tip.style.top = `${box.bottom - host.top + 6}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };
  return { node: tip, show, hide };
}

const closestIn = (target: EventTarget | null, selector: string) =>
  target instanceof Element ? target.closest(selector) : null;
const markOf = (target: EventTarget | null) => closestIn(target, "[data-mark]") as SVGGElement | null;
const cellOf = (target: EventTarget | null) => closestIn(target, "[data-density]");

/** The tooltip of a mark, shown under it. */
export function showMarkTip(tip: Tooltip, mark: SVGGElement, byId: ReadonlyMap<string, MarkRow>): void {
  const m = byId.get(mark.getAttribute("data-id") ?? "");
  if (m) tip.show(mark, markTooltip(m));
}

/**
 * One set of listeners on the lanes' content for all marks and cells (a
 * zoomed year at scale draws tens of thousands): tooltips, and a mark picked
 * by click or Enter/Space. No focus listeners here: Chromium makes an SVG
 * element with one a Tab stop (the keyboard model listens on the chart's root).
 */
export function bindMarkEvents(
  body: Group,
  {
    marks,
    cells,
    tip,
    onSelect,
  }: { marks: readonly MarkRow[]; cells: readonly DensityCell[]; tip: Tooltip; onSelect?: OnSelect },
): void {
  // Made when the pointer first reaches an SVG mark (canvas marks have their own input).
  let byId: Map<string, MarkRow> | null = null;
  const select = (g: SVGGElement) => onSelect?.(g.getAttribute("data-id") ?? "", g);
  const tipFor = (g: SVGGElement | null) => {
    if (!g) return;
    byId ??= new Map(marks.map((m) => [m.id, m]));
    showMarkTip(tip, g, byId);
  };
  body
    .on("mouseover", (event: MouseEvent) => {
      const cell = cellOf(event.target);
      const found = cell ? cells[Number(cell.getAttribute("data-density"))] : undefined;
      if (cell && found) tip.show(cell, cellTooltip(found.label, found.d));
      else tipFor(markOf(event.target));
    })
    .on("mouseout", (event: MouseEvent) => {
      const from = markOf(event.target) ?? cellOf(event.target);
      if ((markOf(event.relatedTarget) ?? cellOf(event.relatedTarget)) !== from) tip.hide();
    })
    .on("click", (event: MouseEvent) => {
      const g = markOf(event.target);
      if (g) select(g);
    })
    .on("keydown", (event: KeyboardEvent) => {
      const g = markOf(event.target);
      if (g && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(g);
      }
    });
}

/**
 * A lane toggle's behaviour: click (or Enter/Space) collapses or expands the
 * lane in `state` and redraws (the keyboard model gives the redrawn toggle
 * focus when the old one had it).
 */
export function laneToggle(toggle: Group, lane: LaneRow, state: LaneState, redraw: () => void): void {
  const collapsed = state.collapsed.has(lane.sector);
  toggle
    .on("click", () => {
      if (collapsed) state.collapsed.delete(lane.sector);
      else state.collapsed.add(lane.sector);
      redraw();
    })
    .on("keydown", (event: KeyboardEvent) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        (event.currentTarget as Element).dispatchEvent(new MouseEvent("click"));
      }
    });
}

/** The toolbar over the chart: lane order, collapse or expand all lanes, and `note`. */
export function laneToolbar(lanes: readonly LaneRow[], state: LaneState, redraw: () => void, note: string) {
  const sortSelect = el(
    "select",
    { "aria-label": "Sort lanes", "data-focus-key": "sort" },
    el("option", { value: "count", selected: state.sort === "count" }, "by count"),
    el("option", { value: "name", selected: state.sort === "name" }, "by name"),
  );
  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value === "name" ? "name" : "count";
    redraw();
  });
  const allCollapsed = lanes.every((l) => state.collapsed.has(l.sector));
  const collapseAll = el(
    "button",
    { type: "button", "data-focus-key": "collapse-all" },
    allCollapsed ? "Expand all lanes" : "Collapse all lanes",
  );
  collapseAll.addEventListener("click", () => {
    if (allCollapsed) state.collapsed.clear();
    else for (const l of lanes) state.collapsed.add(l.sector);
    redraw();
  });
  return el(
    "div",
    { class: "aa-timeline-toolbar" },
    el("label", {}, "Lanes ", sortSelect),
    collapseAll,
    el("span", { class: "aa-timeline-note", "data-testid": "timeline-note" }, note),
  );
}
