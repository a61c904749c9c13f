/**
 * The speaker note under the slide: the slide's note, shown with N or the
 * Note button (deck-controls.ts), hidden otherwise. The note button names it
 * by its id (aria-controls="aa-slide-note").
 */
import { el } from "../dom.js";

export interface SpeakerNote {
  element: HTMLElement;
  /** Shows the slide's note text, open or closed. */
  draw(text: string, open: boolean): void;
}

export function speakerNote(): SpeakerNote {
  const text = el("p", {});
  const element = el(
    "aside",
    { class: "aa-slide-note", id: "aa-slide-note", "aria-label": "Speaker note", hidden: true },
    el("h2", {}, "Speaker note"),
    text,
  );
  const draw = (note: string, open: boolean) => {
    text.textContent = note;
    element.hidden = !open;
  };
  return { element, draw };
}
