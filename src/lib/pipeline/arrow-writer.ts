/**
 * Arrow IPC tables from rows, typed by the schema's column specs. The output
 * is a deterministic function of the rows: same rows, same bytes.
 */
import {
  type Data,
  type DataType,
  DateDay,
  Dictionary,
  Field,
  Int8,
  Int16,
  Int32,
  List,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
} from "apache-arrow";
import type { ColumnSpec } from "../model/fields.js";

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

// ---- dictionary-encoded batches (the browser's .parts files) -----------------

/** Bits of a dictionary column's indices. */
export type IndexWidth = 8 | 16 | 32;

/** How the string columns of a table are encoded: dictionary index width by column; the others plain. */
export type Encodings = ReadonlyMap<string, IndexWidth>;

/** The largest dictionary each index width can address. */
export const INDEX_LIMIT: Record<IndexWidth, number> = { 8: 127, 16: 32_767, 32: 2_147_483_647 };

/**
 * Chooses, for each string column, whether to write it as a dictionary
 * (distinct values once, then a small integer per row): when that takes at
 * most half the bytes of the plain column. Measured on the whole table, so
 * every partition of it has the same schema. Deterministic.
 */
export function chooseEncodings(
  columns: readonly ColumnSpec[],
  values: Readonly<Record<string, readonly unknown[]>>,
  length: number,
): Encodings {
  const out = new Map<string, IndexWidth>();
  for (const column of columns) {
    if (column.type !== "utf8" || length === 0) continue;
    const cells = values[column.name];
    const distinct = new Set<string>();
    let plain = 4 * length;
    let dictionary = 0;
    for (let i = 0; i < length; i++) {
      const value = cells[i];
      if (typeof value !== "string") continue;
      plain += value.length;
      if (!distinct.has(value)) {
        distinct.add(value);
        dictionary += value.length + 4;
      }
    }
    const width: IndexWidth = distinct.size <= INDEX_LIMIT[8] ? 8 : distinct.size <= INDEX_LIMIT[16] ? 16 : 32;
    if (dictionary + (width / 8) * length <= plain / 2) out.set(column.name, width);
  }
  return out;
}

/** The schema of a table written with these encodings (dictionary ids: the column's position). */
export function encodedSchema(columns: readonly ColumnSpec[], encodings: Encodings): Schema {
  return new Schema(
    columns.map((column, i) => {
      const width = encodings.get(column.name);
      if (width === undefined) return new Field(column.name, arrowType(column.type), column.nullable);
      const index = width === 8 ? new Int8() : width === 16 ? new Int16() : new Int32();
      return new Field(column.name, new Dictionary(new Utf8(), index, i), column.nullable);
    }),
  );
}

interface DictionaryColumn {
  vector: Vector<Utf8>;
  index: Map<string, number>;
}

/** The distinct strings of some cells, sorted, as a dictionary. */
function dictionaryOf(cells: readonly unknown[], name: string): DictionaryColumn {
  const sorted = [...new Set(cells.filter((v): v is string => typeof v === "string"))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    vector: makeVector(utf8Data(sorted, `${name} (dictionary)`, false) as Data<Utf8>),
    index: new Map(sorted.map((v, i) => [v, i])),
  };
}

function dictionaryData(
  type: Dictionary,
  dictionary: DictionaryColumn,
  cells: readonly unknown[],
  name: string,
  nullable: boolean,
): Data {
  const length = cells.length;
  const width = type.indices.bitWidth;
  const data = width === 8 ? new Int8Array(length) : width === 16 ? new Int16Array(length) : new Int32Array(length);
  const bitmap = validity(length);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const value = cells[i];
    if (value === null || value === undefined) {
      if (!nullable) throw new Error(`column ${name} is not nullable but row ${i} has no value`);
      nulls++;
    } else {
      bitmap[i >> 3] |= 1 << (i & 7);
      data[i] = dictionary.index.get(value as string) as number;
    }
  }
  return makeData({
    type,
    length,
    nullCount: nulls,
    nullBitmap: nulls ? bitmap : null,
    data,
    dictionary: dictionary.vector,
  });
}

/**
 * One Arrow IPC stream of some rows (a partition): the schema, one
 * dictionary per encoded column (the rows' own distinct values, sorted), and
 * record batches of at most `batchRows` rows sharing those dictionaries.
 * Same rows and encodings, same bytes.
 */
export function encodedIPC(
  columns: readonly ColumnSpec[],
  encodings: Encodings,
  values: Readonly<Record<string, readonly unknown[]>>,
  length: number,
  batchRows = BATCH_ROWS,
): Uint8Array {
  const schema = encodedSchema(columns, encodings);
  const dictionaries = new Map<string, DictionaryColumn>();
  for (const column of columns) {
    if (encodings.has(column.name)) dictionaries.set(column.name, dictionaryOf(values[column.name], column.name));
  }
  const batches: RecordBatch[] = [];
  for (let start = 0; start === 0 || start < length; start += batchRows) {
    const end = Math.min(length, start + batchRows);
    const children = columns.map((column, i) => {
      const cells = values[column.name];
      if (!cells || cells.length !== length) throw new Error(`column ${column.name}: expected ${length} values`);
      const slice = start === 0 && end === length ? cells : cells.slice(start, end);
      const type = schema.fields[i].type;
      const dictionary = dictionaries.get(column.name);
      if (dictionary) return dictionaryData(type as Dictionary, dictionary, slice, column.name, column.nullable);
      if (type instanceof Utf8) return utf8Data(slice as (string | null)[], column.name, column.nullable);
      if (type instanceof Int32 || type instanceof DateDay) return int32Data(type, slice, column.name, column.nullable);
      return listData(type as List<Utf8>, slice, column.name);
    });
    const data = makeData({ type: new Struct(schema.fields), length: end - start, nullCount: 0, children });
    batches.push(new RecordBatch(schema, data));
    if (end >= length) break;
  }
  return tableToIPC(new Table(schema, batches), "stream");
}
