/**
 * The presenter view's clock, in words: the time since the talk started
 * (h:mm:ss, or mm:ss under an hour) and the time of day (HH:MM, 24-hour).
 */

/** Elapsed time: `12:05` under an hour, `1:02:09` from an hour on; negative or invalid spans are 00:00. */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The time of day of `date` in its local time zone, `09:41`. */
export function formatTimeOfDay(date: Date): string {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}
