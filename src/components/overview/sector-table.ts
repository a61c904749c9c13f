/**
 * The sector chart's counts as a table (its sectorPivot), under the chart in a
 * closed <details>: the chart's text alternative for screen readers and a
 * way for anyone to read the exact numbers.
 */
import type { SectorPivot } from "../../lib/model/sector-pivot.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import { el } from "../dom.js";

export function sectorTable(pivot: SectorPivot, caption: string): HTMLDetailsElement {
  const headers = ["Sector", ...pivot.statuses.map((s) => STATUS_META[s].label), "Total"];
  const table = el(
    "table",
    { class: "aa-chart-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...pivot.rows.map((row) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, row.label),
          ...row.counts.map((n) => el("td", {}, String(n))),
          el("td", {}, String(row.total)),
        ),
      ),
    ),
  );
  return el("details", { class: "aa-chart-table-details" }, el("summary", {}, "Table of these counts"), table);
}
