/**
 * CSV records: one table per file, named by the file (`commitments.csv`, or
 * `commitments.2024.csv` for a table split over several files). The first row
 * names the columns; lists are separated by ';'. A `parties` column in
 * commitments lists the institutions bound, each optionally `id:role`.
 */
import { parse } from "csv-parse/sync";
import type { Location, Problem } from "../model/problems.js";
import { columnLetters, showValue } from "../model/problems.js";
import { ENTITY, isTableName } from "../model/schema.js";
import type { TableName } from "../model/tables.js";
import { TABLE_NAMES } from "../model/tables.js";
import { NO_FIELD_LOCS, type RawRecord, type ReadResult } from "./record.js";

/** The table a CSV file holds, from its name: `commitments.csv`, `commitments.part-2.csv`. */
export function csvTable(fileName: string): string {
  const base = fileName.split("/").pop() ?? fileName;
  return base.split(".")[0];
}

/**
 * Reads a CSV file of one table. Rows are handed to `sink` as they are parsed
 * when one is given (a large file is never held as records), otherwise they
 * are returned.
 */
export function readCsv(text: string, file: string, sink?: (record: RawRecord) => void): ReadResult {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  const reader = csvRowReader(file, problems, sink ?? ((record: RawRecord) => records.push(record)));
  if (!reader) return { records, problems: [notATable(file)] };
  const parseProblem = parseCsvCells(text, file, reader.row);
  if (parseProblem) problems.push(parseProblem);
  else reader.finish();
  return { records, problems };
}

/**
 * The problems of a header row: unknown, unnamed and repeated columns, and
 * required ones missing. `place` is where the header is; `columnName` writes a
 * column's number as the file's reader sees it (CSV: 3, sheet: C).
 */
function checkHeader(
  header: readonly string[],
  table: TableName,
  place: Location,
  columnName: (column: number) => string,
): Problem[] {
  const problems: Problem[] = [];
  const entity = ENTITY[table];
  const allowed = new Set([...Object.keys(entity.fields), ...(table === "commitments" ? ["parties"] : [])]);
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const column = index + 1;
    if (!allowed.has(name)) {
      problems.push({
        severity: "error",
        ...place,
        column,
        field: name || `(column ${columnName(column)})`,
        message: name ? `is not a column of ${table}` : "has no name",
        expected: `columns among: ${[...allowed].join(", ")}`,
      });
    } else if (seen.has(name)) {
      problems.push({
        severity: "error",
        ...place,
        column,
        field: name,
        message: `appears twice in the header (also column ${columnName(seen.get(name) ?? 0)})`,
        expected: "each column once",
      });
    } else seen.set(name, column);
  });
  for (const [name, field] of Object.entries(entity.fields)) {
    if (field.required && !seen.has(name)) {
      problems.push({
        severity: "error",
        ...place,
        field: name,
        message: `required column is missing from the header`,
        expected: `a column named ${name} (${field.expected})`,
      });
    }
  }
  return problems;
}

/** The problem for a CSV file whose name names no table. */
export function notATable(file: string): Problem {
  return {
    severity: "error",
    file,
    message: `the file name does not name a table ("${csvTable(file)}")`,
    expected: `a CSV file named after its table: ${TABLE_NAMES.map((t) => `${t}.csv`).join(", ")}`,
  };
}

/** Turns a CSV file's rows of cells into records: the header, then one record per row (and its parties). */
export interface CsvRowReader {
  /** One row of cells, with the line it starts on. */
  row(cells: string[], line: number): void;
  /** After the last row of a file that parsed. */
  finish(): void;
}

/**
 * The row reader of a CSV file (undefined when its name names no table):
 * problems go to `problems`, records to `emit`. The parsing itself is
 * separate (`parseCsvCells`), so it can run ahead on another thread.
 *
 * With `sheet`, the rows are a workbook sheet's (xlsx-records.ts): the sheet
 * names the table, every location names the sheet, and a record's path and
 * row are the sheet's row number (the header's row included), as a
 * spreadsheet shows it.
 */
