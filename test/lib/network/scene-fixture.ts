// Hand-made scene nodes and edges for the chart's pure helpers (hit testing,
// labels, highlight, canvas batches): places, sizes and colours set directly.
import type { GraphNode } from "../../../src/lib/network/graph.js";
import type { SceneEdge, SceneNode } from "../../../src/lib/network/scene.js";

export function sceneNode(id: string, x: number, y: number, extra: Partial<SceneNode> = {}): SceneNode {
  const data: GraphNode = {
    id,
    name: `Institution ${id}`,
    acronym: null,
    affiliation: "PK",
    countries: ["PK"],
    country_name: "Pakistan",
    naming: "named",
    type: "ministry",
    kind: "institution",
    label: id.toUpperCase(),
    commitments: 1,
    bySector: [],
  };
  return {
    id,
    x,
    y,
    r: 5,
    fill: "#111111",
    outline: "plain",
    dashed: false,
    label: id.toUpperCase(),
    priority: 1,
    data,
    ...extra,
  };
}

export function sceneEdge(source: SceneNode, target: SceneNode, extra: Partial<SceneEdge> = {}): SceneEdge {
  const id = `${source.id}|${target.id}`;
  return {
    id,
    source,
    target,
    width: 2,
    color: "#ff0000",
    bend: 0,
    data: { id, source: source.id, target: target.id, weight: 1, sector: "trade", bySector: [["trade", 1]] },
    ...extra,
  };
}
