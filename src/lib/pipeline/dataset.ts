/**
 * The whole path from a data folder to tables (Node only): find the record
 * files, read them, validate every record, and normalise them into rows. Used
 * by the loaders, `npm run validate` and the tests.
 */
import { readFileSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Problem } from "../model/problems.js";
import { isTableName } from "../model/schema.js";
import type { TableName } from "../model/tables.js";
import { TABLE_NAMES } from "../model/tables.js";
import { csvTable } from "../records/csv-reader.js";
import { normalise } from "../records/normalise.js";
import type { RawRecord } from "../records/record.js";
import type { Row, Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";
import { Validator } from "../records/validate.js";
import { CsvAhead, canParseAhead } from "./csv-ahead.js";
import { displayPath, listRecordFiles, readRecordFile } from "./files.js";
import type { ReadProgress } from "./progress.js";

/** The data folder: ACCORD_DATA_DIR when set, else `data/` of the project. */
export function dataDir(): string {
  return resolve(process.env.ACCORD_DATA_DIR || "data");
}

export interface DatasetResult {
  /** The tables as columns; present only when there is no error. */
  columns?: Tables<TableStore>;
  /** The tables as rows, made on first use (for small data and tests); present only when there is no error. */
  tables?: Tables<Row[]>;
  /** Records read per table. */
  read: Tables<number>;
  /** Record files read. */
  files: string[];
  problems: Problem[];
  errors: number;
}

export interface LoadOptions {
  /**
   * Called after each file, and every 65,536 records within a file, with the
   * files and records read so far (for progress on long runs).
   */
  onFile?: (progress: ReadProgress) => void;
  /** Called as each phase after reading starts. */
  onPhase?: (phase: string) => void;
  /**
   * Parse the CSV files on a worker thread while this one validates
   * (csv-ahead.ts), when they hold at least this many bytes in all. Off by
   * default; the table cache turns it on for large folders.
   */
  parseAheadBytes?: number;
}

const TICK = 0xffff;

export function loadDataset(
  dir: string = dataDir(),
  { onFile, onPhase, parseAheadBytes }: LoadOptions = {},
): DatasetResult {
  const { files, problems } = listRecordFiles(dir);
  const validator = new Validator(problems);
  const ahead = parseAhead(files, parseAheadBytes);
  let records = 0;
  try {
    files.forEach((file, i) => {
      const display = displayPath(file);
      // One file's raw records at a time: they are validated and dropped.
      const sink = (record: RawRecord) => {
        validator.add(record);
        if ((++records & TICK) === 0) onFile?.({ file: display, files: i, of: files.length, records });
      };
      const before = validator.count();
      const result = ahead?.files.has(file)
        ? ahead.reader.read(file, display, sink)
        : readRecordFile(file, display, sink);
      for (const r of result.records) validator.add(r);
      records = validator.count();
      if (records === before && result.problems.some((p) => p.severity === "error")) {
        markUnreadable(file, display, result.problems, validator);
      }
      for (const p of result.problems) problems.push(p);
      onFile?.({ file: display, files: i + 1, of: files.length, records });
    });
  } finally {
    ahead?.reader.close();
  }
  onPhase?.(`checking ${validator.count().toLocaleString("en")} records against each other`);
  const validation = validator.finish();
  const errors = problems.filter((p) => p.severity === "error").length;
  const result: DatasetResult = { read: validation.read, files: files.map(displayPath), problems, errors };
  if (errors) return result;
  onPhase?.("normalising and sorting");
  const columns = normalise(validation.stores, validation.groups);
  let rows: Tables<Row[]> | undefined;
  Object.defineProperty(result, "columns", { value: columns, enumerable: true });
  Object.defineProperty(result, "tables", {
    enumerable: true,
    get() {
      rows ??= Object.fromEntries(TABLE_NAMES.map((t) => [t, columns[t].rows()])) as Tables<Row[]>;
      return rows;
    },
  });
  return result;
}

/**
 * A file that gave no record and an error could not be read: its errors are
 * the cause of what follows (they come first in the report), and references
 * to the ids its text mentions are folded into one line (unreadable-files.ts).
 */
function markUnreadable(file: string, display: string, fileProblems: Problem[], validator: Validator): void {
  for (const p of fileProblems) if (p.severity === "error") p.rank = "cause";
  const csv = extname(file).toLowerCase() === ".csv";
  validator.addUnreadable({
    file: display,
    text: readFileSync(file, "latin1"),
    table: csv ? csvTable(file) : undefined,
  });
}

/** The CSV files of tables, parsed ahead on a worker when they are large enough in all and a worker can start. */
function parseAhead(files: string[], minBytes: number | undefined) {
  if (minBytes === undefined || !canParseAhead()) return undefined;
  const csv = files.filter((f) => extname(f).toLowerCase() === ".csv" && isTableName(csvTable(f)));
  let bytes = 0;
  for (const file of csv) bytes += statSync(file).size;
  if (csv.length === 0 || bytes < minBytes) return undefined;
  const reader = new CsvAhead(csv.map((path) => ({ path, display: displayPath(path) })));
  return { files: new Set(csv), reader };
}

/** One line per table: records read and rows written, which must be equal. */
export function reconcile(result: DatasetResult): { table: TableName; read: number; written: number }[] {
  return TABLE_NAMES.map((table) => ({
    table,
    read: result.read[table],
    written: result.columns?.[table].length ?? 0,
  }));
}
