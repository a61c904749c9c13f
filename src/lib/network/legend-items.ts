/**
 * What the network's legend lists, worked out from the drawn graph: node
 * colours (the countries drawn, then international organisations and joint
 * bodies with their rings, or the communities), generic institutions with
 * their dashed outline, the sectors of the drawn
 * links, the statuses of commitment squares; then the words around them, for
 * the legend under the chart (`legendKey`) and for exported figures
 * (`legendGroups`). The page and the embed list the same items.
 */
import { INTERNATIONAL, JOINT } from "../model/institution-scope.js";
import { STATUS_META, STATUS_ORDER } from "../model/value-labels.js";
import type { Graph } from "./graph.js";
import { isGeneric, type NodeOutline, outlineOf } from "./node-affiliation.js";
import { NAMED_COMMUNITIES, type NetworkPalette, OTHER_GREY } from "./palette.js";
import type { GraphMetrics } from "./ranking.js";
import { type ColorBy, SIZE_LABELS, type SizeBy } from "./scene.js";

export interface Swatch {
  label: string;
  color: string;
  /** The node's outline besides its colour (absent: plain); the label says it in words too, for exports. */
  outline?: NodeOutline | "dashed";
}

/** The legend's words for international organisations, joint bodies and generic institutions. */
export const BODY_LEGEND = {
  international: "International organisations (ringed)",
  joint: "Joint bodies of two or more countries (double ring)",
  generic: "Named only generically (dashed; not counted among institutions, not ranked as brokers)",
} as const;

export interface LegendItems {
  /**
   * Node colours: the communities, or the countries drawn (then "Other
   * countries", international organisations, joint bodies); then generic
   * institutions (a dashed outline on any colour) when drawn.
   */
  colors: Swatch[];
  /** The sectors of the drawn links, by label. */
  sectors: Swatch[];
  /** Commitment squares (bipartite view), by status. */
  statuses: Swatch[];
}

function communitySwatches(metrics: GraphMetrics, palette: NetworkPalette): Swatch[] {
  const named = Math.min(metrics.communities, NAMED_COMMUNITIES);
  const items = Array.from({ length: named }, (_, i) => ({
    label: `Community ${i + 1}`,
    color: palette.communityColor(i + 1),
  }));
  const rest = metrics.communities - NAMED_COMMUNITIES;
  return rest > 0 ? [...items, { label: `${rest} smaller communities`, color: OTHER_GREY }] : items;
}

function affiliationSwatches(graph: Graph, palette: NetworkPalette): Swatch[] {
  const drawn = drawnAffiliations(graph);
  const items: Swatch[] = palette.namedCountries
    .filter((c) => drawn.has(c))
    .map((c) => ({ label: palette.affiliationLabel(c), color: palette.affiliationColor(c) }));
  const others = [...drawn].some((c) => outlineOf(c) === "plain" && !palette.namedCountries.includes(c));
  if (others) items.push({ label: "Other countries", color: palette.otherCountries });
  return [...items, ...bodySwatches(drawn, palette)];
}

/** The affiliations drawn (country codes, `international`, `joint`). */
function drawnAffiliations(graph: Graph): Set<string> {
  return new Set(graph.nodes.flatMap((n) => (n.kind === "institution" ? [n.affiliation] : [])));
}

/**
 * International organisations and joint bodies, when drawn: their ring, in
 * their grey when nodes are coloured by affiliation (uncoloured otherwise:
 * a community colours them then).
 */
function bodySwatches(drawn: ReadonlySet<string>, palette: NetworkPalette | null): Swatch[] {
  return [INTERNATIONAL, JOINT]
    .filter((a) => drawn.has(a))
    .map((a) => ({
      label: a === INTERNATIONAL ? BODY_LEGEND.international : BODY_LEGEND.joint,
      color: palette ? palette.affiliationColor(a) : "transparent",
      outline: outlineOf(a),
    }));
}

/** True when the swatches include international organisations or joint bodies. */
function listsBodies(items: LegendItems): boolean {
  return items.colors.some((c) => c.outline === "ring" || c.outline === "double");
}

/** Generic institutions, when drawn: whatever their colour, a dashed outline. */
function genericSwatches(graph: Graph): Swatch[] {
  return graph.nodes.some((n) => n.kind === "institution" && isGeneric(n))
    ? [{ label: BODY_LEGEND.generic, color: "transparent", outline: "dashed" }]
    : [];
}

/** The legend's items for a drawn graph; communities once their metrics are in, countries until then. */
export function legendItems(
  graph: Graph,
  colorBy: ColorBy,
  metrics: GraphMetrics | null,
  palette: NetworkPalette,
): LegendItems {
  const sectors = [...new Set(graph.edges.map((e) => e.sector))].sort((a, b) =>
    palette.sectorLabel(a).localeCompare(palette.sectorLabel(b)),
  );
  return {
    colors: [
      ...(colorBy === "community" && metrics
        ? [...communitySwatches(metrics, palette), ...bodySwatches(drawnAffiliations(graph), null)]
        : affiliationSwatches(graph, palette)),
      ...genericSwatches(graph),
    ],
    sectors: sectors.map((s) => ({ label: palette.sectorLabel(s), color: palette.sectorColor(s) })),
    statuses: STATUS_ORDER.map((s) => ({ label: STATUS_META[s].label, color: STATUS_META[s].color })),
  };
}

export interface LegendChoice {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Commitments drawn as squares. */
  bipartite: boolean;
  /** The metrics are still computing (what they size or colour waits for them). */
  pending: boolean;
}

/** The legend under the chart: titles and swatches (the options of networkLegend). */
export function legendKey(
  items: LegendItems,
  choice: LegendChoice,
): { colorTitle: string; colors: Swatch[]; sectors: Swatch[]; sizeTitle: string; bipartite?: Swatch[] } {
  const communities = choice.pending ? "Communities (computing…)" : "Communities (Louvain)";
  const size = SIZE_LABELS[choice.sizeBy];
  return {
    colorTitle:
      choice.colorBy === "community"
        ? communities
        : listsBodies(items)
          ? "Institutions, by country or kind of body"
          : "Institutions, by country",
    colors: items.colors,
    sectors: items.sectors,
    sizeTitle:
      choice.sizeBy !== "commitments" && choice.pending ? `${size} (computing: by commitments until then)` : size,
    bipartite: choice.bipartite ? items.statuses : undefined,
  };
}

/** The legend of an exported figure: one group per kind of mark, each swatch with its shape. */
export function legendGroups(
  items: LegendItems,
  choice: Pick<LegendChoice, "colorBy" | "bipartite">,
): { title: string; items: (Swatch & { shape: "dot" | "line" | "square" })[] }[] {
  return [
    {
      title: choice.colorBy === "community" ? "Community" : listsBodies(items) ? "Country or body" : "Country",
      items: items.colors.map((c) => ({ ...c, shape: "dot" as const })),
    },
    { title: "Links by sector", items: items.sectors.map((s) => ({ ...s, shape: "line" as const })) },
    ...(choice.bipartite
      ? [{ title: "Commitments by status", items: items.statuses.map((s) => ({ ...s, shape: "square" as const })) }]
      : []),
  ];
}
