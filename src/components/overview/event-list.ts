/**
 * Lists of events (recent, upcoming) with their date (a span for events over
 * several days), place, matching commitment count and first source. Rows come
 * from `eventList` (src/lib/sql/page-queries.ts), which fetches only the rows
 * the lists show and says how many each list has in all (`in_list`). An empty
 * list says so, with advice on the filters only when some are set.
 */
import { formatDateRange } from "../../lib/model/dates.js";
import { humanize } from "../../lib/model/value-labels.js";
import { el, emptyState, link } from "../dom.js";

export interface EventRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  start_date: string;
  end_date: string | null;
  place: string | null;
  commitments: number;
  due: number;
  confidence: string | null;
  note: string | null;
  source_title: string | null;
  source_publisher: string | null;
  source_url: string | null;
  source_count: number;
  /** Whether the event is in the upcoming list (planned, or after today). */
  upcoming?: boolean;
  /** How many events that list has in all, of which the query fetched the first few. */
  in_list?: number;
}

export interface EventListOptions {
  limit?: number;
  /** What an empty list says. */
  empty?: string;
  /** Whether any filter is set: only then does an empty list advise clearing one. */
  filtered?: boolean;
}

export function eventList(
  rows: EventRow[],
  { limit = 8, empty = "No events match these filters.", filtered = true }: EventListOptions = {},
): HTMLElement {
  if (rows.length === 0) return emptyState(empty, filtered ? "Clear a filter or widen the years." : "");
  const shown = rows.slice(0, limit);
  const list = el(
    "ul",
    { class: "aa-events" },
    shown.map((e) => {
      const when = formatDateRange(e.start_date, e.end_date);
      const counts = [
        e.commitments ? `${e.commitments} commitment${e.commitments === 1 ? "" : "s"}` : null,
        e.due ? `${e.due} due here` : null,
      ].filter(Boolean);
      return el(
        "li",
        { "data-event": e.id },
        el("span", { class: "date" }, when),
        el(
          "span",
          {},
          el("strong", {}, e.title),
          e.status !== "held" ? [" ", el("span", { class: "aa-badge" }, humanize(e.status))] : null,
        ),
        el(
          "span",
          { class: "meta" },
          [humanize(e.kind), e.place, ...counts].filter(Boolean).join(" · "),
          e.source_url
            ? [
                " · Source: ",
                link(e.source_url, e.source_publisher ?? e.source_title ?? "source"),
                e.source_count > 1 ? ` and ${e.source_count - 1} more` : "",
              ]
            : null,
          e.note ? el("span", { title: e.note }, " · ⚠ note") : null,
        ),
      );
    }),
  );
  const total = Math.max(rows[0]?.in_list ?? 0, rows.length);
  if (total <= shown.length) return list;
  return el(
    "div",
    {},
    list,
    el("p", { class: "aa-source" }, `Showing ${shown.length} of ${total.toLocaleString("en")} events.`),
  );
}
