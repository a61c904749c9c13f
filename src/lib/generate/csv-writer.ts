/**
 * Writing CSV the way src/lib/records/csv-reader.ts reads it: a header row, then one
 * row per record; fields holding a comma, a double quote or a line break are
 * quoted (a quote inside is doubled); lists are joined with ';'. Rows are
 * gathered into chunks of text, and a table is split into numbered parts
 * (`commitments.0001.csv`, ...) when it may exceed the part size.
 */

/** One piece of a file's text; `end` marks the last piece of the file. */
export interface Chunk {
  file: string;
  text: string;
  end?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** A CSV field: empty for undefined, quoted when needed. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  const s = typeof value === "number" ? String(value) : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(QUOTE, '""')}"` : s;
}

/** A CSV row (with its line feed). */
export function csvRow(values: readonly (string | number | undefined)[]): string {
  let out = "";
  for (let i = 0; i < values.length; i++) out += (i ? "," : "") + csvField(values[i]);
  return `${out}\n`;
}

/**
 * Rows of text gathered per chunk. Small on purpose: a chunk of ~500 rows
 * (~130 KB) is garbage as soon as it is written, and dies young; chunks of
 * 10,000 rows were promoted to the old generation and made a 1,000,000-row
 * run twice as slow with ~1.8× the peak memory.
 */
export const CHUNK_ROWS = 500;
/** At most this many rows per CSV file, so a spreadsheet can open each part. */
export const PART_ROWS = 250_000;

/** File name of part `part` (1-based) of a table: `commitments.0001.csv`, or `commitments.csv` when not split. */
export function partFile(table: string, part: number | undefined): string {
  return part === undefined ? `${table}.csv` : `${table}.${String(part).padStart(4, "0")}.csv`;
}

/**
 * A table being written: rows are added one at a time; finished chunks wait
 * in `pending` until the generator hands them out.
 */
export class TableWriter {
  readonly pending: Chunk[] = [];
  /** Files written, with their row counts (header excluded). */
  readonly files: { file: string; rows: number }[] = [];
  rows = 0;
  private part = 0;
  private rowsInPart = 0;
  private buffer: string[] = [];
  private file = "";

  /**
   * @param numbered write `table.0001.csv`, `table.0002.csv`, ... (else one `table.csv`)
   * @param partRows rows per part when numbered
   */
  constructor(
    readonly table: string,
    readonly header: readonly string[],
    readonly numbered: boolean,
    readonly partRows = PART_ROWS,
    readonly chunkRows = CHUNK_ROWS,
  ) {}

  add(row: string): void {
    if (this.part === 0 || (this.numbered && this.rowsInPart >= this.partRows)) this.startPart();
    this.buffer.push(row);
    this.rowsInPart++;
    this.rows++;
    this.files[this.files.length - 1].rows++;
    if (this.buffer.length >= this.chunkRows) this.flush(false);
  }

  /** Ends the table; a table with no rows still gets its file with a header. */
  end(): void {
    if (this.part === 0) this.startPart();
    this.flush(true);
  }

  private startPart(): void {
    if (this.part > 0) this.flush(true);
    this.part++;
    this.rowsInPart = 0;
    this.file = partFile(this.table, this.numbered ? this.part : undefined);
    this.files.push({ file: this.file, rows: 0 });
    this.buffer.push(csvRow(this.header));
  }

  private flush(end: boolean): void {
    if (this.buffer.length === 0 && !end) return;
    this.pending.push(
      end ? { file: this.file, text: this.buffer.join(""), end } : { file: this.file, text: this.buffer.join("") },
    );
    this.buffer = [];
  }
}
