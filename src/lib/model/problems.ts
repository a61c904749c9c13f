/**
 * Problems found in records: where (file, line, column, field; in a workbook
 * the sheet, row and column letter), what was there, and what was expected.
 * Validation collects every problem before it reports.
 */
export type Severity = "error" | "warning";

export interface Location {
  /** Path of the file, relative to the data folder's parent (as the user typed it). */
  file: string;
  /** Workbooks (.xlsx): the sheet; `line` is then its row and `column` its column number (shown as a letter). */
  sheet?: string;
  /** 1-based line (in a workbook's sheet, the row). */
  line?: number;
  /** 1-based column (YAML, JSON: character; CSV: field number; workbook: column number, A = 1). */
  column?: number;
}

export interface Problem extends Location {
  severity: Severity;
  /** Field path within the file, for example `commitments[2].sector`. */
  field?: string;
  /** The offending value, shortened for display. */
  value?: string;
  /** What is wrong. */
  message: string;
  /** What a valid value looks like. */
  expected?: string;
  /**
   * `cause`: a file that could not be read (its records are all missing);
   * `knock-on`: the one line that stands for the references failing only
   * because of such a file. Both come first in a report, cause before
   * knock-on, file by file.
   */
  rank?: "cause" | "knock-on";
}

const MAX_VALUE_CHARS = 80;
/** DEL, C1 controls and bidirectional overrides: JSON.stringify leaves them raw. */
const INVISIBLE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Renders a value for a report: JSON-ish, shortened, control characters made visible. */
export function showValue(value: unknown): string {
  let s: string;
  if (typeof value === "string") s = JSON.stringify(value);
  else if (value === undefined) s = "(missing)";
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  // JSON.stringify escapes C0 controls only; make the others visible too.
  s = s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (s.length > MAX_VALUE_CHARS) s = `${s.slice(0, MAX_VALUE_CHARS - 1)}… (${s.length} characters)`;
  return s;
}

/** A spreadsheet's column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `data/x.yaml:12:5`, or in a workbook `data/x.xlsx [commitments] row 5, column C`. */
export function where(p: Location): string {
  if (p.sheet !== undefined) {
    const row = p.line ? ` row ${p.line}${p.column ? `, column ${columnLetters(p.column)}` : ""}` : "";
    return `${p.file} [${p.sheet}]${row}`;
  }
  return `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""}`;
}

/** One line per problem: `data/x.yaml:12:5  commitments[2].sector  "helth" is not a known sector (expected ...)`. */
export function formatProblem(p: Problem): string {
  const parts = [`${p.severity === "error" ? "error" : "warning"} ${where(p)}`];
  if (p.field) parts.push(p.field);
  let message = p.message;
  if (p.value !== undefined) message = `${p.value} ${message}`;
  if (p.expected) message += ` — expected ${p.expected}`;
  parts.push(message);
  return parts.join("  ");
}

const RANK_ORDER = { cause: 0, "knock-on": 1 } as const;

/**
 * Stable order: files that could not be read first (each with the line
 * folding what it hides), then by file, sheet, line, column, then message.
 */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.rank ? 0 : 1) - (b.rank ? 0 : 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.rank ? RANK_ORDER[a.rank] : 0) - (b.rank ? RANK_ORDER[b.rank] : 0) ||
      ((a.sheet ?? "") < (b.sheet ?? "") ? -1 : (a.sheet ?? "") > (b.sheet ?? "") ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.field ?? "").localeCompare(b.field ?? "") ||
      a.message.localeCompare(b.message),
  );
}

/**
 * The whole report. Every problem is listed; when one file has the same problem
 * on many lines (a column missing from a big CSV), the first `repeatLimit` are
 * shown in full and the rest are summarised with their count and line range.
 */
export function formatReport(problems: Problem[], { repeatLimit = 10 } = {}): string {
  const sorted = sortProblems(problems);
  const groups = new Map<string, Problem[]>();
  for (const p of sorted) {
    const field = (p.field ?? "").replace(/\[\d+\]/g, "[]");
    const key = `${p.severity}\u0000${p.file}\u0000${p.sheet ?? ""}\u0000${field}\u0000${p.message}`;
    const group = groups.get(key) ?? [];
    if (group.length === 0) groups.set(key, group);
    group.push(p);
  }
  const lines: string[] = [];
  const shownKeys = new Set<string>();
  for (const p of sorted) {
    const field = (p.field ?? "").replace(/\[\d+\]/g, "[]");
    const key = `${p.severity}\u0000${p.file}\u0000${p.sheet ?? ""}\u0000${field}\u0000${p.message}`;
    const group = groups.get(key) ?? [];
    const index = group.indexOf(p);
    if (index < repeatLimit) lines.push(formatProblem(p));
    else if (!shownKeys.has(key)) {
      shownKeys.add(key);
      const rest = group.slice(repeatLimit);
      const first = rest[0].line ?? 0;
      const last = rest[rest.length - 1].line ?? 0;
      const place = p.sheet === undefined ? `${p.file} (lines` : `${p.file} [${p.sheet}] (rows`;
      lines.push(
        `  … and ${rest.length.toLocaleString("en")} more like this in ${place} ${first.toLocaleString("en")}–${last.toLocaleString("en")})`,
      );
    }
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  lines.push(
    `${errors.toLocaleString("en")} error${errors === 1 ? "" : "s"}, ${warnings.toLocaleString("en")} warning${warnings === 1 ? "" : "s"}`,
  );
  return lines.join("\n");
}

/** Problems grouped by their message, in order of first appearance: every problem kept, none summarised away. */
export function groupByMessage<P extends Problem>(problems: readonly P[]): { message: string; problems: P[] }[] {
  const groups = new Map<string, P[]>();
  for (const p of problems) {
    const group = groups.get(p.message) ?? [];
    if (!group.length) groups.set(p.message, group);
    group.push(p);
  }
  return [...groups].map(([message, group]) => ({ message, problems: group }));
}
