/**
 * One notebook cell on the page: its editor, its buttons (Run or Cancel,
 * move up, move down, remove) and its output: "not run yet", "running"
 * with a Cancel, the result (row count, time, chart, table), or DuckDB's
 * error at its line and column. `data-state` says which, for tests.
 */
import type { ChartMark } from "../../lib/notebook/chart-choice.js";
import type { CompletionSchema } from "../../lib/notebook/completion-schema.js";
import { positionAt, readDuckdbError } from "../../lib/notebook/error-position.js";
import type { NotebookCell } from "../../lib/notebook/notebook-cells.js";
import { changingStatements } from "../../lib/notebook/statement-effects.js";
import type { Database } from "../db.js";
import { el, errorState } from "../dom.js";
import { cellChart } from "./cell-chart.js";
import { CancelledError, type CellOutcome, type CellRun, runCell, StatementError } from "./cell-runner.js";
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
  // A statement after the first: DuckDB counts from its start.
  const start = error instanceof StatementError ? error.start : 0;
  const { summary, position } = readDuckdbError(message, text.slice(start));
  const at = position && positionAt(text, start + position.offset);
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

/** A status line in the output ("Running…"). */
const statusLine = (text: string) => el("p", { class: "aa-nb-running", role: "status" }, text);

/** The cell's frame: its title and buttons, the editor's place and the output. */
function cellFrame(handlers: { run(): void; cancel(): void; move(by: number): void; remove(): void }) {
  const title = el("h3", { class: "aa-nb-cell-name" }, "Cell");
  const runButton = el("button", { type: "button", onclick: handlers.run }, "Run");
  const cancelButton = el("button", { type: "button", hidden: true, onclick: handlers.cancel }, "Cancel");
  const button = (label: string, onclick: () => void) => el("button", { type: "button", onclick }, label);
  const bar = el(
    "div",
    { class: "aa-nb-cell-bar" },
    title,
    runButton,
    cancelButton,
    button("Move up", () => handlers.move(-1)),
    button("Move down", () => handlers.move(1)),
    button("Remove", handlers.remove),
  );
  const output = el(
    "div",
    { class: "aa-nb-output", "aria-live": "polite" },
    el("p", { class: "aa-source" }, "Not run yet. Press Run, or Ctrl+Enter (⌘+Enter) in the editor."),
  );
  const editorBox = el("div", { class: "aa-nb-editor" });
  const element = el("section", { class: "aa-nb-cell", role: "group", "data-state": "idle" }, bar, editorBox, output);
  /** Shows Cancel instead of Run while the cell runs. */
  const busy = (running: boolean) => {
    runButton.hidden = running;
    cancelButton.hidden = !running;
  };
  const show = (state: CellState, ...children: (HTMLElement | null)[]) => {
    element.setAttribute("data-state", state);
    output.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  };
  return { element, title, editorBox, busy, show };
}

export function notebookCell(initial: NotebookCell, context: CellContext): CellView {
  let cell = initial;
  let name = "Cell";
  let current: CellRun | null = null;
  /** Bumped by every Run and Cancel: an older run's outcome is not shown. */
  let generation = 0;
  const frame = cellFrame({
    run: () => void view.run(),
    cancel: () => {
      generation += 1;
      current?.cancel();
      frame.show("running", statusLine("Cancelling… DuckDB stops at its next pause."));
      if (!current) {
        frame.busy(false);
        frame.show("cancelled", statusLine("Cancelled before it started."));
      }
    },
    move: (by) => context.actions.move(cell.id, by),
    remove: () => context.actions.remove(cell.id),
  });
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
  frame.editorBox.append(editor.view.dom);
  const { show } = frame;

  /** Runs the editor's text and shows what came of it, unless a newer Run or a Cancel came first. */
  const run = async () => {
    current?.cancel();
    const mine = ++generation;
    const text = editor.text();
    editor.markError(null);
    frame.busy(true);
    show("waiting", statusLine("Waiting for the tables…"));
    const tables = await context.tables;
    if (mine !== generation) return;
    if (tables instanceof Error) {
      frame.busy(false);
      show("error", errorState("The tables could not be loaded.", tables));
      return;
    }
    const started = runCell(context.db, text);
    current = started;
    show("running", statusLine("Running… the page stays usable; press Cancel to stop."));
    try {
      const outcome = await started.done;
      if (mine === generation) show("done", resultOutput(outcome, { ...cell, sql: text }, name, context));
      else if (current === started) show("cancelled", statusLine("Cancelled: the query had just finished."));
    } catch (error) {
      if (mine === generation && !(error instanceof CancelledError)) {
        const { element: shown, at } = errorOutput(error, text);
        show("error", shown);
        editor.markError(at);
      } else if (current === started) show("cancelled", statusLine("Cancelled: the query was stopped."));
    } finally {
      if (current === started) {
        current = null;
        frame.busy(false);
      }
    }
  };

  const view: CellView = {
    element: frame.element,
    setIndex: (index, count) => {
      name = `Cell ${index + 1}`;
      frame.title.textContent = count > 1 ? `${name} of ${count}` : name;
      frame.element.setAttribute("aria-label", name);
      editor.view.contentDOM.setAttribute("aria-label", `SQL query, ${name.toLowerCase()}`);
    },
    focus: () => editor.view.focus(),
    run,
  };
  return view;
}
