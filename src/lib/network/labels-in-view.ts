/**
 * Which node labels the chart shows for a view: among nodes in view (with a
 * margin), the selected node first, then highlighted ones, then by priority
 * (bigger nodes first), at most LABEL_BUDGET considered, placed by
 * label-placement so none overlap a label or another node. Labels outside
 * the highlight are faint. Text width comes from the caller's `measure`.
 */
import { placeLabels } from "./label-placement.js";
import type { SceneNode } from "./scene.js";
import { toScreen, type ViewTransform, visibleRadius } from "./view-transform.js";

/** Labels considered per frame: the largest nodes in view. */
export const LABEL_BUDGET = 400;
/** Nodes this far outside the drawing (pixels) still count as in view. */
const VIEW_MARGIN = 40;

/** A label to draw: its text's baseline start in screen pixels. */
export interface ViewLabel {
  id: string;
  x: number;
  y: number;
  text: string;
  /** False for labels drawn faint (outside the highlight). */
  strong: boolean;
}

export interface LabelView {
  transform: ViewTransform;
  width: number;
  height: number;
  highlight: Set<string> | null;
  selected: string | null;
  /** The label font size, px (12 by default; 18 at the slide type scale). */
  labelSize?: number;
}

/** A node in view: its screen point and radius. */
interface InView {
  n: SceneNode;
  x: number;
  y: number;
  r: number;
}

/**
 * Each scene's labelled nodes (priority ≥ 0), largest first, ties in the
 * scene's order: sorted once, not per frame. A scene's priorities are set
 * when its nodes are made (scene.ts); a drag moves a node, not its place here.
 */
const byPriority = new WeakMap<readonly SceneNode[], readonly SceneNode[]>();

function inPriorityOrder(nodes: readonly SceneNode[]): readonly SceneNode[] {
  let sorted = byPriority.get(nodes);
  if (!sorted) {
    // Array.prototype.sort is stable: equal priorities keep the scene's order.
    sorted = nodes.filter((n) => n.priority >= 0).sort((a, b) => b.priority - a.priority);
    byPriority.set(nodes, sorted);
  }
  return sorted;
}

export function labelsInView(
  nodes: readonly SceneNode[],
  view: LabelView,
  measure: (text: string) => number,
): ViewLabel[] {
  const { transform: t, width, height, highlight, selected } = view;
  const size = view.labelSize ?? 12;
  const pad = VIEW_MARGIN;
  const seen = (x: number, y: number) => x > -pad && x < width + pad && y > -pad && y < height + pad;
  // Each node in view with its screen point, computed once; the highlighted
  // ones (hovered, selected, their neighbours) get their labels first.
  const inView: InView[] = [];
  const boosted: (InView & { rank: number })[] = [];
  for (const n of nodes) {
    const [x, y] = toScreen(t, n.x, n.y);
    if (!seen(x, y)) continue;
    const p = { n, x, y, r: visibleRadius(n.r, t.k) };
    inView.push(p);
    const boost = (highlight?.has(n.id) ? 1e12 : 0) + (n.id === selected ? 1e13 : 0);
    if (boost && (n.priority >= 0 || highlight?.has(n.id))) boosted.push({ ...p, rank: boost + n.priority });
  }
  boosted.sort((a, b) => b.rank - a.rank);
  const ranked = boosted.slice(0, LABEL_BUDGET);
  // Then the largest of the rest in view, in the order sorted once for the scene.
  for (const n of inPriorityOrder(nodes)) {
    if (ranked.length >= LABEL_BUDGET) break;
    if (highlight?.has(n.id) || n.id === selected) continue;
    const [x, y] = toScreen(t, n.x, n.y);
    if (seen(x, y)) ranked.push({ n, x, y, r: visibleRadius(n.r, t.k), rank: n.priority });
  }
  const candidates = ranked.map(({ n, x, y, r, rank }) => ({
    id: n.id,
    x,
    y,
    r,
    width: measure(n.label) + 4,
    height: size + 2,
    priority: rank,
    node: n,
  }));
  const obstacles = inView.map(({ n, x, y, r }) => ({ id: n.id, x, y, r, width: 0, height: 0, priority: 0 }));
  const byId = new Map(candidates.map((c) => [c.id, c.node]));
  return placeLabels(candidates, obstacles, { width, height: height - (size + 6) }).map((p) => {
    const n = byId.get(p.id) as SceneNode;
    return { id: p.id, x: p.x + 2, y: p.y + size - 1, text: n.label, strong: !highlight || highlight.has(p.id) };
  });
}
