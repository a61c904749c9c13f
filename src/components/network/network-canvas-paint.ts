/**
 * The network canvas's painting steps, in its worker, each a few strokes or
 * fills of batches (src/lib/network/canvas-batches.ts): links, node fills,
 * the outlines that mark kinds of institution, the selected node's ring.
 * The labels are painted on the page (network-canvas-labels.ts).
 */
import type { EdgeBatch, NodeBatch, ViewBox } from "../../lib/network/canvas-batches.js";
import type { PaintEdge, PaintNode } from "../../lib/network/paint-scene.js";
import type { ViewTransform } from "../../lib/network/view-transform.js";

/** A 2D context, of the worker's canvas or a kept copy. */
export type Paint2D = OffscreenCanvasRenderingContext2D;

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
export function viewTransform(ctx: Paint2D, t: ViewTransform, dpr: number): void {
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
}

/** One stroke per batch of links; `sw` is one screen pixel in layout units. Returns the links stroked. */
export function strokeEdges(ctx: Paint2D, batches: EdgeBatch<PaintEdge>[], sw: number, fade: number): number {
  let links = 0;
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
    links += batch.edges.length;
  }
  return links;
}

/**
 * One fill and outline per batch of nodes at zoom `k`: squares for
 * commitments, circles for institutions; new ones fade in.
 */
export function fillNodes(ctx: Paint2D, batches: NodeBatch<PaintNode>[], k: number, fade: number, bg: string): void {
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
      if (n.square) ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
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
export function outlineNodes(ctx: Paint2D, batches: NodeBatch<PaintNode>[], k: number, fade: number, fg: string): void {
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

/** A ring round the selected node (`node`, if it is in the scene) at zoom `k`. */
export function ringSelected(ctx: Paint2D, node: PaintNode | undefined, k: number, fg: string): void {
  if (!node) return;
  const sw = 1 / k;
  ctx.globalAlpha = 1;
  ctx.strokeStyle = fg;
  ctx.lineWidth = 2.5 * sw;
  ctx.beginPath();
  ctx.arc(node.x, node.y, node.r / Math.sqrt(k) + 3 * sw, 0, 2 * Math.PI);
  ctx.stroke();
}
