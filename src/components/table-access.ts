/**
 * Observable Inputs' table made accessible: it scrolls inside a form that a
 * keyboard cannot reach and has no caption, and its first header (the row
 * selection column) is empty. `accessibleTable` names the scrolling form
 * and puts it in the Tab order (so arrow keys scroll it), adds the caption,
 * and says what the first column is to screen readers.
 */
import { el } from "./dom.js";

export function accessibleTable<T extends HTMLElement>(inputsTable: T, caption: string): T {
  inputsTable.setAttribute("aria-label", caption);
  inputsTable.classList.add("aa-table-scroll");
  inputsTable.tabIndex = 0;
  const table = inputsTable.querySelector("table");
  if (table && !table.querySelector(":scope > caption")) {
    table.prepend(el("caption", { class: "aa-visually-hidden" }, caption));
  }
  const first = table?.querySelector("thead th:first-child");
  if (first && !first.textContent?.trim()) first.append(el("span", { class: "aa-visually-hidden" }, "Row"));
  return inputsTable;
}
