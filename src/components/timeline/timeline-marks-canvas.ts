/**
 * The timeline's commitment marks as pixels, for more marks than SVG draws
 * quickly (src/lib/timeline/mark-renderer-choice.ts): the same picture as
 * timeline-marks-svg.ts — symbol by strength and status colour, a bar for a
 * month or year, a dashed connector to a hollow target, the status track
 * with a dot per update, the overdue ring — painted on canvases inside the
 * chart's SVG (foreignObjects over the lanes, so they scale with the SVG;
 * tiles, as one canvas may not be as tall as a busy year's lanes),
 * batched by colour: one path and one fill or stroke per colour and shape,
 * not per mark. The canvas takes no pointer events; timeline-canvas-input.ts
 * finds the mark under the pointer or the keyboard (mark-hit-grid.ts).
 */
import type * as d3 from "d3";
import type { MarkRow, UpdateRow } from "../../lib/sql/timeline-queries.js";
import type { HitMark } from "../../lib/timeline/mark-hit-grid.js";
import { type DayScale, markSpan, statusTrack, targetSpan } from "../../lib/timeline/mark-positions.js";
import { OVERDUE, statusColor, symbolFor } from "./timeline-symbols.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

/** A mark placed in its lane's row (lane-layout.ts markRowY). */
export interface PlacedMark {
  mark: MarkRow;
  rowY: number;
}

/** The painted marks and where each is (for hit testing and the keyboard). */
export interface CanvasMarks {
  hits: HitMark[];
  marks: MarkRow[];
}

/** Paths batched by their style (fill or stroke colour and width, dash). */
type Batches = Map<string, Path2D>;

const path = (batches: Batches, style: string): Path2D => {
  let p = batches.get(style);
  if (!p) {
    p = new Path2D();
    batches.set(style, p);
  }
  return p;
};

/** The theme's colours the marks use, read from the page (CSS variables are not canvas colours). */
function themeColors(): { background: string; faint: string } {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { background: read("--theme-background", "#ffffff"), faint: read("--theme-foreground-faint", "#bbbbbb") };
}

/** Moves a d3 symbol's drawing to (cx, cy) on a path. */
function symbolAt(p: Path2D, strength: string, size: number, cx: number, cy: number): void {
  const at = {
    moveTo: (x: number, y: number) => p.moveTo(cx + x, cy + y),
    lineTo: (x: number, y: number) => p.lineTo(cx + x, cy + y),
    arc: (x: number, y: number, r: number, a0: number, a1: number) => {
      p.moveTo(cx + x + r, cy + y);
      p.arc(cx + x, cy + y, r, a0, a1);
    },
    closePath: () => p.closePath(),
  };
  symbolFor(strength).draw(at as unknown as CanvasRenderingContext2D, size);
}

/** Adds one mark's shapes to the batches: target, track, span, ring, symbol, in SVG's order. */
function addMark(
  b: Record<string, Batches>,
  m: MarkRow,
  y: number,
  updates: readonly UpdateRow[],
  scale: DayScale,
): void {
  const color = statusColor(m.status);
  const span = markSpan(m, scale);
  const target = targetSpan(m, scale);
  if (target) {
    const connector = path(b.dash, m.overdue ? OVERDUE : "faint");
    connector.moveTo(span.x1, y);
    connector.lineTo(target.x0, y);
    const hollow = path(b.hollow, m.overdue ? OVERDUE : color);
    if (target.partial) hollow.roundRect(target.x0, y - 4, Math.max(3, target.x1 - target.x0), 8, 4);
    else symbolAt(hollow, m.strength, 60, target.x0, y);
  }
  if (updates.length) {
    const { segments, dots } = statusTrack(span.cx, updates, scale);
    for (const s of segments) {
      const line = path(b.track, statusColor(s.status));
      line.moveTo(s.from, y);
      line.lineTo(s.to, y);
    }
    for (const d of dots) {
      const dot = path(b.dot, statusColor(d.status));
      dot.moveTo(d.x + 3.2, y);
      dot.arc(d.x, y, 3.2, 0, 2 * Math.PI);
    }
  }
  if (span.partial) path(b.span, color).roundRect(span.x0, y - 3, Math.max(2, span.x1 - span.x0), 6, 3);
  if (m.overdue) {
    const ring = path(b.ring, OVERDUE);
    ring.moveTo(span.cx + 7.5, y);
    ring.arc(span.cx, y, 7.5, 0, 2 * Math.PI);
  }
  symbolAt(path(b.symbol, color), m.strength, 70, span.cx, y);
}

