/**
 * What the commitment panel (src/components/timeline/commitment-panel.ts)
 * says as text: the rows it is given (a commitment and its status updates),
 * when the commitment falls due in words, and every source it cites, once,
 * with what it is cited for. Pure, so the unit tests check it.
 */
import { formatPartialDate } from "../model/dates.js";
import type { Status } from "../model/schema.js";
import { STATUS_META } from "../model/value-labels.js";

/** A commitment as the panel's detail query returns it. */
export interface PanelDetail {
  id: string;
  summary: string;
  date: string | null;
  event: string;
  event_date: string | null;
  event_place: string | null;
  sector_label: string;
  sector_color: string;
  action: string;
  strength: string;
  status: string;
  status_date: string | null;
  target_date: string | null;
  target_event: string | null;
  target_event_date: string | null;
  target_note: string | null;
  deadline: string | null;
  overdue: boolean;
  parties: string | null;
  confidence: string;
  note: string | null;
  locator: string | null;
  source_title: string;
  source_publisher: string;
  source_url: string;
  source_published: string | null;
}

/** A status update of the commitment, as the panel's updates query returns it. */
export interface PanelUpdate {
  id: string;
  date: string | null;
  status: string;
  summary: string;
  locator: string | null;
  confidence: string;
  note: string | null;
  event: string | null;
  source_title: string;
  source_publisher: string;
  source_url: string;
}

/** A source the panel cites, and what for ("the commitment (p. 3)", "Done update"). */
export interface PanelSource {
  title: string;
  publisher: string;
  url: string;
  what: string[];
}

/** A status's label, or the code itself for a status the vocabulary does not know. */
export function statusLabel(status: string): string {
  return STATUS_META[status as Status]?.label ?? status;
}

/**
 * When the commitment falls due, in parts to join with " · ": its target
 * date, the event it is due at (with that event's date) and the note. Empty
 * when the records give none.
 */
export function dueParts(d: PanelDetail): string[] {
  const parts = [
    d.target_date ? formatPartialDate(d.target_date) : null,
    d.target_event
      ? `${d.target_event}${d.target_event_date ? ` (${formatPartialDate(d.target_event_date)})` : ""}`
      : null,
    d.target_note,
  ];
  return parts.filter((p): p is string => Boolean(p));
}

/** Every source the panel cites, once, in the order first cited: the commitment's, then its updates'. */
export function panelSources(d: PanelDetail, updates: readonly PanelUpdate[]): PanelSource[] {
  const sources = new Map<string, PanelSource>();
  const cite = (url: string, title: string, publisher: string, what: string) => {
    const s = sources.get(url) ?? { title, publisher, url, what: [] };
    s.what.push(what);
    sources.set(url, s);
  };
  cite(d.source_url, d.source_title, d.source_publisher, `the commitment${d.locator ? ` (${d.locator})` : ""}`);
  for (const u of updates)
    cite(
      u.source_url,
      u.source_title,
      u.source_publisher,
      `${statusLabel(u.status)} update${u.locator ? ` (${u.locator})` : ""}`,
    );
  return [...sources.values()];
}
