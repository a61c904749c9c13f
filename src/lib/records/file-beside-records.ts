/**
 * Checks one YAML record file on its own, as `npm run validate` would check it
 * inside a data folder whose other records are known only by their ids: the
 * same reading (readYaml) and the same schema and cross-record checks
 * (Validator), with references to the folder's records resolved and an id the
 * folder already uses reported as a duplicate. Pure: the /draft page runs it.
 */
import { type Problem, showValue } from "../model/problems.js";
import { ENTITY } from "../model/schema.js";
import { TABLE_NAMES, type TableName } from "../model/tables.js";
import { readYaml } from "./document.js";
import { fieldLoc } from "./record.js";
import { Validator } from "./validate.js";

/** Ids of the records of each table kept elsewhere (the data folder). */
export type OutsideIds = Partial<Record<TableName, readonly string[]>>;

/** Every problem of the file, in the order they were found (reading, then records, then across records). */
export function checkFileBesideRecords(text: string, file: string, outside: OutsideIds): Problem[] {
  const read = readYaml(text, file);
  const problems: Problem[] = [...read.problems];
  const validator = new Validator(problems, outside);
  const taken = new Map<TableName, Set<string>>(
    TABLE_NAMES.map((t): [TableName, Set<string>] => [t, new Set(outside[t] ?? [])]),
  );
  for (const record of read.records) {
    validator.add(record);
    const id = record.values.id;
    if (ENTITY[record.table].key[0] !== "id" || typeof id !== "string") continue;
    if (!taken.get(record.table)?.has(id.trim())) continue;
    problems.push({
      severity: "error",
      ...fieldLoc(record, "id"),
      field: `${record.path}.id`,
      value: showValue(id.trim()),
      message: "is a duplicate: already used in the data folder",
      expected: `a unique id in ${record.table}`,
    });
  }
  validator.finish();
  return problems;
}
