/**
 * Scorecards: per event or per sector, the commitments made and what came of
 * them (evidence of progress, done, stalled or dropped, overdue, no news at
 * all) with the date of the latest news. Rows come from `scorecardByEvent` /
 * `scorecardBySector`; the status and overdue rules are src/lib/model/status.ts.
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import { type Column, dataTable } from "../data-table.js";
import { el, emptyState } from "../dom.js";

export interface ScoreRow {
  id: string;
  made: number;
  progress: number;
  done: number;
  stalled: number;
  overdue: number;
  no_news: number;
  last_news: string | null;
  // per event
  title?: string;
  start_date?: string;
  event_status?: string;
  // per sector
  label?: string;
  color?: string;
}

const pct = (n: number, of: number) => (of ? ` (${Math.round((100 * n) / of)}%)` : "");

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
      { label: "Made", value: (r) => r.made, numeric: true },
      {
        label: "Any progress",
        value: (r) => `${r.progress.toLocaleString("en")}${pct(r.progress, r.made)}`,
        numeric: true,
      },
      { label: "Done", value: (r) => r.done, numeric: true },
      { label: "Stalled or dropped", value: (r) => r.stalled, numeric: true },
      {
        label: "Overdue",
        value: (r) => (r.overdue ? el("strong", { class: "aa-overdue-text" }, r.overdue.toLocaleString("en")) : "0"),
        numeric: true,
      },
      { label: "No news", value: (r) => r.no_news, numeric: true },
      { label: "Latest news", value: (r) => (r.last_news ? formatPartialDate(r.last_news) : "none") },
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
