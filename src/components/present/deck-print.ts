/**
 * Printing the deck (Ctrl+P, or the browser's Print) prints the slide shown
 * with its speaker note under it, on one page the size of the slide as it is
 * on screen plus the note: before the print, the deck is laid out for it
 * (`is-printing`, presenter.css: the note shown below the slide, the controls
 * hidden) and a page size is set to match, so the slide's chart is printed
 * as drawn, without being laid out again. Afterwards everything is as it
 * was. The whole story, one slide per page, is the handout (story-handout.ts).
 */
import { el } from "../dom.js";

/** Pixels added to the printed page's height under the note. */
const PRINT_SPARE = 8;

/** Makes printing `deck` (the .aa-deck element) print its slide and note; stops on `invalidation`. */
export function deckPrint(deck: HTMLElement, invalidation?: Promise<unknown>): void {
  const page = el("style", { "data-accord-atlas": "deck-print" });
  let noteWasHidden = true;
  const before = () => {
    const stage = deck.querySelector(".aa-stage") as HTMLElement | null;
    const note = deck.querySelector(".aa-slide-note") as HTMLElement | null;
    if (!stage || !note) return;
    const { width, height } = stage.getBoundingClientRect();
    noteWasHidden = note.hidden;
    note.hidden = false;
    deck.classList.add("is-printing");
    // A few pixels spare: print lays the note out a little taller than the screen measures it.
    const noteHeight = Math.ceil(note.getBoundingClientRect().height) + PRINT_SPARE;
    page.textContent = `@page { size: ${Math.ceil(width)}px ${Math.ceil(height) + noteHeight}px; margin: 0; }`;
    document.head.append(page);
  };
  const after = () => {
    if (!deck.classList.contains("is-printing")) return;
    deck.classList.remove("is-printing");
    const note = deck.querySelector(".aa-slide-note") as HTMLElement | null;
    if (note) note.hidden = noteWasHidden;
    page.remove();
  };
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  invalidation?.then(() => {
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  });
}
