/**
 * The width of the timeline's lane names as the browser draws them: canvas
 * text metrics in the chart's font (bold 12 px of the page's sans-serif), for
 * src/lib/timeline/lane-names.ts. Falls back to a width per character when
 * the page has no 2D canvas.
 */
import { estimateWidth, type MeasureText } from "../../lib/timeline/lane-names.js";

let measure: MeasureText | undefined;

/** Measures text as the lane names are drawn (made once a page; the font is read then). */
export function laneTextWidth(): MeasureText {
  if (measure) return measure;
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return estimateWidth;
  const family = getComputedStyle(document.documentElement).getPropertyValue("--sans-serif").trim() || "sans-serif";
  context.font = `600 12px ${family}`;
  const widths = new Map<string, number>();
  measure = (text) => {
    const known = widths.get(text);
    if (known !== undefined) return known;
    const width = context.measureText(text).width;
    widths.set(text, width);
    return width;
  };
  return measure;
}
