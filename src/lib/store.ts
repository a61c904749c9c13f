/**
 * Validated records kept as columns: one array per table column, plus where
 * each record was written (file, line, and for YAML/JSON each field's
 * location). No object per row, so a folder of millions of records fits in
 * memory; rows are made only on request, for small data and tests.
 */
import type { TableName } from "./fields.js";
import type { Row } from "./normalise.js";
import type { Location } from "./problems.js";
import { NO_FIELD_LOCS } from "./read/record.js";
import { ENTITY, TABLE_NAMES } from "./schema.js";
import type { ValidRecord } from "./validate.js";

const FIELD_ENTRIES = new Map(TABLE_NAMES.map((t) => [t, Object.entries(ENTITY[t].fields)]));

export class TableStore {
  length = 0;
  /** Column name → values, in the order records were read. */
  readonly columns: Record<string, unknown[]> = {};
  private readonly files: string[] = [];
  private readonly lines: number[] = [];
  /** A CSV row number, or a YAML/JSON path like `commitments[2]`. */
  private readonly paths: (number | string)[] = [];
  private readonly fieldLocs: Record<string, Location>[] = [];
  private readonly csvColumns: (Readonly<Record<string, number>> | undefined)[] = [];

  constructor(readonly table: TableName) {
    for (const [name, field] of FIELD_ENTRIES.get(table) ?? []) {
      for (const column of field.columns(name)) this.columns[column.name] = [];
    }
  }

  add(record: ValidRecord): number {
    const i = this.length++;
    for (const [name, field] of FIELD_ENTRIES.get(this.table) ?? []) {
      const value = record.values[name];
      if (field.cell) {
        this.columns[name].push(field.cell(value));
        continue;
      }
      const cells = field.cells(name, value);
      for (const key in cells) this.columns[key].push(cells[key]);
    }
    this.files.push(record.loc.file);
    this.lines.push(record.loc.line ?? 0);
    const row = /^row (\d+)$/.exec(record.path);
    this.paths.push(row ? Number(row[1]) : record.path);
    this.fieldLocs.push(record.fieldLocs === NO_FIELD_LOCS ? NO_FIELD_LOCS : record.fieldLocs);
    this.csvColumns.push(record.columns);
    return i;
  }

  get(column: string, i: number): unknown {
    return this.columns[column][i];
  }

  /** Adds (or replaces) a computed column. */
  set(column: string, values: unknown[]): void {
    this.columns[column] = values;
  }

  loc(i: number): Location {
    const line = this.lines[i];
    return line ? { file: this.files[i], line } : { file: this.files[i] };
  }

  fieldLoc(i: number, field: string): Location {
    const own = this.fieldLocs[i][field];
    if (own) return own;
    const column = this.csvColumns[i]?.[field];
    return column ? { file: this.files[i], line: this.lines[i], column } : this.loc(i);
  }

  path(i: number): string {
    const p = this.paths[i];
    return typeof p === "number" ? `row ${p}` : p;
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
    this.files.length = 0;
    this.lines.length = 0;
    this.paths.length = 0;
    this.fieldLocs.length = 0;
    this.csvColumns.length = 0;
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
