/**
 * Which chart a result can have: one category or date column on x and one
 * numeric column on y, and the marks that suit them (bars or dots for categories;
 * lines, areas or dots for dates). None when the result has no such
 * pair. Pure: the columns come as {name, type} with the kinds
 * src/components/db.ts gives (integer, number, string, date, timestamp, …).
 */

export type ChartMark = "bar" | "line" | "area" | "dot";

export interface ResultColumn {
  name: string;
  type: string;
}

export interface ChartChoice {
  x: string;
  xKind: "category" | "date";
  y: string;
  /** Marks that suit x, the first being the default. */
  marks: ChartMark[];
}

const NUMERIC = new Set(["integer", "number"]);
const DATES = new Set(["date", "timestamp"]);

export const MARK_LABELS: Record<ChartMark, string> = { bar: "Bars", line: "Line", area: "Area", dot: "Dots" };

/** The first date (else category) column and the first numeric column after it (else anywhere). */
export function chartChoice(columns: readonly ResultColumn[]): ChartChoice | null {
  const date = columns.find((c) => DATES.has(c.type));
  const category = columns.find((c) => c.type === "string" || c.type === "boolean");
  const x = date ?? category;
  if (!x) return null;
  const after = columns.slice(columns.indexOf(x) + 1).find((c) => NUMERIC.has(c.type));
  const y = after ?? columns.find((c) => NUMERIC.has(c.type));
  if (!y) return null;
  return date
    ? { x: x.name, xKind: "date", y: y.name, marks: ["line", "area", "dot"] }
    : { x: x.name, xKind: "category", y: y.name, marks: ["bar", "dot"] };
}

/** The mark asked for when it suits the choice, else the choice's default. */
export function markFor(choice: ChartChoice, asked: string | undefined): ChartMark {
  return choice.marks.includes(asked as ChartMark) ? (asked as ChartMark) : choice.marks[0];
}
