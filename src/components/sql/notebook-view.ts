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
  /** Settles once the cells kept in the address or the browser are in (`data-ready` is set then too). */
  ready: Promise<void>;
};

/** A notice above the cells: where they came from (status), or what was refused (alert). */
function noticeLine(text: string, kind: "info" | "refused"): HTMLElement {
  const refused = kind === "refused";
  return el(
    "p",
    { class: refused ? "aa-nb-refused" : "aa-nb-notice", role: refused ? "alert" : "status" },
    refused ? el("strong", {}, "Refused: ") : null,
    text,
  );
}

/** Add cell, Run all, Copy link (once the latest change is in the address) and the status they report in. */
function notebookToolbar(handlers: { add(): void; runAll(): void; saved(): Promise<void> }) {
  const status = el("p", { class: "aa-share-status", role: "status", "aria-live": "polite" });
  const addButton = el("button", { type: "button", onclick: handlers.add }, "Add cell");
  const copyLink = async () => {
    await handlers.saved();
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link to this notebook copied.";
    } catch {
      status.textContent = "Copy the address from the address bar: it holds the notebook.";
    }
  };
  const element = el(
    "div",
    { class: "aa-nb-toolbar" },
    addButton,
    el("button", { type: "button", onclick: handlers.runAll }, "Run all"),
    el("button", { type: "button", onclick: copyLink }, "Copy link"),
    status,
  );
  return { element, status, addButton };
}

export function notebookView(options: NotebookOptions): NotebookElement {
  let cells: NotebookCell[] = [];
  const views = new Map<string, CellView>();
  const list = el("div", { class: "aa-nb-cells" });
  const notices = el("div", { class: "aa-nb-notices" });
  const say = (text: string, kind: "info" | "refused" = "info") => notices.append(noticeLine(text, kind));

  // One save at a time; changes made meanwhile are saved together by the next one.
  let saving = Promise.resolve();
  let queued = false;
  const keep = () => {
    if (queued) return;
    queued = true;
    saving = saving.then(async () => {
      queued = false;
      const problem = await keepNotebook(cells.map(({ sql, mark }) => (mark ? { sql, mark } : { sql })));
      toolbar.status.textContent = problem ?? "";
    });
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
      else toolbar.addButton.focus();
    },
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
  const add = (sql: string) => {
    const [cell] = append([{ sql }]);
    const view = cell && views.get(cell.id);
    if (!view) return;
    view.element.scrollIntoView({ block: "center" });
    view.focus();
  };
  const toolbar = notebookToolbar({
    add: () => add(""),
    runAll: async () => {
      for (const cell of cells) await views.get(cell.id)?.run();
    },
    saved: () => saving,
  });
  const element = el(
    "div",
    { class: "aa-notebook", "data-testid": "notebook" },
    notices,
    toolbar.element,
    list,
  ) as unknown as NotebookElement;
  element.add = add;

  element.ready = openNotebook().then((opened) => {
    for (const notice of opened.notices) say(notice.text, notice.kind);
    const fresh = append(opened.cells);
    element.setAttribute("data-ready", "");
    if (opened.runAtOnce) for (const cell of fresh) void views.get(cell.id)?.run();
  });
  return element;
}
