/**
 * Makes any pasted text safe to draft from: caps its length, strips HTML markup
 * (keeping a map from each analysed character back to the input, so highlights
 * land on the input's own characters), and says when the text looks like
 * another language than English. Every step is one linear pass.
 */

/** Longest text drafted; a press release is a few thousand characters. */
export const MAX_DRAFT_CHARS = 200_000;

export interface PreparedText {
  /** The text analysed: markup removed, entities decoded, capped. */
  text: string;
  /** Offset in the input text of each character of `text` (and of its end). */
  inputOffset: (i: number) => number;
  warnings: string[];
}

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "title",
]);
const SKIPPED_TAGS = new Set(["script", "style", "head", "noscript", "template"]);
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
};

/** True when the text holds HTML tags. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|div|br|span|a|h[1-6]|li|ul|ol|html|body|script|style|table|b|i|em|strong)\b[^>]*>/i.test(text);
}

/** One decoded entity at `at` (`&amp;`, `&#39;`, `&#x2014;`), or undefined. */
function entityAt(html: string, at: number): { char: string; length: number } | undefined {
  const match = /^&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/i.exec(html.slice(at, at + 12));
  if (!match) return undefined;
  const body = match[1] ?? "";
  let char: string | undefined;
  if (body.startsWith("#x") || body.startsWith("#X"))
    char = String.fromCodePoint(Math.min(Number.parseInt(body.slice(2), 16), 0x10ffff));
  else if (body.startsWith("#")) char = String.fromCodePoint(Math.min(Number(body.slice(1)), 0x10ffff));
  else char = ENTITIES[body.toLowerCase()];
  return char === undefined ? undefined : { char, length: match[0].length };
}

/** The text of an HTML document with block tags as blank lines; `offsets[i]` is where char i came from. */
export function stripMarkup(html: string): { text: string; offsets: number[] } {
  const out: string[] = [];
  const offsets: number[] = [];
  const push = (s: string, at: number) => {
    for (const ch of s) {
      out.push(ch);
      offsets.push(at);
    }
  };
  let i = 0;
  while (i < html.length) {
    const ch = html[i] as string;
    const close = ch === "<" && /[A-Za-z/!]/.test(html[i + 1] ?? "") ? html.indexOf(">", i + 1) : -1;
    if (close >= 0) {
      const name = /^<\/?([a-z][a-z0-9]*)/i.exec(html.slice(i, Math.min(close + 1, i + 40)))?.[1]?.toLowerCase() ?? "";
      const closing = html[i + 1] === "/";
      if (!closing && SKIPPED_TAGS.has(name)) {
        const end = new RegExp(`</${name}`, "gi");
        end.lastIndex = close;
        i = end.exec(html)?.index ?? html.length;
        continue;
      }
      if (BLOCK_TAGS.has(name)) push("\n\n", i);
      i = close + 1;
      continue;
    }
    const entity = ch === "&" ? entityAt(html, i) : undefined;
    if (entity) {
      push(entity.char, i);
      i += entity.length;
      continue;
    }
    out.push(ch);
    offsets.push(i);
    i++;
  }
  offsets.push(html.length);
  return { text: out.join(""), offsets };
}

const ENGLISH_WORDS = new Set(
  "the of and to in a for on with by that was were is are will be at as from their two sides agreed this".split(" "),
);

/** Share of English function words among the first 2,000 words (a press release in English scores above 0.2). */
export function englishShare(text: string): number {
  const words =
    text
      .slice(0, 20_000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  const sample = words.slice(0, 2000);
  return sample.filter((w) => ENGLISH_WORDS.has(w)).length / sample.length;
}

/** The text to analyse, with what was done to it said in warnings. */
export function prepareText(input: string): PreparedText {
  const warnings: string[] = [];
  let text = input;
  let offsets: number[] | undefined;
  if (looksLikeHtml(input)) {
    const stripped = stripMarkup(input);
    text = stripped.text;
    offsets = stripped.offsets;
    warnings.push("The text holds HTML markup: tags were removed before drafting; highlights point into the original.");
  }
  if (text.length > MAX_DRAFT_CHARS) {
    const cut = text.lastIndexOf("\n\n", MAX_DRAFT_CHARS);
    const end = cut > MAX_DRAFT_CHARS / 2 ? cut : MAX_DRAFT_CHARS;
    warnings.push(
      `The text is ${text.length.toLocaleString("en")} characters long: only the first ${end.toLocaleString("en")} were drafted (the limit is ${MAX_DRAFT_CHARS.toLocaleString("en")}).`,
    );
    text = text.slice(0, end);
  }
  // Too few words to tell a language by (a headline alone) are not judged.
  const words = text.slice(0, 2000).match(/\p{L}+/gu)?.length ?? 0;
  if (words >= 10 && englishShare(text) < 0.12) {
    warnings.push(
      "The text does not look like English: the drafter reads English only, so drafts may be missing or wrong.",
    );
  }
  const map = offsets;
  return { text, inputOffset: (i) => (map ? (map[Math.min(i, map.length - 1)] ?? input.length) : i), warnings };
}
