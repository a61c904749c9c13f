/**
 * A fragment's SQL text cut at its parameter placeholders, for rebuilding the
 * fragment inside a page with the page's own `sql` (the hooks of
 * src/components/page-hooks.ts): `sql(pieces, ...params)`. A `?` inside a
 * quoted string or identifier ('?', "?") is text, not a placeholder, so
 * cutting at every `?` would break such queries (exportCommitments writes
 * '?' for a party without a country).
 */
export function placeholderPieces(text: string, params: readonly unknown[]): string[] {
  const pieces: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null; // a doubled quote ('') closes and reopens: the same
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "?") {
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
