/**
 * The room a fitted network keeps around its nodes so that their labels fit
 * in the drawing too (fit=frame, and the larger labels of type=slide): the
 * largest node's radius plus a line of label above and below, and half the
 * widest of the labels most likely drawn (the largest nodes') on each side,
 * never more than a fifth of the drawing; and below them, the room of the
 * text laid over the drawing's foot (the chart's keyboard help), so that no
 * node or label of a fitted view sits under it. Pure: the chart hands it to
 * fitTransform (view-transform.ts).
 */
import type { FitPadding } from "./view-transform.js";

export interface LabelRoom {
  /** The label font size, px. */
  labelSize: number;
  /** Text widths, px, of the labels of the largest nodes (the ones drawn first). */
  labelWidths: readonly number[];
  /** The largest node's radius on screen, px. */
  maxRadius: number;
  width: number;
  height: number;
}

/** How many of the largest nodes' labels the side room is made for. */
export const ROOM_LABELS = 8;

export function labelPadding({ labelSize, labelWidths, maxRadius, width, height }: LabelRoom): FitPadding {
  const widest = Math.max(0, ...labelWidths.slice(0, ROOM_LABELS));
  const side = Math.min(width / 5, Math.max(24, maxRadius + widest / 2 + 4));
  const line = Math.min(height / 5, Math.max(24, maxRadius + labelSize * 1.4 + 4));
  return { top: line, right: side, bottom: line, left: side };
}

/**
 * `padding` with `footer` px more at the bottom, for text laid over the
 * drawing's foot; never more than a third of the drawing's `height`.
 */
export function withFooter(padding: FitPadding, footer: number, height: number): FitPadding {
  return { ...padding, bottom: Math.max(padding.bottom, Math.min(height / 3, padding.bottom + Math.max(0, footer))) };
}
