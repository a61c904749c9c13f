import type { Location, Problem } from "../model/problems.js";
import type { TableName } from "../model/tables.js";

/** A record as read from a file, before validation, with where each field was written. */
export interface RawRecord {
  table: TableName;
  values: Record<string, unknown>;
  /** Where the record starts. */
  loc: Location;
  /** Where each field's value was written (YAML, JSON). */
  fieldLocs: Record<string, Location>;
  /**
   * CSV: the column of each field, shared by every row of a file, so a large
   * file does not hold a location object per cell.
   */
  columns?: Readonly<Record<string, number>>;
  /** Path of the record within its file, for example `commitments[2]` or `row 14`. */
  path: string;
  /** CSV: the row number in `path`, and what follows it (`.parties[0]`), so the path need not be parsed back. */
  row?: number;
  rowSuffix?: string;
}

export interface ReadResult {
  records: RawRecord[];
  problems: Problem[];
}

/** Where a field of a record was written: its own location, its CSV (or sheet) cell, or the record's start. */
export function fieldLoc(record: Pick<RawRecord, "fieldLocs" | "columns" | "loc">, field: string): Location {
  const own = record.fieldLocs[field];
  if (own) return own;
  const column = record.columns?.[field];
  if (!column) return record.loc;
  const { file, sheet, line } = record.loc;
  return sheet === undefined ? { file, line, column } : { file, sheet, line, column };
}

/** Shared by records that have no per-field locations. */
export const NO_FIELD_LOCS: Record<string, Location> = Object.freeze({}) as Record<string, Location>;