export function csvRowReader(
  file: string,
  problems: Problem[],
  emit: (record: RawRecord) => void,
  sheet?: string,
): CsvRowReader | undefined {
  const table = sheet ?? csvTable(file);
  if (!isTableName(table)) return undefined;
  const at = (line: number): Location => (sheet === undefined ? { file, line } : { file, sheet, line });
  let headerLine = 1;
  const entity = ENTITY[table];
  let header: string[] | undefined;
  let stop = false;
  let columns: Readonly<Record<string, number>> = {};
  let partiesIndex = -1;
  let partyColumns: Readonly<Record<string, number>> = {};
  let rowNumber = 0;

  const readHeader = (cells: string[], line: number) => {
    if (sheet !== undefined) headerLine = line;
    header = cells.map((h) => h.trim());
    // A header written with another delimiter reads as one column: say so once, not column by column.
    const delimiter = sheet === undefined ? delimiterProblem(header, table, at(headerLine)) : undefined;
    const found = delimiter
      ? [delimiter]
      : checkHeader(header, table, at(headerLine), sheet === undefined ? String : columnLetters);
    for (const p of found) problems.push(p);
    stop = found.length > 0; // rows cannot be read reliably under a broken header
    columns = Object.freeze(Object.fromEntries(header.map((name, i) => [name, i + 1])));
    partiesIndex = header.indexOf("parties");
    partyColumns = Object.freeze({
      commitment_id: partiesIndex + 1,
      institution_id: partiesIndex + 1,
      role: partiesIndex + 1,
    });
  };

  const readRow = (cells: string[], line: number) => {
    const names = header as string[];
    rowNumber = sheet === undefined ? rowNumber + 1 : line;
    const path = `row ${rowNumber}`;
    if (cells.length !== names.length) {
      if (cells.every((c) => c.trim() === "")) return; // a blank line of spaces
      problems.push({
        severity: "error",
        ...at(line),
        field: path,
        message: `has ${cells.length} field${cells.length === 1 ? "" : "s"} but the header has ${names.length}`,
        expected: `${names.length} comma-separated fields (quote values that contain commas)`,
      });
      return;
    }
    const values: Record<string, unknown> = {};
    let blank = true;
    for (let index = 0; index < names.length; index++) {
      const cell = cells[index].trim();
      if (cell !== "") blank = false;
      const name = names[index];
      if (name === "parties") continue;
      const value = entity.fields[name].fromCsv(cell);
      if (value !== undefined) values[name] = value;
    }
    if (blank) return; // a row of empty fields (",,,")
    const record: RawRecord = {
      table: table as TableName,
      values,
      loc: at(line),
      fieldLocs: NO_FIELD_LOCS,
      columns,
      path,
      row: rowNumber,
      rowSuffix: "",
    };
    emit(record);
    if (partiesIndex >= 0) {
      for (const party of partiesFromCell(record, cells[partiesIndex].trim(), partyColumns, problems)) emit(party);
    }
  };

  return {
    row: (cells, line) => {
      if (!header) readHeader(cells, line);
      else if (!stop) readRow(cells, line);
    },
    finish: () => {
      if (!header) {
        problems.push({
          severity: "error",
          ...(sheet === undefined ? at(1) : { file, sheet }),
          message: "has no header row",
          expected: "a header row naming the columns",
        });
      }
    },
  };
}

/**
 * The problems of a header row: written with another delimiter (one problem
 * then, instead of one a column), unknown or repeated columns, required
 * columns missing. Rows cannot be read reliably under a header with any.
 */
/** The problem of a CSV header written with semicolons, tabs or bars instead of commas, if it is one. */
function delimiterProblem(header: string[], table: TableName, place: Location): Problem | undefined {
  const entity = ENTITY[table];
  const allowed = new Set([...Object.keys(entity.fields), ...(table === "commitments" ? ["parties"] : [])]);
  const delimiter = otherDelimiter(header, allowed);
  if (!delimiter) return undefined;
  return {
    severity: "error",
    ...place,
    value: showValue(header.join(",")),
    message: `is separated by ${delimiter.name}, not commas, so the header reads as one column`,
    expected: `comma-separated values: in Excel, Save As › CSV UTF-8 (Comma delimited); in an editor, replace each ${delimiter.one} between fields by a comma`,
  };
}

