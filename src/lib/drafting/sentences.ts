/**
 * Splits a press release or communiqué into numbered paragraphs and sentences,
 * by the rule written in docs/drafting.md, so that a gold commitment's locator
 * (`s12 ¶5`: sentence 12, paragraph 5) and a drafted one point at the same words.
 * Pure: the development set's checks and the drafter both use it.
 */

/** One sentence of a text's body. */
export interface TextSentence {
  /** Position in the whole body, from 0. */
  index: number;
  /** Paragraph of the body it belongs to, from 1 (the dateline paragraph is ¶1). */
  paragraph: number;
  text: string;
}

/** A text cut into its headline and its body's paragraphs. */
export interface TextBody {
  headline: string;
  paragraphs: string[];
}

/** Where a commitment sits: sentence index and paragraph number. */
export interface SentenceLocator {
  sentence: number;
  paragraph: number;
}

/** Words ending in "." that do not end a sentence (titles, months, "No.", "e.g."). */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "no",
  "nos",
  "gen",
  "lt",
  "col",
  "capt",
  "maj",
  "sr",
  "jr",
  "hon",
  "rt",
  "amb",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "e.g",
  "i.e",
  "vs",
  "approx",
  "h.e",
  "u.s",
  "u.k",
  "u.n",
]);

const LIST_ITEM = /^\s*(?:[-*•]|\d{1,3}[.)])\s+/;
const HEADING = /^\s*#/;
const CLOSERS = `"'”’)\\]»`;
/** A block ending like this ends its paragraph; any other block runs on into the next one. */
const PARAGRAPH_END = new RegExp(`[.!?:;][${CLOSERS}]*$`);

/** Drops a leading YAML front matter block (`---` … `---`). */
function withoutFrontMatter(text: string): string {
  const match = /^---\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** Blank-line separated blocks, each a list of its non-empty lines. */
function blocksOf(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split("\n").filter((line) => line.trim() !== ""))
    .filter((lines) => lines.length > 0);
}

/** The paragraphs of the body's blocks: list items apart, headings dropped, broken paragraphs rejoined. */
function paragraphsOf(blocks: string[][]): string[] {
  const paragraphs: string[] = [];
  let runsOn = false;
  for (const lines of blocks) {
    for (const line of lines) {
      if (HEADING.test(line)) {
        runsOn = false;
        continue;
      }
      const item = LIST_ITEM.test(line);
      const words = line.replace(LIST_ITEM, "").trim().replace(/\s+/g, " ");
      if (!item && runsOn && paragraphs.length > 0) {
        paragraphs[paragraphs.length - 1] += ` ${words}`;
      } else {
        paragraphs.push(words);
      }
      // Inside a block, a wrapped line always runs on; a list item ends at its line.
      runsOn = !item;
    }
    const last = paragraphs[paragraphs.length - 1];
    runsOn = last !== undefined && !PARAGRAPH_END.test(last) && !LIST_ITEM.test(lines[lines.length - 1] ?? "");
  }
  return paragraphs;
}

/** Cuts a text into its headline (the first block, `#` marks removed) and its body's paragraphs. */
export function splitBody(text: string): TextBody {
  const blocks = blocksOf(withoutFrontMatter(text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "")));
  const [first, ...rest] = blocks;
  const headline = (first ?? []).map((line) => line.replace(/^\s*#+\s*/, "").trim()).join(" ");
  return { headline, paragraphs: paragraphsOf(rest) };
}

/** True when the "." at `end` of `paragraph` closes an abbreviation or an initial, not a sentence. */
function isAbbreviation(paragraph: string, end: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(paragraph.slice(0, end))?.[1] ?? "";
  if (word === "") return false;
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentences of one paragraph: cut after . ! ? (and closing quotes) before a capital, digit or opening quote. */
export function sentencesOf(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = new RegExp(`([.!?])[${CLOSERS}]*(\\s+)(?=[\\p{Lu}\\d"'“‘(\\[«])`, "gu");
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const mark = match.index;
    if (match[1] === "." && isAbbreviation(paragraph, mark)) continue;
    const end = mark + match[0].length - (match[2]?.length ?? 0);
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const tail = paragraph.slice(start).trim();
  if (tail !== "") sentences.push(tail);
  return sentences;
}

/** Every sentence of a text's body, numbered from 0, with its paragraph number (from 1). */
export function splitSentences(text: string): TextSentence[] {
  const out: TextSentence[] = [];
  splitBody(text).paragraphs.forEach((paragraph, i) => {
    for (const sentence of sentencesOf(paragraph)) out.push({ index: out.length, paragraph: i + 1, text: sentence });
  });
  return out;
}

/** Writes a locator as the development set's gold does: `s12 ¶5`. */
export function formatLocator(locator: SentenceLocator): string {
  return `s${locator.sentence} ¶${locator.paragraph}`;
}

/** Reads a locator written `s12 ¶5`; undefined when it is not of that form. */
export function parseLocator(text: string): SentenceLocator | undefined {
  const match = /^s(\d+) ¶(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  return { sentence: Number(match[1]), paragraph: Number(match[2]) };
}
