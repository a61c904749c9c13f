/**
 * The deck's buttons and keys: the top line's navigation (previous, the
 * slide counter, next, the speaker note, the theme, full screen and the way
 * back to the list of stories), and the keydown handler that maps keys to
 * the same actions (src/lib/model/present.ts keyAction). Both only report
 * actions; the deck (slide-deck.ts) decides what they do.
 */
import { type DeckState, noteButtonText, themeButtonText } from "../../lib/model/deck-state.js";
import { type Action, keyAction } from "../../lib/model/present.js";
import { el } from "../dom.js";

export interface DeckControls {
  /** The nav element. */
  element: HTMLElement;
  /** Shows the state: the counter, which way one can move, the note and theme buttons' texts. */
  draw(state: DeckState, count: number): void;
}

export function deckControls(act: (action: Action) => void): DeckControls {
  const button = (label: string, action: Action, keys: string, attrs: Record<string, string> = {}) =>
    el(
      "button",
      {
        type: "button",
        class: `aa-deck-button aa-deck-${action}`,
        "aria-keyshortcuts": keys,
        ...attrs,
        onclick: () => act(action),
      },
      label,
    );
  const previous = button("← Previous", "previous", "ArrowLeft PageUp");
  const next = button("Next →", "next", "ArrowRight PageDown Space");
  const counter = el("span", { class: "aa-slide-counter", "aria-hidden": "true" });
  const noteButton = button("Note", "note", "N", { "aria-controls": "aa-slide-note", "aria-expanded": "false" });
  const themeButton = button("", "theme", "T");
  const fullButton = button("Full screen", "fullscreen", "F");
  const element = el(
    "nav",
    { class: "aa-deck-controls", "aria-label": "Slides" },
    previous,
    counter,
    next,
    noteButton,
    themeButton,
    fullButton,
    el("a", { class: "aa-deck-home", href: "?" }, "All stories"),
  );
  const draw = ({ index, theme, noteOpen }: DeckState, count: number) => {
    counter.textContent = `${index + 1} / ${count}`;
    noteButton.setAttribute("aria-expanded", String(noteOpen));
    noteButton.textContent = noteButtonText(noteOpen);
    themeButton.textContent = themeButtonText(theme);
    previous.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === count - 1));
  };
  return { element, draw };
}

/**
 * A keydown listener that turns the deck's keys into actions. Keys typed
 * into a field are left alone, as are Space and Enter on a button or link
 * (they press it), and keys another listener has already handled.
 */
export function deckKeys(act: (action: Action) => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest?.("input, textarea, select, [contenteditable]")) return;
    if ((event.key === " " || event.key === "Enter") && target?.closest?.("button, a, summary")) return;
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    act(action);
  };
}
