/**
 * A series colour as PowerPoint takes it: six hex digits, no `#`. The views
 * give CSS colours (`#1b9e77`, `#abc`, `rgb(27, 158, 119)`); anything else is
 * an error naming the series, not a guess.
 */

/** The colour as `RRGGBB`, or null when it is not a hex or rgb() colour. */
export function pptxColour(css: string): string | null {
  const value = css.trim().toLowerCase();
  const long = /^#([0-9a-f]{6})$/.exec(value);
  if (long) return long[1].toUpperCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$/.exec(value);
  if (!rgb) return null;
  const parts = rgb.slice(1, 4).map(Number);
  if (parts.some((n) => n > 255)) return null;
  return parts
    .map((n) => n.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}
