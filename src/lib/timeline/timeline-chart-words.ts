/**
 * The timeline chart's words, pure: its accessible name and the note on what
 * it draws, a mark's accessible name and tooltip, a density cell's tooltip,
 * an event rule's title, a lane toggle's name and text, and the short forms
 * of counts. The chart (src/components/timeline/timeline-chart.ts) and its
 * renderers print them as text only.
 */

import { formatPartialDate } from "../model/dates.js";
import type { Status } from "../model/schema.js";
import { humanize, STATUS_META } from "../model/value-labels.js";
import type { DensityRow, LaneRow, MarkRow, RuleRow, TimeRange } from "../sql/timeline-queries.js";
import type { TimelineMode } from "./density.js";
import { estimateWidth, fitText, type MeasureText, nameRoom } from "./lane-names.js";

/** A status's name ("In progress"); an unknown status as it is. */
export function statusLabel(status: string): string {
  return STATUS_META[status as Status]?.label ?? status;
}

/** A window in words, a single day named once: "1 Jan 2025 – 31 Dec 2025". */
export function rangeText(range: TimeRange): string {
  const a = formatPartialDate(range.from);
  const b = formatPartialDate(range.to);
  return a === b ? a : `${a} – ${b}`;
}

/** The chart's accessible name. */
export function chartLabel(total: number, domain: TimeRange): string {
  return `Timeline of ${total.toLocaleString("en")} commitments by sector, ${rangeText(domain)}`;
}

/** The note beside the toolbar: how many marks are drawn, or why the lanes show counts. */
export function modeNote(mode: TimelineMode, total: number, drawn: number, domain: TimeRange): string {
  return mode === "density"
    ? `${total.toLocaleString("en")} commitments are too many to draw one by one here: each lane shows how many were made per month (darker = more; a red base = overdue). Zoom in to see each one.`
    : `${drawn.toLocaleString("en")} commitment${drawn === 1 ? "" : "s"} drawn, ${rangeText(domain)}.`;
}

/** The note of a chart drawn for a frame (fit=frame): shorter than modeNote, as the frame has little room. */
export function frameModeNote(mode: TimelineMode, drawn: number, domain: TimeRange): string {
  return mode === "density"
    ? `Commitments per month in each lane, ${rangeText(domain)} (darker = more; a red base = overdue).`
    : `${drawn.toLocaleString("en")} commitment${drawn === 1 ? "" : "s"} drawn, ${rangeText(domain)}.`;
}

/** A mark's accessible name (marks are buttons while few enough). */
export function markLabel(m: Pick<MarkRow, "summary" | "date" | "status" | "overdue">): string {
  return `${m.summary} · ${formatPartialDate(m.date)} · ${statusLabel(m.status)}${m.overdue ? " · overdue" : ""}`;
}

/** The tooltip of a mark, a line each: the first is its title. */
export function markTooltip(m: MarkRow): string[] {
  const lines = [
    m.summary,
    `${formatPartialDate(m.date)} · ${m.event}`,
    `${humanize(m.action)} · ${humanize(m.strength)} · ${statusLabel(m.status)}${m.update_count ? ` (${m.update_count} update${m.update_count === 1 ? "" : "s"})` : ""}`,
  ];
  if (m.deadline) {
    lines.push(
      `Due: ${m.target_date ? formatPartialDate(m.target_date) : ""}${m.target_event ? `${m.target_date ? " · " : ""}${m.target_event}` : ""}${m.overdue ? " — overdue" : ""}`,
    );
  } else if (m.target_note) lines.push(`Due: ${m.target_note}`);
  lines.push("Click for details and sources");
  return lines;
}

/** The tooltip of a density cell of the lane named `lane`. */
export function cellTooltip(lane: string, d: DensityRow): string[] {
  const when =
    d.bin === "year" ? `${d.start.slice(0, 4)} (dated to the year only)` : formatPartialDate(d.start.slice(0, 7));
  return [
    `${lane} · ${when}`,
    `${d.n.toLocaleString("en")} commitments`,
    `${d.done.toLocaleString("en")} done · ${d.overdue.toLocaleString("en")} overdue`,
    "Zoom in (brush below or pick a year) to see each one.",
  ];
}

/** An event rule's title: the event (and the body whose session it is, unless its title names it), its date, place, and status unless held. */
export function ruleTitle(
  e: Pick<RuleRow, "title" | "start_date" | "place" | "status"> & Partial<Pick<RuleRow, "series_body">>,
): string {
  const body = e.series_body && !e.title.includes(e.series_body) ? ` · session of ${e.series_body}` : "";
  return `${e.title}${body} · ${formatPartialDate(e.start_date)}${e.place ? ` · ${e.place}` : ""}${e.status !== "held" ? ` (${e.status})` : ""}`;
}

/**
 * A lane toggle's accessible name. It starts with the text the toggle shows
 * (the lane's name, and on a phone its count), so speech input finds it by
 * what is on screen: "Industry & machinery, 12 commitments, collapse".
 */
export function laneToggleLabel(lane: Pick<LaneRow, "label" | "n">, collapsed: boolean): string {
  return `${lane.label}, ${lane.n.toLocaleString("en")} commitment${lane.n === 1 ? "" : "s"}, ${collapsed ? "expand" : "collapse"}`;
}

/**
 * A lane's name as its toggle shows it: with its count on a phone, else whole
 * when its measured width fits beside the count, or cut at a word (the shown
 * words then stay the start of the toggle's accessible name; lane-names.ts).
 */
export function laneName(
  lane: Pick<LaneRow, "label" | "n">,
  compact: boolean,
  labelWidth: number,
  measure: MeasureText = estimateWidth,
): string {
  return compact
    ? `${lane.label} · ${lane.n.toLocaleString("en")}`
    : fitText(lane.label, nameRoom(lane, labelWidth, measure), measure);
}

/** The lane list's accessible name, with its keys. */
export function laneListLabel(count: number): string {
  return `${count.toLocaleString("en")} sector lane${count === 1 ? "" : "s"}. Up and down arrows move between lanes, Enter or Space collapses or expands one.`;
}

/** The accessible name of the chart's marks, one Tab stop, with its keys. */
export function markListLabel(count: number): string {
  return `Timeline of ${count.toLocaleString("en")} commitment${count === 1 ? "" : "s"}. Arrow keys move to the nearest commitment in that direction, Home and End to the earliest and latest, Enter opens one.`;
}

/** Text cut to `max` characters, an ellipsis marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/**
 * Text cut to `max` characters after its last whole word that fits, an
 * ellipsis marking the cut ("Agriculture & food…"); a first word longer
 * than `max` is cut inside it.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const words = text.slice(0, max).split(" ");
  const whole = words
    .slice(0, -1)
    .join(" ")
    .replace(/[\s&,;:·–-]+$/u, "");
  return whole ? `${whole}…` : truncate(text, max);
}

/** A count in at most four characters: 950, 1.2k, 12k. */
export function compactNumber(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}
