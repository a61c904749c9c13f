/**
 * One notebook cell on the page: its editor, its buttons (Run or Cancel,
 * move up, move down, remove) and its output: "not run yet", "running"
 * with a Cancel, the result (row count, time, chart, table), or DuckDB's
 * error at its line and column. `data-state` says which, for tests.
 */
import type { ChartMark } from "../../lib/notebook/chart-choice.js";
import type { CompletionSchema } from "../../lib/notebook/completion-schema.js";
import { readDuckdbError } from "../../lib/notebook/error-position.js";
import type { NotebookCell } from "../../lib/notebook/notebook-cells.js";
import { changingStatements } from "../../lib/notebook/statement-effects.js";
import type { Database } from "../db.js";
import { el } from "../dom.js";
import { cellChart } from "./cell-chart.js";
import { CancelledError, type CellOutcome, type CellRun, runCell } from "./cell-runner.js";
import { duration, resultTable, rowCount } from "./result-table.js";
import { codeEditor } from "./sql-code-editor.js";

export type CellState = "idle" | "waiting" | "running" | "done" | "error" | "cancelled";

export interface CellActions {
  change(id: string, change: { sql?: string; mark?: ChartMark }): void;
  move(id: string, by: number): void;
  remove(id: string): void;
}

export interface CellView {
  element: HTMLElement;
  /** Renames it after a move ("Cell 3"). */
  setIndex(index: number, count: number): void;
  /** Runs it; resolves when it has finished, failed or been cancelled. */
  run(): Promise<void>;
  focus(): void;
}

export interface CellContext {
  db: Database;
  /** Resolves when every table is in: true, or why they could not load. */
  tables: Promise<true | Error>;
  schema: CompletionSchema;
  actions: CellActions;
}

/** The output of a finished run. */
function resultOutput(outcome: CellOutcome, cell: NotebookCell, name: string, context: CellContext): HTMLElement {
  const { rows, total, milliseconds } = outcome;
  const changed = changingStatements(cell.sql);
  const notice = changed.length
    ? el(
        "p",
        { class: "aa-nb-notice", role: "note" },
        el("strong", {}, "Not kept: "),
        `this cell changes the page's database (${changed.join(", ")}). The tables are rebuilt from the published data on every reload, so the change lasts only until then, and it may change what the examples above show.`,
      )
    : null;
  const meta = el(
    "p",
    { class: "aa-nb-meta" },
    el("span", { class: "aa-source" }, rowCount(rows.length, total)),
    el("span", { class: "aa-nb-time" }, ` · ${duration(milliseconds)}`),
  );
  if (rows.columns.length === 0) return el("div", { "data-testid": "user-result" }, meta, notice);
  const body = rows.length
    ? [
        cellChart({ rows, name, mark: cell.mark, onMark: (mark) => context.actions.change(cell.id, { mark }) }),
        resultTable(rows, `Result of ${name}: ${rowCount(rows.length, total)}`),
      ]
    : [
        el(
          "div",
          { class: "aa-empty", role: "status" },
          el("strong", {}, "The query returned no rows."),
          ` Columns: ${rows.columns.join(", ")}`,
        ),
      ];
  return el("div", { "data-testid": "user-result" }, meta, notice, ...body);
}

/** DuckDB's error, with where it points. */
function errorOutput(
  error: unknown,
  text: string,
): { element: HTMLElement; at: { offset: number; message: string } | null } {
  const message = error instanceof Error ? error.message : String(error);
  const { summary, position: at } = readDuckdbError(message, text);
  const element = el(
    "div",
    { class: "aa-error", role: "alert", "data-testid": "cell-error" },
    el(
      "strong",
      {},
      at
        ? `DuckDB could not run this query (line ${at.line}, column ${at.column}):`
        : "DuckDB could not run this query:",
    ),
    "\n",
    summary,
  );
  if (at) {
    element.dataset.line = String(at.line);
    element.dataset.column = String(at.column);
  }
  return { element, at: at ? { offset: at.offset, message: summary } : null };
}

