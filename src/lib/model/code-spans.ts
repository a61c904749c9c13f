/**
 * The code spans in a line of the schema's prose: the descriptions write
 * names and values in backticks, as Markdown does ("`commitments.key`",
 * "(for example `pk-navttc`)"), and docs/tables.md shows them as code. A page
 * that shows the same text cuts it here and sets each code piece in a `code`
 * element, rather than showing the backticks. Pure: no DOM.
 */

/** One piece of the text: plain, or the inside of a pair of backticks. */
export interface TextPiece {
  text: string;
  code: boolean;
}

/**
 * The text cut into plain and code pieces, in order; joined again (with the
 * backticks back around the code) they give the text. A backtick with no
 * partner stays in the plain text, as Markdown leaves it; an empty pair
 * (two backticks together) is plain text too. No empty pieces.
 */
export function codeSpans(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const plain = (s: string): void => {
    if (!s) return;
    const last = pieces.at(-1);
    if (last && !last.code) last.text += s;
    else pieces.push({ text: s, code: false });
  };
  let at = 0;
  // Two backticks together are read first, as an empty pair, so that neither
  // of them opens a span.
  for (const match of text.matchAll(/``|`([^`]+)`/g)) {
    const end = match.index + match[0].length;
    if (match[1] === undefined) {
      plain(text.slice(at, end));
    } else {
      plain(text.slice(at, match.index));
      pieces.push({ text: match[1], code: true });
    }
    at = end;
  }
  plain(text.slice(at));
  return pieces;
}
