/**
 * "Due next": open commitments whose deadline is today or later, soonest
 * first, grouped under their target (an event such as the 9th JMC, or a date).
 * Rows come from `dueNext`; the cells' words are src/lib/model/scorecard-text.ts.
 */
import { type DueItem, dueBy, statusLabel } from "../../lib/model/scorecard-text.js";
import { dataTable } from "../data-table.js";
import { el, emptyState } from "../dom.js";

export interface DueRow extends DueItem {
  id: string;
  summary: string;
  status: string;
  sector_label: string;
  sector_color: string;
  target_date: string | null;
  target_event_id: string | null;
  target_event: string | null;
  target_event_date: string | null;
  target_event_status: string | null;
  target_event_place: string | null;
  deadline: string;
  event: string;
}

export function dueNext(
  rows: DueRow[],
  { onSelect }: { onSelect?: (id: string, trigger: Element) => void } = {},
): HTMLElement {
  if (rows.length === 0)
    return emptyState(
      "Nothing falls due",
      "No open commitment in these filters has a target date or event still ahead.",
    );
  const table = dataTable(
    rows,
    [
      {
        label: "Due by",
        value: (r) => {
          const { target, detail } = dueBy(r);
          return el(
            "span",
            {},
            el("strong", {}, target),
            detail ? el("span", { class: "meta" }, ` · ${detail}`) : null,
          );
        },
      },
      {
        label: "Commitment",
        value: (r) => {
          const b = el("button", { type: "button", class: "aa-linklike", "data-open": r.id }, r.summary);
          b.addEventListener("click", () => onSelect?.(r.id, b));
          return b;
        },
      },
      {
        label: "Sector",
        value: (r) =>
          el(
            "span",
            {},
            el("span", { class: "aa-swatch-inline", style: `background:${r.sector_color}` }),
            r.sector_label,
          ),
      },
      { label: "Status", value: (r) => statusLabel(r.status) },
      { label: "Agreed at", value: (r) => r.event },
    ],
    {
      caption: `${rows.length} open commitment${rows.length === 1 ? "" : "s"} with a target still ahead, soonest first`,
      testid: "due-next",
      rowAttrs: (r) => ({ "data-id": r.id }),
    },
  );
  return el("div", { class: "aa-table-wrap" }, table);
}
