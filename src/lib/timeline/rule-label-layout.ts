/**
 * Where the timeline's event rules and their labels go, without a DOM: each
 * rule's x (a line, or a band for a partial or multi-day date), its short
 * label (event-labels.ts) placed in at most two rows (phone) or three above
 * the axis, sessions first, then state visits, then the rest (density.ts
 * placeLabels), and so where the axis sits.
 */
import type { RuleRow } from "../sql/timeline-queries.js";
import { placeLabels } from "./density.js";
import { eventLabel } from "./event-labels.js";
import type { DayScale } from "./mark-positions.js";

/** The height of one row of rule labels, px. */
export const LABEL_ROW = 16;

export interface PlacedRule {
  event: RuleRow;
  /** The short label. */
  text: string;
  /** The rule's span: from its first day's start to its last day's end. */
  x0: number;
  x1: number;
  /** Drawn as a band (wider than 3 px) rather than a line alone. */
  band: boolean;
  /** Where its line goes: the band's middle, else its first day. */
  cx: number;
  /** The label's row above the axis; -1 when left out (the rule keeps its title). */
  row: number;
  /** The label's centre, kept inside the chart. */
  labelX: number;
}

export interface RuleLayout {
  rules: PlacedRule[];
  /** The y of the axis, under the rows of labels. */
  axisTop: number;
}

/** How much a kind's label matters: sessions first, then state visits, then the rest. */
export function rulePriority(kind: string): number {
  return kind === "commission_session" ? 0 : kind === "state_visit" ? 1 : 2;
}

/** The label's width in px at the chart's font (sessions are set bold). */
export function ruleLabelWidth(text: string, kind: string): number {
  return text.length * (kind === "commission_session" ? 6.9 : 6.3) + 4;
}

export function layoutRules(
  events: readonly RuleRow[],
  { px, pxEnd }: DayScale,
  { width, compact }: { width: number; compact: boolean },
): RuleLayout {
  const labels = events.map((e) => {
    const text = eventLabel(e);
    const mid = (px(e.start_date_from) + pxEnd(e.end_date_to)) / 2;
    const w = ruleLabelWidth(text, e.kind);
    return { text, x0: mid - w / 2, x1: mid + w / 2, priority: rulePriority(e.kind) };
  });
  const rows = placeLabels(labels, compact ? 2 : 3);
  const labelBand = LABEL_ROW * Math.max(1, Math.max(...rows) + 1) + 8;
  const rules = events.map((event, i): PlacedRule => {
    const x0 = px(event.start_date_from);
    const x1 = pxEnd(event.end_date_to);
    const band = x1 - x0 > 3;
    const cx = band ? (x0 + x1) / 2 : x0;
    const half = (labels[i].x1 - labels[i].x0) / 2;
    const labelX = Math.min(Math.max(cx, half + 2), width - half - 2);
    return { event, text: labels[i].text, x0, x1, band, cx, row: rows[i], labelX };
  });
  return { rules, axisTop: labelBand + 22 };
}
