/**
 * Validated records kept as columns: one array per table column, plus where
 * each record was written (file, line, and for YAML/JSON each field's
 * location). No object per row, so a folder of millions of records fits in
 * memory; rows are made only on request, for small data and tests.
 */
import type { FieldSpec } from "../model/fields.js";
import type { Location } from "../model/problems.js";
import { ENTITY } from "../model/schema.js";
import type { TableName } from "../model/tables.js";
import { TABLE_NAMES } from "../model/tables.js";
import { Int32List } from "./growable.js";
import { NO_FIELD_LOCS } from "./record.js";
import type { Row, ValidRecord } from "./record-types.js";

const FIELD_ENTRIES = new Map(TABLE_NAMES.map((t) => [t, Object.entries(ENTITY[t].fields)]));
/** A CSV record's path, `row 12` or `row 12.parties[0]`: a row number and a suffix from a short list. */
const ROW_PATH = /^row (\d+)(.*)$/;

/** Where a run of records came from: a file (and a workbook's sheet), and for CSV and sheets the column of each field. */
interface Origin {
  file: string;
  sheet?: string;
  columns?: Readonly<Record<string, number>>;
}

/** How one field writes its cells: into one column, or into several (dates). */
interface Writer {
  names: string[];
  /** The columns of `names`, held directly (the hot path skips a lookup by name per cell). */
  targets: unknown[][];
  cell?: (value: unknown) => unknown;
  parts?: (value: unknown) => readonly unknown[];
  field: string;
  fallback: FieldSpec;
  /** References to the smaller tables repeat: every equal id is kept as one string. */
  shared?: Map<string, string>;
}

export class TableStore {
  length = 0;
  /** Column name → values, in the order records were read. */
  readonly columns: Record<string, unknown[]> = {};
  private readonly writers: Writer[] = [];
  private sealed = false;
  // Where each record was written, kept compact: one small integer per
  // record and field of location, shared lists for the rest.
  private readonly origins: Origin[] = [];
  private readonly origin = new Int32List();
  private readonly lines = new Int32List();
  /** CSV row number, or -1 when the path is held in `pathTexts`. */
  private readonly rowNumbers = new Int32List();
  /** Index into `suffixes` of what follows `row N` in a CSV path. */
  private readonly suffix = new Int32List();
  private readonly suffixes: string[] = [""];
  private readonly suffixIndex = new Map<string, number>([["", 0]]);
  /** YAML/JSON paths like `commitments[2]`, by record. */
  private readonly pathTexts = new Map<number, string>();
  /** YAML/JSON field locations, by record (CSV records have none). */
  private readonly fieldLocs = new Map<number, Record<string, Location>>();

  constructor(readonly table: TableName) {
    for (const [name, field] of FIELD_ENTRIES.get(table) ?? []) {
      const names = field.columns(name).map((c) => c.name);
      for (const column of names) this.columns[column] = [];
      const shared = field.kind === "ref" && field.ref !== "commitments" ? new Map<string, string>() : undefined;
      const targets = names.map((column) => this.columns[column]);
      this.writers.push({ names, targets, cell: field.cell, parts: field.parts, field: name, fallback: field, shared });
    }
  }

  add(record: ValidRecord): number {
    if (this.sealed) throw new Error(`${this.table}: no record can be added once the rows are sorted`);
    const i = this.length++;
    const columns = this.columns;
    for (const writer of this.writers) {
      let value = record.values[writer.field];
      if (writer.shared && typeof value === "string") {
        const same = writer.shared.get(value);
        if (same === undefined) writer.shared.set(value, value);
        else value = same;
      }
      if (writer.cell) writer.targets[0].push(writer.cell(value));
      else if (writer.parts) {
        const parts = writer.parts(value);
        for (let k = 0; k < writer.targets.length; k++) writer.targets[k].push(parts[k]);
      } else {
        const cells = writer.fallback.cells(writer.field, value);
        for (const key in cells) columns[key].push(cells[key]);
      }
    }
    this.origin.push(this.originOf(record.loc.file, record.columns, record.loc.sheet));
    this.lines.push(record.loc.line ?? 0);
    const csvRow = record.row !== undefined ? undefined : ROW_PATH.exec(record.path);
    const row = record.row ?? (csvRow ? Number(csvRow[1]) : -1);
    if (row >= 0) {
      const rest = record.rowSuffix ?? csvRow?.[2] ?? "";
      let s = rest === "" ? 0 : this.suffixIndex.get(rest);
      if (s === undefined) {
        s = this.suffixes.push(rest) - 1;
        this.suffixIndex.set(rest, s);
      }
      this.rowNumbers.push(row);
      this.suffix.push(s);
    } else {
      this.rowNumbers.push(-1);
      this.suffix.push(0);
      this.pathTexts.set(i, record.path);
    }
    if (record.fieldLocs !== NO_FIELD_LOCS) this.fieldLocs.set(i, record.fieldLocs);
    return i;
  }

