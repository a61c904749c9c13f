/**
 * The timeline's density cells as pixels, for more cells than SVG draws
 * quickly (src/lib/timeline/density-renderer-choice.ts): the same picture as
 * timeline-density-svg.ts — each cell in its lane's colour at its count's
 * shade, the red base for its overdue share, the count written in cells wide
 * enough — from the same boxes (src/lib/timeline/density-cell-boxes.ts),
 * painted on one canvas inside the chart's SVG (a foreignObject over the
 * lanes, so it scales with the SVG), at the screen's pixel ratio times the
 * frame's magnification. The colours are the lanes' own, the overdue red and
 * the theme's text colour, read from the page as the SVG's `currentColor`
 * resolves. The canvas takes no pointer events:
 * timeline-density-canvas-input.ts finds the cell under the pointer or the
 * keyboard. The layer says what it painted (data-cells-canvas, data-cells-n,
 * data-cells-overdue) so tests compare the cells' data, not pixels.
 */
import type * as d3 from "d3";
import { OVERDUE_HEIGHT } from "../../lib/timeline/density-cell-boxes.js";
import type { DensityCell } from "./timeline-density-svg.js";
import { OVERDUE } from "./timeline-symbols.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/** A canvas's side at most, in device pixels (Chromium refuses canvases past 32,767 px). */
const MAX_SIDE = 32_000;

/** The theme's text colour and font, read from the page (CSS variables are not canvas colours). */
function themeText(): { color: string; font: string } {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { color: read("--theme-foreground", "#1b1e23"), font: `10px ${read("--sans-serif", "sans-serif")}` };
}

/** Paints the cells on `ctx`, in the chart's own px: shade, overdue base, count, as the SVG stacks them. */
export function paintDensityCells(ctx: CanvasRenderingContext2D, cells: readonly DensityCell[]): void {
  for (const { box, color, opacity } of cells) {
    ctx.globalAlpha = opacity;
    ctx.fillStyle = color;
    ctx.fillRect(box.x0, box.y, box.width, box.height);
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = OVERDUE;
  for (const { box } of cells) {
    if (box.overdueWidth > 0)
      ctx.fillRect(box.x0, box.y + box.height - OVERDUE_HEIGHT, box.overdueWidth, OVERDUE_HEIGHT);
  }
  const text = themeText();
  ctx.fillStyle = text.color;
  ctx.font = text.font;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  for (const { box } of cells) if (box.label !== null) ctx.fillText(box.label, box.labelX, box.labelY);
}

/**
 * Paints `cells` on a canvas in a foreignObject appended to `body`, covering
 * `width` × `height` of the chart's own px at `magnify` times the screen's
 * pixel ratio (less when that would pass the largest canvas); returns the
 * layer (a group) holding it.
 */
export function drawCanvasDensity(
  body: Group,
  cells: readonly DensityCell[],
  { width, height, magnify }: { width: number; height: number; magnify: number },
): SVGGElement {
  const ratio = Math.min((globalThis.devicePixelRatio || 1) * magnify, MAX_SIDE / Math.max(width, height, 1));
  const layer = body.append("g").attr("class", "aa-density-canvas").style("pointer-events", "none");
  let n = 0;
  let overdue = 0;
  for (const { d } of cells) {
    n += d.n;
    overdue += d.overdue;
  }
  layer.attr("data-cells-canvas", cells.length).attr("data-cells-n", n).attr("data-cells-overdue", overdue);
  const canvas = document.createElement("canvas");
  canvas.style.cssText = `display:block;width:${width}px;height:${height}px`;
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  const object = layer.append("foreignObject").attr("x", 0).attr("y", 0).attr("width", width).attr("height", height);
  (object.node() as SVGForeignObjectElement).append(canvas);
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.scale(ratio, ratio);
    paintDensityCells(ctx, cells);
  }
  return layer.node() as SVGGElement;
}
