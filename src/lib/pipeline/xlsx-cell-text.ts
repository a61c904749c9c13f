/**
 * A workbook cell's value as the text a CSV cell would hold, as a user reading
 * the sheet expects it: dates as YYYY-MM-DD, numbers as written, TRUE/FALSE,
 * rich text and hyperlinks by their text, formulas by their saved result.
 * A cell that has no such text (an error value, a formula never calculated,
 * a date with a time of day, a link without text) is a problem, never an
 * empty cell.
 */

/** Why a cell's value cannot be read as text. */
export interface CellIssue {
  message: string;
  expected: string;
  /** The value as the sheet holds it, for the report. */
  value?: unknown;
}

/** The cell's text (untrimmed; "" for an empty cell), or why it has none. */
export function cellText(value: unknown): string | CellIssue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : unsupported(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if (typeof value !== "object") return unsupported(value);
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText))
    return (cell.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join("");
  if ("error" in cell) {
    return {
      message: `is an error value (${String(cell.error)})`,
      expected: "a value, or a formula whose result is a value",
      value: cell.error,
    };
  }
  if ("formula" in cell || "sharedFormula" in cell) {
    if (cell.result === undefined || cell.result === null) {
      return {
        message: "is a formula without a saved result",
        expected: "a value, or a formula saved with its result (open and save the workbook in a spreadsheet program)",
        value: `=${String(cell.formula ?? cell.sharedFormula)}`,
      };
    }
    return cellText(cell.result);
  }
  if ("hyperlink" in cell) {
    if (cell.text === undefined || cell.text === null || cell.text === "") {
      return { message: "is a link without text", expected: "the link's text in the cell", value: cell.hyperlink };
    }
    return cellText(cell.text);
  }
  return unsupported(value);
}

function unsupported(value: unknown): CellIssue {
  return {
    message: "is a cell of a kind that cannot be read as text",
    expected: "text, a number, a date, TRUE/FALSE, or a formula with a saved result",
    value,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date cell's day; a time of day other than midnight would be lost, so it is refused. */
function dateText(date: Date): string | CellIssue {
  if (Number.isNaN(date.getTime())) return unsupported("an invalid date");
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (date.getUTCHours() || date.getUTCMinutes() || date.getUTCSeconds() || date.getUTCMilliseconds()) {
    return {
      message: "is a date with a time of day",
      expected: "a date alone (YYYY-MM-DD), or a date written as text",
      value: date
        .toISOString()
        .replace("T", " ")
        .replace(/\.000Z$|Z$/, ""),
    };
  }
  return day;
}
