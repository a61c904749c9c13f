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
 * `timelineChart(data, {width, state, onSelect, onZoom})` → element. Rows
 * come from src/lib/sql/timeline-queries.ts. Record text goes in as text only.
 */
import * as d3 from "d3";
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META } from "../../lib/model/value-labels.js";
import type { TimeRange } from "../../lib/sql/timeline-queries.js";
import {
  chooseMode,
  type Extent,
  MARK_WIDTH,
  monthEnd,
  packRows,
  placeLabels,
  type TimelineMode,
} from "../../lib/timeline/density.js";
import {
  dateToDay,
  dayAfter,
  dayToDate,
  eventLabel,
  STRENGTH_SHAPES,
  type Strength,
} from "../../lib/timeline/event-labels.js";
import { el, emptyState } from "../dom.js";
import { timelineTable } from "./timeline-table.js";

export interface LaneRow {
  sector: string;
  label: string;
  color: string;
  total: number;
  n: number;
}
export interface MarkRow {
  id: string;
  sector: string;
  summary: string;
  action: string;
  strength: string;
  status: string;
  update_count: number;
  date: string | null;
  date_precision: string | null;
  date_from: string;
  date_to: string;
  target_date: string | null;
  target_date_precision: string | null;
  target_date_from: string | null;
  target_date_to: string | null;
  target_event_id: string | null;
  target_event: string | null;
  target_note: string | null;
  deadline: string | null;
  overdue: boolean;
  event_id: string;
  event: string;
}
export interface UpdateRow {
  commitment_id: string;
  id: string;
  status: string;
  date: string | null;
  date_from: string;
  date_to: string;
}
export interface DensityRow {
  sector: string;
  bin: "month" | "year";
  start: string;
  n: number;
  overdue: number;
  done: number;
}
export interface RuleRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  start_date: string;
  start_date_precision: string;
  start_date_from: string;
  start_date_to: string;
  end_date_to: string;
  series: string | null;
  session: number | null;
  place: string | null;
}

export interface TimelineData {
  lanes: LaneRow[];
  /** Commitments in the window (SQL count). */
  total: number;
  /** Present when the window holds few enough commitments to fetch them. */
  marks?: MarkRow[];
  updates?: UpdateRow[];
  density: DensityRow[];
  events: RuleRow[];
  /** The window drawn, inclusive days. */
  domain: TimeRange;
  /** The whole extent of the records in scope (for the brush). */
  extent: TimeRange;
  today: string;
}

/** Lane order and collapsed lanes: owned by the page so they survive redraws. */
export interface LaneState {
  sort: "count" | "name";
  collapsed: Set<string>;
  /** Whether the table under the chart is open. */
  tableOpen?: boolean;
}

export interface TimelineOptions {
  width?: number;
  state?: LaneState;
  /** Force a mode (the benchmark draws one zoomed year's marks); by default the density rule decides. */
  mode?: TimelineMode;
  onSelect?: (id: string, trigger: Element) => void;
  onZoom?: (range: TimeRange | null) => void;
}

const ROW = 14;
const LANE_PAD = 8;
const DENSITY_HEIGHT = 30;
const COLLAPSED_HEIGHT = 18;
const OVERDUE = "#b3001b";
/** Marks are focusable one by one up to this many (beyond, the table below is the way in). */
const FOCUSABLE_MARKS = 600;

const statusColor = (s: string) => STATUS_META[s as Status]?.color ?? "#999";
const statusLabel = (s: string) => STATUS_META[s as Status]?.label ?? s;
const SYMBOLS: Record<string, d3.SymbolType> = {
  circle: d3.symbolCircle,
  triangle: d3.symbolTriangle,
  diamond: d3.symbolDiamond,
};
const symbolFor = (strength: string) => SYMBOLS[STRENGTH_SHAPES[strength as Strength]?.shape ?? "circle"];
const symbolPaths = new Map<string, string>();
/** A symbol's path, made once per shape and size (a zoomed year draws tens of thousands). */
function symbolPath(strength: string, size: number): string {
  const key = `${strength}:${size}`;
  let path = symbolPaths.get(key);
  if (path === undefined) {
    path = d3.symbol(symbolFor(strength), size)() ?? "";
    symbolPaths.set(key, path);
  }
  return path;
}

