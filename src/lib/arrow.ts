/**
 * Arrow IPC tables from rows, typed by the schema's column specs. The output
 * is a deterministic function of the rows: same rows, same bytes.
 */
import {
  type Data,
  type DataType,
  DateDay,
  Field,
  Int32,
  List,
  makeBuilder,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
} from "apache-arrow";
import type { ColumnSpec } from "./fields.js";

function arrowType(type: ColumnSpec["type"]): DataType {
  switch (type) {
    case "utf8":
      return new Utf8();
    case "int32":
      return new Int32();
    case "date":
      return new DateDay();
    case "list_utf8":
      return new List(new Field("item", new Utf8(), false));
  }
}

const MS_PER_DAY = 86_400_000;

/** Builds a table; `date` cells are days since 1970-01-01. */
export function toArrowTable(columns: readonly ColumnSpec[], rows: readonly Record<string, unknown>[]): Table {
  const fields: Field[] = [];
  const children: Data[] = [];
  for (const column of columns) {
    const type = arrowType(column.type);
    fields.push(new Field(column.name, type, column.nullable));
    const builder = makeBuilder({ type, nullValues: [null, undefined] });
    for (const row of rows) {
      const value = row[column.name];
      if (value === null || value === undefined) {
        if (!column.nullable) throw new Error(`column ${column.name} is not nullable but a row has no value`);
        builder.append(null);
      } else if (column.type === "date") builder.append(new Date((value as number) * MS_PER_DAY));
      else builder.append(value);
    }
    children.push(builder.finish().flush());
  }
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

/** Arrow IPC stream bytes, the format DuckDB-WASM's insertArrowFromIPCStream reads. */
export function toArrowIPC(columns: readonly ColumnSpec[], rows: readonly Record<string, unknown>[]): Uint8Array {
  return tableToIPC(toArrowTable(columns, rows), "stream");
}
