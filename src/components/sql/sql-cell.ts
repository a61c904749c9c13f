/**
 * The SQL page's free cell: a box for a query (Run, or Ctrl/Cmd+Enter, sets
 * its value, for Framework's view()) and the result of running it: a table of
 * rows, a "no rows" note with the columns, or DuckDB's error.
 */
import * as Inputs from "@observablehq/inputs";
import { raw } from "../../lib/sql/fragment.js";
import type { Database } from "../db.js";
import { el, errorState } from "../dom.js";

export type SqlEditor = HTMLElement & { value: string };

/** The query box with its Run button; its value is the query last run. */
export function sqlEditor(initialQuery: string): SqlEditor {
  const editor = el("textarea", { spellcheck: "false", "aria-label": "SQL query", rows: 8 }, initialQuery);
  const run = el("button", { type: "button" }, "Run");
  const form = el(
    "div",
    { class: "aa-sql-editor" },
    editor,
    el("div", {}, run, el("span", { class: "aa-source" }, "  Ctrl+Enter runs the query")),
  ) as unknown as SqlEditor;
  form.value = initialQuery;
  const submit = () => {
    form.value = (editor as HTMLTextAreaElement).value;
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  run.addEventListener("click", submit);
  editor.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      submit();
    }
  });
  // Typing is not running: only submit() tells the page.
  editor.addEventListener("input", (event) => event.stopPropagation());
  return form;
}

/** Runs a query typed by the user once every table is in (`tables`: true, or why they could not load). */
export async function queryResult(db: Database, query: string, tables: true | Error): Promise<HTMLElement> {
  if (tables instanceof Error) return errorState("The tables could not be loaded.", tables);
  return db.query(raw(query)).then(
    (rows) =>
      rows.length
        ? el(
            "div",
            { "data-testid": "user-result" },
            el("p", { class: "aa-source" }, `${rows.length.toLocaleString("en")} row${rows.length === 1 ? "" : "s"}`),
            Inputs.table(rows, { select: false }),
          )
        : el(
            "div",
            { "data-testid": "user-result", class: "aa-empty" },
            el("strong", {}, "The query returned no rows."),
            `Columns: ${rows.columns.join(", ")}`,
          ),
    (error) => errorState("DuckDB could not run this query.", error),
  );
}
