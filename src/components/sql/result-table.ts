/**
 * A result's rows as a table people can read and reach (Inputs.table made
 * accessible by table-access.ts: focusable, named, captioned), and the words
 * for its size and time.
 */
import * as Inputs from "@observablehq/inputs";
import type { QueryResult } from "../db.js";
import { accessibleTable } from "../table-access.js";

/** The rows under `caption` (read by screen readers; the page shows the count beside it). */
export function resultTable(rows: QueryResult, caption: string): HTMLElement {
  return accessibleTable(Inputs.table(rows, { select: false, columns: rows.columns }) as HTMLElement, caption);
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
