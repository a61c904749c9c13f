/**
 * The network page's controls: what to show, how links are drawn, what sizes
 * and what colours the nodes. Each is an Observable input the page reads with
 * view(), starting from the link; `controlParams` writes them back to the
 * link (defaults left out, so the plain view keeps the plain address) and
 * `controlOptions` gives them as a view state's options.
 */
import * as Inputs from "@observablehq/inputs";
import type { NetworkOptions } from "../../lib/model/view-state.js";
import type { EdgeMode } from "../../lib/network/graph.js";
import { type ColorBy, SIZE_LABELS, type SizeBy } from "../../lib/network/scene.js";

/** Institutions only (the projection), or institutions and commitments (bipartite). */
export type ShowMode = "projection" | "bipartite";

export interface NetworkControls {
  mode: ShowMode;
  edgeMode: EdgeMode;
  sizeBy: SizeBy;
  colorBy: ColorBy;
}

type Input<T> = HTMLElement & { value: T };

export function showInput(linked: NetworkOptions): Input<ShowMode> {
  return Inputs.radio(
    new Map([
      ["Institutions", "projection"],
      ["Institutions and commitments", "bipartite"],
    ]),
    { label: "Show", value: linked.show === "bipartite" ? "bipartite" : "projection" },
  );
}

/** How links are drawn; no choice while commitments are drawn (each link is one party). */
export function linksInput(linked: NetworkOptions, mode: ShowMode): Input<EdgeMode> {
  return Inputs.radio(
    new Map([
      ["Dominant sector", "dominant"],
      ["One per sector", "per-sector"],
    ]),
    { label: "Links", value: linked.links, disabled: mode === "bipartite" },
  );
}

export function sizeInput(linked: NetworkOptions): Input<SizeBy> {
  return Inputs.select(new Map(Object.entries(SIZE_LABELS).map(([k, v]) => [v, k])), {
    label: "Size by",
    value: linked.size,
  });
}

export function colourInput(linked: NetworkOptions): Input<ColorBy> {
  return Inputs.radio(
    new Map([
      ["Country", "country"],
      ["Community", "community"],
    ]),
    { label: "Colour by", value: linked.colour },
  );
}

/** The controls as link parameters, defaults as null (removed). */
export function controlParams(c: NetworkControls): Record<string, string | null> {
  return {
    show: c.mode === "bipartite" ? "bipartite" : null,
    links: c.edgeMode === "dominant" ? null : c.edgeMode,
    size: c.sizeBy === "commitments" ? null : c.sizeBy,
    colour: c.colorBy === "country" ? null : c.colorBy,
  };
}

/** The controls as a view state's options (serializeViewState leaves the defaults out). */
export function controlOptions(c: NetworkControls): Pick<NetworkOptions, "show" | "links" | "size" | "colour"> {
  return {
    show: c.mode === "bipartite" ? "bipartite" : "institutions",
    links: c.edgeMode,
    size: c.sizeBy,
    colour: c.colorBy,
  };
}
