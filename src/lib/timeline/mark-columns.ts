/**
 * A zoomed window's marks from the columns of `timelineMarkShapes`
 * (src/lib/sql/timeline-queries.ts): day numbers back to YYYY-MM-DD days
 * (each distinct day formatted once: a year's 50,000 marks share a few
 * hundred), 0/1 back to booleans, the text left empty until
 * `timelineMarkTexts` fills it (`withMarkTexts`). Pure.
 */
import { type MarkRow, type MarkText, NO_DAY } from "../sql/timeline-queries.js";

/** Columns as Database.queryColumns returns them. */
export interface MarkColumns {
  numRows: number;
  columns: Record<string, ArrayLike<unknown>>;
}

const MS_PER_DAY = 86_400_000;

/** Formats day numbers, each distinct one once. */
function dayFormatter(): (day: number) => string | null {
  const cache = new Map<number, string>();
  return (day) => {
    if (day === NO_DAY) return null;
    let text = cache.get(day);
    if (text === undefined) {
      text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      cache.set(day, text);
    }
    return text;
  };
}

/** The marks, their text empty (summary, action, events) until withMarkTexts. */
export function marksFromColumns({ numRows, columns }: MarkColumns): MarkRow[] {
  const day = dayFormatter();
  const col = (name: string) => {
    const values = columns[name];
    if (!values) throw new Error(`timelineMarkShapes: no column ${name}`);
    return values;
  };
  const [id, sector, strength, status, updates, precision, targetPrecision] = [
    "id",
    "sector",
    "strength",
    "status",
    "update_count",
    "date_precision",
    "target_date_precision",
  ].map(col);
  const [from, to, targetFrom, targetTo, deadline, overdue] = [
    "date_from_day",
    "date_to_day",
    "target_date_from_day",
    "target_date_to_day",
    "deadline_day",
    "overdue",
  ].map((name) => col(name) as ArrayLike<number>);
  const marks = new Array<MarkRow>(numRows);
  for (let i = 0; i < numRows; i++) {
    marks[i] = {
      id: id[i] as string,
      sector: sector[i] as string,
      strength: strength[i] as string,
      status: status[i] as string,
      update_count: Number(updates[i] ?? 0),
      date_precision: precision[i] as string | null,
      target_date_precision: targetPrecision[i] as string | null,
      date_from: day(from[i]) as string,
      date_to: day(to[i]) as string,
      target_date_from: day(targetFrom[i]),
      target_date_to: day(targetTo[i]),
      deadline: day(deadline[i]),
      overdue: overdue[i] === 1,
      summary: "",
      action: "",
      date: null,
      target_date: null,
      target_event_id: null,
      target_event: null,
      target_note: null,
      event_id: "",
      event: "",
    };
  }
  return marks;
}

/** Fills the marks' text from `timelineMarkTexts` rows (in place; marks without a row keep theirs); returns the marks filled. */
export function withMarkTexts(marks: readonly MarkRow[], texts: readonly MarkText[]): MarkRow[] {
  const byId = new Map(texts.map((t) => [t.id, t]));
  const filled: MarkRow[] = [];
  for (const m of marks) {
    const t = byId.get(m.id);
    if (t) {
      Object.assign(m, t);
      filled.push(m);
    }
  }
  return filled;
}
