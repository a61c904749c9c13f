/**
 * A result's rows as a table people can read and reach: Inputs.table in a
 * scrolling region that takes the focus (so the keyboard scrolls it), with
 * a caption saying what it holds.
 */
import * as Inputs from "@observablehq/inputs";
import type { QueryResult } from "../db.js";
import { el } from "../dom.js";

/** The rows under `caption` (read by screen readers; the page shows the count beside it). */
export function resultTable(rows: QueryResult, caption: string): HTMLElement {
  const table = Inputs.table(rows, { select: false, columns: rows.columns }) as HTMLElement;
  table.setAttribute("tabindex", "0");
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", caption);
  table.querySelector("table")?.prepend(el("caption", { class: "aa-visually-hidden" }, caption));
  return table;
}

/** "1 row", "1,234 rows", "first 5,000 of 12,000 rows". */
export function rowCount(shown: number, total: number): string {
  const noun = total === 1 ? "row" : "rows";
  return shown < total
    ? `first ${shown.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}`
    : `${total.toLocaleString("en")} ${noun}`;
}

/** "85 ms", "2.31 s". */
export function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}