export function timelineChart(data: TimelineData, options: TimelineOptions = {}): HTMLElement {
  const state = options.state ?? { sort: "count", collapsed: new Set<string>() };
  const root = el("div", { class: "aa-timeline" });
  const draw = () => {
    root.replaceChildren(...render(data, { ...options, state }, draw));
  };
  draw();
  return root;
}

function render(data: TimelineData, options: TimelineOptions & { state: LaneState }, redraw: () => void): Node[] {
  const { state } = options;
  const width = Math.max(280, options.width ?? 960);
  if (data.lanes.length === 0 || data.lanes.every((l) => l.total === 0)) {
    return [emptyState("No commitment matches these filters.", "Clear a filter or widen the years.")];
  }
  const compact = width < 640;
  // On a phone the lane's name sits above its lane, so time gets the full width.
  const labelWidth = compact ? 8 : Math.min(210, Math.round(width * 0.26));
  const header = compact ? 16 : 0;
  const marginRight = compact ? 10 : 24;
  const x = d3
    .scaleUtc()
    .domain([dayToDate(data.domain.from), dayAfter(data.domain.to)])
    .range([labelWidth, width - marginRight]);
  const px = (day: string) => x(dayToDate(day));
  const pxEnd = (day: string) => x(dayAfter(day));

  const lanes = [...data.lanes].sort((a, b) =>
    state.sort === "name"
      ? a.label.localeCompare(b.label) || a.sector.localeCompare(b.sector)
      : b.n - a.n || a.label.localeCompare(b.label),
  );

  // ---- marks laid out per lane, then the mode --------------------------------
  const updatesBy = d3.group(data.updates ?? [], (u) => u.commitment_id);
  const marksBy = d3.group(data.marks ?? [], (m) => m.sector);
  const extentOf = (m: MarkRow): Extent => {
    const x0 = px(m.date_from);
    let x1 = m.date_precision === "day" ? x0 : pxEnd(m.date_to);
    if (m.deadline)
      x1 = Math.max(
        x1,
        m.target_date_precision && m.target_date_precision !== "day"
          ? pxEnd(m.target_date_to ?? m.deadline)
          : px(m.deadline),
      );
    for (const u of updatesBy.get(m.id) ?? []) x1 = Math.max(x1, px(u.date_from));
    return { x0: Math.max(x0, labelWidth) - 5, x1: Math.min(x1, width) + 5 };
  };
  const layout = new Map<string, { rows: number[]; count: number; marks: MarkRow[] }>();
  if (data.marks) {
    for (const lane of lanes) {
      const marks = marksBy.get(lane.sector) ?? [];
      const packed = packRows(marks.map(extentOf), 2);
      layout.set(lane.sector, { ...packed, marks });
    }
  }
  const mode: TimelineMode =
    options.mode ??
    chooseMode({
      total: data.total,
      lanes: data.marks
        ? lanes.map((l) =>
            (marksBy.get(l.sector) ?? []).map((m) => {
              // Legibility counts the marks themselves (a symbol's width); connectors may share a row.
              const x0 = px(m.date_from);
              const x1 = m.date_precision === "day" ? x0 : pxEnd(m.date_to);
              return { x0: x0 - MARK_WIDTH / 2, x1: Math.max(x1, x0) + MARK_WIDTH / 2 };
            }),
          )
        : undefined,
    });

  // ---- vertical layout ------------------------------------------------------------------
  const rules = data.events;
  const ruleLabels = rules.map((e) => ({ e, text: eventLabel(e) }));
  const labelExtents = ruleLabels.map(({ e, text }) => {
    const cx = (px(e.start_date_from) + pxEnd(e.end_date_to)) / 2;
    const w = text.length * (e.kind === "commission_session" ? 6.9 : 6.3) + 4;
    return {
      x0: cx - w / 2,
      x1: cx + w / 2,
      priority: e.kind === "commission_session" ? 0 : e.kind === "state_visit" ? 1 : 2,
    };
  });
  const maxLabelRows = compact ? 2 : 3;
  const labelRow = placeLabels(labelExtents, maxLabelRows);
  const labelBand = 16 * Math.max(1, Math.max(...labelRow) + 1) + 8;
  const axisTop = labelBand + 22;
  const laneHeight = (lane: LaneRow) => {
    if (state.collapsed.has(lane.sector)) return COLLAPSED_HEIGHT + header;
    if (mode === "density") return DENSITY_HEIGHT + LANE_PAD + header;
    return Math.max(1, layout.get(lane.sector)?.count ?? 1) * ROW + LANE_PAD * 2 + header;
  };
  const laneY = new Map<string, number>();
  let y = axisTop + 4;
  for (const lane of lanes) {
    laneY.set(lane.sector, y);
    y += laneHeight(lane);
  }
  const height = y + 6;

  const svg = d3
    .create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "group")
    .attr(
      "aria-label",
      `Timeline of ${data.total.toLocaleString("en")} commitments by sector, ${formatRange(data.domain)}`,
    )
    .attr("data-chart", "timeline")
    .attr("data-mode", mode)
    .style("max-width", "100%")
    .style("font", "12px var(--sans-serif)");

  // Lanes: alternating bands, labels, collapse toggles.
  const laneGroup = svg.append("g").attr("class", "lanes");
  lanes.forEach((lane, i) => {
    const top = laneY.get(lane.sector) ?? 0;
    const h = laneHeight(lane);
    const g = laneGroup.append("g").attr("data-lane", lane.sector);
    g.append("rect")
      .attr("x", 0)
      .attr("y", top)
      .attr("width", width)
      .attr("height", h)
      .attr("fill", i % 2 ? "var(--theme-foreground-faintest)" : "none")
      .attr("opacity", 0.6);
    const collapsed = state.collapsed.has(lane.sector);
    const toggle = g
      .append("g")
      .attr("class", "aa-lane-toggle")
      .attr("role", "button")
      .attr("tabindex", 0)
      .attr("aria-expanded", String(!collapsed))
      .attr("aria-label", `${collapsed ? "Expand" : "Collapse"} the ${lane.label} lane`)
      .style("cursor", "pointer")
      .on("click", () => {
        if (collapsed) state.collapsed.delete(lane.sector);
        else state.collapsed.add(lane.sector);
        redraw();
        (
          document.querySelector(`[data-lane="${CSS.escape(lane.sector)}"] .aa-lane-toggle`) as HTMLElement | null
        )?.focus();
      })
      .on("keydown", (event: KeyboardEvent) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          (event.currentTarget as Element).dispatchEvent(new MouseEvent("click"));
        }
      });
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
      .text(`${collapsed ? "▸" : "▾"} `);
    const maxChars = Math.floor((labelWidth - 52) / 7.4);
    toggle
      .append("text")
      .attr("x", 18)
      .attr("y", top + 13)
      .attr("fill", "currentColor")
      .attr("font-weight", 600)
      .text(compact ? `${lane.label} · ${lane.n.toLocaleString("en")}` : truncate(lane.label, maxChars));
    if (!compact) {
      toggle
        .append("text")
        .attr("x", labelWidth - 8)
        .attr("y", top + 13)
        .attr("text-anchor", "end")
        .attr("fill", "var(--theme-foreground-muted)")
        .text(lane.n.toLocaleString("en"));
    }
    g.append("rect")
      .attr("x", compact ? 0 : 4)
      .attr("y", compact ? top + 2 : top + 17)
      .attr("width", compact ? 3 : 10)
      .attr("height", compact ? 13 : 3)
      .attr("fill", lane.color);
  });

  // Axis.
  const ticks = Math.max(2, Math.floor((width - labelWidth) / (compact ? 70 : 90)));
  svg
    .append("g")
    .attr("transform", `translate(0,${axisTop})`)
    .call(d3.axisTop(x).ticks(ticks).tickSizeOuter(0))
    .call((g) => g.selectAll("text").attr("font-size", 11))
    .call((g) => g.select(".domain").attr("stroke", "var(--theme-foreground-faint)"));

  // Event rules (a band for a partial or multi-day date) and their labels.
  const ruleGroup = svg.append("g").attr("class", "rules");
  ruleLabels.forEach(({ e, text }, i) => {
    const x0 = px(e.start_date_from);
    const x1 = pxEnd(e.end_date_to);
    const g = ruleGroup.append("g").attr("data-event", e.id);
    g.append("title").text(
      `${e.title} · ${formatPartialDate(e.start_date)}${e.place ? ` · ${e.place}` : ""}${e.status !== "held" ? ` (${e.status})` : ""}`,
    );
    if (x1 - x0 > 3) {
      g.append("rect")
        .attr("x", x0)
        .attr("y", axisTop)
        .attr("width", x1 - x0)
        .attr("height", height - axisTop)
        .attr("fill", "var(--theme-foreground-focus)")
        .attr("opacity", 0.07);
    }
    const cx = x1 - x0 > 3 ? (x0 + x1) / 2 : x0;
    g.append("line")
      .attr("x1", cx)
      .attr("x2", cx)
      .attr("y1", axisTop)
      .attr("y2", height)
      .attr(
        "stroke",
        e.kind === "commission_session" ? "var(--theme-foreground-muted)" : "var(--theme-foreground-faint)",
      )
      .attr("stroke-dasharray", e.status === "held" ? null : "3 3");
    const row = labelRow[i];
    if (row >= 0) {
      g.append("line")
        .attr("x1", cx)
        .attr("x2", cx)
        .attr("y1", 16 * row + 18)
        .attr("y2", axisTop)
        .attr("stroke", "var(--theme-foreground-faintest)");
      const half = (labelExtents[i].x1 - labelExtents[i].x0) / 2;
      g.append("text")
        .attr("x", Math.min(Math.max(cx, half + 2), width - half - 2))
        .attr("y", 16 * row + 14)
        .attr("text-anchor", "middle")
        .attr("font-size", 11)
        .attr("font-weight", e.kind === "commission_session" ? 600 : 400)
        .attr("fill", "currentColor")
        .attr("data-rule-label", "")
        .text(text);
    }
  });

  // Today.
  const todayX = px(data.today);
  if (todayX >= labelWidth && todayX <= width - marginRight) {
    const g = svg.append("g").attr("class", "today").attr("data-today", data.today);
    g.append("line")
      .attr("x1", todayX)
      .attr("x2", todayX)
      .attr("y1", axisTop)
      .attr("y2", height)
      .attr("stroke", OVERDUE)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", "4 3");
    const left = todayX > width - marginRight - 50;
    g.append("text")
      .attr("x", todayX + (left ? -4 : 4))
      .attr("y", axisTop + 13)
      .attr("text-anchor", left ? "end" : "start")
      .attr("font-size", 11)
      .attr("fill", OVERDUE)
      .attr("font-weight", 600)
      .attr("stroke", "var(--theme-background)")
      .attr("stroke-width", 3)
      .attr("paint-order", "stroke")
      .text("Today");
  }

  // Tooltip.
  const tip = el("div", { class: "aa-tip", role: "tooltip", hidden: true });
  const showTip = (anchor: Element, lines: string[]) => {
    tip.replaceChildren(...lines.map((line, i) => (i === 0 ? el("strong", {}, line) : el("div", {}, line))));
    tip.hidden = false;
    const box = anchor.getBoundingClientRect();
    const host = (tip.parentElement ?? tip).getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left - host.left + box.width / 2 - 150), Math.max(0, host.width - 300));
    tip.style.left = `${left}px`;
    tip.style.top = `${box.bottom - host.top + 6}px`;
  };
  const hideTip = () => {
    tip.hidden = true;
  };

  // ---- the lanes' content ------------------------------------------------------------------
  const body = svg.append("g").attr("class", "marks");
  /** Density cells, by their data-density index (for the tooltip). */
  const cells: { label: string; d: DensityRow }[] = [];
  let drawn = 0;
  const focusable = (data.marks?.length ?? 0) <= FOCUSABLE_MARKS;
  const maxDensity = d3.max(data.density, (d) => d.n) ?? 1;
  const opacity = d3.scaleSqrt().domain([0, maxDensity]).range([0.12, 1]);
  for (const lane of lanes) {
    const top = (laneY.get(lane.sector) ?? 0) + header;
    const laneG = body.append("g").attr("data-lane-marks", lane.sector);
    if (state.collapsed.has(lane.sector)) {
      // A collapsed lane keeps a trace: one tick per month with commitments.
      for (const d of data.density.filter((r) => r.sector === lane.sector)) {
        const x0 = px(d.start);
        const x1 = d.bin === "year" ? pxEnd(`${d.start.slice(0, 4)}-12-31`) : pxEnd(monthEnd(d.start));
        laneG
          .append("rect")
          .attr("x", x0)
          .attr("y", top + 6)
          .attr("width", Math.max(1.5, x1 - x0))
          .attr("height", 6)
          .attr("fill", lane.color)
          .attr("opacity", opacity(d.n));
      }
      continue;
    }
    if (mode === "density") {
      for (const d of data.density.filter((r) => r.sector === lane.sector)) {
        const year = d.bin === "year";
        const x0 = Math.max(labelWidth, px(d.start));
        const x1 = Math.min(
          width - marginRight,
          year ? pxEnd(`${d.start.slice(0, 4)}-12-31`) : pxEnd(monthEnd(d.start)),
        );
        if (x1 <= x0) continue;
        const cellTop = year ? top + LANE_PAD / 2 + DENSITY_HEIGHT - 9 : top + LANE_PAD / 2;
        const cellH = year ? 7 : DENSITY_HEIGHT - 11;
        const g = laneG.append("g").attr("data-density", cells.length).attr("data-n", d.n);
        cells.push({ label: lane.label, d });
        g.append("rect")
          .attr("x", x0)
          .attr("y", cellTop)
          .attr("width", Math.max(1.5, x1 - x0 - (year ? 0 : 0.5)))
          .attr("height", cellH)
          .attr("fill", lane.color)
          .attr("opacity", opacity(d.n));
        if (d.overdue > 0) {
          g.append("rect")
            .attr("x", x0)
            .attr("y", cellTop + cellH - 3)
            .attr("width", Math.max(1.5, (x1 - x0) * (d.overdue / d.n)))
            .attr("height", 3)
            .attr("fill", OVERDUE);
        }
        if (!year && x1 - x0 >= 22) {
          g.append("text")
            .attr("x", (x0 + x1) / 2)
            .attr("y", cellTop + cellH / 2 + 4)
            .attr("text-anchor", "middle")
            .attr("font-size", 10)
            .attr("fill", "currentColor")
            .text(compactNumber(d.n));
        }
      }
      continue;
    }
    const laid = layout.get(lane.sector);
    if (!laid) continue;
    laid.marks.forEach((m, i) => {
      const rowY = top + LANE_PAD + laid.rows[i] * ROW + ROW / 2;
      const color = statusColor(m.status);
      const x0 = px(m.date_from);
      const partial = m.date_precision !== "day";
      const x1 = partial ? pxEnd(m.date_to) : x0;
      const cx = partial ? (x0 + x1) / 2 : x0;
      const g = body
        .append("g")
        .attr("class", "aa-mark")
        .attr("data-mark", "commitment")
        .attr("data-id", m.id)
        .attr("data-status", m.status)
        .attr("data-overdue", m.overdue ? "true" : "false")
        .style("cursor", "pointer");
      // Up to FOCUSABLE_MARKS, each mark is a button in the tab order; past
      // that, the table under the chart is the keyboard's way in.
      if (focusable) {
        g.attr("role", "button")
          .attr("tabindex", 0)
          .attr(
            "aria-label",
            `${m.summary} · ${formatPartialDate(m.date)} · ${statusLabel(m.status)}${m.overdue ? " · overdue" : ""}`,
          );
      }
      // Target: a dashed connector to a hollow marker (a hollow span for a partial date).
      if (m.deadline) {
        const targetPartial = m.target_date_precision && m.target_date_precision !== "day" && m.target_date_from;
        const tx0 = targetPartial ? px(m.target_date_from as string) : px(m.deadline);
        const tx1 = targetPartial ? pxEnd(m.target_date_to as string) : tx0;
        g.append("line")
          .attr("x1", x1)
          .attr("x2", tx0)
          .attr("y1", rowY)
          .attr("y2", rowY)
          .attr("stroke", m.overdue ? OVERDUE : "var(--theme-foreground-faint)")
          .attr("stroke-dasharray", "2 3");
        if (targetPartial) {
          g.append("rect")
            .attr("data-target", "")
            .attr("x", tx0)
            .attr("y", rowY - 4)
            .attr("width", Math.max(3, tx1 - tx0))
            .attr("height", 8)
            .attr("rx", 4)
            .attr("fill", "none")
            .attr("stroke", m.overdue ? OVERDUE : color)
            .attr("stroke-width", 1.5);
        } else {
          g.append("path")
            .attr("data-target", "")
            .attr("transform", `translate(${tx0},${rowY})`)
            .attr("d", symbolPath(m.strength, 60))
            .attr("fill", "var(--theme-background)")
            .attr("stroke", m.overdue ? OVERDUE : color)
            .attr("stroke-width", 1.5);
        }
      }
      // Status track: announced from the commitment's date, then each update's status.
      const updates = updatesBy.get(m.id) ?? [];
      if (updates.length) {
        let from = cx;
        let status = "announced";
        for (const u of updates) {
          const ux = px(u.date_from);
          g.append("line")
            .attr("x1", from)
            .attr("x2", ux)
            .attr("y1", rowY)
            .attr("y2", rowY)
            .attr("stroke", statusColor(status))
            .attr("stroke-width", 3)
            .attr("stroke-linecap", "round");
          from = ux;
          status = u.status;
        }
        for (const u of updates) {
          g.append("circle")
            .attr("data-update", u.id)
            .attr("cx", px(u.date_from))
            .attr("cy", rowY)
            .attr("r", 3.2)
            .attr("fill", statusColor(u.status))
            .attr("stroke", "var(--theme-background)");
        }
      }
      if (partial) {
        g.append("rect")
          .attr("data-span", m.date_precision)
          .attr("x", x0)
          .attr("y", rowY - 3)
          .attr("width", Math.max(2, x1 - x0))
          .attr("height", 6)
          .attr("rx", 3)
          .attr("fill", color)
          .attr("opacity", 0.35);
      }
      if (m.overdue)
        g.append("circle")
          .attr("cx", cx)
          .attr("cy", rowY)
          .attr("r", 7.5)
          .attr("fill", "none")
          .attr("stroke", OVERDUE)
          .attr("stroke-width", 2);
      g.append("path")
        .attr("data-symbol", m.strength)
        .attr("transform", `translate(${cx},${rowY})`)
        .attr("d", symbolPath(m.strength, 70))
        .attr("fill", color)
        .attr("stroke", "var(--theme-background)")
        .attr("stroke-width", 1);
      drawn += 1;
    });
  }
  svg.attr("data-marks", drawn);
  // One set of listeners for all marks (a zoomed year at scale draws tens of thousands).
  const byId = new Map((data.marks ?? []).map((m) => [m.id, m]));
  const markOf = (target: EventTarget | null) =>
    (target instanceof Element ? target.closest("[data-mark]") : null) as SVGGElement | null;
  const select = (g: SVGGElement) => options.onSelect?.(g.getAttribute("data-id") ?? "", g);
  const tipFor = (g: SVGGElement | null) => {
    const m = g ? byId.get(g.getAttribute("data-id") ?? "") : undefined;
    if (g && m) showTip(g, markLines(m));
  };
  const cellOf = (target: EventTarget | null) => (target instanceof Element ? target.closest("[data-density]") : null);
  body
    .on("mouseover", (event: MouseEvent) => {
      const cell = cellOf(event.target);
      const found = cell ? cells[Number(cell.getAttribute("data-density"))] : undefined;
      if (cell && found) showTip(cell, cellLines(found.label, found.d));
      else tipFor(markOf(event.target));
    })
    .on("mouseout", (event: MouseEvent) => {
      const from = markOf(event.target) ?? cellOf(event.target);
      if ((markOf(event.relatedTarget) ?? cellOf(event.relatedTarget)) !== from) hideTip();
    })
    .on("focusin", (event: FocusEvent) => tipFor(markOf(event.target)))
    .on("focusout", hideTip)
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

  // ---- toolbar, brush, legend, note ---------------------------------------------------------
  const sortSelect = el(
    "select",
    { "aria-label": "Sort lanes" },
    el("option", { value: "count", selected: state.sort === "count" }, "by count"),
    el("option", { value: "name", selected: state.sort === "name" }, "by name"),
  );
  sortSelect.addEventListener("change", () => {
    state.sort = sortSelect.value === "name" ? "name" : "count";
    redraw();
  });
  const allCollapsed = lanes.every((l) => state.collapsed.has(l.sector));
  const collapseAll = el("button", { type: "button" }, allCollapsed ? "Expand all lanes" : "Collapse all lanes");
  collapseAll.addEventListener("click", () => {
    if (allCollapsed) state.collapsed.clear();
    else for (const l of lanes) state.collapsed.add(l.sector);
    redraw();
  });
  const modeNote =
    mode === "density"
      ? `${data.total.toLocaleString("en")} commitments are too many to draw one by one here: each lane shows how many were made per month (darker = more; a red base = overdue). Zoom in to see each one.`
      : `${drawn.toLocaleString("en")} commitment${drawn === 1 ? "" : "s"} drawn, ${formatRange(data.domain)}.`;
  const toolbar = el(
    "div",
    { class: "aa-timeline-toolbar" },
    el("label", {}, "Lanes ", sortSelect),
    collapseAll,
    el("span", { class: "aa-timeline-note", "data-testid": "timeline-note" }, modeNote),
  );

  const chartBox = el("div", { class: "aa-timeline-chart" }, svg.node() as SVGSVGElement, tip);
  const details = el(
    "details",
    { class: "aa-table-details", open: state.tableOpen === true },
    el(
      "summary",
      { class: "aa-table-summary" },
      mode === "marks" ? "Table of the commitments drawn" : "Table of the counts per sector and month",
    ),
    timelineTable(data, { mode, onSelect: options.onSelect }),
  );
  details.addEventListener("toggle", () => {
    state.tableOpen = details.open;
  });
  return [
    toolbar,
    chartBox,
    brushStrip(data, { width, labelWidth, marginRight, onZoom: options.onZoom }),
    legend(mode),
    details,
  ];
}

