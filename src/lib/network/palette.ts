/**
 * The network's colours and names, the same whatever the filters: countries
 * by their place in the whole graph (the layout file's order), sectors from
 * the taxonomy, communities from a fixed palette, commitments by status. The
 * network page, its embed and their exports colour from one palette, and
 * `paletteScene` draws a graph in it.
 */
import { schemeObservable10, schemeTableau10 } from "d3";
import type { Option } from "../model/contracts.js";
import type { Status } from "../model/schema.js";
import { STATUS_META } from "../model/value-labels.js";
import type { Graph } from "./graph.js";
import type { Positions } from "./layout.js";
import type { GraphMetrics } from "./ranking.js";
import { buildScene, type ColorBy, countryPalette, type Scene, type SizeBy } from "./scene.js";

/** Communities with a colour of their own; smaller ones share the grey. */
export const NAMED_COMMUNITIES = 10;
/** The grey of what has no colour of its own (smaller communities, other countries). */
export const OTHER_GREY = "#9a9a9a";
/** The colour of a sector or status the taxonomy does not know. */
const UNKNOWN_GREY = "#999";

export interface NetworkPalette {
  countryColor: (country: string) => string;
  /** Countries with a colour of their own, most institutions first; the rest share `otherCountries`. */
  namedCountries: readonly string[];
  otherCountries: string;
  countryLabel: (country: string) => string;
  sectorColor: (sector: string) => string;
  sectorLabel: (sector: string) => string;
  communityColor: (community: number) => string;
  /** Fill of a commitment node (bipartite view), by status. */
  statusColor: (status: string) => string;
}

/**
 * The palette from the filter choices (country and sector names, sector
 * colours) and the countries ranked by institutions in the whole graph.
 */
export function networkPalette(
  options: { country: readonly Option[]; sector: readonly Option[] },
  rankedCountries: readonly string[],
): NetworkPalette {
  const countries = countryPalette(rankedCountries, schemeTableau10, OTHER_GREY);
  const countryNames = new Map(options.country.map((c) => [c.id, c.label]));
  const sectors = new Map(options.sector.map((s) => [s.id, s]));
  return {
    countryColor: countries.color,
    namedCountries: countries.named,
    otherCountries: countries.other,
    countryLabel: (c) => countryNames.get(c) ?? c,
    sectorColor: (id) => sectors.get(id)?.color ?? UNKNOWN_GREY,
    sectorLabel: (id) => sectors.get(id)?.label ?? id,
    communityColor: (k) => (k >= 1 && k <= NAMED_COMMUNITIES ? schemeObservable10[k - 1] : OTHER_GREY),
    statusColor: (s) => STATUS_META[s as Status]?.color ?? UNKNOWN_GREY,
  };
}

/** What a drawing of the graph shows besides the graph: where nodes sit, what sizes and colours them. */
export interface SceneChoice {
  positions: Positions;
  metrics: GraphMetrics | null;
  sizeBy: SizeBy;
  colorBy: ColorBy;
}

/** The scene of a graph in the palette's colours (page and embed draw the same one). */
export function paletteScene(graph: Graph, choice: SceneChoice, palette: NetworkPalette): Scene {
  return buildScene(graph, {
    positions: choice.positions,
    metrics: choice.metrics?.byNode,
    sizeBy: choice.sizeBy,
    colorBy: choice.colorBy,
    countryColor: palette.countryColor,
    communityColor: palette.communityColor,
    sectorColor: palette.sectorColor,
    commitmentColor: palette.statusColor,
  });
}
