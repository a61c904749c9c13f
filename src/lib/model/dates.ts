/**
 * Partial dates: analysts often know only the year ("2026") or the month
 * ("2025-02") of an event. A partial date keeps its precision and maps to the
 * span of days it covers, so nothing is placed on a made-up day.
 */
export type DatePrecision = "year" | "month" | "day";
/** A target may also be a span of two partial dates ("2027/2028"): its precision is `span`. */
export type DateOrSpanPrecision = DatePrecision | "span";

export interface PartialDate {
  /** As written, ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD. */
  text: string;
  precision: DatePrecision;
  /** First day covered, YYYY-MM-DD. */
  from: string;
  /** Last day covered, YYYY-MM-DD. */
  to: string;
}

export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const PARTIAL_DATE_EXPECTED =
  "a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2026, 2025-02 or 2025-02-10)";

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Parses a partial date; returns undefined when the text is malformed or impossible (2025-02-30). */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1800 || year > 2200) return undefined;
  if (match[2] === undefined) {
    return { text, precision: "year", from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { text, precision: "month", from: `${match[1]}-${match[2]}-01`, to: `${match[1]}-${match[2]}-${pad(last)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return undefined;
  return { text, precision: "day", from: text, to: text };
}

export const DATE_SPAN_EXPECTED =
  "a date written YYYY, YYYY-MM or YYYY-MM-DD, or a span of two such dates written START/END (for example 2026, 2025-02-10 or 2027/2028)";

export interface DateOrSpan extends Omit<PartialDate, "precision"> {
  precision: DateOrSpanPrecision;
}

/**
 * Parses a partial date or a span `START/END` of two partial dates (ISO 8601's
 * interval notation): "2027/2028" covers 1 Jan 2027 to 31 Dec 2028. Undefined
 * when either side is malformed or the span ends before it starts.
 */
export function parseDateOrSpan(text: string): DateOrSpan | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return parsePartialDate(text);
  const start = parsePartialDate(text.slice(0, slash).trim());
  const end = parsePartialDate(text.slice(slash + 1).trim());
  if (!start || !end || end.to < start.from) return undefined;
  return { text: `${start.text}/${end.text}`, precision: "span", from: start.from, to: end.to };
}

/** Why a date (or, where `span` is allowed, a span) was refused, in words for a report. */
export function dateOrSpanProblem(text: string, span: boolean): string {
  const slash = text.indexOf("/");
  const spanLike = /^\d{4}\s*[-–—]\s*\d{4}$/.test(text);
  if (!span && (spanLike || (slash >= 0 && parseDateOrSpan(text))))
    return "is a span of dates; this field takes one date";
  if (slash < 0 || !span) {
    if (spanLike) return "is not a date; write a span of years as START/END, for example 2027/2028";
    return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)
      ? "is not a real calendar date"
      : "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD";
  }
  const start = parsePartialDate(text.slice(0, slash).trim());
  const end = parsePartialDate(text.slice(slash + 1).trim());
  if (!start) return "does not start with a date (YYYY, YYYY-MM or YYYY-MM-DD) before the '/'";
  if (!end) return "does not end with a date (YYYY, YYYY-MM or YYYY-MM-DD) after the '/'";
  return "ends before it starts";
}

/** Days since 1970-01-01 for a YYYY-MM-DD string (Arrow's DateDay unit). */
export function epochDay(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Formats a partial date for people: "10 Feb 2025", "Feb 2025", "2026"; a span as "2027–2028". */
export function formatPartialDate(text: string | null | undefined): string {
  if (!text) return "";
  const slash = text.indexOf("/");
  if (slash > 0) return `${formatPartialDate(text.slice(0, slash))}–${formatPartialDate(text.slice(slash + 1))}`;
  const parsed = parsePartialDate(text);
  if (!parsed) return text;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const [y, m, d] = text.split("-");
  if (parsed.precision === "year") return y;
  if (parsed.precision === "month") return `${months[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

/**
 * A span of dates as one text, sharing what the two ends share: "10–12 Feb 2025",
 * "28 Feb – 2 Mar 2025", "30 Dec 2024 – 2 Jan 2025"; one date when the end is
 * missing or the same. Ends of other precisions are written in full each.
 */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!end || end === start) return formatPartialDate(start);
  if (!start) return formatPartialDate(end);
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if (a?.precision !== "day" || b?.precision !== "day")
    return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
  const [first, last] = [formatPartialDate(start).split(" "), formatPartialDate(end).split(" ")];
  if (first[2] !== last[2]) return `${first.join(" ")} – ${last.join(" ")}`;
  if (first[1] !== last[1]) return `${first[0]} ${first[1]} – ${last.join(" ")}`;
  return `${first[0]}–${last.join(" ")}`;
}
