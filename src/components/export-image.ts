/**
 * Images that carry their provenance: a chart's SVG made standalone (every
 * style it uses written onto its elements, system fonts named explicitly, so
 * it looks the same in PowerPoint, Keynote, Inkscape and a browser), framed
 * with a title, a legend and the caption (src/lib/model/caption.ts), at the size a
 * preset asks for; and the same figure as a PNG at 1× or 2×.
 */
import { type Caption, wrapText } from "../lib/model/caption.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Fonts every export names: the system sans-serif of each platform. */
export const EXPORT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export type PresetId = "screen" | "slide" | "print";

export interface Preset {
  id: PresetId;
  label: string;
  /** Pixel size of the figure (CSS px); undefined = the chart's size on screen. */
  width?: number;
  height?: number;
  /** Physical size written on the SVG (print). */
  physical?: { width: string; height: string };
}

export const PRESETS: Record<PresetId, Preset> = {
  screen: { id: "screen", label: "As on screen" },
  slide: { id: "slide", label: "Slide 16:9 (1920×1080)", width: 1920, height: 1080 },
  // A4 landscape at 150 dpi; the SVG says 297 × 210 mm so print tools size it right.
  print: {
    id: "print",
    label: "Print A4 landscape",
    width: 1754,
    height: 1240,
    physical: { width: "297mm", height: "210mm" },
  },
};

export interface LegendItem {
  label: string;
  color: string;
  shape?: "dot" | "square" | "line" | "triangle" | "diamond" | "ring";
}
export interface LegendGroup {
  title: string;
  items: LegendItem[];
}

export interface ExportTheme {
  background: string;
  foreground: string;
  muted: string;
}

/** The page's colours (light or dark theme), read from Framework's CSS variables. */
export function pageTheme(from: Element = document.body): ExportTheme {
  const style = getComputedStyle(from);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: v("--theme-background", "#ffffff"),
    foreground: v("--theme-foreground", "#1b1e23"),
    muted: v("--theme-foreground-muted", "#6d6d6d"),
  };
}

/** Presentation properties copied from the page onto each exported element. */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "visibility",
] as const;

/**
 * A copy of a live SVG with its computed styles written onto each element,
 * CSS variables and `currentColor` resolved, classes and event hooks gone,
 * and only elements the page shows. The original is not touched.
 */
export function standaloneSvg(source: SVGSVGElement): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...source.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  const hidden: Element[] = [];
  for (let i = 0; i < from.length; i++) {
    const a = from[i];
    const b = to[i];
    const style = getComputedStyle(a);
    if (style.display === "none" || a.classList.contains("aa-exit")) {
      hidden.push(b);
      continue;
    }
    const out: string[] = [];
    for (const prop of STYLE_PROPS) {
      const value = style.getPropertyValue(prop);
      if (value && value !== "normal" && value !== "auto") out.push(`${prop}:${value}`);
    }
    if (a instanceof SVGTextElement || a instanceof SVGTSpanElement || a === source)
      out.push(`font-family:${EXPORT_FONT}`);
    b.setAttribute("style", out.join(";"));
    b.removeAttribute("class");
    for (const attr of [...b.attributes]) if (/^on/i.test(attr.name)) b.removeAttribute(attr.name);
  }
  for (const b of hidden) b.remove();
  const box = source.getBoundingClientRect();
  const width = Number(source.getAttribute("width")) || Math.round(box.width);
  const height = Number(source.getAttribute("height")) || Math.round(box.height);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  if (!copy.getAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  copy.setAttribute("xmlns", SVG_NS);
  return copy;
}

function svgEl<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface FigureOptions {
  /** Draws the chart into a width × height area and returns a standalone SVG. */
  draw: (width: number, height: number) => SVGSVGElement;
  /** The chart's size on the page (the "As on screen" preset keeps it). */
  natural: { width: number; height: number };
  caption: Caption;
  legend?: LegendGroup[];
  preset: Preset;
  theme: ExportTheme;
}

/** Rough text width for layout (export fonts vary by platform; this errs wide). */
function textWidth(text: string, size: number): number {
  return text.length * size * 0.56;
}

/**
 * The whole figure: background, title, chart, legend, caption. Sizes of type
 * follow the figure's width, so a slide reads from the back of a room.
 */
