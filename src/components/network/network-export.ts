/**
 * The network as a standalone SVG for exports, whichever renderer the page
 * uses (a canvas cannot be exported as vectors): every link and node of the
 * scene as one mark each (`data-mark`), the view the user is looking at
 * (centre and scale) fitted into the export's size, the selection's
 * neighbourhood highlighted, labels placed without overlap as on the page,
 * nodes outlined as on the page (rings, dashes: node-affiliation.ts).
 */
import { edgeOpacity, nodeOpacity } from "../../lib/network/highlight.js";
import { placeLabels } from "../../lib/network/label-placement.js";
import { edgePathData, neighbourhood, type SceneNode } from "../../lib/network/scene.js";
import { EXPORT_FONT, type ExportTheme } from "../export-image.js";
import type { NetworkSnapshot } from "./network-chart.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const LABEL_BUDGET = 400;

function make(name: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function networkSvg(
  snapshot: NetworkSnapshot,
  width: number,
  height: number,
  theme: ExportTheme,
): SVGSVGElement {
  const { scene, centre, selected } = snapshot;
  if (!scene.nodes.length) return emptySvg(width, height, theme);
  // The same view, scaled to the export: what was in the middle stays in the middle.
  // A fitted view fits the export's own size instead (as the page does on any screen).
  const ratio = snapshot.width && snapshot.height ? Math.min(width / snapshot.width, height / snapshot.height) : 1;
  let k = snapshot.k * ratio;
  let c = centre;
  if (snapshot.fitted && scene.nodes.length) {
    const xs = scene.nodes.map((n) => n.x);
    const ys = scene.nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const pad = 48 * Math.max(1, ratio);
    k = Math.min(4 * ratio, (width - 2 * pad) / Math.max(1, x1 - x0), (height - 2 * pad) / Math.max(1, y1 - y0));
    c = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  }
  const tx = width / 2 - c.x * k;
  const ty = height / 2 - c.y * k;
  const sx = (x: number) => Math.round((x * k + tx) * 10) / 10;
  const sy = (y: number) => Math.round((y * k + ty) * 10) / 10;
  // Node radius on screen follows the page's rule (r × √k); nodes and type grow with the export.
  const grow = Math.max(1, ratio);
  const radius = (r: number) => Math.max(2, r * Math.sqrt(k * grow));
  const highlight = selected && scene.nodes.some((n) => n.id === selected) ? neighbourhood(scene, selected) : null;

  const svg = make("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` }) as SVGSVGElement;
  const edges = make("g", { fill: "none", "data-layer": "links" });
  for (const e of scene.edges) {
    edges.append(
      make("path", {
        d: edgePathData(sx(e.source.x), sy(e.source.y), sx(e.target.x), sy(e.target.y), e.bend),
        stroke: e.color,
        "stroke-width": Math.round(e.width * 10) / 10,
        "stroke-opacity": edgeOpacity(highlight, e),
        "data-mark": "link",
      }),
    );
  }
  const nodes = make("g", { stroke: theme.background, "stroke-width": 1, "data-layer": "nodes" });
  for (const n of scene.nodes) {
    const r = radius(n.r);
    const opacity = nodeOpacity(highlight, n.id);
    const attrs: Record<string, string | number> = { fill: n.fill, "data-mark": "node", "data-id": n.id };
    if (opacity < 1) attrs.opacity = opacity;
    if (n.id === selected) Object.assign(attrs, { stroke: theme.foreground, "stroke-width": 2.5 });
    if (n.id !== selected) Object.assign(attrs, outlineAttrs(n, theme));
    const shape =
      n.data.kind === "commitment"
        ? make("rect", { ...attrs, x: sx(n.x) - r, y: sy(n.y) - r, width: 2 * r, height: 2 * r })
        : make("circle", { ...attrs, cx: sx(n.x), cy: sy(n.y), r });
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = n.label;
    shape.append(title);
    nodes.append(shape);
    if (n.outline === "double") {
      const inner = { fill: "none", stroke: theme.foreground, "stroke-width": 1.5, "data-mark": "inner-ring" };
      nodes.append(
        make("circle", { ...inner, cx: sx(n.x), cy: sy(n.y), r: r * 0.55, ...(opacity < 1 ? { opacity } : {}) }),
      );
    }
  }
  svg.append(edges, nodes);

  // Labels: the page's placement rule, at the export's size.
  const fontSize = Math.round(12 * Math.max(1, Math.min(2, width / 1000)));
  const measure = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
  measure.font = `${fontSize}px ${EXPORT_FONT}`;
  const inView = scene.nodes.filter(
    (n) => sx(n.x) > -40 && sx(n.x) < width + 40 && sy(n.y) > -40 && sy(n.y) < height + 40,
  );
  const boost = (id: string) => (highlight?.has(id) ? 1e12 : 0) + (id === selected ? 1e13 : 0);
  const candidates = inView
    .filter((n) => n.priority >= 0 || highlight?.has(n.id))
    .sort((a, b) => boost(b.id) + b.priority - (boost(a.id) + a.priority))
    .slice(0, LABEL_BUDGET)
    .map((n) => ({
      id: n.id,
      x: sx(n.x),
      y: sy(n.y),
      r: radius(n.r),
      width: measure.measureText(n.label).width + 4,
      height: fontSize + 2,
      priority: boost(n.id) + n.priority,
    }));
  const obstacles = inView.map((n) => ({
    id: n.id,
    x: sx(n.x),
    y: sy(n.y),
    r: radius(n.r),
    width: 0,
    height: 0,
    priority: 0,
  }));
  const byId = new Map(scene.nodes.map((n) => [n.id, n]));
  const labels = make("g", {
    "font-size": fontSize,
    "font-family": EXPORT_FONT,
    fill: theme.foreground,
    stroke: theme.background,
    "stroke-width": 3,
    "paint-order": "stroke",
    "stroke-linejoin": "round",
    "data-layer": "labels",
  });
  for (const p of placeLabels(candidates, obstacles, { width, height })) {
    const text = make("text", { x: Math.round(p.x + 2), y: Math.round(p.y + fontSize - 1) });
    if (highlight && !highlight.has(p.id)) text.setAttribute("opacity", "0.35");
    text.textContent = byId.get(p.id)?.label ?? p.id;
    labels.append(text);
  }
  svg.append(labels);
  return svg;
}

/** The outline that marks a node as the page draws it: a ring (international, joint body), dashed (generic). */
function outlineAttrs(n: SceneNode, theme: ExportTheme): Record<string, string | number> {
  if (n.dashed)
    return { stroke: theme.foreground, "stroke-width": 1.5, "stroke-dasharray": "3 2", "fill-opacity": 0.55 };
  if (n.outline !== "plain") return { stroke: theme.foreground, "stroke-width": 2 };
  return {};
}

function emptySvg(width: number, height: number, theme: ExportTheme): SVGSVGElement {
  const svg = make("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` }) as SVGSVGElement;
  const text = make("text", {
    x: width / 2,
    y: height / 2,
    "text-anchor": "middle",
    fill: theme.muted,
    "font-family": EXPORT_FONT,
    "font-size": 16,
  });
  text.textContent = "No institution matches these filters.";
  svg.append(text);
  return svg;
}
