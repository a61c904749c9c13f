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

const encoder = new TextEncoder();

/** Validity bitmap: bit i set when row i has a value. */
function validity(length: number): Uint8Array {
  return new Uint8Array((length + 7) >> 3);
}

/** UTF-8 strings packed into one buffer with offsets (no per-string allocation). */
function utf8Data(values: readonly (string | null)[], name: string, nullable: boolean): Data {
  const length = values.length;
  let buffer = new Uint8Array(Math.max(1024, length * 24));
  const offsets = new Int32Array(length + 1);
  const bitmap = validity(length);
  let position = 0;
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      if (!nullable) throw new Error(`column ${name} is not nullable but row ${i} has no value`);
      nulls++;
    } else {
      bitmap[i >> 3] |= 1 << (i & 7);
      const text = String(value);
      const n = text.length;
      if (position + n * 3 > buffer.length) {
        const grown = new Uint8Array(Math.max(buffer.length * 2, position + n * 3));
        grown.set(buffer.subarray(0, position));
        buffer = grown;
      }
      // ASCII is its own UTF-8: copy it code by code; anything else goes to the encoder.
      let k = 0;
      while (k < n) {
        const code = text.charCodeAt(k);
        if (code >= 0x80) break;
        buffer[position + k] = code;
        k++;
      }
      position += k === n ? n : encoder.encodeInto(text, buffer.subarray(position)).written;
    }
    offsets[i + 1] = position;
  }
  return makeData({
    type: new Utf8(),
    length,
    nullCount: nulls,
    nullBitmap: nulls ? bitmap : null,
    valueOffsets: offsets,
    data: buffer.slice(0, position),
  });
}

/** 32-bit integers, or dates as days since 1970-01-01. */
function int32Data(type: Int32 | DateDay, values: readonly unknown[], name: string, nullable: boolean): Data {
  const length = values.length;
  const data = new Int32Array(length);
  const bitmap = validity(length);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      if (!nullable) throw new Error(`column ${name} is not nullable but row ${i} has no value`);
      nulls++;
    } else {
      bitmap[i >> 3] |= 1 << (i & 7);
      data[i] = value as number;
    }
  }
  const nullBitmap = nulls ? bitmap : null;
  return type instanceof DateDay
    ? makeData({ type, length, nullCount: nulls, nullBitmap, data })
    : makeData({ type, length, nullCount: nulls, nullBitmap, data });
}

/** Lists of strings: offsets into one child string column. */
function listData(type: List<Utf8>, values: readonly unknown[], name: string): Data {
  const length = values.length;
  const offsets = new Int32Array(length + 1);
  const items: string[] = [];
  for (let i = 0; i < length; i++) {
    const list = values[i];
    if (list === null || list === undefined)
      throw new Error(`column ${name} is not nullable but row ${i} has no value`);
    for (const item of list as string[]) items.push(item);
    offsets[i + 1] = items.length;
  }
  return makeData<List<Utf8>>({
    type,
    length,
    nullCount: 0,
    valueOffsets: offsets,
    child: utf8Data(items, `${name}[]`, false) as Data<Utf8>,
  });
}

/** Builds a table from rows; `date` cells are days since 1970-01-01. */
export function toArrowTable(columns: readonly ColumnSpec[], rows: readonly Record<string, unknown>[]): Table {
  const values: Record<string, unknown[]> = {};
  for (const column of columns) values[column.name] = rows.map((row) => row[column.name]);
  return columnsToArrowTable(columns, values, rows.length);
}

/** Builds a table from column arrays (one array of `length` values per column spec). */
export function columnsToArrowTable(
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, readonly unknown[]>>,
  length: number,
): Table {
  const fields: Field[] = [];
  const children: Data[] = [];
  for (const column of columns) {
    const type = arrowType(column.type);
    fields.push(new Field(column.name, type, column.nullable));
    const cells = values[column.name];
    if (!cells || cells.length !== length) throw new Error(`column ${column.name}: expected ${length} values`);
    if (type instanceof Utf8) children.push(utf8Data(cells as (string | null)[], column.name, column.nullable));
    else if (type instanceof Int32 || type instanceof DateDay) {
      children.push(int32Data(type, cells, column.name, column.nullable));
    } else children.push(listData(type as List<Utf8>, cells, column.name));
  }
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

/** Arrow IPC stream bytes from column arrays. */
export function columnsToArrowIPC(
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, readonly unknown[]>>,
  length: number,
): Uint8Array {
  return tableToIPC(columnsToArrowTable(columns, values, length), "stream");
}

/** Arrow IPC stream bytes, the format DuckDB-WASM's insertArrowFromIPCStream reads. */
export function toArrowIPC(columns: readonly ColumnSpec[], rows: readonly Record<string, unknown>[]): Uint8Array {
  return tableToIPC(toArrowTable(columns, rows), "stream");
}

/** Rows per record batch when a table is written in parts. */
export const BATCH_ROWS = 100_000;

/**
 * Writes column arrays as one Arrow IPC stream, a record batch of at most
 * `batchRows` rows at a time, through `write` (for example to a file), so a
 * table of millions of rows is never encoded in memory all at once. The bytes
 * are a function of the values and `batchRows` only. Returns the bytes written.
 */
export function writeColumnsAsIPC(
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, readonly unknown[]>>,
  length: number,
  write: (bytes: Uint8Array) => void,
  batchRows = BATCH_ROWS,
): number {
  let written = 0;
  const emit = (bytes: Uint8Array) => {
    write(bytes);
    written += bytes.length;
  };
  for (let start = 0; start === 0 || start < length; start += batchRows) {
    const end = Math.min(length, start + batchRows);
    const slice: Record<string, readonly unknown[]> = {};
    for (const column of columns) slice[column.name] = values[column.name].slice(start, end);
    const ipc = columnsToArrowIPC(columns, slice, end - start);
    // A stream is: schema message, record batch message(s), end-of-stream marker
    // (8 bytes). Every part after the first contributes only its batch.
    const schemaBytes = start === 0 ? 0 : messageLength(ipc, 0);
    const last = end >= length;
    emit(ipc.subarray(schemaBytes, last ? ipc.length : ipc.length - 8));
    if (last) break;
  }
  return written;
}

/** Length of the encapsulated IPC message at `offset`: continuation marker, metadata length, metadata, body. */
function messageLength(ipc: Uint8Array, offset: number): number {
  const view = new DataView(ipc.buffer, ipc.byteOffset + offset);
  if (view.getUint32(0, true) !== 0xffffffff) throw new Error("unexpected Arrow IPC framing");
  const metadata = view.getInt32(4, true);
  return 8 + metadata; // the schema message has no body
}