const DELIMITERS = [
  { char: ";", name: 'semicolons (";")', one: 'semicolon (";")' },
  { char: "\t", name: "tabs", one: "tab" },
  { char: "|", name: 'vertical bars ("|")', one: 'vertical bar ("|")' },
];

/**
 * The delimiter a header row was written with when it is not a comma: the
 * header read as one cell (or few) holds column names joined by it.
 */
function otherDelimiter(header: string[], allowed: Set<string>): (typeof DELIMITERS)[number] | undefined {
  if (header.some((name) => allowed.has(name))) return undefined;
  for (const delimiter of DELIMITERS) {
    const names = header.flatMap((cell) => cell.split(delimiter.char).map((n) => n.trim()));
    if (names.length > header.length && names.some((n) => allowed.has(n))) return delimiter;
  }
  return undefined;
}

/**
 * Parses CSV text into rows of cells, each handed to `row` with the line it
 * starts on (blank lines skipped). Returns the problem when the text is not
 * valid CSV (the rows before it have been handed over).
 */
export function parseCsvCells(
  text: string,
  file: string,
  row: (cells: string[], line: number) => void,
): Problem | undefined {
  let previousLines = 0;
  let previousEmpty = 0;
  try {
    parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context: { lines: number; empty_lines: number }) => {
        // A record starts on the line after the previous one ended, past any blank lines.
        const line = previousLines + 1 + (context.empty_lines - previousEmpty);
        previousLines = context.lines;
        previousEmpty = context.empty_lines;
        row(cells, line);
        return null; // keep nothing: every row is handled here
      },
    });
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    const start = lastCompleteLine(text, e.lines);
    return {
      severity: "error",
      file,
      line: start,
      message:
        e.code === "CSV_QUOTE_NOT_CLOSED"
          ? "is not valid CSV: a quoted field that starts in this row is never closed"
          : `is not valid CSV: ${e.message.replace(/^[A-Za-z ]+: /, "").replace(/ at line \d+$/, "")}`,
      expected:
        e.code === "CSV_QUOTE_NOT_CLOSED"
          ? 'every quoted field closed with a matching double quote (write a quote inside a field as "")'
          : "comma-separated values, quoted with double quotes where a value holds a comma, quote or line break",
    };
  }
  return undefined;
}

function partiesFromCell(
  commitment: RawRecord,
  cell: string,
  columns: Readonly<Record<string, number>>,
  problems: Problem[],
): RawRecord[] {
  if (cell === "") return [];
  const loc: Location = { ...commitment.loc, column: columns.institution_id };
  return cell.split(";").flatMap((item, index) => {
    const [institution, role, ...rest] = item.trim().split(":");
    if (rest.length) {
      problems.push({
        severity: "error",
        ...loc,
        field: `${commitment.path}.parties[${index}]`,
        value: showValue(item.trim()),
        message: "has more than one ':'",
        expected: "institution-id or institution-id:role",
      });
      return [];
    }
    const suffix = partySuffix(index);
    const values: Record<string, unknown> = { commitment_id: commitment.values.id, institution_id: institution.trim() };
    if (role !== undefined) values.role = role.trim();
    return [
      {
        table: "commitment_parties" as const,
        values,
        loc,
        fieldLocs: NO_FIELD_LOCS,
        columns,
        path: `${commitment.path}${suffix}`,
        row: commitment.row,
        rowSuffix: suffix,
      },
    ];
  });
}

const PARTY_SUFFIXES: string[] = [];
/** `.parties[index]`, one string per index for every row. */
function partySuffix(index: number): string {
  for (let k = PARTY_SUFFIXES.length; k <= index; k++) PARTY_SUFFIXES.push(`.parties[${k}]`);
  return PARTY_SUFFIXES[index];
}

/** The line where the record that failed to parse starts: the line after the last complete record. */
function lastCompleteLine(text: string, failedAt: number | undefined): number | undefined {
  if (failedAt === undefined) return undefined;
  // Find the start of the unterminated quoted record: scan records by quote balance.
  let line = 1;
  let recordStart = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n") {
      line++;
      if (!inQuotes) recordStart = line;
    }
  }
  return inQuotes ? recordStart : failedAt;
}
