/**
 * DuckDB-WASM's Arrow results as the page's plain values: rows of converted
 * cells with their column names and schema (arrowRows), or columns with
 * numeric ones kept as typed arrays (toColumns). Dates become "YYYY-MM-DD",
 * 64-bit integers numbers (strings past ±2^53), nested types plain arrays
 * and objects. Typed structurally (arrow-shapes.ts); it runs anywhere (no
 * DOM), so the unit tests reach it with apache-arrow's tables.
 */
import { columnCells, DAY_MS, dayText, integer } from "./arrow-chunks.js";
import { type ArrowTable, type ArrowType, type ArrowVector, type Convert, T, type Value } from "./arrow-shapes.js";

export type { ArrowTable, Value } from "./arrow-shapes.js";
export type Row = Record<string, Value>;

/**
 * What a column holds after conversion: "date" is a "YYYY-MM-DD" string,
 * "timestamp" a Date, "integer" a number (or a string past ±2^53).
 */
export type ColumnKind =
  | "integer"
  | "number"
  | "string"
  | "boolean"
  | "date"
  | "timestamp"
  | "time"
  | "list"
  | "struct"
  | "map"
  | "binary"
  | "other";

export interface ColumnSchema {
  name: string;
  type: ColumnKind;
  /** Arrow's name for the type DuckDB sent, e.g. "Int64", "Utf8", "Date32<DAY>". */
  arrowType: string;
  nullable: boolean;
}

/** A result as columns (see Database.queryColumns). */
export interface ColumnResult {
  numRows: number;
  columns: Record<string, ArrayLike<unknown>>;
}

/** Rows, plus non-enumerable column names and schema. */
export type QueryResult = Row[] & { readonly columns: string[]; readonly schema: ColumnSchema[] };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function timeOfDay(value: unknown, unit: number): string {
  // Time units: 0 s, 1 ms, 2 µs, 3 ns; values are number or bigint.
  const perSecond = [1n, 1000n, 1000000n, 1000000000n][unit] ?? 1n;
  const ticks = typeof value === "bigint" ? value : BigInt(Math.round(Number(value)));
  const seconds = Number(ticks / perSecond);
  const fraction = ticks % perSecond;
  const base = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return fraction === 0n ? base : `${base}.${String(fraction).padStart(String(perSecond).length - 1, "0")}`;
}

function kindOf(type: ArrowType): ColumnKind {
  switch (type.typeId) {
    case T.Int:
      return "integer";
    case T.Float:
      return "number";
    case T.Decimal:
      return type.scale === 0 ? "integer" : "number";
    case T.Utf8:
    case T.LargeUtf8:
      return "string";
    case T.Bool:
      return "boolean";
    case T.Date:
      return "date";
    case T.Timestamp:
      return "timestamp";
    case T.Time:
      return "time";
    case T.List:
    case T.FixedSizeList:
      return "list";
    case T.Struct:
      return "struct";
    case T.Map:
      return "map";
    case T.Binary:
    case T.LargeBinary:
    case T.FixedSizeBinary:
      return "binary";
    case T.Dictionary:
      return type.dictionary ? kindOf(type.dictionary) : "other";
    default:
      return "other";
  }
}

function converter(type: ArrowType): Convert {
  const child = (i: number) => converter(type.children?.[i]?.type ?? { typeId: T.Null });
  let convert: Convert;
  switch (type.typeId) {
    case T.Int:
      convert = (v) => (typeof v === "bigint" ? integer(v) : (v as number));
      break;
    case T.Decimal: {
      const scale = type.scale ?? 0;
      // Arrow's BigNum: String() is exact; valueOf(scale) applies the scale.
      convert =
        scale === 0
          ? (v) => integer(BigInt(String(v)))
          : (v) => (v as { valueOf(scale: number): number }).valueOf(scale);
      break;
    }
    case T.Date:
      // Arrow gives dates as milliseconds since 1970; the day they fall on, in UTC.
      convert = (v) => dayText(Math.floor((v as number) / DAY_MS));
      break;
    case T.Timestamp:
      convert = (v) => new Date(v as number);
      break;
    case T.Time:
      convert = (v) => timeOfDay(v, type.unit ?? 0);
      break;
    case T.List:
    case T.FixedSizeList: {
      const item = child(0);
      convert = (v) => Array.from(v as Iterable<unknown>, (x) => (x == null ? null : item(x)));
      break;
    }
    case T.Struct: {
      const fields = (type.children ?? []).map((f) => [f.name, converter(f.type)] as const);
      convert = (v) => {
        const row = v as Record<string, unknown>;
        const out: Record<string, Value> = {};
        for (const [name, fieldConvert] of fields) {
          const x = row[name];
          out[name] = x == null ? null : fieldConvert(x);
        }
        return out;
      };
      break;
    }
    case T.Map: {
      // A map is a list of {key, value} structs.
      const entry = type.children?.[0]?.type;
      const value = converter(entry?.children?.[1]?.type ?? { typeId: T.Null });
      convert = (v) => {
        const out: Record<string, Value> = {};
        for (const [k, x] of v as Iterable<[unknown, unknown]>) out[String(k)] = x == null ? null : value(x);
        return out;
      };
      break;
    }
    case T.Dictionary:
      convert = type.dictionary ? converter(type.dictionary) : generic;
      break;
    default:
      convert = generic;
  }
  return convert;
}

