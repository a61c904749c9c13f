/**
 * The event a text reports, prefilled from what the text says: its front
 * matter (event_title, event_date, event_place, source_url) when it has one,
 * else the headline as title and the dateline ("AMMAN, 7 August 2023 —") for
 * place and date. Values the user gives always win.
 */
import { countryLookup } from "./country-mentions.js";
import { readDate } from "./deadlines.js";
import type { DraftInput, DraftResult } from "./draft-types.js";

type EventDraft = DraftResult["event"];

/** Plain `key: value` lines of a leading front matter block. */
function frontMatter(text: string): Record<string, string> {
  const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const out: Record<string, string> = {};
  for (const line of (block ?? "").split(/\r?\n/)) {
    const m = /^([a-z_]+):\s*(.+?)\s*$/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = m[2].replace(/^["']|["']$/g, "");
  }
  return out;
}

const DATELINE = /^([\p{Lu}][\p{Lu} .'’-]{1,40}),\s*(?:\(([^)]{0,80})\)|([^—–]{0,40}?)\s*[—–-])\s*/u;

/** Length of the dateline that opens the first sentence ("AMMAN, 7 August 2023 — "), 0 when there is none. */
export function datelineLength(first: string): number {
  return DATELINE.exec(first)?.[0].length ?? /^[\p{Lu}][\p{Lu} .'’-]{1,40}\s+[—–-]\s/u.exec(first)?.[0].length ?? 0;
}

/** Place and date from a dateline at the start of the first sentence. */
export function readDateline(first: string): { place?: string; date?: string } {
  const m = DATELINE.exec(first);
  if (!m) return {};
  const place = (m[1] ?? "")
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase());
  const found = readDate(m[2] ?? m[3] ?? "");
  return { place, ...(found && found.precision === "day" ? { date: found.value } : {}) };
}

/** An event id from its date and title: `2023-08-07-joint-higher-committee-31`. */
export function eventIdOf(title: string, date: string | undefined): string {
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .filter((w) => !["the", "of", "a", "an", "and", "on", "in", "for", "to", "with"].includes(w))
    .slice(0, 6)
    .join("-");
  return [date, words || "drafted-event"].filter(Boolean).join("-").slice(0, 80);
}

/** The event of a text: given values, else front matter, else headline and dateline. */
export function eventOf(input: DraftInput, headline: string, firstSentence: string, hostCountry?: string): EventDraft {
  const fm = frontMatter(input.text);
  const dateline = readDateline(firstSentence);
  const given = input.event ?? {};
  const stamped = /^date\s+(\d{4}-\d{2}-\d{2})\s+/i.exec(headline);
  const cleanHeadline = headline
    .slice(stamped?.[0].length ?? 0)
    .replace(/\s+/g, " ")
    .trim();
  const title = given.title ?? fm.event_title ?? (cleanHeadline.slice(0, 200) || "Drafted event");
  const start = given.start_date ?? fm.event_date ?? dateline.date ?? stamped?.[1];
  const place = given.place ?? fm.event_place ?? dateline.place;
  const placeCountry = place ? countryLookup().get(place) : undefined;
  const source = given.source_url ?? fm.source_url;
  return {
    id: given.id ?? eventIdOf(title, start),
    title,
    ...(start ? { start_date: start } : {}),
    ...(place ? { place } : {}),
    ...((placeCountry ?? hostCountry) ? { host_country: placeCountry ?? hostCountry } : {}),
    ...(source ? { source_url: source } : {}),
  };
}
