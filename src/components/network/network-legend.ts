/**
 * The network's legend: node colours (countries, international organisations
 * and joint bodies with their rings, or communities), generic institutions
 * (dashed), edge colours (sectors), sizes.
 */
import type { Swatch } from "../../lib/network/legend-items.js";
import { el } from "../dom.js";

export interface LegendOptions {
  colors: Swatch[];
  colorTitle: string;
  sectors: { label: string; color: string }[];
  sizeTitle: string;
  bipartite?: { label: string; color: string }[];
}

function swatches(items: Swatch[], shape: "dot" | "line" | "square"): HTMLElement {
  return el(
    "ul",
    { class: "aa-net-swatches" },
    items.map((i) => {
      const outline = i.outline && i.outline !== "plain" ? ` ${i.outline}` : "";
      const mark = el("span", { class: `aa-net-swatch ${shape}${outline}`, "aria-hidden": "true" });
      mark.style.setProperty("--swatch", i.color);
      return el("li", {}, mark, i.label);
    }),
  );
}

export function networkLegend(options: LegendOptions): HTMLElement {
  return el(
    "div",
    { class: "aa-net-legend", "aria-label": "Legend" },
    el("div", {}, el("p", { class: "aa-legend-heading" }, options.colorTitle), swatches(options.colors, "dot")),
    options.bipartite?.length
      ? el(
          "div",
          {},
          el("p", { class: "aa-legend-heading" }, "Commitments (squares), by status"),
          swatches(options.bipartite, "square"),
        )
      : null,
    el("div", {}, el("p", { class: "aa-legend-heading" }, "Links, by sector"), swatches(options.sectors, "line")),
    el(
      "div",
      {},
      el("p", { class: "aa-legend-heading" }, "Size"),
      el(
        "p",
        { class: "aa-net-size" },
        `Node area: ${options.sizeTitle.toLowerCase()}. Link width: shared commitments.`,
      ),
    ),
  );
}