export function notebookCell(initial: NotebookCell, context: CellContext): CellView {
  let cell = initial;
  let name = "Cell";
  let current: CellRun | null = null;
  const title = el("h3", { class: "aa-nb-cell-name" }, name);
  const output = el("div", { class: "aa-nb-output", "aria-live": "polite" });
  const element = el("section", { class: "aa-nb-cell", role: "group", "data-state": "idle" });
  const setState = (state: CellState) => element.setAttribute("data-state", state);
  const editor = codeEditor({
    doc: cell.sql,
    label: "SQL query",
    schema: context.schema,
    onRun: () => void view.run(),
    onChange: (sql) => {
      cell = { ...cell, sql };
      context.actions.change(cell.id, { sql });
    },
  });
  const runButton = el("button", { type: "button", class: "aa-nb-run", onclick: () => void view.run() }, "Run");
  const cancelButton = el(
    "button",
    {
      type: "button",
      hidden: true,
      onclick: () => {
        if (!current) return;
        current.cancel();
        show(
          "running",
          el("p", { class: "aa-nb-running", role: "status" }, "Cancelling… DuckDB stops at its next pause."),
        );
      },
    },
    "Cancel",
  );
  const button = (label: string, onclick: () => void) => el("button", { type: "button", onclick }, label);
  const bar = el(
    "div",
    { class: "aa-nb-cell-bar" },
    title,
    runButton,
    cancelButton,
    button("Move up", () => context.actions.move(cell.id, -1)),
    button("Move down", () => context.actions.move(cell.id, 1)),
    button("Remove", () => context.actions.remove(cell.id)),
  );
  output.append(el("p", { class: "aa-source" }, "Not run yet. Press Run, or Ctrl+Enter (⌘+Enter) in the editor."));
  element.append(bar, el("div", { class: "aa-nb-editor" }, editor.view.dom), output);

  const show = (state: CellState, ...children: (HTMLElement | null)[]) => {
    setState(state);
    output.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  };
  const view: CellView = {
    element,
    setIndex: (index, count) => {
      name = `Cell ${index + 1}`;
      title.textContent = count > 1 ? `${name} of ${count}` : name;
      element.setAttribute("aria-label", name);
      editor.view.contentDOM.setAttribute("aria-label", `SQL query, ${name.toLowerCase()}`);
    },
    focus: () => editor.view.focus(),
    run: async () => {
      current?.cancel();
      const text = editor.text();
      editor.markError(null);
      runButton.hidden = true;
      cancelButton.hidden = false;
      show("waiting", el("p", { class: "aa-nb-running", role: "status" }, "Waiting for the tables…"));
      const tables = await context.tables;
      if (tables instanceof Error) {
        show(
          "error",
          el(
            "div",
            { class: "aa-error", role: "alert" },
            el("strong", {}, "The tables could not be loaded."),
            "\n",
            tables.message,
          ),
        );
        runButton.hidden = false;
        cancelButton.hidden = true;
        return;
      }
      const run = runCell(context.db, text);
      current = run;
      show(
        "running",
        el("p", { class: "aa-nb-running", role: "status" }, "Running… the page stays usable; press Cancel to stop."),
      );
      try {
        const outcome = await run.done;
        if (current === run) show("done", resultOutput(outcome, { ...cell, sql: text }, name, context));
      } catch (error) {
        if (current !== run) return;
        if (error instanceof CancelledError)
          show("cancelled", el("p", { class: "aa-empty", role: "status" }, "Cancelled: the query was stopped."));
        else {
          const { element: shown, at } = errorOutput(error, text);
          show("error", shown);
          editor.markError(at);
        }
      } finally {
        if (current === run) {
          current = null;
          runButton.hidden = false;
          cancelButton.hidden = true;
        }
      }
    },
  };
  return view;
}