/** Paints the batches, layer by layer as the SVG renderer stacks them (earlier marks' layers all under later ones' is the one difference). */
function paint(ctx: CanvasRenderingContext2D, b: Record<string, Batches>): void {
  const theme = themeColors();
  const color = (c: string) => (c === "faint" ? theme.faint : c);
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 3]);
  for (const [c, p] of b.dash) {
    ctx.strokeStyle = color(c);
    ctx.stroke(p);
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5;
  for (const [c, p] of b.hollow) {
    ctx.fillStyle = theme.background;
    ctx.fill(p);
    ctx.strokeStyle = c;
    ctx.stroke(p);
  }
  ctx.lineWidth = 3;
  ctx.lineCap = "round";
  for (const [c, p] of b.track) {
    ctx.strokeStyle = c;
    ctx.stroke(p);
  }
  ctx.lineCap = "butt";
  ctx.lineWidth = 1;
  for (const [c, p] of b.dot) fillAndEdge(ctx, p, c, theme.background);
  ctx.globalAlpha = 0.35;
  for (const [c, p] of b.span) {
    ctx.fillStyle = c;
    ctx.fill(p);
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 2;
  for (const [c, p] of b.ring) {
    ctx.strokeStyle = c;
    ctx.stroke(p);
  }
  ctx.lineWidth = 1;
  for (const [c, p] of b.symbol) fillAndEdge(ctx, p, c, theme.background);
}

function fillAndEdge(ctx: CanvasRenderingContext2D, p: Path2D, fill: string, edge: string): void {
  ctx.fillStyle = fill;
  ctx.fill(p);
  ctx.strokeStyle = edge;
  ctx.stroke(p);
}

/** A canvas's height at most, px (Chromium refuses canvases past 32,767 px; a busy year's lanes are taller). */
const TILE = 2048;
/** How far a mark's drawing reaches above and below its row's middle, px (the overdue ring). */
const REACH = 9;

/** Tiles painted at once, from the top (the first screens); the others when they come near the view. */
const EAGER_TILES = 2;

/** Gives a tile's canvas its pixels and paints its batches, `top` px down the chart. */
function paintTile(
  canvas: HTMLCanvasElement,
  batches: Record<string, Batches>,
  { width, height, top, ratio }: { width: number; height: number; top: number; ratio: number },
): void {
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.translate(0, -top);
  paint(ctx, batches);
}

const LAYERS = ["dash", "hollow", "track", "dot", "span", "ring", "symbol"] as const;

/**
 * Paints `placed` on canvases in foreignObjects appended to `body`, covering
 * `width` × `height` of the chart's own px in tiles of TILE px, at `magnify`
 * times the screen's pixel ratio (sharp when the frame options scale the
 * chart up). A mark near a tile's edge is painted on both tiles. The first
 * EAGER_TILES tiles are painted now, the others as they scroll near the view.
 */
export function drawCanvasMarks(
  body: Group,
  placed: readonly PlacedMark[],
  {
    scale,
    updatesBy,
    width,
    height,
    magnify,
  }: { scale: DayScale; updatesBy: ReadonlyMap<string, UpdateRow[]>; width: number; height: number; magnify: number },
): CanvasMarks {
  const ratio = (globalThis.devicePixelRatio || 1) * magnify;
  // Each tile's marks (by index); their paths are made when the tile is painted.
  const tiles = Array.from({ length: Math.max(1, Math.ceil(height / TILE)) }, () => [] as number[]);
  const none: UpdateRow[] = [];
  const hits = placed.map((p, i) => {
    const first = Math.max(0, Math.floor((p.rowY - REACH) / TILE));
    const last = Math.min(tiles.length - 1, Math.floor((p.rowY + REACH) / TILE));
    for (let t = first; t <= last; t++) tiles[t].push(i);
    const span = markSpan(p.mark, scale);
    return { x0: span.x0, x1: span.x1, cx: span.cx, y: p.rowY };
  });
  const batchesOf = (indices: readonly number[]) => {
    const batches: Record<string, Batches> = {};
    for (const layer of LAYERS) batches[layer] = new Map();
    for (const i of indices) {
      const { mark, rowY } = placed[i];
      addMark(batches, mark, rowY, updatesBy.get(mark.id) ?? none, scale);
    }
    return batches;
  };
  const holder = body.append("g").attr("class", "aa-marks-canvas").style("pointer-events", "none");
  holder.attr("data-marks-canvas", placed.length);
  const painted = { count: 0 };
  const pending = new Map<Element, () => void>();
  // Tiles out of view are painted when they come near it: a busy year's lanes are
  // hundreds of tiles tall, gigabytes of pixels if all were painted at once.
  const observer =
    tiles.length > EAGER_TILES && typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              pending.get(entry.target)?.();
              pending.delete(entry.target);
              observer?.unobserve(entry.target);
            }
          },
          { rootMargin: `${TILE}px 0px` },
        )
      : null;
  tiles.forEach((indices, t) => {
    const top = t * TILE;
    const h = Math.min(TILE, height - top);
    if (h <= 0) return;
    const canvas = document.createElement("canvas");
    canvas.style.cssText = `display:block;width:${width}px;height:${h}px`;
    const object = holder.append("foreignObject").attr("x", 0).attr("y", top).attr("width", width).attr("height", h);
    (object.node() as SVGForeignObjectElement).append(canvas);
    const draw = () => {
      paintTile(canvas, batchesOf(indices), { width, height: h, top, ratio });
      painted.count += 1;
      holder.attr("data-tiles-painted", painted.count);
    };
    if (!observer || t < EAGER_TILES) draw();
    else {
      pending.set(canvas, draw);
      observer.observe(canvas);
    }
  });
  return { hits, marks: placed.map((p) => p.mark) };
}
