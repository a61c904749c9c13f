/**
 * The network chart: draws a scene (src/lib/network/scene.ts) with SVG while
 * it is small and on a canvas past SVG_LIMIT elements (measured, see
 * docs/network.md), with zoom, pan, drag, hover tooltips, click to select,
 * neighbour highlighting and labels that never pile up.
 *
 * Made once per page and fed new scenes with `update(scene)`: nodes that stay
 * keep their place (and the zoom stays where the user left it), new ones fade
 * in, removed ones fade out. The element's `value` is the selected node id
 * (or null); it dispatches "input" when the selection changes, so a page can
 * read it with Generators.input. After the first frame of each new scene it
 * dispatches "aa-drawn" (and marks "network:first-frame" once), which the
 * benchmark times.
 *
 * Keyboard, when the chart has focus: + and − zoom, arrow keys pan, 0 fits
 * the drawing, Escape clears the selection.
 */
import * as d3 from "d3";
import { type NetworkZoom, ZOOM_K } from "../../lib/model/view-state.js";
import type { GraphNode } from "../../lib/network/graph.js";
import { placeLabels } from "../../lib/network/label-placement.js";
import { edgePathData, neighbourhood, type Scene, type SceneEdge, type SceneNode } from "../../lib/network/scene.js";
import { el } from "../dom.js";

/**
 * Nodes + links past which the chart draws on a canvas. Measured with
 * bench:network (docs/network.md): at 375 elements SVG keeps every task under
 * 100 ms; at 1,900 its first full draw blocks the page for about 0.6 s where
 * the canvas takes 0.12 s.
 */
export const SVG_LIMIT = 800;
/**
 * Links past which the canvas draws them as 1-pixel lines, weight shown by
 * opacity (wider strokes cost about 15× more to rasterise without a GPU), and
 * pans and zooms by moving the last full frame, redrawing in full once the
 * gesture pauses.
 */
export const LARGE_EDGES = 3000;
const SETTLE_MS = 150;
/** The zoom range, the same one a link may ask for. */
const ZOOM_EXTENT: [number, number] = [ZOOM_K[0], ZOOM_K[1]];
/** Labels considered per frame on the canvas: the largest nodes in view. */
const LABEL_BUDGET = 400;
const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const FADE_MS = 300;

export type Renderer = "svg" | "canvas";

export interface NetworkChartOptions {
  /** Height in pixels; width follows the container. */
  height?: number;
  /** Force a renderer (the benchmark compares them); by default chosen by size. */
  renderer?: Renderer | "auto";
  /** Tooltip content for a node. */
  describe?: (node: GraphNode) => (string | Node)[];
  /** Accessible name of the drawing. */
  label?: string;
  /** Where to look at first (from a link), instead of fitting the drawing. */
  zoom?: NetworkZoom | null;
}

export interface NetworkChart extends HTMLElement {
  value: string | null;
  update(scene: Scene): void;
  /** Selects a node (null clears) and, with `zoom`, centres the view on it. */
  select(id: string | null, options?: { zoom?: boolean; notify?: boolean }): void;
  zoomToFit(): void;
  /**
   * Where the user is looking: the layout point at the centre and the scale,
   * or null while the drawing is fitted (a link then fits on any screen).
   * The chart dispatches "aa-zoom" when a zoom or pan by the user settles.
   */
  getZoom(): NetworkZoom | null;
  /** Looks at a layout point at a scale; null fits the drawing. */
  setZoom(zoom: NetworkZoom | null): void;
  /** What is drawn now, for exports: the scene, the view and the selection. */
  snapshot(): NetworkSnapshot;
  /** Where a node is drawn, in pixels from the chart's top-left corner (null when not drawn). */
  locate(id: string): { x: number; y: number } | null;
  readonly renderer: Renderer;
  /** Drawn node ids, in drawing order (tests and the accessible table use the scene instead). */
  readonly drawn: { nodes: number; edges: number };
}

