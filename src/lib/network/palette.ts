/**
 * The network's colours and names, the same whatever the filters: countries
 * by their place in the whole graph (the layout file's order), international
 * organisations and joint bodies in a neutral grey of their own (told apart
 * by their outline, see node-affiliation.ts), sectors from
 * the taxonomy, communities from a fixed palette, commitments by status. The
 * network page, its embed and their exports colour from one palette, and
 * `paletteScene` draws a graph in it.
 */
import { schemeObservable10, schemeTableau10 } from "d3";
import type { Option } from "../model/contracts.js";
import { affiliationLabel, INTERNATIONAL, JOINT } from "../model/institution-scope.js";
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
/**
 * The fill of international organisations and joint bodies: a neutral grey
 * apart from the countries' colours and from OTHER_GREY, with a contrast of
 * at least 3:1 against white and against the dark themes' backgrounds
 * (4.5:1 and about 3.8:1); their rings tell them apart without colour.
 */
export const BODY_GREY = "#767676";
/** The colour of a sector or status the taxonomy does not know. */
const UNKNOWN_GREY = "#999";

export interface NetworkPalette {
  /** The fill of an affiliation: a country's colour (or the other countries' grey), or BODY_GREY for `international` and `joint`. */
  affiliationColor: (affiliation: string) => string;
  /** Countries with a colour of their own, most institutions first; the rest share `otherCountries`. */
  namedCountries: readonly string[];
  otherCountries: string;
  /** An affiliation in words: the country's name, "International organisations", "Joint bodies". */
  affiliationLabel: (affiliation: string) => string;
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
  const bodies = new Set([INTERNATIONAL, JOINT]);
  const countries = countryPalette(
    rankedCountries.filter((c) => !bodies.has(c)),
    schemeTableau10,
    OTHER_GREY,
  );
  const countryNames = new Map(options.country.map((c) => [c.id, c.label]));
  const sectors = new Map(options.sector.map((s) => [s.id, s]));
  return {
    affiliationColor: (a) => (bodies.has(a) ? BODY_GREY : countries.color(a)),
    namedCountries: countries.named,
    otherCountries: countries.other,
    affiliationLabel: (a) => (bodies.has(a) ? affiliationLabel(a) : (countryNames.get(a) ?? a)),
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
    affiliationColor: palette.affiliationColor,
    communityColor: palette.communityColor,
    sectorColor: palette.sectorColor,
    commitmentColor: palette.statusColor,
  });
}
