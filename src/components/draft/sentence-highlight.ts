/**
 * The sentence a draft came from, marked in the text: in each draft's card (a
 * short excerpt around it) and in the text view beside the drafts, where the
 * card in focus marks its sentence and scrolls it into view. Text goes in as
 * text nodes only, never as HTML.
 */
import type { SentenceSpan } from "../../lib/drafting/draft-types.js";
import { el } from "../dom.js";

/** Characters of context shown either side of the sentence in a card. */
const CONTEXT_CHARS = 90;

/** The sentence marked, with a little of the text before and after it. */
export function sentenceExcerpt(text: string, span: SentenceSpan): HTMLElement {
  const from = Math.max(0, span.start - CONTEXT_CHARS);
  const to = Math.min(text.length, span.end + CONTEXT_CHARS);
  const before = text.slice(from, span.start).replace(/^\S*\s/, "");
  const after = text.slice(span.end, to).replace(/\s\S*$/, "");
  return el(
    "blockquote",
    { class: "aa-draft-excerpt" },
    from > 0 ? "…" : "",
    before,
    el("mark", {}, text.slice(span.start, span.end)),
    after,
    to < text.length ? "…" : "",
  );
}

export interface TextView {
  element: HTMLElement;
  /** Shows the text, nothing marked. */
  show(text: string): void;
  /** Marks one sentence (or none) and scrolls it into view. */
  mark(span: SentenceSpan | undefined): void;
}

/** The whole text with at most one sentence marked. */
export function textView(): TextView {
  const body = el("div", { class: "aa-draft-text-view", tabindex: 0, "aria-label": "The text, as drafted" });
  let text = "";
  return {
    element: body,
    show(next) {
      text = next;
      body.replaceChildren(document.createTextNode(text));
    },
    mark(span) {
      if (!span) {
        body.replaceChildren(document.createTextNode(text));
        return;
      }
      const mark = el("mark", {}, text.slice(span.start, span.end));
      body.replaceChildren(text.slice(0, span.start), mark, text.slice(span.end));
      const top = mark.offsetTop - body.offsetTop;
      body.scrollTop = Math.max(0, top - body.clientHeight / 3);
    },
  };
}
