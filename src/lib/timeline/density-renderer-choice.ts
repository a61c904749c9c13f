/**
 * Which renderer draws the timeline's density cells: SVG (an element per
 * cell, its count's shade, overdue base and count) for few cells, canvas
 * (pixels, one hit test, one Tab stop that reaches every cell) past
 * CANVAS_CELLS. At a million commitments the view has 9,984 cells, and as SVG
 * they were one 597 ms main-thread task (about 60 µs a cell, most of it the
 * browser's style, layout and paint of the rects): 1,000 cells as SVG stay
 * near 60 ms, under the 100 ms a task may take, and the default dataset's
 * density view (a few hundred cells) keeps its markup. `?renderer=` forces one
 * for the cells as for the marks (mark-renderer-choice.ts).
 */
import type { MarkRenderer } from "./mark-renderer-choice.js";

/** Density cells drawn as SVG at most; past this, canvas. */
export const CANVAS_CELLS = 1000;

/** The renderer for `count` density cells, unless one is forced. */
export function chooseDensityRenderer(count: number, forced?: MarkRenderer | null): MarkRenderer {
  if (forced === "svg" || forced === "canvas") return forced;
  return count > CANVAS_CELLS ? "canvas" : "svg";
}