export function composeFigure(options: FigureOptions): SVGSVGElement {
  const { caption, preset, theme, natural } = options;
  const width = preset.width ?? Math.max(480, Math.round(natural.width) + 32);
  const u = Math.max(1, width / 960);
  const pad = Math.round(16 * u);
  const titleSize = Math.round(20 * u);
  const textSize = Math.round(12 * u);
  const lineHeight = Math.round(textSize * 1.45);
  const inner = width - 2 * pad;

  // Caption lines, wrapped to the width.
  const perLine = Math.max(20, Math.floor(inner / (textSize * 0.56)));
  const captionLines = caption.lines.flatMap((line) => wrapText(line, perLine));

  // Legend: groups flow left to right, wrapping.
  const legendRows: { x: number; row: number; item?: LegendItem; title?: string }[] = [];
  let x = 0;
  let row = 0;
  const swatch = Math.round(textSize * 0.9);
  for (const group of options.legend ?? []) {
    if (!group.items.length) continue;
    const tw = textWidth(`${group.title}:`, textSize) + textSize;
    if (x > 0 && x + tw > inner) {
      x = 0;
      row++;
    }
    legendRows.push({ x, row, title: `${group.title}:` });
    x += tw;
    for (const item of group.items) {
      const w = swatch + 6 + textWidth(item.label, textSize) + textSize;
      if (x > 0 && x + w > inner) {
        x = 0;
        row++;
      }
      legendRows.push({ x, row, item });
      x += w;
    }
    x += textSize;
  }
  const legendHeight = legendRows.length ? (row + 1) * lineHeight + Math.round(6 * u) : 0;
  const titleHeight = Math.round(titleSize * 1.6);
  const captionHeight = captionLines.length * lineHeight + Math.round(8 * u);
  const chartHeight = preset.height
    ? Math.max(100, preset.height - 2 * pad - titleHeight - legendHeight - captionHeight)
    : Math.round(natural.height * (inner / Math.max(1, natural.width)));
  const height = preset.height ?? 2 * pad + titleHeight + chartHeight + legendHeight + captionHeight;

  const root = svgEl("svg", {
    xmlns: SVG_NS,
    width: preset.physical?.width ?? width,
    height: preset.physical?.height ?? height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": EXPORT_FONT,
    role: "img",
    "aria-label": caption.title,
  });
  root.setAttribute("data-pixel-width", String(width));
  root.setAttribute("data-pixel-height", String(height));
  root.append(svgEl("title", {}, caption.title));
  root.append(svgEl("desc", {}, caption.lines.join("\n")));
  root.append(svgEl("rect", { x: 0, y: 0, width, height, fill: theme.background }));
  root.append(
    svgEl(
      "text",
      { x: pad, y: pad + titleSize, "font-size": titleSize, "font-weight": 700, fill: theme.foreground },
      caption.title,
    ),
  );
  const chart = options.draw(inner, chartHeight);
  chart.setAttribute("x", String(pad));
  chart.setAttribute("y", String(pad + titleHeight));
  chart.setAttribute("width", String(inner));
  chart.setAttribute("height", String(chartHeight));
  chart.setAttribute("preserveAspectRatio", "xMidYMid meet");
  chart.setAttribute("overflow", "hidden");
  chart.setAttribute("data-export", "chart");
  root.append(chart);

  const legendTop = pad + titleHeight + chartHeight + Math.round(6 * u);
  const legend = svgEl("g", { "data-export": "legend", "font-size": textSize, fill: theme.foreground });
  for (const r of legendRows) {
    const y = legendTop + r.row * lineHeight + textSize;
    if (r.title) {
      legend.append(svgEl("text", { x: pad + r.x, y, "font-weight": 600 }, r.title));
      continue;
    }
    const item = r.item as LegendItem;
    const sx = pad + r.x;
    const sy = y - swatch + Math.round(swatch * 0.1);
    const h = swatch / 2;
    const [cx, cy] = [sx + h, sy + h];
    if (item.shape === "line")
      legend.append(svgEl("rect", { x: sx, y: cy - u, width: swatch, height: 2 * u, fill: item.color }));
    else if (item.shape === "square")
      legend.append(svgEl("rect", { x: sx, y: sy, width: swatch, height: swatch, fill: item.color }));
    else if (item.shape === "triangle")
      legend.append(
        svgEl("path", { d: `M${cx},${sy}L${sx + swatch},${sy + swatch}L${sx},${sy + swatch}Z`, fill: item.color }),
      );
    else if (item.shape === "diamond")
      legend.append(
        svgEl("path", { d: `M${cx},${sy}L${sx + swatch},${cy}L${cx},${sy + swatch}L${sx},${cy}Z`, fill: item.color }),
      );
    else if (item.shape === "ring")
      legend.append(svgEl("circle", { cx, cy, r: h - u, fill: "none", stroke: item.color, "stroke-width": 1.5 * u }));
    else legend.append(svgEl("circle", { cx, cy, r: h, fill: item.color }));
    legend.append(svgEl("text", { x: sx + swatch + 6, y }, item.label));
  }
  root.append(legend);

  const captionTop = legendTop - Math.round(6 * u) + legendHeight + Math.round(8 * u);
  const text = svgEl("text", { "data-export": "caption", "font-size": textSize, fill: theme.muted });
  captionLines.forEach((line, i) => {
    text.append(svgEl("tspan", { x: pad, y: captionTop + i * lineHeight + textSize }, line));
  });
  root.append(text);
  return root;
}

/** The figure as an SVG file's text. */
export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** The figure's pixel size (the viewBox), whatever physical size it declares. */
export function pixelSize(svg: SVGSVGElement): { width: number; height: number } {
  const [, , w, h] = (svg.getAttribute("viewBox") ?? "0 0 0 0").split(/\s+/).map(Number);
  return { width: w, height: h };
}

/** Rasterises the figure at `scale` (1 or 2) into a PNG of exactly scale × its pixel size. */
export async function svgToPng(svg: SVGSVGElement, scale: number): Promise<Blob> {
  const { width, height } = pixelSize(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const url = URL.createObjectURL(new Blob([svgText(copy)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The browser could not draw the exported SVG."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("The browser could not encode the PNG."))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under a file name (the browser's download). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title and the date: "accord-atlas-network-2026-11-27". */
export function fileName(title: string, extension: string, date = new Date()): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `accord-atlas-${slug || "chart"}-${date.toISOString().slice(0, 10)}.${extension}`;
}
