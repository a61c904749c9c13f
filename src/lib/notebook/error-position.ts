/**
 * Where in a query DuckDB's error points. DuckDB ends a located error with
 * the line it is on and a caret under the spot:
 *
 *     Parser Error: syntax error at or near "SELEC"
 *
 *     LINE 1: SELEC 1
 *             ^
 *
 * A long line is shown as a window ("... tail of the line"); the window is
 * found again in the query's own line to give the true column.
 *
 * DuckDB-WASM sends the same as JSON, with the offset in the query's UTF-8
 * bytes: {"exception_type":"Parser","exception_message":"…","position":"0"}.
 * `readDuckdbError` reads either form. Pure.
 */

export interface ErrorPosition {
  /** 1-based line and column, as people count them. */
  line: number;
  column: number;
  /** 0-based offset into the query, for an editor's diagnostics. */
  offset: number;
}

/** The message without its "LINE n:" block, for showing beside the position. */
export function errorSummary(message: string): string {
  return message.replace(/\n*LINE \d+:[^\n]*\n[ \t]*\^[\s\S]*$/, "").trim();
}

/** The position an error message of DuckDB's points at in `query`, or null when it names none. */
export function errorPosition(message: string, query: string): ErrorPosition | null {
  const match = /(?:^|\n)LINE (\d+): ([^\n]*)\n( *)\^/.exec(message);
  if (!match) return null;
  const line = Number(match[1]);
  const lines = query.split("\n");
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return null;
  const prefix = `LINE ${match[1]}: `.length;
  const caret = match[3].length - prefix;
  if (caret < 0) return null;
  let shown = match[2];
  let shift = 0;
  if (shown.startsWith("...")) {
    shown = shown.slice(3);
    shift = 3;
  }
  if (shown.endsWith("...")) shown = shown.slice(0, -3);
  const text = lines[line - 1];
  const at = shift === 0 ? 0 : text.indexOf(shown);
  const column0 = Math.min(Math.max(Math.max(at, 0) + caret - shift, 0), text.length);
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column0;
  return { line, column: column0 + 1, offset };
}

/** A DuckDB error as people read it: "Parser Error: …" and where it points. */
export interface DuckdbError {
  summary: string;
  position: ErrorPosition | null;
}

/** The line and column of a 0-based offset (in characters) into `query`. */
export function positionAt(query: string, offset: number): ErrorPosition {
  const before = query.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1) ?? "").length + 1, offset };
}

/** The position of a 0-based offset in the query's UTF-8 bytes. */
function atByte(query: string, byte: number): ErrorPosition | null {
  const bytes = new TextEncoder().encode(query);
  if (!Number.isInteger(byte) || byte < 0 || byte > bytes.length) return null;
  return positionAt(query, new TextDecoder().decode(bytes.subarray(0, byte)).length);
}

/** Reads DuckDB's error message, JSON (DuckDB-WASM) or text (native DuckDB). */
export function readDuckdbError(message: string, query: string): DuckdbError {
  let parsed: { exception_type?: unknown; exception_message?: unknown; position?: unknown } | null = null;
  if (message.trimStart().startsWith("{")) {
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = null;
    }
  }
  if (!parsed || typeof parsed.exception_message !== "string") {
    return { summary: errorSummary(message), position: errorPosition(message, query) };
  }
  const type = typeof parsed.exception_type === "string" ? `${parsed.exception_type} Error: ` : "";
  const text = parsed.exception_message;
  const position = parsed.position !== undefined ? atByte(query, Number(parsed.position)) : errorPosition(text, query);
  return { summary: `${type}${errorSummary(text)}`, position };
}