export interface NetworkSnapshot {
  scene: Scene;
  /** Layout point at the centre of the drawing, and pixels per layout unit. */
  centre: { x: number; y: number };
  k: number;
  width: number;
  height: number;
  selected: string | null;
  renderer: Renderer;
  /** True while the view is the fitted one (an export then fits its own size). */
  fitted: boolean;
}

interface Transform {
  x: number;
  y: number;
  k: number;
}

export function networkChart(options: NetworkChartOptions = {}): NetworkChart {
  const height = options.height ?? 640;
  const root = el("div", {
    class: "aa-net",
    tabindex: 0,
    role: "group",
    "aria-label": options.label ?? "Network of institutions",
    "aria-describedby": "aa-net-help",
  }) as unknown as NetworkChart;
  root.style.height = `${height}px`;
  const help = el(
    "p",
    { id: "aa-net-help", class: "aa-net-help" },
    "Drag to pan, scroll or pinch to zoom, drag a node to move it, click a node for its commitments. Keys: + and − zoom, arrows pan, 0 fits, Escape clears.",
  );
  const tooltip = el("div", { class: "aa-net-tooltip", role: "tooltip", hidden: true });
  const svg = d3.create("svg").attr("class", "aa-net-svg").attr("role", "img");
  const viewport = svg.append("g").attr("class", "viewport");
  const edgeLayer = viewport.append("g").attr("class", "edges").attr("fill", "none");
  const nodeLayer = viewport.append("g").attr("class", "nodes");
  const labelLayer = svg.append("g").attr("class", "labels");
  const canvas = d3.create("canvas").attr("class", "aa-net-canvas").attr("role", "img");
  const buttons = el(
    "div",
    { class: "aa-net-buttons" },
    el("button", { type: "button", "aria-label": "Zoom in", title: "Zoom in (+)", onclick: () => zoomBy(1.4) }, "+"),
    el(
      "button",
      { type: "button", "aria-label": "Zoom out", title: "Zoom out (−)", onclick: () => zoomBy(1 / 1.4) },
      "−",
    ),
    el(
      "button",
      { type: "button", "aria-label": "Fit the drawing", title: "Fit (0)", onclick: () => root.zoomToFit() },
      "Fit",
    ),
  );
  root.append(svg.node() as SVGSVGElement, canvas.node() as HTMLCanvasElement, buttons, tooltip, help);

  let width = 0;
  let scene: Scene = { nodes: [], edges: [] };
  let previousIds = new Set<string>();
  let renderer: Renderer = "svg";
  let transform: Transform = { x: 0, y: 0, k: 1 };
  let fitted = false;
  /** True once the user zoomed or panned (or a link set the view): the view is then not "fitted". */
  let userView = false;
  let pendingZoom: NetworkZoom | null = options.zoom ?? null;
  let selected: string | null = null;
  let hovered: string | null = null;
  let highlight: Set<string> | null = null;
  let quadtree = d3.quadtree<SceneNode>();
  let fadeStart = 0;
  let frame = 0;
  let updated = false;
  let lastGesture = Number.NEGATIVE_INFINITY;
  /** What the SVG needs redone: link paths and node places, highlight styles, node scale for zoom k. */
  let svgDirty = { geometry: true, style: true, k: Number.NaN };
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last full canvas frame (links and nodes, no labels) and the view it was drawn for. */
  let cache: { canvas: HTMLCanvasElement; transform: Transform; scene: Scene; focus: string | null } | null = null;
  const dragged = new Map<string, { x: number; y: number }>();

  // ── Geometry ────────────────────────────────────────────────────────────
  const toScreen = (x: number, y: number): [number, number] => [
    x * transform.k + transform.x,
    y * transform.k + transform.y,
  ];
  const toData = (x: number, y: number): [number, number] => [
    (x - transform.x) / transform.k,
    (y - transform.y) / transform.k,
  ];
  const visibleRadius = (n: SceneNode) => Math.max(2, n.r * Math.sqrt(transform.k));

  function find(px: number, py: number): SceneNode | undefined {
    const [x, y] = toData(px, py);
    const found = quadtree.find(x, y, 40 / transform.k);
    if (!found) return undefined;
    const [sx, sy] = toScreen(found.x, found.y);
    return Math.hypot(sx - px, sy - py) <= visibleRadius(found) + 4 ? found : undefined;
  }

  function edgePath(e: SceneEdge): string {
    return edgePathData(e.source.x, e.source.y, e.target.x, e.target.y, e.bend);
  }

  // ── Zoom and drag ───────────────────────────────────────────────────────
  const zoom = d3
    .zoom<HTMLElement, unknown>()
    .scaleExtent(ZOOM_EXTENT)
    .on("zoom", (event: d3.D3ZoomEvent<HTMLElement, unknown>) => {
      transform = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
      lastGesture = performance.now();
      if (event.sourceEvent) userView = true;
      hideTooltip();
      schedule();
      // One full frame once the gesture pauses.
      clearTimeout(settleTimer);
      settleTimer = setTimeout(schedule, SETTLE_MS + 10);
    })
    .on("end", (event: d3.D3ZoomEvent<HTMLElement, unknown>) => {
      if (event.sourceEvent && userView) root.dispatchEvent(new CustomEvent("aa-zoom", { detail: getZoom() }));
    });
  const drag = d3
    .drag<HTMLElement, unknown, SceneNode | undefined>()
    .subject((event: d3.D3DragEvent<HTMLElement, unknown, SceneNode>) => {
      const [px, py] = d3.pointer(event.sourceEvent, root);
      const node = find(px, py);
      return node ? { ...node, node } : undefined;
    })
    .on("drag", (event) => {
      const node = (event.subject as { node: SceneNode }).node;
      const [px, py] = d3.pointer(event.sourceEvent, root);
      [node.x, node.y] = toData(px, py);
      dragged.set(node.id, { x: node.x, y: node.y });
      svgDirty.geometry = true;
      quadtree = d3
        .quadtree<SceneNode>()
        .x((d) => d.x)
        .y((d) => d.y)
        .addAll(scene.nodes);
      hideTooltip();
      schedule();
    });
  // Drag first: when it starts on a node it stops the event before zoom sees it.
  d3.select(root as HTMLElement)
    .call(drag)
    .call(zoom)
    .on("dblclick.zoom", null);

  function zoomBy(factor: number): void {
    userView = true;
    d3.select(root as HTMLElement)
      .transition()
      .duration(250)
      .call(zoom.scaleBy, factor)
      .on("end", () => root.dispatchEvent(new CustomEvent("aa-zoom", { detail: getZoom() })));
  }

  function getZoom(): NetworkZoom | null {
    if (!userView || !width) return null;
    const [x, y] = toData(width / 2, height / 2);
    return { x, y, k: transform.k };
  }

  function setZoom(z: NetworkZoom | null): void {
    if (!width) {
      pendingZoom = z;
      return;
    }
    pendingZoom = null;
    if (!z) {
      zoomToFit();
      return;
    }
    const k = Math.max(ZOOM_EXTENT[0], Math.min(ZOOM_EXTENT[1], z.k));
    userView = true;
    fitted = true;
    d3.select(root as HTMLElement).call(
      zoom.transform,
      d3.zoomIdentity.translate(width / 2 - z.x * k, height / 2 - z.y * k).scale(k),
    );
  }

  /** On the first drawing: the link's view if one was given, else fit. */
  function firstView(): void {
    fitted = true;
    if (pendingZoom) setZoom(pendingZoom);
    else zoomToFit();
  }

  function zoomToFit(): void {
    userView = false;
    if (!scene.nodes.length || !width) return;
    const [x0, x1] = d3.extent(scene.nodes, (n) => n.x) as [number, number];
    const [y0, y1] = d3.extent(scene.nodes, (n) => n.y) as [number, number];
    const pad = 48;
    const k = Math.min(4, (width - 2 * pad) / Math.max(1, x1 - x0), (height - 2 * pad) / Math.max(1, y1 - y0));
    const t = d3.zoomIdentity.translate(width / 2 - (k * (x0 + x1)) / 2, height / 2 - (k * (y0 + y1)) / 2).scale(k);
    d3.select(root as HTMLElement).call(zoom.transform, t);
  }

  // ── Pointer: hover, click ──────────────────────────────────────────────
  root.addEventListener("pointermove", (event) => {
    if (event.buttons) return;
    const [px, py] = d3.pointer(event, root);
    const node = find(px, py);
    const id = node?.id ?? null;
    root.style.cursor = node ? "pointer" : "grab";
    if (id !== hovered) {
      hovered = id;
      updateHighlight();
    }
    if (node) showTooltip(node, px, py);
    else hideTooltip();
  });
  root.addEventListener("pointerleave", () => {
    hovered = null;
    hideTooltip();
    updateHighlight();
  });
  root.addEventListener("click", (event) => {
    if ((event.target as Element).closest(".aa-net-tooltip")) return;
    if ((event.target as Element).closest(".aa-net-buttons")) return;
    const [px, py] = d3.pointer(event, root);
    const node = find(px, py);
    hideTooltip();
    select(node ? node.id : null, { notify: true });
  });
  root.addEventListener("keydown", (event) => {
    const step = 80;
    const s = d3.select(root as HTMLElement);
    switch (event.key) {
      case "+":
      case "=":
        s.call(zoom.scaleBy, 1.4);
        break;
      case "-":
      case "_":
        s.call(zoom.scaleBy, 1 / 1.4);
        break;
      case "ArrowLeft":
        s.call(zoom.translateBy, step / transform.k, 0);
        break;
      case "ArrowRight":
        s.call(zoom.translateBy, -step / transform.k, 0);
        break;
      case "ArrowUp":
        s.call(zoom.translateBy, 0, step / transform.k);
        break;
      case "ArrowDown":
        s.call(zoom.translateBy, 0, -step / transform.k);
        break;
      case "0":
        zoomToFit();
        root.dispatchEvent(new CustomEvent("aa-zoom", { detail: null }));
        break;
      case "Escape":
        select(null, { notify: true });
        break;
      default:
        return;
    }
    event.preventDefault();
    if (event.key !== "Escape" && event.key !== "0") {
      userView = true;
      root.dispatchEvent(new CustomEvent("aa-zoom", { detail: getZoom() }));
    }
  });

  function showTooltip(node: SceneNode, px: number, py: number): void {
    const lines = options.describe ? options.describe(node.data) : [node.data.label];
    tooltip.replaceChildren(...lines.map((line) => (typeof line === "string" ? el("div", {}, line) : line)));
    tooltip.hidden = false;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    tooltip.style.left = `${Math.max(4, Math.min(width - w - 4, px + 14))}px`;
    tooltip.style.top = `${py + 14 + h > height ? Math.max(4, py - h - 10) : py + 14}px`;
  }
  function hideTooltip(): void {
    tooltip.hidden = true;
  }

  function updateHighlight(): void {
    const focus = hovered ?? selected;
    highlight = focus && scene.nodes.some((n) => n.id === focus) ? neighbourhood(scene, focus) : null;
    svgDirty.style = true;
    schedule();
  }

  function select(id: string | null, opts: { zoom?: boolean; notify?: boolean } = {}): void {
    const node = id ? scene.nodes.find((n) => n.id === id) : undefined;
    const next = node ? node.id : null;
    if (opts.zoom && node) {
      const k = Math.max(transform.k, 1.5);
      userView = true;
      d3.select(root as HTMLElement)
        .transition()
        .duration(500)
        .call(zoom.transform, d3.zoomIdentity.translate(width / 2 - node.x * k, height / 2 - node.y * k).scale(k))
        .on("end", () => root.dispatchEvent(new CustomEvent("aa-zoom", { detail: getZoom() })));
    }
    if (next === selected) return;
    selected = next;
    root.value = selected;
    updateHighlight();
    if (opts.notify !== false) root.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // ── Drawing ─────────────────────────────────────────────────────────────
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  function opacityOf(id: string): number {
    return highlight && !highlight.has(id) ? 0.12 : 1;
  }

  function labels(): { id: string; x: number; y: number; text: string; strong: boolean }[] {
    const pad = 40;
    const inView = scene.nodes.filter((n) => {
      const [x, y] = toScreen(n.x, n.y);
      return x > -pad && x < width + pad && y > -pad && y < height + pad;
    });
    const ctx = measureContext();
    // Highlighted nodes (hovered, selected, their neighbours) get their labels first.
    const boost = (n: SceneNode) => (highlight?.has(n.id) ? 1e12 : 0) + (n.id === selected ? 1e13 : 0);
    const candidates = inView
      .filter((n) => n.priority >= 0 || highlight?.has(n.id))
      .sort((a, b) => boost(b) + b.priority - (boost(a) + a.priority))
      .slice(0, LABEL_BUDGET)
      .map((n) => {
        const [x, y] = toScreen(n.x, n.y);
        return {
          id: n.id,
          x,
          y,
          r: visibleRadius(n),
          width: ctx.measureText(n.label).width + 4,
          height: 14,
          priority: boost(n) + n.priority,
          node: n,
        };
      });
    const obstacles = inView.map((n) => {
      const [x, y] = toScreen(n.x, n.y);
      return { id: n.id, x, y, r: visibleRadius(n), width: 0, height: 0, priority: 0 };
    });
    const byId = new Map(candidates.map((c) => [c.id, c.node]));
    return placeLabels(candidates, obstacles, { width, height: height - 18 }).map((p) => {
      const n = byId.get(p.id) as SceneNode;
      return { id: p.id, x: p.x + 2, y: p.y + 11, text: n.label, strong: !highlight || highlight.has(p.id) };
    });
  }

  let measurer: CanvasRenderingContext2D | null = null;
  function measureContext(): CanvasRenderingContext2D {
    if (!measurer) {
      measurer = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      measurer.font = LABEL_FONT;
    }
    return measurer;
  }

  function draw(): void {
    if (!width) return;
    const fade = Math.min(1, (performance.now() - fadeStart) / FADE_MS);
    if (renderer === "svg") drawSvg();
    else drawCanvas(fade);
    if (fade < 1 && renderer === "canvas" && scene.edges.length <= LARGE_EDGES) schedule();
    if (updated) {
      // The first frame that shows a new scene: for the benchmark and tests.
      updated = false;
      if (scene.nodes.length && performance.getEntriesByName("network:first-frame").length === 0) {
        performance.mark("network:first-frame");
        if (performance.getEntriesByName("chart:first").length === 0) performance.mark("chart:first");
      }
      // First frame drawn from each source ("build", "duckdb"), as the page labels its data.
      const drawnFrom = `network:drawn:${root.dataset.source ?? "unknown"}`;
      if (performance.getEntriesByName(drawnFrom).length === 0) performance.mark(drawnFrom);
      root.dispatchEvent(
        new CustomEvent("aa-drawn", { detail: { nodes: scene.nodes.length, edges: scene.edges.length } }),
      );
    }
  }

  function drawSvg(): void {
    viewport.attr("transform", `translate(${transform.x},${transform.y}) scale(${transform.k})`);
    // Mid-gesture only the viewport moves (nodes scale with it for a moment,
    // labels hide); everything else is redone once the gesture pauses.
    const gesture = !updated && !svgDirty.geometry && performance.now() - lastGesture < SETTLE_MS;
    (labelLayer.node() as SVGGElement).style.display = gesture ? "none" : "";
    if (gesture) return;
    const edges = edgeLayer.selectAll<SVGPathElement, SceneEdge>("path:not(.aa-exit)");
    const nodes = nodeLayer.selectAll<SVGGElement, SceneNode>(".aa-net-node:not(.aa-exit)");
    if (svgDirty.geometry) edges.attr("d", edgePath);
    if (svgDirty.style) {
      edges.attr("stroke-opacity", (e) =>
        highlight && !(highlight.has(e.source.id) && highlight.has(e.target.id)) ? 0.06 : 0.55,
      );
      nodes.attr("opacity", (n) => opacityOf(n.id)).classed("selected", (n) => n.id === selected);
    }
    if (svgDirty.geometry || svgDirty.k !== transform.k) {
      nodes.attr("transform", (n) => `translate(${n.x},${n.y}) scale(${1 / Math.sqrt(transform.k)})`);
    }
    svgDirty = { geometry: false, style: false, k: transform.k };
    labelLayer
      .selectAll<SVGTextElement, ReturnType<typeof labels>[number]>("text")
      .data(labels(), (d) => d.id)
      .join("text")
      .attr("x", (d) => d.x)
      .attr("y", (d) => d.y)
      .attr("class", (d) => (d.strong ? "strong" : "faint"))
      .text((d) => d.text);
  }

  function drawCanvas(fade: number): void {
    const node = canvas.node() as HTMLCanvasElement;
    const ctx = node.getContext("2d") as CanvasRenderingContext2D;
    const dpr = window.devicePixelRatio || 1;
    const large = scene.edges.length > LARGE_EDGES;
    if (large) fade = 1; // no fade-in: each full frame of a large graph costs tens of ms
    const focus = hovered ?? selected;
    if (
      large &&
      !updated &&
      cache &&
      cache.scene === scene &&
      cache.focus === focus &&
      performance.now() - lastGesture < SETTLE_MS
    ) {
      // Mid-gesture: move and scale the last full frame.
      const r = transform.k / cache.transform.k;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, node.width, node.height);
      ctx.setTransform(
        dpr * r,
        0,
        0,
        dpr * r,
        dpr * (transform.x - cache.transform.x * r),
        dpr * (transform.y - cache.transform.y * r),
      );
      ctx.drawImage(cache.canvas, 0, 0, width, height);
      return;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.save();
    ctx.translate(transform.x, transform.y);
    ctx.scale(transform.k, transform.k);
    // Link widths stay the same on screen whatever the zoom; thinner when
    // there are thousands (wide translucent strokes are slow to rasterise).
    const sw = 1 / transform.k;
    // What is in view (data coordinates): links and nodes outside are skipped.
    const [vx0, vy0] = toData(-30, -30);
    const [vx1, vy1] = toData(width + 30, height + 30);
    const outside = (a: SceneNode, b: SceneNode) =>
      (a.x < vx0 && b.x < vx0) || (a.x > vx1 && b.x > vx1) || (a.y < vy0 && b.y < vy0) || (a.y > vy1 && b.y > vy1);
    // Edges, batched by colour, width and highlight (one stroke per batch).
    const batches = new Map<string, SceneEdge[]>();
    for (const e of scene.edges) {
      if (outside(e.source, e.target)) continue;
      const dim = highlight && !(highlight.has(e.source.id) && highlight.has(e.target.id));
      // Large graphs: every link 1 px, heavier links more opaque (width 1–8 → 4 steps).
      const w = large ? -Math.min(4, Math.ceil(e.width / 2)) : Math.round(e.width);
      const key = `${e.color}|${w}|${dim ? 1 : 0}`;
      const list = batches.get(key);
      if (list) list.push(e);
      else batches.set(key, [e]);
    }
    for (const [key, list] of batches) {
      const [color, w, dim] = key.split("|");
      const width = Number(w);
      ctx.strokeStyle = color;
      const alpha = width < 0 ? 0.15 + 0.15 * -width : 0.45;
      ctx.globalAlpha = (dim === "1" ? 0.05 : alpha) * fade;
      ctx.lineWidth = (width < 0 ? 1 : width) * sw;
      ctx.beginPath();
      for (const e of list) {
        ctx.moveTo(e.source.x, e.source.y);
        if (e.bend === 0) ctx.lineTo(e.target.x, e.target.y);
        else {
          const len = Math.hypot(e.target.x - e.source.x, e.target.y - e.source.y) || 1;
          const off = e.bend * Math.min(24, len * 0.15);
          const mx = (e.source.x + e.target.x) / 2 - ((e.target.y - e.source.y) / len) * off;
          const my = (e.source.y + e.target.y) / 2 + ((e.target.x - e.source.x) / len) * off;
          ctx.quadraticCurveTo(mx, my, e.target.x, e.target.y);
        }
      }
      ctx.stroke();
    }
    // Nodes, batched by fill and highlight; new ones fade in.
    const nodeBatches = new Map<string, SceneNode[]>();
    for (const n of scene.nodes) {
      if (outside(n, n)) continue;
      const key = `${n.fill}|${opacityOf(n.id)}|${previousIds.has(n.id) ? 1 : 0}`;
      const list = nodeBatches.get(key);
      if (list) list.push(n);
      else nodeBatches.set(key, [n]);
    }
    const style = getComputedStyle(root);
    const bg = style.getPropertyValue("--theme-background").trim() || "#fff";
    const fg = style.getPropertyValue("--theme-foreground").trim() || "#222";
    for (const [key, list] of nodeBatches) {
      const [fill, opacity, old] = key.split("|");
      ctx.globalAlpha = Number(opacity) * (old === "1" ? 1 : fade);
      ctx.fillStyle = fill;
      ctx.strokeStyle = bg;
      ctx.lineWidth = sw;
      ctx.beginPath();
      for (const n of list) {
        const r = n.r / Math.sqrt(transform.k);
        if (n.data.kind === "commitment") ctx.rect(n.x - r, n.y - r, 2 * r, 2 * r);
        else {
          ctx.moveTo(n.x + r, n.y);
          ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
        }
      }
      ctx.fill();
      ctx.stroke();
    }
    if (selected) {
      const n = scene.nodes.find((d) => d.id === selected);
      if (n) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = fg;
        ctx.lineWidth = 2.5 * sw;
        ctx.beginPath();
        ctx.arc(n.x, n.y, n.r / Math.sqrt(transform.k) + 3 * sw, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    ctx.restore();
    if (large) {
      if (!cache || cache.canvas.width !== node.width || cache.canvas.height !== node.height) {
        const copy = document.createElement("canvas");
        copy.width = node.width;
        copy.height = node.height;
        cache = { canvas: copy, transform, scene, focus };
      }
      const cctx = cache.canvas.getContext("2d") as CanvasRenderingContext2D;
      cctx.clearRect(0, 0, node.width, node.height);
      cctx.drawImage(node, 0, 0);
      cache.transform = { ...transform };
      cache.scene = scene;
      cache.focus = focus;
    } else cache = null;
    ctx.font = LABEL_FONT;
    ctx.lineJoin = "round";
    for (const l of labels()) {
      ctx.globalAlpha = l.strong ? 1 : 0.35;
      ctx.lineWidth = 3;
      ctx.strokeStyle = bg;
      ctx.strokeText(l.text, l.x, l.y);
      ctx.fillStyle = fg;
      ctx.fillText(l.text, l.x, l.y);
    }
    ctx.globalAlpha = 1;
  }

  // ── Data ────────────────────────────────────────────────────────────────
  function chooseRenderer(next: Scene): Renderer {
    if (options.renderer === "svg" || options.renderer === "canvas") return options.renderer;
    return next.nodes.length + next.edges.length > SVG_LIMIT ? "canvas" : "svg";
  }

  function update(next: Scene): void {
    previousIds = new Set(scene.nodes.map((n) => n.id));
    for (const n of next.nodes) {
      const moved = dragged.get(n.id);
      if (moved) {
        n.x = moved.x;
        n.y = moved.y;
      }
    }
    scene = next;
    renderer = chooseRenderer(next);
    root.dataset.renderer = renderer;
    root.dataset.nodes = String(next.nodes.length);
    root.dataset.edges = String(next.edges.length);
    (svg.node() as SVGSVGElement).style.display = renderer === "svg" ? "" : "none";
    (canvas.node() as HTMLCanvasElement).style.display = renderer === "canvas" ? "" : "none";
    svg.attr("aria-label", `${next.nodes.length} nodes and ${next.edges.length} links`);
    canvas.attr("aria-label", `${next.nodes.length} nodes and ${next.edges.length} links`);
    quadtree = d3
      .quadtree<SceneNode>()
      .x((d) => d.x)
      .y((d) => d.y)
      .addAll(next.nodes);
    if (selected && !next.nodes.some((n) => n.id === selected)) {
      selected = null;
      root.value = null;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    }
    fadeStart = performance.now();
    updated = true;
    svgDirty = { geometry: true, style: true, k: Number.NaN };
    if (renderer === "svg") joinSvg(next);
    else {
      edgeLayer.selectAll("*").remove();
      nodeLayer.selectAll("*").remove();
      labelLayer.selectAll("*").remove();
    }
    updateHighlight();
    if (!fitted && next.nodes.length && width) firstView();
    schedule();
  }

  function joinSvg(next: Scene): void {
    const t = svg.transition().duration(FADE_MS) as unknown as d3.Transition<d3.BaseType, unknown, null, undefined>;
    edgeLayer
      .selectAll<SVGPathElement, SceneEdge>("path")
      .data(next.edges, (e) => e.id)
      .join(
        (enter) => enter.append("path").attr("class", "aa-enter"),
        (update) => update.interrupt().classed("aa-exit", false),
        (exit) => exit.classed("aa-exit", true).transition(t).attr("stroke-opacity", 0).remove(),
      )
      .attr("stroke", (e) => e.color)
      .attr("stroke-width", (e) => e.width)
      .attr("vector-effect", "non-scaling-stroke")
      .attr("data-id", (e) => e.id);
    nodeLayer
      .selectAll<SVGGElement, SceneNode>(".aa-net-node")
      .data(next.nodes, (n) => n.id)
      .join(
        (enter) => {
          const g = enter.append("g").attr("class", "aa-net-node aa-enter");
          g.append((n) =>
            document.createElementNS("http://www.w3.org/2000/svg", n.data.kind === "commitment" ? "rect" : "circle"),
          );
          return g;
        },
        (update) => update.interrupt().classed("aa-exit", false),
        (exit) => exit.classed("aa-exit", true).transition(t).attr("opacity", 0).remove(),
      )
      .attr("data-id", (n) => n.id)
      .attr("data-kind", (n) => n.data.kind)
      .each(function (n) {
        const shape = d3.select(this).select<SVGElement>("circle, rect");
        shape.attr("fill", n.fill);
        if (n.data.kind === "commitment")
          shape
            .attr("x", -n.r)
            .attr("y", -n.r)
            .attr("width", 2 * n.r)
            .attr("height", 2 * n.r);
        else shape.attr("r", n.r);
      });
  }

  // ── Size ────────────────────────────────────────────────────────────────
  function resize(): void {
    const next = Math.floor(root.clientWidth);
    if (!next || next === width) return;
    width = next;
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const dpr = window.devicePixelRatio || 1;
    canvas
      .attr("width", Math.round(width * dpr))
      .attr("height", Math.round(height * dpr))
      .style("width", `${width}px`)
      .style("height", `${height}px`);
    if (!fitted && scene.nodes.length) firstView();
    schedule();
  }
  new ResizeObserver(resize).observe(root);

  root.value = null;
  root.update = update;
  root.select = select;
  root.zoomToFit = () => {
    zoomToFit();
    root.dispatchEvent(new CustomEvent("aa-zoom", { detail: null }));
  };
  root.getZoom = getZoom;
  root.setZoom = setZoom;
  root.snapshot = () => {
    const [x, y] = width ? toData(width / 2, height / 2) : [0, 0];
    return { scene, centre: { x, y }, k: transform.k, width, height, selected, renderer, fitted: !userView };
  };
  root.locate = (id) => {
    const n = scene.nodes.find((d) => d.id === id);
    if (!n) return null;
    const [x, y] = toScreen(n.x, n.y);
    return { x, y };
  };
  Object.defineProperty(root, "renderer", { get: () => renderer });
  Object.defineProperty(root, "drawn", { get: () => ({ nodes: scene.nodes.length, edges: scene.edges.length }) });
  return root;
}
