/**
 * The window a benchmark times the timeline's mark queries for. The page asks
 * for a window's marks and their status updates (`timelineMarks`,
 * `timelineUpdates`) only while the window holds at most MARK_LIMIT
 * commitments (src/components/timeline/timeline-data.ts); a wider one is drawn
 * as density from `timelineDensity`, and those two queries are not run. So
 * timing them over a whole year of a million commitments (about 50,000) times
 * a query no page sends.
 */

/** A window of days, both ends included, as YYYY-MM-DD. */
export interface DayWindow {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayOf = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const textOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface MarksWindow {
  window: DayWindow;
  /** Commitments in it, as `count` gave them. */
  commitments: number;
  /** False when even its last day alone holds more than `limit` (then the window is that day). */
  drawnAsMarks: boolean;
}

/**
 * The widest window that ends where `within` ends, starts no earlier than it
 * starts, and holds at most `limit` commitments by `count` (the page's own
 * count for a window; it must not grow as the window's start moves later).
 * Found by halving: about log2(days) counts.
 */
export async function widestMarksWindow(
  within: DayWindow,
  limit: number,
  count: (window: DayWindow) => Promise<number>,
): Promise<MarksWindow> {
  const first = dayOf(within.from);
  const last = dayOf(within.to);
  if (!(first <= last)) throw new Error(`widestMarksWindow: ${within.from} is after ${within.to}, or not a day`);
  const at = async (start: number) => {
    const window = { from: textOf(start), to: within.to };
    return { window, commitments: await count(window) };
  };
  const whole = await at(first);
  if (whole.commitments <= limit) return { ...whole, drawnAsMarks: true };
  // Invariant: starting at `over` holds more than the limit; starting at `fits`, if it fits at all, does not.
  let over = first;
  let fits = last;
  let best = await at(last);
  if (best.commitments > limit) return { ...best, drawnAsMarks: false };
  while (fits - over > 1) {
    const middle = Math.floor((over + fits) / 2);
    const tried = await at(middle);
    if (tried.commitments <= limit) {
      fits = middle;
      best = tried;
    } else over = middle;
  }
  return { ...best, drawnAsMarks: true };
}
