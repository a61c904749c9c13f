/**
 * The filtered commitments as a table people can sort and scan, every row
 * with its source link. Rows come from `commitmentRows`.
 */
import * as Inputs from "@observablehq/inputs";
import { formatPartialDate } from "../../lib/model/dates.js";
import { STATUS_META } from "../../lib/model/value-labels.js";
import { el, emptyState, link } from "../dom.js";
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

export function commitmentsTable(rows: CommitmentRow[], { rows: visible = 12 }: { rows?: number } = {}): HTMLElement {
  if (rows.length === 0) return emptyState("No commitments match these filters.", "Clear a filter or widen the years.");
  const table = Inputs.table(rows, {
    columns: ["date_from", "sector", "summary", "parties", "status", "event", "source_publisher"],
    header: {
      date_from: "Date",
      sector: "Sector",
      summary: "Commitment",
      parties: "Bound",
      status: "Status",
      event: "Event",
      source_publisher: "Source",
    },
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
    rows: visible,
    maxHeight: 880,
    select: false,
    sort: "date_from",
    reverse: true,
  });
  return el(
    "div",
    { class: "aa-commitments" },
    accessibleTable(table, `${rows.length} commitments matching the filters`),
  );
}
