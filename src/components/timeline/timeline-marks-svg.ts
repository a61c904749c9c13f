/**
 * The timeline's commitment marks, one per commitment in its lane's row: its
 * symbol (shape = strength, colour = status), a bar for a date known only to
 * the month or year, a dashed connector to a hollow target (a hollow span
 * for a partial target date), the coloured track of its status updates and
 * a ring in the overdue colour when overdue. Up to FOCUSABLE_MARKS each mark
 * is a named button the keyboard reaches with the arrow keys (one Tab stop
 * for all of them, timeline-keyboard.ts); where its symbol is drawn is kept
 * as its stop. Positions come from src/lib/timeline/mark-positions.ts and
 * lane-layout.ts.
 */
import type * as d3 from "d3";
import type { MarkRow, UpdateRow } from "../../lib/sql/timeline-queries.js";
import type { MarkStopPoint } from "../../lib/timeline/keyboard-place.js";
import { markRowY, type PackedLane } from "../../lib/timeline/lane-layout.js";
import { type DayScale, markSpan, statusTrack, targetSpan } from "../../lib/timeline/mark-positions.js";
import { CANVAS_MARKS } from "../../lib/timeline/mark-renderer-choice.js";
import { markLabel } from "../../lib/timeline/timeline-chart-words.js";
import { OVERDUE, statusColor, symbolPath } from "./timeline-symbols.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/**
 * Marks are focusable one by one up to this many: as many as are drawn as SVG
 * unless SVG is forced (past it, canvas draws them, one Tab stop for all).
 */
export const FOCUSABLE_MARKS = CANVAS_MARKS;

/** A mark the keyboard can move to: its commitment, where its symbol is drawn, and its element. */
export interface MarkStop extends MarkStopPoint {
  node: SVGGElement;
}

export interface MarkContext {
  scale: DayScale;
  updatesBy: ReadonlyMap<string, UpdateRow[]>;
  /** Whether each mark is a named button the keyboard reaches. */
  focusable: boolean;
  /** Filled with each focusable mark, in drawing order. */
  stops: MarkStop[];
}

/** A lane's marks, appended to `body` (not to the lane's group), each in its row; returns how many. */
export function drawLaneMarks(body: Group, { marks, rows }: PackedLane, top: number, ctx: MarkContext): number {
  marks.forEach((m, i) => {
    drawMark(body, m, markRowY(top, rows[i]), ctx);
  });
  return marks.length;
}

function drawMark(body: Group, m: MarkRow, rowY: number, ctx: MarkContext): void {
  const color = statusColor(m.status);
  const span = markSpan(m, ctx.scale);
  const g = body
    .append("g")
    .attr("class", "aa-mark")
    .attr("data-mark", "commitment")
    .attr("data-id", m.id)
    .attr("data-status", m.status)
    .attr("data-overdue", m.overdue ? "true" : "false")
    .style("cursor", "pointer");
  // Up to FOCUSABLE_MARKS, each mark is a named button the arrow keys reach
  // (tabindex -1; the keyboard model gives the current one 0); past that,
  // the table under the chart is the keyboard's way in.
  if (ctx.focusable) {
    g.attr("role", "button").attr("tabindex", -1).attr("aria-label", markLabel(m));
    ctx.stops.push({ id: m.id, x: span.cx, y: rowY, node: g.node() as SVGGElement });
  }
  drawTarget(g, m, { x1: span.x1, rowY, color, scale: ctx.scale });
  drawStatusTrack(g, span.cx, rowY, ctx.updatesBy.get(m.id) ?? [], ctx.scale);
  if (span.partial) {
    g.append("rect")
      .attr("data-span", m.date_precision)
      .attr("x", span.x0)
      .attr("y", rowY - 3)
      .attr("width", Math.max(2, span.x1 - span.x0))
      .attr("height", 6)
      .attr("rx", 3)
      .attr("fill", color)
      .attr("opacity", 0.35);
  }
  if (m.overdue)
    g.append("circle")
      .attr("cx", span.cx)
      .attr("cy", rowY)
      .attr("r", 7.5)
      .attr("fill", "none")
      .attr("stroke", OVERDUE)
      .attr("stroke-width", 2);
  g.append("path")
    .attr("data-symbol", m.strength)
    .attr("transform", `translate(${span.cx},${rowY})`)
    .attr("d", symbolPath(m.strength, 70))
    .attr("fill", color)
    .attr("stroke", "var(--theme-background)")
    .attr("stroke-width", 1);
}

/** A mark's target: a dashed connector to a hollow marker (a hollow span for a partial date). */
function drawTarget(
  g: Group,
  m: MarkRow,
  { x1, rowY, color, scale }: { x1: number; rowY: number; color: string; scale: DayScale },
): void {
  const target = targetSpan(m, scale);
  if (!target) return;
  const stroke = m.overdue ? OVERDUE : color;
  g.append("line")
    .attr("x1", x1)
    .attr("x2", target.x0)
    .attr("y1", rowY)
    .attr("y2", rowY)
    .attr("stroke", m.overdue ? OVERDUE : "var(--theme-foreground-faint)")
    .attr("stroke-dasharray", "2 3");
  if (target.partial) {
    g.append("rect")
      .attr("data-target", "")
      .attr("x", target.x0)
      .attr("y", rowY - 4)
      .attr("width", Math.max(3, target.x1 - target.x0))
      .attr("height", 8)
      .attr("rx", 4)
      .attr("fill", "none")
      .attr("stroke", stroke)
      .attr("stroke-width", 1.5);
  } else {
    g.append("path")
      .attr("data-target", "")
      .attr("transform", `translate(${target.x0},${rowY})`)
      .attr("d", symbolPath(m.strength, 60))
      .attr("fill", "var(--theme-background)")
      .attr("stroke", stroke)
      .attr("stroke-width", 1.5);
  }
}

/** Status track: announced from the commitment's date, then each update's status, a dot at each update. */
function drawStatusTrack(g: Group, cx: number, rowY: number, updates: readonly UpdateRow[], scale: DayScale): void {
  if (!updates.length) return;
  const { segments, dots } = statusTrack(cx, updates, scale);
  for (const s of segments) {
    g.append("line")
      .attr("x1", s.from)
      .attr("x2", s.to)
      .attr("y1", rowY)
      .attr("y2", rowY)
      .attr("stroke", statusColor(s.status))
      .attr("stroke-width", 3)
      .attr("stroke-linecap", "round");
  }
  for (const dot of dots) {
    g.append("circle")
      .attr("data-update", dot.id)
      .attr("cx", dot.x)
      .attr("cy", rowY)
      .attr("r", 3.2)
      .attr("fill", statusColor(dot.status))
      .attr("stroke", "var(--theme-background)");
  }
}
