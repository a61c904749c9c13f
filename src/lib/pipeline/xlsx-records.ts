/**
 * Records from a workbook (.xlsx; Node only): each sheet named after a record
 * type holds that table as a CSV file would (xlsx-layout.ts), its first row
 * naming the fields, and becomes the same records as the CSV reader makes
 * (csv-reader.ts, with the sheet in every location). exceljs reads the
 * workbook on a worker thread (xlsx-worker.ts) while this thread validates,
 * so reading stays synchronous, as for every other record file. The
 * template's own sheets are passed over; any other sheet is reported.
 */
import { columnLetters, type Problem } from "../model/problems.js";
import { isTableName } from "../model/schema.js";
import { TABLE_NAMES } from "../model/tables.js";
import { type CsvRowReader, csvRowReader } from "../records/csv-reader.js";
import type { RawRecord, ReadResult } from "../records/record.js";
import { WorkerInbox } from "./worker-inbox.js";
import { pipelineModule } from "./worker-source.js";
import { isTemplateSheet } from "./xlsx-layout.js";
import type { SheetCellIssue, XlsxMessage, XlsxSetup } from "./xlsx-worker.js";

const WORKER = pipelineModule("xlsx-worker");
const CHUNK_ROWS = 2048;

/** Reads a workbook's records; with a `sink`, records are handed over as they are read instead of returned. */
export function readXlsx(path: string, file: string, sink?: (record: RawRecord) => void): ReadResult {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const emit = sink ?? ((record: RawRecord) => records.push(record));
  const setup: XlsxSetup = { path, chunkRows: CHUNK_ROWS };
  const inbox = new WorkerInbox<XlsxMessage>(WORKER, setup);
  let sheet: SheetReader | undefined;
  let sheets = 0;
  try {
    for (;;) {
      const message = takeOrProblem(inbox, file, problems);
      if (!message) break;
      if (message.type === "sheet") {
        sheet?.finish();
        sheet = new SheetReader(file, message.name, problems, emit);
        sheets++;
      } else if (message.type === "rows") sheet?.rows(message.cells, message.counts, message.lines, message.issues);
      else if (message.type === "failed") {
        problems.push(unreadable(file, message.message));
        break;
      } else {
        sheet?.finish();
        if (sheets === 0) problems.push(unreadable(file, "it holds no sheets"));
        break;
      }
    }
  } finally {
    inbox.close();
  }
  return { records, problems };
}

function takeOrProblem(inbox: WorkerInbox<XlsxMessage>, file: string, problems: Problem[]): XlsxMessage | undefined {
  try {
    return inbox.take();
  } catch (error) {
    problems.push(unreadable(file, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

function unreadable(file: string, reason: string): Problem {
  return {
    severity: "error",
    file,
    message: `cannot be read as a workbook: ${reason}`,
    expected: "an .xlsx workbook (Excel 2007 or later, or saved as .xlsx by another spreadsheet program)",
  };
}

/**
 * One sheet's rows: a record type's rows go to a CSV row reader (after the
 * header, each row is cut or padded to the header's width, and a value past
 * it is reported), the template's sheets are passed over, any other sheet is
 * reported once.
 */
class SheetReader {
  private readonly reader: CsvRowReader | undefined;
  /** The header's cells, and how many columns it has (-1 before the first row). */
  private header: string[] = [];
  private width = -1;
  private decided = false;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly problems: Problem[],
    emit: (record: RawRecord) => void,
  ) {
    this.reader = isTableName(sheet) ? csvRowReader(file, problems, emit, sheet) : undefined;
  }

  rows(cells: string[], counts: Int32Array, lines: Int32Array, issues: SheetCellIssue[]): void {
    let at = 0;
    for (let r = 0; r < lines.length; r++) {
      this.row(cells.slice(at, at + counts[r]), lines[r]);
      at += counts[r];
    }
    for (const issue of issues) this.cellProblem(issue);
  }

  private row(cells: string[], line: number): void {
    if (!this.reader) {
      if (!this.decided) this.otherSheet(cells);
      return;
    }
    if (this.width < 0) {
      let width = cells.length;
      while (width > 0 && cells[width - 1].trim() === "") width--;
      if (width === 0) return; // blank rows above the header
      this.width = width;
      this.header = cells.slice(0, width).map((c) => c.trim());
      this.reader.row(this.header, line);
      return;
    }
    for (let column = this.width + 1; column <= cells.length; column++) {
      const value = cells[column - 1];
      if (value.trim() === "") continue;
      this.problems.push({
        severity: "error",
        file: this.file,
        sheet: this.sheet,
        line,
        column,
        field: `row ${line}`,
        value: JSON.stringify(value),
        message: "is in a column without a header",
        expected: `values only under the header's ${this.width} column${this.width === 1 ? "" : "s"} (A–${columnLetters(Math.max(1, this.width))}), or a field name above it`,
      });
    }
    const row = cells.length === this.width ? cells : cells.slice(0, this.width);
    while (row.length < this.width) row.push("");
    this.reader.row(row, line);
  }

  private otherSheet(header: string[]): void {
    this.decided = true;
    if (isTemplateSheet(this.sheet, header)) return;
    this.problems.push({
      severity: "warning",
      file: this.file,
      sheet: this.sheet,
      message: "is not read: the sheet's name is not a record type",
      expected: `sheets named after record types: ${TABLE_NAMES.join(", ")}`,
    });
  }

  private cellProblem(issue: SheetCellIssue): void {
    if (!this.reader) return; // a sheet that is not read
    const name = issue.line > 0 && issue.column <= this.header.length ? this.header[issue.column - 1] : "";
    this.problems.push({
      severity: "error",
      file: this.file,
      sheet: this.sheet,
      line: issue.line,
      column: issue.column,
      field: name ? `row ${issue.line}.${name}` : `row ${issue.line}`,
      ...(issue.value === undefined ? {} : { value: issue.value }),
      message: issue.message,
      expected: issue.expected,
    });
  }

  finish(): void {
    if (this.reader) this.reader.finish();
    else if (!this.decided) this.otherSheet([]);
  }
}
