/**
 * The overview's table of commitments, paged: the table of one page
 * (commitments-table.ts), and under it where the reader is ("Page 2 of
 * 40 · rows 51–100 of 1,995"), buttons to the first, previous, next and
 * last pages, and the CSV of every matching row. A new page or order is
 * asked of SQL (src/lib/sql/commitment-page.ts), so only the rows shown
 * ever become objects; the CSV is fetched when asked for.
 *
 *     pagedCommitments({total, first, page: (order, n) => db.query(commitmentPage(filters, {order, page: n})),
 *       everyRow: async () => ({rows: await db.query(exportCommitments(filters)), columns: [...EXPORT_COLUMNS]})})
 */
import { type CsvValue, toCsv } from "../../lib/model/csv-export.js";
import { COMMITMENT_PAGE_SIZE, type CommitmentOrder, NEWEST_FIRST } from "../../lib/sql/commitment-page.js";
import { el, emptyState } from "../dom.js";
import { download, fileName } from "../export-image.js";
import { COMMITMENT_HEADERS, type CommitmentRow, commitmentsTable } from "./commitments-table.js";

export interface CommitmentSource {
  /** How many commitments match the filters. */
  total: number;
  /** The first page, newest first (the page fetches it with its other queries). */
  first: CommitmentRow[];
  /** Page `page` (from 0) in `order`. */
  page(order: CommitmentOrder, page: number): Promise<CommitmentRow[]>;
  /** Every matching commitment, for the CSV. */
  everyRow(): Promise<{ rows: readonly Record<string, CsvValue>[]; columns: readonly string[] }>;
}

const en = (n: number) => n.toLocaleString("en");

/** The order in words: "date, newest first", "sector, Z to A". */
function orderInWords({ column, descending }: CommitmentOrder): string {
  const name = COMMITMENT_HEADERS[column].toLowerCase();
  if (column === "date_from") return `${name}, ${descending ? "newest" : "oldest"} first`;
  return `${name}, ${descending ? "Z to A" : "A to Z"}`;
}

export function pagedCommitments(
  source: CommitmentSource,
  { size = COMMITMENT_PAGE_SIZE, visible = 12 }: { size?: number; visible?: number } = {},
): HTMLElement {
  if (source.total === 0)
    return emptyState("No commitments match these filters.", "Clear a filter or widen the years.");
  const pages = Math.max(1, Math.ceil(source.total / size));
  let state = { order: NEWEST_FIRST, page: 0, rows: source.first };
  let latest = 0;
  const holder = el("div", { class: "aa-commitments-page" });
  const where = el("span", { class: "aa-pager-where", role: "status", "data-testid": "commitments-where" });
  const button = (label: string, testid: string, go: () => number) =>
    el("button", { type: "button", "data-testid": testid, onclick: () => show(state.order, go()) }, label);
  const buttons = {
    first: button("« First", "commitments-first", () => 0),
    previous: button("‹ Previous", "commitments-previous", () => state.page - 1),
    next: button("Next ›", "commitments-next", () => state.page + 1),
    last: button("Last »", "commitments-last", () => pages - 1),
  };
  const csv = csvButton(source);

  function draw(): void {
    const { order, page, rows } = state;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.column;
    const from = page * size + 1;
    const to = page * size + rows.length;
    const caption = `${en(source.total)} commitments matching the filters, by ${orderInWords(order)}: rows ${en(from)} to ${en(to)}`;
    holder.replaceChildren(commitmentsTable(rows, { order, caption, visible, onSort: (next) => show(next, 0) }));
    if (focused) holder.querySelector<HTMLElement>(`thead th[data-column="${focused}"]`)?.focus();
    where.textContent = `Page ${en(page + 1)} of ${en(pages)} · rows ${en(from)}–${en(to)} of ${en(source.total)} · by ${orderInWords(order)}`;
    buttons.first.disabled = buttons.previous.disabled = page === 0;
    buttons.next.disabled = buttons.last.disabled = page >= pages - 1;
  }

  async function show(order: CommitmentOrder, page: number): Promise<void> {
    const target = Math.min(pages - 1, Math.max(0, page));
    const ticket = ++latest;
    holder.setAttribute("aria-busy", "true");
    where.textContent = `Loading page ${en(target + 1)} of ${en(pages)}…`;
    try {
      const rows = await source.page(order, target);
      if (ticket !== latest) return; // a later request replaced this one
      state = { order, page: target, rows };
      draw();
    } catch (error) {
      if (ticket === latest)
        where.textContent = `Could not load the page: ${error instanceof Error ? error.message : error}`;
    } finally {
      if (ticket === latest) holder.removeAttribute("aria-busy");
    }
  }

  draw();
  return el(
    "div",
    { class: "aa-commitments", "data-testid": "commitments" },
    holder,
    el(
      "div",
      { class: "aa-pager", role: "group", "aria-label": "Pages of the commitments" },
      buttons.first,
      buttons.previous,
      where,
      buttons.next,
      buttons.last,
      csv,
    ),
  );
}

/** A button that fetches every matching row and saves it as CSV, saying what it did. */
function csvButton(source: CommitmentSource): HTMLButtonElement {
  const label = `CSV of all ${en(source.total)}`;
  const button = el("button", { type: "button", class: "aa-pager-csv", "data-testid": "commitments-csv" }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = `Fetching ${en(source.total)} rows…`;
    try {
      const { rows, columns } = await source.everyRow();
      const name = fileName("commitments", "csv");
      download(new Blob([toCsv(rows, columns)], { type: "text/csv;charset=utf-8" }), name);
      button.textContent = label;
    } catch (error) {
      button.textContent = `Could not save the CSV: ${error instanceof Error ? error.message : error}`;
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
