/**
 * One page of the filtered commitments as a table people can scan, every
 * row with its source link, drawn with Observable Inputs' table as before.
 * The rows come in the order asked of SQL (src/lib/sql/commitment-page.ts);
 * the table does not sort them itself: a click on a header, or Enter or
 * Space on a focused header, asks `onSort` for that column instead (the
 * same column again turns the order round), and the header says the order
 * (its arrow and aria-sort). The pages around it: commitments-pager.ts.
 */
import * as Inputs from "@observablehq/inputs";
import { formatPartialDate } from "../../lib/model/dates.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import {
  type CommitmentOrder,
  type CommitmentSortColumn,
  isCommitmentSortColumn,
} from "../../lib/sql/commitment-page.js";
import { el, link } from "../dom.js";
import { accessibleTable } from "../table-access.js";

export interface CommitmentRow {
  id: string;
  date: string;
  date_from: string;
  sector: string;
  sector_color: string;
  summary: string;
  status: keyof typeof STATUS_META;
  event: string;
  parties: string | null;
  source_title: string;
  source_publisher: string;
  source_url: string;
  locator: string | null;
  confidence: string;
  note: string | null;
}

/** The table's columns, in order, each sortable. */
export const COMMITMENT_COLUMNS: readonly CommitmentSortColumn[] = [
  "date_from",
  "sector",
  "summary",
  "parties",
  "status",
  "event",
  "source_publisher",
];

/** Each column's header. */
export const COMMITMENT_HEADERS: Record<CommitmentSortColumn, string> = {
  date_from: "Date",
  sector: "Sector",
  summary: "Commitment",
  parties: "Bound",
  status: "Status",
  event: "Event",
  source_publisher: "Source",
};

export interface CommitmentsTableOptions {
  /** The order the rows are in (shown on its header). */
  order: CommitmentOrder;
  /** What the table holds, for screen readers. */
  caption: string;
  /** Asked for a new order when a header is clicked or pressed. */
  onSort: (order: CommitmentOrder) => void;
  /** Rows visible before scrolling. */
  visible?: number;
}

export function commitmentsTable(rows: CommitmentRow[], options: CommitmentsTableOptions): HTMLElement {
  const table = Inputs.table(rows, {
    columns: [...COMMITMENT_COLUMNS],
    header: COMMITMENT_HEADERS,
    format: {
      date_from: (_: string, i: number) => formatPartialDate(rows[i].date),
      sector: (value: string, i: number) =>
        el("span", {}, el("span", { class: "aa-swatch-inline", style: `color:${rows[i].sector_color}` }, "■ "), value),
      summary: (value: string, i: number) =>
        el(
          "span",
          { title: rows[i].note ? `Note: ${rows[i].note}` : value },
          value,
          rows[i].confidence !== "high" ? el("em", {}, ` (${rows[i].confidence} confidence)`) : null,
        ),
      status: (value: keyof typeof STATUS_META) =>
        el(
          "span",
          { class: "aa-status-text", style: `--status:${STATUS_META[value]?.color ?? "currentColor"}` },
          STATUS_META[value]?.label ?? value,
        ),
      source_publisher: (value: string, i: number) =>
        link(rows[i].source_url, `${value}${rows[i].locator ? ` ${rows[i].locator}` : ""}`),
    },
    width: { date_from: 90, sector: 130, summary: 360, parties: 130, status: 90, event: 200, source_publisher: 120 },
    layout: "auto",
    rows: options.visible ?? 12,
    maxHeight: 880,
    select: false,
  });
  sortByHeaders(table, options);
  return accessibleTable(table, options.caption);
}

/** Headers that ask for an order instead of sorting the page's rows, and say which order the rows are in. */
function sortByHeaders(table: HTMLElement, { order, onSort }: CommitmentsTableOptions): void {
  const columnOf = (target: EventTarget | null) => {
    const column = (target as Element | null)?.closest?.<HTMLElement>("thead th")?.dataset.column;
    return isCommitmentSortColumn(column) ? column : null;
  };
  const ask = (column: CommitmentSortColumn) =>
    onSort({
      column,
      // The same column turns round; another starts newest or A first (dates newest first).
      descending: column === order.column ? !order.descending : column === "date_from",
    });
  // Capturing, so Inputs' own handler on the header never sorts the page's rows alone.
  table.addEventListener(
    "click",
    (event) => {
      const column = columnOf(event.target);
      if (column === null) return;
      event.stopPropagation();
      ask(column);
    },
    true,
  );
  table.addEventListener("keydown", (event) => {
    const column = columnOf(event.target);
    if (column === null || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    ask(column);
  });
  // Inputs titles each header with its column's name.
  for (const th of table.querySelectorAll<HTMLElement>("thead th")) {
    const column = th.title;
    if (!isCommitmentSortColumn(column)) continue;
    const sorted = column === order.column;
    th.dataset.column = column;
    th.tabIndex = 0;
    th.title = `Sort by ${COMMITMENT_HEADERS[column].toLowerCase()}`;
    th.setAttribute("aria-sort", sorted ? (order.descending ? "descending" : "ascending") : "none");
    const arrow = th.firstElementChild;
    if (arrow && sorted) arrow.textContent = order.descending ? "▾" : "▴";
  }
}
