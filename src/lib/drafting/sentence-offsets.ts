/**
 * Finds where each sentence of `splitSentences` lies in the text it came from,
 * as character offsets, so that a page can highlight it. The splitter joins
 * lines and collapses white space, so the search compares the text without
 * white space; one forward pass over the text.
 */
import type { TextSentence } from "./sentences.js";

export interface CharSpan {
  start: number;
  end: number;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** The text without white space, and the offset in `text` of each kept character. */
function compact(text: string, from: number): { chars: string; at: number[] } {
  const kept: string[] = [];
  const at: number[] = [];
  for (let i = from; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) continue;
    kept.push(ch);
    at.push(i);
  }
  return { chars: kept.join(""), at };
}

/** Offsets of each sentence in `text` (in order); a sentence not found gets the span of the previous end. */
export function locateSentences(text: string, headline: string, sentences: readonly TextSentence[]): CharSpan[] {
  const from = FRONT_MATTER.exec(text)?.[0].length ?? 0;
  const { chars, at } = compact(text, from);
  const squeeze = (s: string) => s.replace(/\s+/g, "");
  let cursor = 0;
  const head = squeeze(headline.replace(/^#+/, ""));
  if (head !== "") {
    const found = chars.indexOf(head);
    if (found >= 0) cursor = found + head.length;
  }
  return sentences.map((sentence) => {
    const needle = squeeze(sentence.text);
    const found = needle === "" ? -1 : chars.indexOf(needle, cursor);
    if (found < 0) {
      const here = at[Math.min(cursor, at.length - 1)] ?? text.length;
      return { start: here, end: here };
    }
    cursor = found + needle.length;
    return { start: at[found] ?? 0, end: (at[cursor - 1] ?? 0) + 1 };
  });
}
