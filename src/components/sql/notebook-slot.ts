/**
 * The SQL page's notebook, loaded once the page's tables are in: its
 * editor (CodeMirror, with SQL completion and linting) and its charts
 * (Observable Plot, with d3) are about 1 MB of script that the examples above
 * do not need. Evaluated while DuckDB-WASM compiled and started, they made
 * the page's first answer 40–80 ms later and gave it a task of 115–150 ms
 * (docs/performance.md, "The SQL page's notebook loaded after the first
 * answer"). The slot stands where the notebook goes, says it is loading, and
 * becomes the notebook (notebook-view.ts) once `after` settles, the user asks
 * for a cell (an example's "Edit as a new cell"), or the slot nears the
 * window, whichever is first. Cells asked for before are added then, in order.
 */
import { el, errorState } from "../dom.js";
import type { NotebookElement, NotebookOptions } from "./notebook-view.js";

/** The slot, then the notebook inside it: `add` works at once (a cell asked for early is added once the notebook is in). */
export type NotebookSlot = HTMLElement & Pick<NotebookElement, "add">;

/** How near the window (px) the slot may come before the notebook loads anyway. */
const NEAR_WINDOW = "600px";

/**
 * A stand-in for notebookView(options) that loads it. `after`: the page's
 * tables loaded (its settling, either way, starts the load).
 */
export function notebookSlot(options: NotebookOptions, after: Promise<unknown>): NotebookSlot {
  const loading = el("p", { class: "aa-source", role: "status" }, "Loading the notebook's editor…");
  const slot = el(
    "div",
    { class: "aa-notebook-slot", "data-testid": "notebook-slot", "aria-busy": "true" },
    loading,
  ) as unknown as NotebookSlot;
  const asked: string[] = [];
  let notebook: NotebookElement | undefined;
  let started = false;
  let near: IntersectionObserver | undefined;

  const load = (): void => {
    if (started) return;
    started = true;
    near?.disconnect();
    import("./notebook-view.js")
      .then(async ({ notebookView }) => {
        const view = notebookView(options);
        slot.replaceChildren(view);
        slot.removeAttribute("aria-busy");
        // After the kept cells, as if asked for once the notebook was there.
        await view.ready;
        notebook = view;
        for (const sql of asked.splice(0)) view.add(sql);
      })
      // The chunk did not load, or the notebook could not be made: said where it would be.
      .catch((error: unknown) => {
        slot.replaceChildren(errorState("The notebook's editor could not load. Reload the page to try again.", error));
        slot.removeAttribute("aria-busy");
      });
  };

  slot.add = (sql: string) => {
    if (notebook) notebook.add(sql);
    else {
      asked.push(sql);
      load();
    }
  };
  after.then(load, load);
  if (typeof IntersectionObserver === "function") {
    near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
      rootMargin: NEAR_WINDOW,
    });
    near.observe(slot);
  }
  return slot;
}