function generic(v: unknown): Value {
  if (typeof v === "bigint") return integer(v);
  return v as Value;
}

/**
 * An Arrow table or record batch as rows with their columns and schema (the
 * SQL page's cells stream batches); only its first `max` rows when given.
 */
export function arrowRows(table: ArrowTable, max = table.numRows): QueryResult {
  const fields = table.schema.fields;
  const columns = fields.map((f) => f.name);
  const count = Math.max(0, Math.min(max, table.numRows));
  // Column by column from the buffers (arrow-chunks.ts), then the rows.
  const cells = fields.map((f, i) => {
    const vector = table.getChildAt(i);
    return vector ? columnCells(f.type, vector, count, converter(f.type)) : null;
  });
  const rows: Row[] = new Array(count);
  for (let r = 0; r < count; ++r) {
    const row: Row = {};
    for (let c = 0; c < fields.length; ++c) row[columns[c]] = cells[c]?.[r] ?? null;
    rows[r] = row;
  }
  const schema: ColumnSchema[] = fields.map((f) => ({
    name: f.name,
    type: kindOf(f.type),
    arrowType: String(f.type),
    nullable: f.nullable,
  }));
  Object.defineProperties(rows, {
    columns: { value: columns, enumerable: false },
    schema: { value: schema, enumerable: false },
  });
  return rows as QueryResult;
}

/** One column's values: a typed array when numeric without nulls, else converted cells (arrow-chunks.ts). */
function columnValues(type: ArrowType, vector: ArrowVector, numRows: number): ArrayLike<unknown> {
  const numeric = (type.typeId === T.Int && (type.bitWidth ?? 64) <= 32) || type.typeId === T.Float;
  if (numeric && vector.nullCount === 0) return vector.toArray();
  return columnCells(type, vector, numRows, converter(type));
}

/** Numeric columns without nulls stay typed arrays; the rest go through the row converters. */
export function toColumns(table: ArrowTable): ColumnResult {
  const columns: Record<string, ArrayLike<unknown>> = {};
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i);
    if (vector) columns[field.name] = columnValues(field.type, vector, table.numRows);
  });
  return { numRows: table.numRows, columns };
}

/**
 * A result packed as one row holding one list of structs (`SELECT list({a: …,
 * b: …}) AS x FROM …`) as the structs' columns, numeric ones as typed arrays.
 * DuckDB-WASM sends a result in record batches of 2,048 rows, and reading
 * each batch costs the page a little: the network's 2,393,896 party links
 * at a million commitments are 1,169 batches and about 120 ms of main-thread
 * work as rows, one batch and next to none packed. An empty list (or NULL,
 * list() of no rows) is no rows.
 */
export function packedColumns(table: ArrowTable): ColumnResult {
  const field = table.schema.fields[0];
  const struct = field?.type.children?.[0]?.type;
  if (table.schema.fields.length !== 1 || field.type.typeId !== T.List || struct?.typeId !== T.Struct) {
    throw new Error(
      `packedColumns: expected one list-of-struct column, got ${table.schema.fields.map((f) => `${f.name} ${f.type}`).join(", ")}`,
    );
  }
  if (table.numRows !== 1) throw new Error(`packedColumns: expected one row, got ${table.numRows}`);
  const list = table.getChildAt(0)?.get(0) as ArrowVector | null | undefined;
  const numRows = list?.length ?? 0;
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const child of struct.children ?? []) {
    const vector = list?.getChild?.(child.name);
    columns[child.name] = vector ? columnValues(child.type, vector, numRows) : [];
  }
  return { numRows, columns };
}
