/**
 * Tables in a frame of fixed height (fit=frame): the parts (each a table
 * under its heading) keep the rows that fit the box, from the top, taking
 * rows first from the part that shows the most, and each says how many it
 * leaves for the full page ("Showing 8 of 24 · all on the full page"),
 * instead of scrolling or being clipped. Refitted whenever the box, whose
 * size the frame sets, changes size.
 */

/** A part to fit: where its rows are, and the line that says what is left out. */
export interface FittedPart {
  body: HTMLElement;
  more: HTMLElement;
}

/**
 * Shows every row, then hides rows from the bottom while `box` overflows:
 * the part showing the most rows gives one up (the later part on a tie), down
 * to none in a frame too small for any, its line saying so, rather than a row
 * cut in half under the caption.
 */
export function fitRows(box: HTMLElement, parts: readonly FittedPart[]): void {
  const rows = parts.map((part) => [...part.body.querySelectorAll<HTMLTableRowElement>("tbody tr")]);
  const shown = rows.map((list) => list.length);
  for (const row of rows.flat()) row.hidden = false;
  for (const part of parts) part.more.hidden = true;
  const overflows = () => box.scrollHeight > box.clientHeight + 1;
  while (overflows()) {
    // The part with the most rows showing gives one up.
    const i = shown.lastIndexOf(Math.max(...shown));
    if (shown[i] === 0) break;
    shown[i] -= 1;
    rows[i][shown[i]].hidden = true;
    parts[i].more.hidden = false;
    parts[i].more.textContent = `Showing ${shown[i]} of ${rows[i].length} · all on the full page`;
  }
}

/** Fits the parts now and whenever `box` is resized. */
export function keepRowsFitted(box: HTMLElement, parts: readonly FittedPart[]): void {
  new ResizeObserver(() => fitRows(box, parts)).observe(box);
}
