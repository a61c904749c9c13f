/**
 * The figures a story slide's headline and note speak of, in its text:
 * placeholders (`{institutions}`, `{commitments}`, `{sectors}`, `{events}`)
 * to fill with the figures of the slide's view, numbers written next to
 * "institutions" or "commitments" ("140 commitments", "nine recorded
 * commitments") to compare with them, and claims that an institution is
 * named in the most commitments. `{{` and `}}` write a brace itself. Pure text: src/lib/model/story-figures.ts
 * compares what is found with the view's figures (src/lib/model/view-figures.ts).
 */

export const PLACEHOLDERS = ["institutions", "commitments", "sectors", "events"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A piece of a text: where it starts and ends (UTF-16 offsets) and what it says. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** A placeholder, or a doubled brace (`{{`, `}}`), which stands for the brace itself. */
const PLACEHOLDER_OR_BRACE = /\{\{|\}\}|\{([A-Za-z_][\w-]*)\}/g;

/** Every `{name}` in a text (a name of letters, digits, `_` and `-`), in order; `{{name}}` is not one. */
export function placeholdersIn(text: string): (TextSpan & { name: string })[] {
  return [...text.matchAll(PLACEHOLDER_OR_BRACE)]
    .filter((m) => m[1] !== undefined)
    .map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      name: m[1],
    }));
}

/** Text written so that no part of it reads as a placeholder: every brace doubled. */
export function escapeBraces(text: string): string {
  return text.replace(/[{}]/g, "$&$&");
}

/** What escapeBraces wrote, read back: every doubled brace single. */
export function unescapeBraces(text: string): string {
  return text.replace(/\{\{|\}\}/g, (pair) => pair[0]);
}

/**
 * The text with each known placeholder replaced by its figure ("1,204") and
 * each doubled brace by one brace; unknown placeholders are left as typed.
 */
export function fillPlaceholders(text: string, figures: Readonly<Record<Placeholder, number>>): string {
  return text.replace(PLACEHOLDER_OR_BRACE, (whole, name: string | undefined) => {
    if (name === undefined) return whole[0];
    return (PLACEHOLDERS as readonly string[]).includes(name)
      ? figures[name as Placeholder].toLocaleString("en")
      : whole;
  });
}

const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** The value of a number as written: "140", "1,204", "nine", "twenty", "forty-two"; null for anything else. */
export function numberValue(word: string): number | null {
  const text = word.toLowerCase();
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(text)) return Number(text.replace(/,/g, ""));
  const unit = UNITS.indexOf(text);
  if (unit >= 0) return unit;
  const [tens, ones] = text.split("-");
  const t = TENS.indexOf(tens);
  if (t < 0) return null;
  if (ones === undefined) return 20 + 10 * t;
  const o = UNITS.indexOf(ones);
  return o >= 1 && o <= 9 ? 20 + 10 * t + o : null;
}

/** "one" is left out: it is far more often an article ("a line means one commitment binds both") than a count. */
const NUMBER = `\\d{1,3}(?:,\\d{3})+|\\d+|(?:${TENS.join("|")})(?:-(?:${UNITS.slice(1, 10).join("|")}))?|${UNITS.slice(2).join("|")}`;
/** Words that end a number's reach: between them and the noun the number counts something else ("in 2024 the commitments"). */
const BREAKS = new Set(
  "the a an of in on at by for from to with and or but than that which who whom these those this its their his her our is are was were be been has have had each every per".split(
    " ",
  ),
);
/** Words before a number that make it an estimate, which is not compared ("more than 100 commitments"). */
const ESTIMATE =
  /\b(?:more than|fewer than|less than|over|under|about|around|nearly|almost|some|roughly|at least|at most|up to|approximately)\s+$/i;
const STATED = new RegExp(
  `(?<![\\w.,$€£%-])(${NUMBER})\\b((?:\\s+[A-Za-z][A-Za-z'’-]*){0,3}?)\\s+(institutions?|commitments?)\\b`,
  "gi",
);

/** A number a text states of institutions or commitments. */
export interface StatedNumber extends TextSpan {
  value: number;
  noun: "institutions" | "commitments";
  /** The number and its noun as written: "140 recorded commitments". */
  phrase: string;
}

/**
 * Numbers written next to "institution(s)" or "commitment(s)", with up to
 * three words between ("140 recorded commitments"), none of them a word
 * that starts another phrase ("the", "of", "and"…). Left out: "one" (an
 * article as often as a count), years (1800
 * to 2200 written without a comma, as "the 2024 commitments"), estimates
 * ("more than 100 commitments") and numbers inside other figures ("$1bn", "40%").
 */
export function statedNumbers(text: string): StatedNumber[] {
  const out: StatedNumber[] = [];
  const pattern = new RegExp(STATED);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // A rejected match may hide one that starts inside it ("two governments and seventy institutions").
    pattern.lastIndex = m.index + 1;
    const between = m[2].trim() ? m[2].trim().split(/\s+/) : [];
    if (between.some((w) => BREAKS.has(w.toLowerCase()) || numberValue(w) !== null)) continue;
    if (/^\d{4}$/.test(m[1]) && Number(m[1]) >= 1800 && Number(m[1]) <= 2200) continue;
    if (ESTIMATE.test(text.slice(0, m.index))) continue;
    const value = numberValue(m[1]);
    if (value === null) continue;
    const noun = m[3].toLowerCase().startsWith("institution") ? "institutions" : "commitments";
    out.push({ start: m.index, end: m.index + m[1].length, text: m[1], value, noun, phrase: m[0] });
  }
  return out;
}

const MOST =
  /\b(?:more commitments than any(?:one|body| other)?|(?:in|by) the most commitments|the most commitments|most[- ]bound|(?:bound by|named in|party to) the most)\b/gi;

/** Claims that something is named in the most commitments ("more commitments than anyone", "the most bound institution"). */
export function mostClaims(text: string): TextSpan[] {
  return [...text.matchAll(MOST)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}
