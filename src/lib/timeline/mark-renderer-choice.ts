/**
 * Which renderer draws the timeline's commitment marks: SVG (an element per
 * mark, each a named button) for few marks, canvas (pixels, one hit-test
 * grid, one Tab stop that reaches every mark) past CANVAS_MARKS. SVG costs
 * about 40 µs a mark in Chromium (2 s for a zoomed year's 50,000), and past
 * this many its marks would be too many buttons to name one by one
 * (timeline-marks-svg.ts FOCUSABLE_MARKS is this number): on canvas every mark
 * stays reachable by keyboard. A page or the benchmark may force one.
 */

/** Marks drawn as SVG at most; past this, canvas. */
export const CANVAS_MARKS = 600;

export type MarkRenderer = "svg" | "canvas";

/** The renderer for `count` marks, unless one is forced. */
export function chooseMarkRenderer(count: number, forced?: MarkRenderer | null): MarkRenderer {
  if (forced === "svg" || forced === "canvas") return forced;
  return count > CANVAS_MARKS ? "canvas" : "svg";
}

/** A `?renderer=svg|canvas` value, or null for anything else. */
export function rendererParam(value: string | null | undefined): MarkRenderer | null {
  return value === "svg" || value === "canvas" ? value : null;
}
