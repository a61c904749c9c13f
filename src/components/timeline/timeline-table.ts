/**
 * The timeline's data as a table: each commitment drawn (marks mode) or the
 * counts per sector and month (density mode). Rows come from the same
 * queries as the chart (src/lib/sql/timeline-queries.ts).
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import type { Status } from "../../lib/model/schema.js";
import { humanize, STATUS_META } from "../../lib/model/value-labels.js";
import type { DensityRow, LaneRow, MarkRow } from "../../lib/sql/timeline-queries.js";
import { dataTable } from "../data-table.js";
import { el } from "../dom.js";

/** Rows the table lists at most (the SQL page has them all). */
export const TABLE_ROWS = 2000;

export function timelineTable(
  data: { marks?: MarkRow[]; density: DensityRow[]; lanes: LaneRow[] },
  { mode, onSelect }: { mode: "marks" | "density"; onSelect?: (id: string, trigger: Element) => void },
): HTMLElement {
  const label = new Map(data.lanes.map((l) => [l.sector, l.label]));
  if (mode === "marks" && data.marks) {
    const rows = data.marks.slice(0, TABLE_ROWS);
    const table = dataTable(
      rows,
      [
        { label: "Sector", value: (m) => label.get(m.sector) ?? m.sector },
        { label: "Date", value: (m) => formatPartialDate(m.date) },
        {
          label: "Commitment",
          value: (m) => {
            const button = el("button", { type: "button", class: "aa-linklike", "data-open": m.id }, m.summary);
            button.addEventListener("click", () => onSelect?.(m.id, button));
            return button;
          },
        },
        { label: "Action", value: (m) => humanize(m.action) },
        { label: "Strength", value: (m) => humanize(m.strength) },
        { label: "Status", value: (m) => STATUS_META[m.status as Status]?.label ?? m.status },
        {
          label: "Due",
          value: (m) =>
            [m.target_date ? formatPartialDate(m.target_date) : null, m.target_event, m.deadline ? null : m.target_note]
              .filter(Boolean)
              .join(" · "),
        },
        { label: "Overdue", value: (m) => (m.overdue ? "Overdue" : "") },
        { label: "Event", value: (m) => m.event },
      ],
      {
        caption: `The ${rows.length.toLocaleString("en")} commitments drawn${data.marks.length > rows.length ? ` (first ${rows.length} of ${data.marks.length})` : ""}`,
        testid: "timeline-table",
        rowAttrs: (m) => ({ "data-id": m.id }),
      },
    );
    return el("div", { class: "aa-table-wrap" }, table);
  }
  const rows = data.density.slice(0, TABLE_ROWS);
  return el(
    "div",
    { class: "aa-table-wrap" },
    dataTable(
      rows,
      [
        { label: "Sector", value: (d) => label.get(d.sector) ?? d.sector },
        {
          label: "Period",
          value: (d) =>
            d.bin === "year" ? `${d.start.slice(0, 4)} (year only)` : formatPartialDate(d.start.slice(0, 7)),
        },
        { label: "Commitments", value: (d) => d.n, numeric: true },
        { label: "Done", value: (d) => d.done, numeric: true },
        { label: "Overdue", value: (d) => d.overdue, numeric: true },
      ],
      {
        caption: `Commitments per sector and month${data.density.length > rows.length ? ` (first ${rows.length} of ${data.density.length} rows)` : ""}`,
        testid: "timeline-table",
      },
    ),
  );
}
