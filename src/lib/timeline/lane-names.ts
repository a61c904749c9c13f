/**
 * Room for the timeline's lane names, from their measured width: the label
 * column is as wide as the longest name with its toggle glyph and count needs,
 * up to a share of the chart, and a name is cut (at a word, with an ellipsis)
 * only when it does not fit the column it got. The measure is the page's
 * (canvas text metrics, src/components/timeline/text-width.ts); without one,
 * a width per character stands in. Pure: no DOM.
 */

/** The width in pixels of a text as the lane names are drawn. */
export type MeasureText = (text: string) => number;

/** Before the name: the ▸/▾ glyph (the name's x). */
export const NAME_X = 18;
/** Between the name and the count, and after the count (the count ends 8 px before time starts). */
const COUNT_GAP = 10;
const COUNT_END = 8;
/** The narrowest and widest the label column gets, the widest as a share of the chart. */
const MIN_LABEL_WIDTH = 120;
const MAX_LABEL_SHARE = 0.34;

/** A width per character for bold 12 px text, when nothing measures. */
export const estimateWidth: MeasureText = (text) => text.length * 7.4;

/** Lanes as their names are sized: the name and its count. */
export interface NamedLane {
  label: string;
  n: number;
}

/** The room a lane's name has in a label column of `labelWidth`, beside its count. */
export function nameRoom(lane: NamedLane, labelWidth: number, measure: MeasureText = estimateWidth): number {
  return labelWidth - NAME_X - COUNT_GAP - measure(lane.n.toLocaleString("en")) - COUNT_END;
}

/** The label column's width for these lanes on a chart `width` wide: what the longest needs, within bounds. */
export function labelColumnWidth(
  lanes: readonly NamedLane[],
  width: number,
  measure: MeasureText = estimateWidth,
): number {
  const need = Math.max(
    0,
    ...lanes.map((l) => NAME_X + measure(l.label) + COUNT_GAP + measure(l.n.toLocaleString("en")) + COUNT_END),
  );
  // Up, not to the nearest: a column rounded down would cut the very name it was sized for.
  return Math.min(Math.ceil(Math.max(MIN_LABEL_WIDTH, need)), Math.floor(width * MAX_LABEL_SHARE));
}

/**
 * The text as it fits `room` pixels: whole when it fits, else cut after its
 * last whole word that fits with an ellipsis ("Agriculture & food…"), else
 * cut inside its first word.
 */
export function fitText(text: string, room: number, measure: MeasureText = estimateWidth): string {
  if (measure(text) <= room) return text;
  const words = text.split(" ");
  for (let n = words.length - 1; n > 0; n--) {
    const cut = `${words
      .slice(0, n)
      .join(" ")
      .replace(/[\s&,;:·–-]+$/u, "")}…`;
    if (cut.length > 1 && measure(cut) <= room) return cut;
  }
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n)}…`;
    if (measure(cut) <= room) return cut;
  }
  return "…";
}
