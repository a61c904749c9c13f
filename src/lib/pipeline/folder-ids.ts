/**
 * The ids of one record type as written in a data folder (Node only), read
 * without validating the folder: the template offers the sector ids in its
 * drop-down lists even while other records still have errors.
 */
import type { TableName } from "../model/tables.js";
import { listRecordFiles, readRecordFile } from "./files.js";

/** The distinct ids of `table`'s records in `dir`, sorted; none when the folder cannot be read. */
export function idsInFolder(dir: string, table: TableName): string[] {
  const ids = new Set<string>();
  const keep = (record: { table: TableName; values: Record<string, unknown> }) => {
    const id = record.values.id;
    if (record.table === table && typeof id === "string" && id.trim() !== "") ids.add(id.trim());
  };
  for (const file of listRecordFiles(dir).files) {
    for (const record of readRecordFile(file, file, keep).records) keep(record);
  }
  return [...ids].sort();
}
