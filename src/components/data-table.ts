/**
 * A plain, accessible `<table>` with a caption and column headers: what each
 * timeline view shows, for screen readers, keyboard users and copying.
 * Cells are text (or nodes built as text); record text never becomes HTML.
 */
import { el } from "./dom.js";

export interface Column<T> {
  /** Header text. */
  label: string;
  /** The cell: text, a number (formatted in English) or a node. */
  value: (row: T) => string | number | Node | null | undefined;
  /** Numbers align right. */
  numeric?: boolean;
}

export function dataTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  { caption, testid, rowAttrs }: { caption: string; testid?: string; rowAttrs?: (row: T) => Record<string, string> } = {
    caption: "",
  },
): HTMLTableElement {
  return el(
    "table",
    { class: "aa-table", "data-testid": testid },
    el("caption", {}, caption),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        columns.map((c) => el("th", { scope: "col", class: c.numeric ? "aa-th num" : "aa-th" }, c.label)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        el(
          "tr",
          rowAttrs?.(row) ?? {},
          columns.map((c) => {
            const v = c.value(row);
            return el(
              "td",
              { class: c.numeric ? "aa-td num" : "aa-td" },
              typeof v === "number" ? v.toLocaleString("en") : (v ?? ""),
            );
          }),
        ),
      ),
    ),
  );
}
