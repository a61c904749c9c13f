/**
 * The parts of apache-arrow's tables the page's conversions read, typed
 * structurally (and by Arrow's numeric type ids) so that no module of ours
 * pulls a second copy of apache-arrow into the page beside DuckDB-WASM's.
 */

/** A converted cell value. */
export type Value = string | number | boolean | null | Date | Uint8Array | Value[] | { [key: string]: Value };

/** One cell's conversion from what `Vector.get` returns to a page value. */
export type Convert = (value: unknown) => Value;

export interface ArrowType {
  typeId: number;
  bitWidth?: number;
  /** Dates: 0 day, 1 millisecond; times and timestamps: 0 s, 1 ms, 2 µs, 3 ns. */
  unit?: number;
  /** Floats: 0 half, 1 single, 2 double. */
  precision?: number;
  scale?: number;
  children?: ArrowField[];
  dictionary?: ArrowType;
  toString(): string;
}

export interface ArrowField {
  name: string;
  type: ArrowType;
  nullable: boolean;
}

/** One record batch's buffers for one column (apache-arrow's Data). */
export interface ArrowData {
  /** Where this batch starts within buffers it shares with another (a slice); 0 for DuckDB's answers. */
  offset: number;
  length: number;
  nullCount: number;
  /** One bit a cell, 1 = valid; may be empty when there is no null. */
  nullBitmap?: Uint8Array | null;
  /** The cells (fixed width), or the bytes of text. */
  values: ArrayLike<unknown>;
  /** Text and lists: where each cell's bytes (items) start, one more than there are cells. */
  valueOffsets?: ArrayLike<number> | null;
  /** A list's items (one child), a struct's fields. */
  children?: readonly ArrowData[];
}

export interface ArrowVector {
  get(index: number): unknown;
  toArray(): ArrayLike<unknown>;
  nullCount: number;
  length: number;
  /** Its record batches' buffers, in order. */
  data?: readonly ArrowData[];
  /** A struct vector's field by name (apache-arrow's Vector.getChild). */
  getChild?(name: string): ArrowVector | null;
}

export interface ArrowTable {
  numRows: number;
  schema: { fields: ArrowField[] };
  getChildAt(index: number): ArrowVector | null;
}

/** apache-arrow's Type enum. */
export const T = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  List: 12,
  Struct: 13,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  LargeBinary: 19,
  LargeUtf8: 20,
  Dictionary: -1,
} as const;
