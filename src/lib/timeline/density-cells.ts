/**
 * The month × sector counts of the density view computed from commitments in
 * JavaScript, by the rule of `timelineDensity` (src/lib/sql/timeline-queries.ts):
 * one cell per sector and calendar month of a commitment's first day, or per
 * year (`bin = 'year'`) for a commitment dated only to a year; its count, how
 * many are overdue on `today` (isOverdue's rule, src/lib/model/status.ts) and
 * how many are done; ordered by sector, start, bin as the SQL orders them.
 *
 * The build uses it for the timeline's first draw (src/lib/pipeline/timeline-first.ts)
 * and the page for a first draw made from the build's marks
 * (src/lib/timeline/first-draw.ts); tests check it against the SQL.
 *
 * In the file the cells travel as numbers (`PackedDensity`), a sixth of the
 * bytes of the rows.
 */
import { CLOSED_STATUSES } from "../model/status.js";
import type { DensityRow } from "../sql/timeline-queries.js";

/** What a commitment brings to its cell. Days are YYYY-MM-DD. */
export interface DensityInput {
  sector: string;
  date_precision: string | null;
  date_from: string;
  deadline: string | null;
  status: string;
}

/** Cells as numbers: per cell [sector index, month number (year × 12 + month − 1), whole year 0|1, n, overdue, done]. */
export interface PackedDensity {
  /** The day the overdue counts hold for (YYYY-MM-DD). */
  today: string;
  sectors: string[];
  cells: number[][];
}

const monthNumber = (day: string, wholeYear: boolean) =>
  Number(day.slice(0, 4)) * 12 + (wholeYear ? 0 : Number(day.slice(5, 7)) - 1);

const startOf = (m: number) => {
  const year = Math.floor(m / 12);
  return `${String(year).padStart(4, "0")}-${String((m % 12) + 1).padStart(2, "0")}-01`;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The packed cells of some commitments on `today` (sectors in text order, cells as the SQL orders them). */
export function packDensity(rows: Iterable<DensityInput>, today: string): PackedDensity {
  const bySector = new Map<string, Map<number, number[]>>();
  for (const row of rows) {
    const wholeYear = row.date_precision === "year";
    const m = monthNumber(row.date_from, wholeYear);
    let cells = bySector.get(row.sector);
    if (!cells) {
      cells = new Map();
      bySector.set(row.sector, cells);
    }
    // Keyed by month and bin: a year bin and January's month bin share a month number.
    const key = m * 2 + (wholeYear ? 1 : 0);
    let cell = cells.get(key);
    if (!cell) {
      cell = [0, m, wholeYear ? 1 : 0, 0, 0, 0];
      cells.set(key, cell);
    }
    cell[3]++;
    const open = !(CLOSED_STATUSES as readonly string[]).includes(row.status);
    if (open && row.deadline !== null && row.deadline < today) cell[4]++;
    if (row.status === "done") cell[5]++;
  }
  const sectors = [...bySector.keys()].sort(byText);
  const cells: number[][] = [];
  sectors.forEach((sector, index) => {
    const inSector = bySector.get(sector) as Map<number, number[]>;
    for (const key of [...inSector.keys()].sort((a, b) => a - b)) {
      const cell = inSector.get(key) as number[];
      cell[0] = index;
      cells.push(cell);
    }
  });
  return { today, sectors, cells };
}

/** The rows `timelineDensity` returns, from packed cells. */
export function unpackDensity(packed: PackedDensity): DensityRow[] {
  return packed.cells.map(([sector, m, wholeYear, n, overdue, done]) => ({
    sector: packed.sectors[sector],
    bin: wholeYear ? "year" : "month",
    start: startOf(m),
    n,
    overdue,
    done,
  }));
}

/** The density rows of some commitments on `today`. */
export function densityRows(rows: Iterable<DensityInput>, today: string): DensityRow[] {
  return unpackDensity(packDensity(rows, today));
}
