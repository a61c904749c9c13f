/**
 * A fragment's SQL text cut at its parameter placeholders, for rebuilding the
 * fragment inside a page with the page's own `sql` (the hooks of
 * src/components/page-hooks.ts): `sql(pieces, ...params)`. A `?` inside a
 * quoted string or identifier ('?', "?") or a comment is text, not a
 * placeholder, so cutting at every `?` would break such queries
 * (exportCommitments writes '?' for a party without a country). The text is
 * read with the notebook's SQL spans (src/lib/notebook/sql-spans.ts), as
 * inlineParams reads it.
 */
import { sqlSpans } from "../src/lib/notebook/sql-spans.js";

export function placeholderPieces(text: string, params: readonly unknown[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const span of sqlSpans(text)) {
    if (span.kind !== "code") continue;
    for (let i = text.indexOf("?", span.start); i >= 0 && i < span.end; i = text.indexOf("?", i + 1)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  if (pieces.length !== params.length + 1)
    throw new Error(
      `placeholderPieces: ${pieces.length - 1} placeholders outside quotes for ${params.length} parameters in: ${text.slice(0, 120)}`,
    );
  return pieces;
}
