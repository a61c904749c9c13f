/**
 * The network canvas's labels, painted on the page on a canvas of their own
 * above the drawing (the worker paints links and nodes below them): each
 * with a halo of the background colour, faint ones at a third of the
 * opacity.
 */
import type { ViewLabel } from "../../lib/network/labels-in-view.js";
import type { Ink } from "./network-canvas-paint.js";
import { labelFont } from "./network-chart-state.js";

export function drawLabels(ctx: CanvasRenderingContext2D, labels: ViewLabel[], ink: Ink, size: number): void {
  ctx.font = labelFont(size);
  ctx.lineJoin = "round";
  for (const l of labels) {
    ctx.globalAlpha = l.strong ? 1 : 0.35;
    ctx.lineWidth = 3;
    ctx.strokeStyle = ink.bg;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = ink.fg;
    ctx.fillText(l.text, l.x, l.y);
  }
}
