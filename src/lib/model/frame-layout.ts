/**
 * The arithmetic of the frame options (view-state.ts FrameOptions): the type
 * sizes of each type scale, and how a chart's drawing is scaled so that its
 * smallest text reaches the scale's size. Pure, for the embeds
 * (src/components/embedding/embed-frame.ts, the network and timeline views)
 * and for the checks of a story's slides.
 *
 *     typeSizes("slide").label      // 18: every chart label, legend entry and tick, in CSS px
 *     drawingScale("slide", 10)     // 1.8: an SVG whose smallest text is 10 px is drawn 1.8× larger
 */
import type { TypeScale } from "./view-state.js";

/** The text sizes of a type scale, in CSS pixels of the frame. */
export interface TypeSizes {
  /** Chart labels, legend entries, ticks, notes about the chart. */
  label: number;
  /** The caption's lines (filters, sources, data date). */
  caption: number;
  /** The chart's title above it. */
  title: number;
}

/**
 * "page": the site's sizes. "slide": read from the back of a room — at
 * 1920×1080 every label, legend entry and tick at least 18 px, the caption at
 * least 14 px (issue #13).
 */
export const TYPE_SIZES: Readonly<Record<TypeScale, TypeSizes>> = {
  page: { label: 12, caption: 12.5, title: 18.4 },
  slide: { label: 18, caption: 16, title: 26 },
};

export function typeSizes(type: TypeScale): TypeSizes {
  return TYPE_SIZES[type];
}

/**
 * How much larger than its own pixels a drawing is shown so that its smallest
 * text (`smallest` px in the drawing) reaches the type scale's label size;
 * never smaller than 1, and 1 at the page scale (the site's own sizes: the
 * drawing as it always was).
 */
export function drawingScale(type: TypeScale, smallest: number): number {
  if (type === "page" || !(smallest > 0)) return 1;
  return Math.max(1, typeSizes(type).label / smallest);
}

/** The height left to a chart in a frame `frame` px high once `reserved` px (title, legend, caption…) are taken, never below `min`. */
export function chartHeightInFrame(frame: number, reserved: number, min = 80): number {
  return Math.max(min, Math.floor(frame - reserved));
}
