/**
 * The words of the timeline page's tracking tables, a cell at a time: the
 * scorecard (per event or per sector: made, any progress, done, stalled or
 * dropped, overdue, no news, latest news) and "due next" (due by, the
 * commitment, sector, status, where it was agreed). The tables on the page
 * (src/components/timeline/scorecard.ts, due-next.ts) and their slide
 * content (`scorecardTable`, `dueNextTable`) both write their text from
 * here, so a slide says exactly what the page says. Pure.
 */
import { formatPartialDate } from "./dates.js";
import type { Status } from "./schema.js";
import type { TableContent } from "./slide-content.js";
import { STATUS_META } from "./value-labels.js";

/** A scorecard row, as `scorecardByEvent` / `scorecardBySector` return it. */
export interface ScoreCounts {
  id: string;
  made: number;
  progress: number;
  done: number;
  stalled: number;
  overdue: number;
  no_news: number;
  last_news: string | null;
  title?: string;
  start_date?: string;
  event_status?: string;
  label?: string;
}

/** A commitment due next, as `dueNext` returns it. */
export interface DueItem {
  summary: string;
  status: string;
  sector_label: string;
  target_date: string | null;
  target_event: string | null;
  target_event_date: string | null;
  target_event_status: string | null;
  target_event_place: string | null;
  event: string;
}

export type ScoreBy = "event" | "sector";

/** How many rows each scorecard shows on the timeline page. */
export const SCORE_LIMITS: Record<ScoreBy, number> = { event: 15, sector: 30 };

export const SCORECARD_TITLES: Record<ScoreBy, string> = {
  event: "Scorecard by event",
  sector: "Scorecard by sector",
};
export const DUE_NEXT_TITLE = "Due next";

const count = (n: number) => n.toLocaleString("en");
const share = (n: number, of: number) => (of ? ` (${Math.round((100 * n) / of)}%)` : "");

/** The name cell: an event's date and title (and its status when not held), or a sector's label. */
export function scoreName(row: ScoreCounts, by: ScoreBy): string {
  if (by === "sector") return row.label ?? row.id;
  const status = row.event_status && row.event_status !== "held" ? ` ${row.event_status}` : "";
  return `${formatPartialDate(row.start_date)} ${row.title ?? row.id}${status}`;
}

/** The scorecard's counted columns, after the name: header and text. */
export const SCORE_COLUMNS: readonly { label: string; text: (row: ScoreCounts) => string }[] = [
  { label: "Made", text: (r) => count(r.made) },
  { label: "Any progress", text: (r) => `${count(r.progress)}${share(r.progress, r.made)}` },
  { label: "Done", text: (r) => count(r.done) },
  { label: "Stalled or dropped", text: (r) => count(r.stalled) },
  { label: "Overdue", text: (r) => count(r.overdue) },
  { label: "No news", text: (r) => count(r.no_news) },
  { label: "Latest news", text: (r) => (r.last_news ? formatPartialDate(r.last_news) : "none") },
];

/** "Due by": the target event with its date, place and status (when not held), else the target date. */
export function dueBy(row: DueItem): { target: string; detail: string | null } {
  if (!row.target_event) return { target: formatPartialDate(row.target_date), detail: null };
  const status = row.target_event_status !== "held" ? row.target_event_status : null;
  const detail = [formatPartialDate(row.target_event_date), row.target_event_place, status].filter(Boolean).join(" · ");
  return { target: row.target_event, detail };
}

export function statusLabel(status: string): string {
  return STATUS_META[status as Status]?.label ?? status;
}

/** The scorecard as slide content: the rows the page shows (the first `limit`), its columns and text. */
export function scorecardTable(
  rows: readonly ScoreCounts[],
  by: ScoreBy,
  limit: number = SCORE_LIMITS[by],
): TableContent {
  return {
    kind: "table",
    title: SCORECARD_TITLES[by],
    columns: [by === "event" ? "Event" : "Sector", ...SCORE_COLUMNS.map((c) => c.label)],
    rows: rows.slice(0, limit).map((row) => [scoreName(row, by), ...SCORE_COLUMNS.map((c) => c.text(row))]),
  };
}

/** "Due next" as slide content: every row, as the page lists them. */
export function dueNextTable(rows: readonly DueItem[]): TableContent {
  return {
    kind: "table",
    title: DUE_NEXT_TITLE,
    columns: ["Due by", "Commitment", "Sector", "Status", "Agreed at"],
    rows: rows.map((row) => {
      const { target, detail } = dueBy(row);
      return [
        detail ? `${target} · ${detail}` : target,
        row.summary,
        row.sector_label,
        statusLabel(row.status),
        row.event,
      ];
    }),
  };
}
