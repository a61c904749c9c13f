/** Short words for the timeline: event rule labels, strength shapes, day arithmetic. */
import { humanize } from "../model/value-labels.js";

/** The shape of a commitment mark, by how binding it is. */
export const STRENGTH_SHAPES = {
  firm: { shape: "circle", label: "Firm (signed, committed)" },
  intent: { shape: "triangle", label: "Intent (agreed to work towards)" },
  exploratory: { shape: "diamond", label: "Exploratory (agreed to explore)" },
} as const;
export type Strength = keyof typeof STRENGTH_SHAPES;

const ORDINAL = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
  return `${n}${s ?? "th"}`;
};

/**
 * A short label for an event rule: "8th JMC" for a numbered session of
 * "Pakistan–Belarus Joint Ministerial Commission", "5th JWG Industrial
 * Cooperation" for "… Joint Working Group on Industrial Cooperation", else the
 * kind ("State visit"). A series' own short name (`series_short`), when the
 * records give one, is used as written.
 */
export function eventLabel(e: {
  kind: string;
  series?: string | null;
  series_short?: string | null;
  session?: number | null;
}): string {
  if (e.series_short && e.session) return `${ORDINAL(e.session)} ${e.series_short}`;
  if (e.series && e.session) {
    // Drop the pair ("Pakistan–Belarus"), then abbreviate the body's name before " on ".
    const words = e.series.split(/\s+/).filter((w, i) => !(i === 0 && /[–-]/.test(w)));
    const text = words.join(" ");
    const [body, topic] = text.split(/\s+on\s+/);
    const acronym = body
      .split(/\s+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join("");
    const name = acronym.length >= 2 ? acronym : body;
    const short = topic ? `${name} ${topic.split(/\s+/)[0]}` : name;
    return `${ORDINAL(e.session)} ${short}`;
  }
  return humanize(e.kind);
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD → UTC Date at midnight. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The day after a YYYY-MM-DD day, as a Date (spans end at the start of the next day). */
export function dayAfter(day: string): Date {
  return new Date(dayToDate(day).getTime() + DAY_MS);
}

/** Date → YYYY-MM-DD (UTC). */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