  /** The index of a record's origin; records of one file follow each other, so the last one usually matches. */
  private originOf(file: string, columns: Readonly<Record<string, number>> | undefined, sheet?: string): number {
    const same = (o: Origin) => o.file === file && o.columns === columns && o.sheet === sheet;
    const last = this.origins.length - 1;
    if (last >= 0 && same(this.origins[last])) return last;
    for (let k = 0; k < last; k++) if (same(this.origins[k])) return k;
    return this.origins.push(sheet === undefined ? { file, columns } : { file, sheet, columns }) - 1;
  }

  get(column: string, i: number): unknown {
    return this.columns[column][i];
  }

  /** Adds (or replaces) a computed column. */
  set(column: string, values: unknown[]): void {
    this.columns[column] = values;
    for (const writer of this.writers) {
      const k = writer.names.indexOf(column);
      if (k >= 0) writer.targets[k] = values;
    }
  }

  loc(i: number): Location {
    const line = this.lines.get(i);
    const { file, sheet } = this.origins[this.origin.get(i)];
    if (sheet !== undefined) return line ? { file, sheet, line } : { file, sheet };
    return line ? { file, line } : { file };
  }

  fieldLoc(i: number, field: string): Location {
    const own = this.fieldLocs.get(i)?.[field];
    if (own) return own;
    const { file, sheet, columns } = this.origins[this.origin.get(i)];
    const column = columns?.[field];
    if (!column) return this.loc(i);
    const line = this.lines.get(i);
    return sheet === undefined ? { file, line, column } : { file, sheet, line, column };
  }

  path(i: number): string {
    const row = this.rowNumbers.get(i);
    return row >= 0 ? `row ${row}${this.suffixes[this.suffix.get(i)]}` : (this.pathTexts.get(i) ?? "");
  }

  /**
   * Puts the rows in a stable order (by the given columns) and drops the
   * location bookkeeping: afterwards the store is only its columns.
   */
  sortAndSeal(keys: string[]): void {
    const keyColumns = keys.map((k) => this.columns[k]);
    const order = Array.from({ length: this.length }, (_, i) => i);
    order.sort((a, b) => {
      for (const column of keyColumns) {
        const x = String(column[a]);
        const y = String(column[b]);
        if (x !== y) return x < y ? -1 : 1;
      }
      return a - b;
    });
    for (const name of Object.keys(this.columns)) {
      const source = this.columns[name];
      this.columns[name] = order.map((i) => source[i]);
    }
    this.sealed = true;
    this.origins.length = 0;
    this.origin.clear();
    this.lines.clear();
    this.rowNumbers.clear();
    this.suffix.clear();
    this.pathTexts.clear();
    this.fieldLocs.clear();
    for (const writer of this.writers) writer.shared?.clear();
  }

  /** The rows as objects (for small tables, pages' seeds and tests). */
  rows(columnNames: readonly string[] = Object.keys(this.columns)): Row[] {
    const out: Row[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const row: Row = {};
      for (const name of columnNames) row[name] = this.columns[name][i];
      out[i] = row;
    }
    return out;
  }
}

/** Row index by id (the first record with each id). */
export function indexOf(store: TableStore): Map<string, number> {
  const ids = store.columns.id;
  const index = new Map<string, number>();
  for (let i = 0; i < store.length; i++) if (!index.has(ids[i] as string)) index.set(ids[i] as string, i);
  return index;
}