/** The whole extent with the current window as a brush: drag to zoom, double-click to show all. */
function brushStrip(
  data: TimelineData,
  {
    width,
    labelWidth,
    marginRight,
    onZoom,
  }: { width: number; labelWidth: number; marginRight: number; onZoom?: (range: TimeRange | null) => void },
): Element {
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
  const brush = d3
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
  const g = svg.append("g").call(brush);
  const whole = data.domain.from <= data.extent.from && data.domain.to >= data.extent.to;
  if (!whole) g.call(brush.move, [x(dayToDate(data.domain.from)), x(dayAfter(data.domain.to))]);
  svg.on("dblclick", () => onZoom?.(null));
  return svg.node() as SVGSVGElement;
}

function legend(mode: TimelineMode): HTMLElement {
  const swatch = (color: string) => el("span", { class: "aa-swatch-inline", style: `background:${color}` });
  const shape = (strength: Strength) => {
    const svg = d3.create("svg").attr("width", 14).attr("height", 14).attr("aria-hidden", "true");
    svg
      .append("path")
      .attr("transform", "translate(7,7.5)")
      .attr("d", d3.symbol(symbolFor(strength), 60)())
      .attr("fill", "currentColor");
    return svg.node() as SVGSVGElement;
  };
  return el(
    "div",
    { class: "aa-legend", "aria-label": "Legend" },
    el("span", { class: "aa-legend-title" }, "Status"),
    Object.entries(STATUS_META).map(([, meta]) =>
      el("span", { title: meta.description }, swatch(meta.color), meta.label),
    ),
    el("span", { class: "aa-legend-title" }, "Shape"),
    (Object.keys(STRENGTH_SHAPES) as Strength[]).map((s) => el("span", {}, shape(s), STRENGTH_SHAPES[s].label)),
    el("span", { class: "aa-legend-title" }, "Marks"),
    el(
      "span",
      {},
      "◯ hollow = target date or event · bar = date known only to the month or year · coloured track = status updates",
    ),
    el("span", { style: `color:${OVERDUE}` }, "◎ red ring = overdue (target passed, no completion)"),
    mode === "density"
      ? el("span", {}, "Density: cell darkness = commitments per month; red base = overdue share")
      : null,
  );
}

