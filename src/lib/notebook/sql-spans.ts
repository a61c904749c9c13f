/**
 * SQL text cut into spans of code, string literals, quoted identifiers and
 * comments, so that a scan for `?` placeholders or for a statement's first
 * keyword never looks inside a string or a comment. Pure.
 */

export type SpanKind = "code" | "string" | "identifier" | "comment";

export interface SqlSpan {
  kind: SpanKind;
  start: number;
  end: number;
}

/** Where a quoted run or comment that starts at `i` ends (exclusive); unterminated ones run to the end. */
function closeOf(text: string, i: number): { kind: SpanKind; end: number } | null {
  const c = text[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    for (;;) {
      const k = text.indexOf(c, j);
      if (k < 0) return { kind: c === "'" ? "string" : "identifier", end: text.length };
      if (text[k + 1] === c) j = k + 2;
      else return { kind: c === "'" ? "string" : "identifier", end: k + 1 };
    }
  }
  if (c === "-" && text[i + 1] === "-") {
    const k = text.indexOf("\n", i);
    return { kind: "comment", end: k < 0 ? text.length : k };
  }
  if (c === "/" && text[i + 1] === "*") {
    const k = text.indexOf("*/", i + 2);
    return { kind: "comment", end: k < 0 ? text.length : k + 2 };
  }
  return null;
}

/** The spans of `text`, in order, covering it whole. */
export function sqlSpans(text: string): SqlSpan[] {
  const spans: SqlSpan[] = [];
  let codeStart = 0;
  let i = 0;
  while (i < text.length) {
    const closed = closeOf(text, i);
    if (!closed) {
      i++;
      continue;
    }
    if (i > codeStart) spans.push({ kind: "code", start: codeStart, end: i });
    spans.push({ kind: closed.kind, start: i, end: closed.end });
    i = closed.end;
    codeStart = i;
  }
  if (codeStart < text.length) spans.push({ kind: "code", start: codeStart, end: text.length });
  return spans;
}

/** One statement of a text, and where it starts in it. */
export interface SqlStatement {
  text: string;
  start: number;
}

/** The statements of `text`, split at semicolons outside strings and comments, blank ones left out. */
export function splitStatements(text: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let start = 0;
  for (const span of sqlSpans(text)) {
    if (span.kind !== "code") continue;
    for (let i = span.start; i < span.end; i++) {
      if (text[i] !== ";") continue;
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  out.push({ text: text.slice(start), start });
  return out.filter((statement) => statement.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() !== "");
}
