import type { TableName } from "../fields.js";
import type { Location, Problem } from "../problems.js";

/** A record as read from a file, before validation, with where each field was written. */
export interface RawRecord {
  table: TableName;
  values: Record<string, unknown>;
  /** Where the record starts. */
  loc: Location;
  /** Where each field's value was written. */
  fieldLocs: Record<string, Location>;
  /** Path of the record within its file, for example `commitments[2]` or `row 14`. */
  path: string;
}

export interface ReadResult {
  records: RawRecord[];
  problems: Problem[];
}

export function fieldLoc(record: RawRecord, field: string): Location {
  return record.fieldLocs[field] ?? record.loc;
}
