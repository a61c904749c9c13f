/**
 * The SQL page's notebook: its cells (src/components/sql/notebook-cell.ts),
 * a toolbar to add a cell, run them all and copy the link, and notices
 * saying where the cells came from or what was refused. Every change is
 * kept in the browser's storage and the address (notebook-keeping.ts).
 * Nothing from a link or storage runs before the user asks.
 */
import type { CompletionSchema } from "../../lib/notebook/completion-schema.js";
import { addCells, editCell, moveCell, type NotebookCell, removeCell } from "../../lib/notebook/notebook-cells.js";
import type { Database } from "../db.js";
import { el } from "../dom.js";
import { type CellView, notebookCell } from "./notebook-cell.js";
import { keepNotebook, openNotebook } from "./notebook-keeping.js";

export interface NotebookOptions {
  db: Database;
  tables: Promise<true | Error>;
  schema: CompletionSchema;
}

export type NotebookElement = HTMLElement & {
  /** Appends a cell with `sql` (not run), scrolls to it and focuses its editor. */
  add(sql: string): void;
};

export function notebookView(options: NotebookOptions): NotebookElement {
  let cells: NotebookCell[] = [];
  const views = new Map<string, CellView>();
  const list = el("div", { class: "aa-nb-cells" });
  const notices = el("div", { class: "aa-nb-notices" });
  const status = el("p", { class: "aa-share-status", role: "status", "aria-live": "polite" });
  const say = (text: string, kind: "info" | "refused" = "info") =>
    notices.append(
      el(
        "p",
        { class: kind === "refused" ? "aa-nb-refused" : "aa-nb-notice", role: kind === "refused" ? "alert" : "status" },
        kind === "refused" ? el("strong", {}, "Refused: ") : null,
        text,
      ),
    );

  let saving = Promise.resolve();
  const keep = () => {
    const snapshot = cells.map(({ sql, mark }) => (mark ? { sql, mark } : { sql }));
    saving = saving.then(async () => {
      const problem = await keepNotebook(snapshot);
      status.textContent = problem ?? "";
    });
  };
  const actions = {
    change: (id: string, change: Partial<Omit<NotebookCell, "id">>) => {
      cells = editCell(cells, id, change);
      keep();
    },
    move: (id: string, by: number) => {
      cells = moveCell(cells, id, by);
      layout();
      keep();
      views.get(id)?.focus();
    },
    remove: (id: string) => {
      const index = cells.findIndex((c) => c.id === id);
      cells = removeCell(cells, id);
      views.get(id)?.element.remove();
      views.delete(id);
      layout();
      keep();
      const next = cells[Math.min(index, cells.length - 1)];
      if (next) views.get(next.id)?.focus();
      else addButton.focus();
    },
  };
  const layout = () => {
    for (const [i, cell] of cells.entries()) {
      let view = views.get(cell.id);
      if (!view) {
        view = notebookCell(cell, { ...options, actions });
        views.set(cell.id, view);
      }
      view.setIndex(i, cells.length);
      list.append(view.element);
    }
  };
  const append = (added: { sql: string }[]): NotebookCell[] => {
    const next = addCells(cells, added);
    if (next.dropped > 0) say(`The notebook is full: ${next.dropped} cell(s) were not added.`, "refused");
    const fresh = next.cells.slice(cells.length);
    cells = next.cells;
    layout();
    keep();
    return fresh;
  };
  const runAll = async () => {
    for (const cell of cells) await views.get(cell.id)?.run();
  };
  const addButton = el("button", { type: "button", onclick: () => add("") }, "Add cell");
  const copyLink = el(
    "button",
    {
      type: "button",
      onclick: async () => {
        await saving;
        try {
          await navigator.clipboard.writeText(location.href);
          status.textContent = "Link to this notebook copied.";
        } catch {
          status.textContent = "Copy the address from the address bar: it holds the notebook.";
        }
      },
    },
    "Copy link",
  );
  const element = el(
    "div",
    { class: "aa-notebook", "data-testid": "notebook" },
    notices,
    el(
      "div",
      { class: "aa-nb-toolbar" },
      addButton,
      el("button", { type: "button", onclick: () => void runAll() }, "Run all"),
      copyLink,
      status,
    ),
    list,
  ) as unknown as NotebookElement;
  const add = (sql: string) => {
    const [cell] = append([{ sql }]);
    const view = cell && views.get(cell.id);
    if (!view) return;
    view.element.scrollIntoView({ block: "center" });
    view.focus();
  };
  element.add = add;

  openNotebook().then((opened) => {
    for (const notice of opened.notices) say(notice.text, notice.kind);
    const fresh = append(opened.cells);
    element.setAttribute("data-ready", "");
    if (opened.runAtOnce) for (const cell of fresh) void views.get(cell.id)?.run();
  });
  return element;
}