/** The tooltip of a density cell. */
function cellLines(label: string, d: DensityRow): string[] {
  const when =
    d.bin === "year" ? `${d.start.slice(0, 4)} (dated to the year only)` : formatPartialDate(d.start.slice(0, 7));
  return [
    `${label} · ${when}`,
    `${d.n.toLocaleString("en")} commitments`,
    `${d.done.toLocaleString("en")} done · ${d.overdue.toLocaleString("en")} overdue`,
    "Zoom in (brush below or pick a year) to see each one.",
  ];
}

/** The tooltip of a mark. */
function markLines(m: MarkRow): string[] {
  const lines = [
    m.summary,
    `${formatPartialDate(m.date)} · ${m.event}`,
    `${humanize(m.action)} · ${humanize(m.strength)} · ${statusLabel(m.status)}${m.update_count ? ` (${m.update_count} update${m.update_count === 1 ? "" : "s"})` : ""}`,
  ];
  if (m.deadline) {
    lines.push(
      `Due: ${m.target_date ? formatPartialDate(m.target_date) : ""}${m.target_event ? `${m.target_date ? " · " : ""}${m.target_event}` : ""}${m.overdue ? " — overdue" : ""}`,
    );
  } else if (m.target_note) lines.push(`Due: ${m.target_note}`);
  lines.push("Click for details and sources");
  return lines;
}

function formatRange(range: TimeRange): string {
  const a = formatPartialDate(range.from);
  const b = formatPartialDate(range.to);
  return a === b ? a : `${a} – ${b}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

function compactNumber(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}
