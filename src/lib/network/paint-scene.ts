/**
 * What the network canvas's worker needs of a scene to paint it, and that
 * scene packed to cross to the worker: node places, sizes, fills and
 * outlines, and links as indexes into the nodes, in typed arrays that are
 * handed over rather than copied (tens of thousands of link objects cloned
 * would cost the main thread tens of ms), with the few strings (ids,
 * colours) in lists. Positions alone cross again when a node is dragged.
 */
import type { NodeOutline } from "./node-affiliation.js";
import type { Scene, SceneEdge, SceneNode } from "./scene.js";

/** A node as the canvas paints it: the scene node's place, size, fill and outline, and two flags. */
export type PaintNode = Pick<SceneNode, "id" | "x" | "y" | "r" | "fill" | "outline" | "dashed"> & {
  /** Drawn as a square (a commitment, in the bipartite view); institutions are circles. */
  square: boolean;
  /** Drawn in the scene before this one (it does not fade in). */
  old: boolean;
};

/** True for a node drawn in the scene before (it does not fade in): how the canvas batches nodes. */
export const isOld = (node: PaintNode): boolean => node.old;

/** A link as the canvas paints it: its ends are paint nodes. */
export type PaintEdge = Pick<SceneEdge, "width" | "color" | "bend"> & {
  source: PaintNode;
  target: PaintNode;
};

export interface PaintScene {
  nodes: PaintNode[];
  edges: PaintEdge[];
}

export interface PackedPaintScene {
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  r: Float64Array;
  /** The distinct fills, and each node's index into them. */
  fills: string[];
  fillOf: Uint16Array;
  /** Per node: outline (bits 0–1, as OUTLINES), dashed (bit 2), square (bit 3), old (bit 4). */
  flags: Uint8Array;
  source: Uint32Array;
  target: Uint32Array;
  width: Float64Array;
  bend: Float64Array;
  /** The distinct link colours, and each link's index into them. */
  colors: string[];
  colorOf: Uint16Array;
}

const OUTLINES: readonly NodeOutline[] = ["plain", "ring", "double"];
const DASHED = 4;
const SQUARE = 8;
const OLD = 16;

/** Index of `value` in `list`, adding it at the end when new. */
function codeOf(codes: Map<string, number>, list: string[], value: string): number {
  let code = codes.get(value);
  if (code === undefined) {
    code = list.length;
    if (code > 0xffff) throw new Error(`packPaintScene: more than 65,536 distinct colours (at ${value})`);
    codes.set(value, code);
    list.push(value);
  }
  return code;
}

/**
 * Packs `scene` for the worker; `previous` holds the ids of the nodes drawn
 * before it. Returns the packed scene and the buffers to hand over.
 */
export function packPaintScene(
  scene: Scene,
  previous: ReadonlySet<string>,
): { packed: PackedPaintScene; transfer: ArrayBuffer[] } {
  const { nodes, edges } = scene;
  const n = nodes.length;
  const at = new Map<string, number>();
  const fills: string[] = [];
  const fillCodes = new Map<string, number>();
  const packed: PackedPaintScene = {
    ids: new Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    r: new Float64Array(n),
    fills,
    fillOf: new Uint16Array(n),
    flags: new Uint8Array(n),
    source: new Uint32Array(edges.length),
    target: new Uint32Array(edges.length),
    width: new Float64Array(edges.length),
    bend: new Float64Array(edges.length),
    colors: [],
    colorOf: new Uint16Array(edges.length),
  };
  nodes.forEach((node, i) => {
    at.set(node.id, i);
    packed.ids[i] = node.id;
    packed.x[i] = node.x;
    packed.y[i] = node.y;
    packed.r[i] = node.r;
    packed.fillOf[i] = codeOf(fillCodes, fills, node.fill);
    packed.flags[i] =
      OUTLINES.indexOf(node.outline) |
      (node.dashed ? DASHED : 0) |
      (node.data.kind === "commitment" ? SQUARE : 0) |
      (previous.has(node.id) ? OLD : 0);
  });
  const colorCodes = new Map<string, number>();
  edges.forEach((edge, i) => {
    const s = at.get(edge.source.id);
    const t = at.get(edge.target.id);
    if (s === undefined || t === undefined) {
      throw new Error(`packPaintScene: link ${edge.id} joins a node that is not in the scene`);
    }
    packed.source[i] = s;
    packed.target[i] = t;
    packed.width[i] = edge.width;
    packed.bend[i] = edge.bend;
    packed.colorOf[i] = codeOf(colorCodes, packed.colors, edge.color);
  });
  const { x, y, r, fillOf, flags, source, target, width, bend, colorOf } = packed;
  const transfer = [x, y, r, fillOf, flags, source, target, width, bend, colorOf].map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer };
}

/** The scene as the worker paints it: nodes as objects, links joining them. */
export function unpackPaintScene(packed: PackedPaintScene): PaintScene {
  const nodes = packed.ids.map(
    (id, i): PaintNode => ({
      id,
      x: packed.x[i],
      y: packed.y[i],
      r: packed.r[i],
      fill: packed.fills[packed.fillOf[i]],
      outline: OUTLINES[packed.flags[i] & 3],
      dashed: (packed.flags[i] & DASHED) !== 0,
      square: (packed.flags[i] & SQUARE) !== 0,
      old: (packed.flags[i] & OLD) !== 0,
    }),
  );
  const edges = Array.from(
    packed.source,
    (s, i): PaintEdge => ({
      source: nodes[s],
      target: nodes[packed.target[i]],
      width: packed.width[i],
      color: packed.colors[packed.colorOf[i]],
      bend: packed.bend[i],
    }),
  );
  return { nodes, edges };
}

/** The nodes' places, in the scene's order, for the worker after a drag. */
export interface PaintPlaces {
  x: Float64Array;
  y: Float64Array;
}

export function packPlaces(scene: Scene): PaintPlaces {
  return { x: Float64Array.from(scene.nodes, (n) => n.x), y: Float64Array.from(scene.nodes, (n) => n.y) };
}

/** Moves the painted nodes to `places` (their links follow: they hold the same objects). */
export function applyPlaces(scene: PaintScene, places: PaintPlaces): void {
  if (places.x.length !== scene.nodes.length) {
    throw new Error(`applyPlaces: ${places.x.length} places for ${scene.nodes.length} nodes`);
  }
  scene.nodes.forEach((node, i) => {
    node.x = places.x[i];
    node.y = places.y[i];
  });
}
