/**
 * The network canvas's painting steps, each a few strokes or fills of
 * batches (src/lib/network/canvas-batches.ts): links, node fills, the
 * outlines that mark kinds of institution, the selected node's ring, the
 * labels with their halo.
 */
import type { EdgeBatch, NodeBatch, ViewBox } from "../../lib/network/canvas-batches.js";
import type { ViewLabel } from "../../lib/network/labels-in-view.js";
import type { ViewTransform } from "../../lib/network/view-transform.js";
import { labelFont, type NetworkChartState } from "./network-chart-state.js";

/** Theme colours read from the page: background (node outlines, label halos) and foreground. */
export interface Ink {
  bg: string;
  fg: string;
}

/** What a frame is drawn with: the layout rectangle in view, the theme's colours, device pixels per CSS pixel. */
export interface FrameInk {
  box: ViewBox;
  colours: Ink;
  dpr: number;
}

/** Sets the context to draw in layout units for the view `t` at `dpr` device pixels per CSS pixel. */
export function viewTransform(ctx: CanvasRenderingContext2D, t: ViewTransform, dpr: number): void {
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
}

/** One stroke per batch of links; `sw` is one screen pixel in layout units. */
export function strokeEdges(ctx: CanvasRenderingContext2D, batches: EdgeBatch[], sw: number, fade: number): void {
  for (const batch of batches) {
    ctx.strokeStyle = batch.color;
    ctx.globalAlpha = batch.alpha * fade;
    ctx.lineWidth = batch.lineWidth * sw;
    ctx.beginPath();
    for (const e of batch.edges) {
      ctx.moveTo(e.source.x, e.source.y);
      if (e.bend === 0) ctx.lineTo(e.target.x, e.target.y);
      else {
        // The same curve as edgePathData (src/lib/network/scene.ts).
        const len = Math.hypot(e.target.x - e.source.x, e.target.y - e.source.y) || 1;
        const off = e.bend * Math.min(24, len * 0.15);
        const mx = (e.source.x + e.target.x) / 2 - ((e.target.y - e.source.y) / len) * off;
        const my = (e.source.y + e.target.y) / 2 + ((e.target.x - e.source.x) / len) * off;
        ctx.quadraticCurveTo(mx, my, e.target.x, e.target.y);
      }
    }
    ctx.stroke();
  }
}

/**
 * One fill and outline per batch of nodes at zoom `k`: squares for
 * commitments, circles for institutions; new ones fade in.
 */
export function fillNodes(
  ctx: CanvasRenderingContext2D,
  batches: NodeBatch[],
  k: number,
  fade: number,
  bg: string,
): void {
  const sw = 1 / k;
  const shrink = Math.sqrt(k);
  for (const batch of batches) {
    ctx.globalAlpha = batch.opacity * (batch.old ? 1 : fade);
    ctx.fillStyle = batch.fill;
    ctx.strokeStyle = bg;
    ctx.lineWidth = sw;
    ctx.beginPath();
    for (const n of batch.nodes) {
      const r = n.r / shrink;
      if (n.data.kind === "commitment") ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
      else {
        ctx.moveTo(n.x + r, n.y);
        ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      }
    }
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * The outlines that mark a node besides its colour, as the SVG draws them: a
 * ring (international organisation), a ring and an inner ring (joint body),
 * a dashed outline (generic institution).
 */
export function outlineNodes(
  ctx: CanvasRenderingContext2D,
  batches: NodeBatch[],
  k: number,
  fade: number,
  fg: string,
): void {
  const sw = 1 / k;
  const shrink = Math.sqrt(k);
  ctx.strokeStyle = fg;
  for (const batch of batches) {
    for (const n of batch.nodes) {
      if (n.outline === "plain" && !n.dashed) continue;
      ctx.globalAlpha = batch.opacity * (batch.old ? 1 : fade);
      const r = n.r / shrink;
      ctx.setLineDash(n.dashed ? [3 * sw, 2 * sw] : []);
      ctx.lineWidth = (n.dashed ? 1.5 : 2) * sw;
      ctx.beginPath();
      ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      if (n.outline === "double") {
        ctx.moveTo(n.x + r * 0.55, n.y);
        ctx.arc(n.x, n.y, r * 0.55, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
}

/** A ring round the selected node. */
export function ringSelected(ctx: CanvasRenderingContext2D, state: NetworkChartState, sw: number, fg: string): void {
  if (!state.selected) return;
  const n = state.scene.nodes.find((d) => d.id === state.selected);
  if (!n) return;
  ctx.globalAlpha = 1;
  ctx.strokeStyle = fg;
  ctx.lineWidth = 2.5 * sw;
  ctx.beginPath();
  ctx.arc(n.x, n.y, n.r / Math.sqrt(state.transform.k) + 3 * sw, 0, 2 * Math.PI);
  ctx.stroke();
}

/** Labels with a halo of the background colour; faint ones at a third of the opacity. */
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
