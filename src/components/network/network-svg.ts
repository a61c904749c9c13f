/**
 * The network chart's SVG renderer, used while the scene is small: one path
 * per link and one group per node, joined by id so nodes that stay keep
 * their element, new ones enter and removed ones fade out; a labels layer on
 * top, outside the zoomed viewport. Mid-gesture only the viewport moves;
 * links, node scale, highlight styles and labels are redone when it pauses.
 * Under reduced motion nothing fades: removed elements go at once and new
 * ones appear whole.
 */
import * as d3 from "d3";
// selection.transition() and .interrupt(), which d3-transition adds to d3-selection: imported for that
// effect, which a bundle of d3's used functions alone would leave out (scripts/bundle-modules.ts).
import "d3-transition";
import { edgeOpacity, nodeOpacity } from "../../lib/network/highlight.js";
import type { ViewLabel } from "../../lib/network/labels-in-view.js";
import { edgePathData, type Scene, type SceneEdge, type SceneNode } from "../../lib/network/scene.js";
import { FADE_MS, type NetworkChartState, SETTLE_MS } from "./network-chart-state.js";
import { reducedMotion } from "./network-motion.js";
import type { NetworkRenderer } from "./network-renderer.js";

type Group = d3.Selection<SVGGElement, undefined, null, undefined>;

interface SvgLayers {
  svg: d3.Selection<SVGSVGElement, undefined, null, undefined>;
  viewport: Group;
  edges: Group;
  nodes: Group;
  labels: Group;
}

/** What the next frame must redo: link paths and node places, highlight styles, node scale for zoom k. */
interface SvgDirty {
  geometry: boolean;
  style: boolean;
  k: number;
}

