/**
 * A fragment's bound parameters written into its text as SQL literals, so a
 * query the page ran with the filters' values can be shown, copied and run
 * as it is in a notebook cell (or in any DuckDB). Strings are quoted with
 * their quotes doubled; a `?` inside a string or a comment is left alone.
 */
import type { SqlFragment, SqlParam } from "../sql/fragment.js";
import { sqlSpans } from "./sql-spans.js";

/** One value as a DuckDB literal: 'text' (quotes doubled), 12, 1.5, TRUE, NULL. */
export function sqlLiteral(value: SqlParam): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`sqlLiteral: ${value} has no SQL literal.`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** The fragment's text with each `?` placeholder replaced by its value's literal. */
export function inlineParams(query: Pick<SqlFragment, "text" | "params">): string {
  let next = 0;
  let out = "";
  for (const span of sqlSpans(query.text)) {
    const part = query.text.slice(span.start, span.end);
    if (span.kind !== "code") {
      out += part;
      continue;
    }
    out += part.replace(/\?/g, () => {
      if (next >= query.params.length) throw new RangeError("inlineParams: more placeholders than parameters.");
      return sqlLiteral(query.params[next++]);
    });
  }
  if (next !== query.params.length) {
    throw new RangeError(`inlineParams: ${query.params.length} parameters for ${next} placeholders.`);
  }
  return out;
}
