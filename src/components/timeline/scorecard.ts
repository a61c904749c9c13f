/**
 * Scorecards: per event or per sector, the commitments made and what came of
 * them (evidence of progress, done, stalled or dropped, overdue, no news at
 * all) with the date of the latest news. Rows come from `scorecardByEvent` /
 * `scorecardBySector`; the status and overdue rules are src/lib/model/status.ts,
 * the cells' words src/lib/model/scorecard-text.ts.
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import { SCORE_COLUMNS, type ScoreCounts } from "../../lib/model/scorecard-text.js";
import { type Column, dataTable } from "../data-table.js";
import { el, emptyState } from "../dom.js";

export interface ScoreRow extends ScoreCounts {
  // per sector
  color?: string;
}

/** A thin bar: done, other progress, stalled, then the rest. */
function bar(r: ScoreRow): Element {
  const w = (n: number) => `${(100 * n) / Math.max(1, r.made)}%`;
  return el(
    "div",
    { class: "aa-scorebar", "aria-hidden": "true" },
    el("span", { style: `width:${w(r.done)};background:var(--aa-status-done)` }),
    el("span", { style: `width:${w(r.progress - r.done)};background:var(--aa-status-in_progress)` }),
    el("span", { style: `width:${w(r.stalled)};background:var(--aa-status-stalled)` }),
  );
}

export function scorecard(
  rows: ScoreRow[],
  { by, limit = 15, caption }: { by: "event" | "sector"; limit?: number; caption: string },
): HTMLElement {
  if (rows.length === 0) return emptyState("No commitment matches these filters", "Clear a filter or widen the years.");
  const shown = rows.slice(0, limit);
  const name: Column<ScoreRow> =
    by === "event"
      ? {
          label: "Event",
          value: (r) =>
            el(
              "span",
              {},
              el("span", { class: "meta" }, `${formatPartialDate(r.start_date)} `),
              r.title ?? r.id,
              r.event_status && r.event_status !== "held" ? el("span", { class: "aa-badge" }, r.event_status) : null,
            ),
        }
      : {
          label: "Sector",
          value: (r) =>
            el("span", {}, el("span", { class: "aa-swatch-inline", style: `background:${r.color}` }), r.label ?? r.id),
        };
  const table = dataTable(
    shown,
    [
      name,
      // The counts in the words of scorecard-text.ts (the slide's too); an overdue count is marked.
      ...SCORE_COLUMNS.map(
        (c): Column<ScoreRow> => ({
          label: c.label,
          value:
            c.label === "Overdue"
              ? (r) => (r.overdue ? el("strong", { class: "aa-overdue-text" }, c.text(r)) : c.text(r))
              : c.text,
          numeric: c.label !== "Latest news",
        }),
      ),
      { label: "", value: (r) => bar(r) },
    ],
    {
      caption,
      testid: `scorecard-${by}`,
      rowAttrs: (r) => ({ [`data-${by}`]: r.id }),
    },
  );
  return el(
    "div",
    { class: "aa-table-wrap" },
    table,
    rows.length > shown.length
      ? el("p", { class: "aa-source" }, `Showing ${shown.length} of ${rows.length.toLocaleString("en")}.`)
      : null,
  );
}
