/**
 * The Data page's parts: how the records reconcile into tables (read by the
 * loaders, written, loaded in DuckDB), how complete the commitments in view
 * are, the validation warnings, and every table's columns.
 */
import * as Inputs from "@observablehq/inputs";
import { codeSpans } from "../../lib/model/code-spans.js";
import type { QualityFile } from "../../lib/model/contracts.js";
import { formatProblem, groupByMessage } from "../../lib/model/problems.js";
import type { TableDoc } from "../../lib/model/schema-doc.js";
import { type CompletenessRow, completenessFacts, type TableCountRow } from "../../lib/sql/data-queries.js";
import { el, emptyState } from "../dom.js";
import { accessibleTable } from "../table-access.js";

/** Records read and rows written (from the build) beside the rows DuckDB holds, with a ✓ where all three match. */
export function reconciliationTable(quality: QualityFile, loadedRows: readonly TableCountRow[]): HTMLElement {
  const loaded = new Map(loadedRows.map((r) => [r.t, Number(r.n)]));
  const rows = quality.counts.map((c) => ({
    ...c,
    loaded: loaded.get(c.table),
    ok: c.read === c.written && c.written === loaded.get(c.table) ? "✓" : "✗ mismatch",
  }));
  const table = Inputs.table(rows, {
    select: false,
    header: { table: "Table", read: "Records read", written: "Rows written", loaded: "Rows in DuckDB", ok: "Reconciled" },
    layout: "auto",
  });
  return accessibleTable(table, "Records read, rows written and rows in DuckDB, by table");
}

/** The completeness facts of the commitments in view, or an empty state. */
export function completenessTable(row: CompletenessRow): HTMLElement {
  if (!row.commitments) return emptyState("No commitments match these filters.", "Clear a filter to see completeness.");
  const rows = completenessFacts(row).map(([k, v]) => el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, v)));
  return el(
    "table",
    { class: "aa-facts", "data-testid": "completeness" },
    el("caption", { class: "aa-visually-hidden" }, "Completeness of the commitments in view"),
    el("tbody", {}, rows),
  );
}

/** A group of warnings with no more than this many is shown open; a larger one opens on a click. */
const OPEN_GROUP = 10;

/**
 * Every warning of the records, none left out: one a line, grouped under
 * their message with a count when the same message comes more than once.
 */
export function warningsList(quality: QualityFile): HTMLElement {
  if (!quality.warnings.length) return el("p", {}, "No warnings.");
  const line = (w: QualityFile["warnings"][number]) =>
    el("li", {}, el("span", { class: "date" }, "warning"), el("span", {}, formatProblem(w).replace(/^warning /, "")));
  const items = groupByMessage(quality.warnings).map(({ message, problems: group }) =>
    group.length === 1
      ? line(group[0])
      : el(
          "li",
          { "data-count": String(group.length) },
          el(
            "details",
            { open: group.length <= OPEN_GROUP },
            el("summary", {}, `${group.length.toLocaleString("en")} warnings: ${message}`),
            el("ul", { class: "aa-events" }, group.map(line)),
          ),
        ),
  );
  return el(
    "div",
    {},
    el(
      "p",
      { class: "aa-source" },
      `${quality.warnings.length.toLocaleString("en")} warning${quality.warnings.length === 1 ? "" : "s"} in all.`,
    ),
    el("ul", { class: "aa-events" }, items),
  );
}

/** The schema's prose with its names and values in backticks set as code. */
function prose(text: string): (HTMLElement | string)[] {
  return codeSpans(text).map((piece) => (piece.code ? el("code", {}, piece.text) : piece.text));
}

/** Each table's heading and its columns (name, type, null?, description). */
export function columnsReference(schema: readonly TableDoc[]): HTMLElement[] {
  return schema.flatMap((t) => [
    el("h3", { id: `table-${t.table}`, style: "margin-top:2rem" }, el("code", {}, t.table), ": ", prose(t.description)),
    el(
      "table",
      { class: "aa-columns", "data-table": t.table },
      el(
        "thead",
        {},
        el("tr", {}, el("th", {}, "Column"), el("th", {}, "Type"), el("th", {}, "Null?"), el("th", {}, "Description")),
      ),
      el(
        "tbody",
        {},
        t.columns.map((c) =>
          el(
            "tr",
            {},
            el("td", {}, c.name),
            el("td", {}, c.type),
            el("td", {}, c.nullable ? "yes" : "no"),
            el("td", {}, prose(c.description), c.derived ? el("em", {}, " (computed by the loader)") : null),
          ),
        ),
      ),
    ),
  ]);
}
