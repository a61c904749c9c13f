/**
 * The worker thread of xlsx-records.ts: reads a workbook with exceljs's
 * streaming reader (xlsx-sheets.ts; never the whole workbook in memory), turns each cell into
 * text (xlsx-cell-text.ts), and posts each sheet's name, then its rows in
 * chunks of flat lists (cheap to copy between threads), with the cells that
 * could not be read.
 */
import { showValue } from "../model/problems.js";
import { workerOutbox } from "./worker-inbox.js";
import { type CellIssue, cellText } from "./xlsx-cell-text.js";
import { workbookSheets } from "./xlsx-sheets.js";

/** A cell that could not be read as text, at its row and column. */
export interface SheetCellIssue extends Omit<CellIssue, "value"> {
  line: number;
  column: number;
  value?: string;
}

export type XlsxMessage =
  | { type: "sheet"; name: string }
  | { type: "rows"; cells: string[]; counts: Int32Array; lines: Int32Array; issues: SheetCellIssue[] }
  | { type: "end" }
  | { type: "failed"; message: string };

export interface XlsxSetup {
  path: string;
  chunkRows: number;
}

const { data, post } = workerOutbox<XlsxSetup, XlsxMessage>();

async function readWorkbook({ path, chunkRows }: XlsxSetup): Promise<void> {
  for await (const sheet of workbookSheets(path)) {
    post({ type: "sheet", name: sheet.name });
    let cells: string[] = [];
    let counts: number[] = [];
    let lines: number[] = [];
    let issues: SheetCellIssue[] = [];
    const flush = () => {
      post({ type: "rows", cells, counts: Int32Array.from(counts), lines: Int32Array.from(lines), issues });
      cells = [];
      counts = [];
      lines = [];
      issues = [];
    };
    for await (const row of sheet.rows) {
      const values = row.values as unknown[];
      for (let column = 1; column < values.length; column++) {
        const text = cellText(values[column]);
        if (typeof text === "string") cells.push(text);
        else {
          cells.push("");
          const value = text.value === undefined ? undefined : showValue(text.value);
          issues.push({ line: row.number, column, message: text.message, expected: text.expected, value });
        }
      }
      counts.push(Math.max(0, values.length - 1));
      lines.push(row.number);
      if (lines.length === chunkRows) flush();
    }
    if (lines.length) flush();
  }
}

readWorkbook(data).then(
  () => post({ type: "end" }),
  (error) => post({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
);
