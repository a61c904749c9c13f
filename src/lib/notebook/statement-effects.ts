/**
 * Whether a cell's SQL changes the page's database (creates, writes, drops,
 * attaches, loads…): the page then says that the tables are rebuilt from
 * the published data on every reload, so nothing it changes is kept.
 * Decided from the first keyword of each statement, outside strings and
 * comments. Pure.
 */
import { sqlSpans } from "./sql-spans.js";

/** First keywords of statements that change the database or its settings. */
const CHANGING = new Set([
  "ALTER",
  "ATTACH",
  "CHECKPOINT",
  "COPY",
  "CREATE",
  "DELETE",
  "DETACH",
  "DROP",
  "EXPORT",
  "IMPORT",
  "INSERT",
  "INSTALL",
  "LOAD",
  "MERGE",
  "RESET",
  "SET",
  "TRUNCATE",
  "UPDATE",
  "USE",
  "VACUUM",
]);

/** The changing keywords the statements of `text` start with (upper case, each once, in order). */
export function changingStatements(text: string): string[] {
  const found: string[] = [];
  let atStart = true;
  for (const span of sqlSpans(text)) {
    if (span.kind === "comment") continue;
    if (span.kind !== "code") {
      atStart = false;
      continue;
    }
    const code = text.slice(span.start, span.end);
    // Each statement's first word: at the start, or after a semicolon.
    const pattern = /(^|;)\s*([A-Za-z_]*)/g;
    for (const match of code.matchAll(pattern)) {
      const fresh = match[1] === ";" || (match.index === 0 && atStart);
      if (!fresh || match[2] === "") continue;
      const word = match[2].toUpperCase();
      if (CHANGING.has(word) && !found.includes(word)) found.push(word);
    }
    atStart = /;\s*$/.test(code);
  }
  return found;
}
