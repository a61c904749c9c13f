/**
 * Target dates and spans in a sentence: "by December 2025" → 2025-12, "on 16
 * December 2020" → 2020-12-16, "in 2026" → 2026, "the 2027–2028 term" and "from
 * 2023 to 2025" → 2027/2028 and 2023/2025, "in December" → that month of the
 * event's year. Dates before the event are history, not targets. wink-nlp's
 * date entities say where dates are; the values are read with bounded regexes.
 */
import { dateEntities } from "./english-model.js";

export interface Deadline {
  /** A partial date (`2026`, `2025-12`, `2020-12-16`) or a span (`2023/2025`). */
  value: string;
  precision: "year" | "month" | "day" | "span";
  /** The words it was read from. */
  words: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?";
const YEAR = "((?:19|20)\\d{2})";
const SPAN = new RegExp(`\\b${YEAR}\\s*(?:–|—|-|/|to|and|until)\\s*${YEAR}\\b`, "i");
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+${YEAR}\\b`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*${YEAR}\\b`, "i");
const MONTH_YEAR = new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, "i");
const MONTH_ALONE = new RegExp(`\\b(?:in|by|during|before|until|from|this|next|late|early|mid-?)\\s+${MONTH}\\b`, "i");
const YEAR_ALONE = new RegExp(`\\b${YEAR}\\b`);

const pad = (n: number) => String(n).padStart(2, "0");
const monthOf = (word: string) => MONTHS.indexOf(word.toLowerCase().slice(0, 3)) + 1;

/** The first date or span written in `text`, whatever its year. */
export function readDate(text: string, eventYear?: number): Deadline | undefined {
  let m = SPAN.exec(text);
  if (m && Number(m[2]) > Number(m[1]) && Number(m[2]) - Number(m[1]) < 30) {
    return { value: `${m[1]}/${m[2]}`, precision: "span", words: m[0] };
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return { value: `${m[3]}-${pad(monthOf(m[2] ?? ""))}-${pad(Number(m[1]))}`, precision: "day", words: m[0] };
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return { value: `${m[3]}-${pad(monthOf(m[1] ?? ""))}-${pad(Number(m[2]))}`, precision: "day", words: m[0] };
  m = MONTH_YEAR.exec(text);
  if (m) return { value: `${m[2]}-${pad(monthOf(m[1] ?? ""))}`, precision: "month", words: m[0] };
  m = YEAR_ALONE.exec(text);
  if (m) return { value: m[1] ?? "", precision: "year", words: m[0] };
  m = MONTH_ALONE.exec(text);
  if (m && eventYear !== undefined)
    return { value: `${eventYear}-${pad(monthOf(m[1] ?? ""))}`, precision: "month", words: m[0] };
  return undefined;
}

/** The last year a date or span covers. */
function lastYear(value: string): number {
  return Number(value.includes("/") ? value.slice(-4) : value.slice(0, 4));
}

/**
 * The target of a sentence: the first date wink marks that is not before the
 * event (nor the event's own day), read as a date or span.
 */
export function deadlineIn(sentence: string, eventDate?: string): Deadline | undefined {
  // Without a year or a month name there is no date to read: wink is not asked.
  if (!/(?:19|20)\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(sentence)) return undefined;
  const eventYear = eventDate ? Number(eventDate.slice(0, 4)) : undefined;
  const candidates = [...dateEntities(sentence), sentence];
  for (const words of candidates) {
    const found = readDate(words, eventYear);
    if (!found) continue;
    if (eventYear !== undefined && lastYear(found.value) < eventYear) continue;
    if (eventDate && found.precision === "day" && found.value === eventDate) continue;
    return found;
  }
  return undefined;
}