export function networkSvg(state: NetworkChartState, labels: () => ViewLabel[]): NetworkRenderer {
  const svg = d3.create("svg").attr("class", "aa-net-svg").attr("role", "img");
  const viewport = svg.append("g").attr("class", "viewport");
  const edges = viewport.append("g").attr("class", "edges").attr("fill", "none");
  const nodes = viewport.append("g").attr("class", "nodes");
  const layers: SvgLayers = { svg, viewport, edges, nodes, labels: svg.append("g").attr("class", "labels") };
  const element = svg.node() as SVGSVGElement;
  const dirty: SvgDirty = { geometry: true, style: true, k: Number.NaN };
  return {
    elements: [element],
    show: (visible) => {
      element.style.display = visible ? "" : "none";
    },
    describe: (label) => svg.attr("aria-label", label),
    resize: (width, height) =>
      svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`),
    setScene: (scene, active) => {
      Object.assign(dirty, { geometry: true, style: true, k: Number.NaN });
      if (active) joinScene(layers, scene);
      else clearLayers(layers);
    },
    invalidate: (part) => {
      dirty[part] = true;
    },
    draw: () => {
      drawSvg(layers, state, dirty, labels);
      return false;
    },
    afterDraw: (callback) => callback(performance.now()),
  };
}

function edgePath(e: SceneEdge): string {
  return edgePathData(e.source.x, e.source.y, e.target.x, e.target.y, e.bend);
}

function drawSvg(layers: SvgLayers, state: NetworkChartState, dirty: SvgDirty, labels: () => ViewLabel[]): void {
  const { transform, highlight, selected } = state;
  layers.viewport.attr("transform", `translate(${transform.x},${transform.y}) scale(${transform.k})`);
  // Mid-gesture only the viewport moves (nodes scale with it for a moment,
  // labels hide); everything else is redone once the gesture pauses.
  const gesture = !state.updated && !dirty.geometry && performance.now() - state.lastGesture < SETTLE_MS;
  (layers.labels.node() as SVGGElement).style.display = gesture ? "none" : "";
  state.owesFullFrame = gesture;
  if (gesture) return;
  const edges = layers.edges.selectAll<SVGPathElement, SceneEdge>("path:not(.aa-exit)");
  const nodes = layers.nodes.selectAll<SVGGElement, SceneNode>(".aa-net-node:not(.aa-exit)");
  if (dirty.geometry) edges.attr("d", edgePath);
  if (dirty.style) {
    edges.attr("stroke-opacity", (e) => edgeOpacity(highlight, e));
    nodes.attr("opacity", (n) => nodeOpacity(highlight, n.id)).classed("selected", (n) => n.id === selected);
  }
  if (dirty.geometry || dirty.k !== transform.k) {
    nodes.attr("transform", (n) => `translate(${n.x},${n.y}) scale(${1 / Math.sqrt(transform.k)})`);
  }
  Object.assign(dirty, { geometry: false, style: false, k: transform.k });
  layers.labels
    .selectAll<SVGTextElement, ViewLabel>("text")
    .data(labels(), (d) => d.id)
    .join("text")
    .attr("x", (d) => d.x)
    .attr("y", (d) => d.y)
    .attr("class", (d) => (d.strong ? "strong" : "faint"))
    .style("font-size", () => (state.labelSize === 12 ? null : `${state.labelSize}px`))
    .text((d) => d.text);
}

/** Empties the drawing while the canvas draws the scene. */
function clearLayers(layers: SvgLayers): void {
  layers.edges.selectAll("*").remove();
  layers.nodes.selectAll("*").remove();
  layers.labels.selectAll("*").remove();
}

/** Joins a new scene by id: new links and nodes enter (fading in), removed ones fade out; at once under reduced motion. */
function joinScene(layers: SvgLayers, next: Scene): void {
  const still = reducedMotion();
  const enterClass = still ? "" : "aa-enter";
  const t = layers.svg.transition().duration(FADE_MS) as unknown as d3.Transition<
    d3.BaseType,
    unknown,
    null,
    undefined
  >;
  layers.edges
    .selectAll<SVGPathElement, SceneEdge>("path")
    .data(next.edges, (e) => e.id)
    .join(
      (enter) => enter.append("path").attr("class", enterClass),
      (update) => update.interrupt().classed("aa-exit", false),
      (exit) =>
        still ? exit.remove() : exit.classed("aa-exit", true).transition(t).attr("stroke-opacity", 0).remove(),
    )
    .attr("stroke", (e) => e.color)
    .attr("stroke-width", (e) => e.width)
    .attr("vector-effect", "non-scaling-stroke")
    .attr("data-id", (e) => e.id);
  layers.nodes
    .selectAll<SVGGElement, SceneNode>(".aa-net-node")
    .data(next.nodes, (n) => n.id)
    .join(
      (enter) => {
        const g = enter.append("g").attr("class", `aa-net-node ${enterClass}`.trim());
        g.append((n) =>
          document.createElementNS("http://www.w3.org/2000/svg", n.data.kind === "commitment" ? "rect" : "circle"),
        );
        return g;
      },
      (update) => update.interrupt().classed("aa-exit", false),
      (exit) => (still ? exit.remove() : exit.classed("aa-exit", true).transition(t).attr("opacity", 0).remove()),
    )
    .attr("data-id", (n) => n.id)
    .attr("data-kind", (n) => n.data.kind)
    .each(shapeNode);
}

/**
 * Sizes and fills a node's circle (institution) or square (commitment), and
 * outlines it: a ring (international organisation), a ring and an inner ring
 * (joint body), dashed (generic institution); see the CSS.
 */
function shapeNode(this: SVGGElement, n: SceneNode): void {
  const group = d3.select(this);
  const shape = group.select<SVGElement>("circle, rect");
  shape
    .attr("fill", n.fill)
    .classed("aa-ring", n.outline !== "plain")
    .classed("aa-dashed", n.dashed);
  group
    .selectAll("circle.aa-inner-ring")
    .data(n.outline === "double" ? [n] : [])
    .join("circle")
    .attr("class", "aa-inner-ring")
    .attr("r", n.r * 0.55);
  if (n.data.kind === "commitment")
    shape
      .attr("x", -n.r)
      .attr("y", -n.r)
      .attr("width", 2 * n.r)
      .attr("height", 2 * n.r);
  else shape.attr("r", n.r);
}
