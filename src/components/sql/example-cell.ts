/**
 * One of the SQL page's examples: its query, highlighted, with the filter
 * values it was run with written in (foldable), "Copy" and "Edit as a new
 * cell", then its result. The text shown is the text a notebook cell gets,
 * and it gives the same rows.
 */

import { DISPLAY_ROWS } from "../../lib/notebook/notebook-cells.js";
import { inlineParams } from "../../lib/notebook/sql-literals.js";
import type { NotebookExample } from "../../lib/sql/notebook-examples.js";
import type { Database, QueryResult } from "../db.js";
import { el, errorState } from "../dom.js";
import { duration, resultTable, rowCount } from "./result-table.js";
import { sqlText } from "./sql-text.js";

export interface ExampleCellOptions {
  db: Database;
  example: NotebookExample;
  /** The filters in words ("" for none). */
  filterWords: string;
  /** Adds the query as a new notebook cell. */
  onEdit: (sql: string) => void;
}

export interface ExampleCell {
  element: HTMLElement;
  /** The rows shown (at most DISPLAY_ROWS), once run (rejects with DuckDB's error). */
  rows: Promise<QueryResult>;
}

/** The example's query and its actions, then its result once in. */
export function exampleCell({ db, example, filterWords, onEdit }: ExampleCellOptions): ExampleCell {
  const text = inlineParams(example.query);
  const started = performance.now();
  // As a notebook cell shows it: the first DISPLAY_ROWS rows as objects, the rest counted.
  const result = db.queryFirstRows(example.query, DISPLAY_ROWS);
  const status = el("span", { class: "aa-share-status", role: "status", "aria-live": "polite" });
  const copy = el(
    "button",
    {
      type: "button",
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(text);
          status.textContent = "Query copied.";
        } catch {
          status.textContent = "Select the query and copy it.";
        }
      },
    },
    "Copy",
  );
  const edit = el("button", { type: "button", onclick: () => onEdit(text) }, "Edit as a new cell");
  const output = el(
    "div",
    { class: "aa-nb-output", "aria-live": "polite" },
    el("p", { class: "aa-source" }, "Running…"),
  );
  const element = el(
    "div",
    { class: "aa-example", "data-testid": `example-${example.id}` },
    el(
      "details",
      { class: "aa-example-sql", open: true },
      el(
        "summary",
        { class: "aa-fold" },
        "SQL",
        el("span", { class: "aa-source" }, ` · run with ${filterWords ? `the filters ${filterWords}` : "no filters"}`),
      ),
      // Highlighted once the query has answered: the highlighter is no part of the page's first evaluation.
      sqlText(text, { "data-testid": "example-sql", tabindex: "0", "aria-label": `SQL of “${example.title}”` }, result),
      el("div", { class: "aa-example-actions" }, copy, edit, status),
    ),
    output,
  );
  const rows = result.then((r) => r.rows);
  rows.catch(() => {}); // the page awaits it where it needs it; the failure is shown below
  result.then(
    ({ rows: shown, total }) => {
      const count = rowCount(shown.length, total);
      const meta = el(
        "p",
        { class: "aa-nb-meta" },
        el("span", { class: "aa-source", "data-testid": "example-count" }, count),
        el("span", { class: "aa-nb-time" }, ` · ${duration(performance.now() - started)}, with loading its tables`),
      );
      output.replaceChildren(meta, resultTable(shown, `Result of “${example.title}”: ${count}`));
      element.setAttribute("data-state", "done");
    },
    (error) => {
      output.replaceChildren(errorState("DuckDB could not run this query.", error));
      element.setAttribute("data-state", "error");
    },
  );
  return { element, rows };
}
