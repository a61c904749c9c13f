/**
 * One column's cells read straight from its Arrow buffers, record batch by
 * record batch, for the types a page's answers are mostly made of: text,
 * dates, integers, floats and booleans, and lists of them. apache-arrow's
 * `Vector.get(i)` finds the batch of every cell and decodes each text cell
 * with its own TextDecoder call, and each date went through a `Date` and its
 * ISO text; a page reading 4,000 timeline marks of 26 columns spent most of
 * its conversion there. Here a batch's text is decoded in one call and cut
 * at its offsets, a day number is written as its date by arithmetic, and a
 * list's items are read so and cut at the list's offsets (5,139
 * institutions' lists of countries took 120 ms through `get`). Other types,
 * and batches that are slices of another (offset ≠ 0), go through `get` and
 * the caller's converter, so the values are the same either way (tests
 * compare both; one difference on purpose: a text cell that starts with
 * U+FEFF keeps it, where `get` drops it).
 */
import { type ArrowData, type ArrowType, type ArrowVector, type Convert, T, type Value } from "./arrow-shapes.js";

/** Reads the cells [0, count) of one batch into `out` from `at`; false when this batch's buffers are not as it reads them. */
type BatchReader = (data: ArrowData, count: number, out: Value[], at: number) => boolean;

export const DAY_MS = 86_400_000;
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

function isValid(data: ArrowData, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!data.nullCount || !bitmap || bitmap.length === 0) return true;
  return ((bitmap[i >> 3] >> (i & 7)) & 1) === 1;
}

/** Byte offset → UTF-16 offset within a decoded run, for text with multi-byte characters. */
function utf16Offsets(bytes: Uint8Array, offsets: ArrayLike<number>, count: number, base: number): Int32Array {
  const at = new Int32Array(count + 1);
  let units = 0;
  let byte = base;
  for (let i = 0; i <= count; i++) {
    const end = offsets[i];
    for (; byte < end; byte++) {
      const b = bytes[byte];
      // A lead byte starts a character; a four-byte one is two UTF-16 units.
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
    }
    at[i] = units;
  }
  return at;
}

const readText: BatchReader = (data, count, out, at) => {
  const offsets = data.valueOffsets as ArrayLike<number>;
  const bytes = data.values as Uint8Array;
  const start = offsets[0];
  const end = offsets[count];
  const text = utf8.decode(bytes.subarray(start, end));
  const units = text.length === end - start ? null : utf16Offsets(bytes, offsets, count, start);
  for (let i = 0; i < count; i++) {
    if (!isValid(data, i)) out[at + i] = null;
    else if (units) out[at + i] = text.slice(units[i], units[i + 1]);
    else out[at + i] = text.slice(offsets[i] - start, offsets[i + 1] - start);
  }
  return true;
};

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/**
 * Days since 1970-01-01 as "YYYY-MM-DD" (the proleptic Gregorian calendar, by
 * Howard Hinnant's days-to-civil arithmetic); years outside 1000–9999 as the
 * first ten characters of `Date#toISOString`, as dates were written before.
 */
export function dayText(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m5 = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * m5 + 2) / 5) + 1;
  const month = m5 < 10 ? m5 + 3 : m5 - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[date]}`;
}

const readDays: BatchReader = (data, count, out, at) => {
  const days = data.values as Int32Array;
  for (let i = 0; i < count; i++) out[at + i] = isValid(data, i) ? dayText(days[i]) : null;
  return true;
};

/** A 64-bit integer as a number, or as its digits past ±2^53 (no precision lost). */
export function integer(value: bigint): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : String(value);
}

/** Numbers as they are; 64-bit integers through `integer`. */
const readNumbers: BatchReader = (data, count, out, at) => {
  const values = data.values as ArrayLike<number | bigint>;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    out[at + i] = !isValid(data, i) ? null : typeof v === "bigint" ? integer(v) : v;
  }
  return true;
};

const readBooleans: BatchReader = (data, count, out, at) => {
  const bits = data.values as Uint8Array;
  for (let i = 0; i < count; i++) out[at + i] = isValid(data, i) ? ((bits[i >> 3] >> (i & 7)) & 1) === 1 : null;
  return true;
};

/** Lists whose items `readItems` reads: all the batch's items at once, then one array per cell. */
function listReader(readItems: BatchReader): BatchReader {
  return (data, count, out, at) => {
    const offsets = data.valueOffsets;
    const items = data.children?.[0];
    if (!offsets || !items || items.offset !== 0) return false;
    const end = offsets[count];
    const values: Value[] = new Array(end);
    if (!readItems(items, end, values, 0)) return false;
    for (let i = 0; i < count; i++) out[at + i] = isValid(data, i) ? values.slice(offsets[i], offsets[i + 1]) : null;
    return true;
  };
}

/** The buffer reader for a type, or null where `get` and the converter must do. */
function readerFor(type: ArrowType): BatchReader | null {
  switch (type.typeId) {
    case T.Utf8:
      return readText;
    case T.Date:
      return type.unit === 0 ? readDays : null;
    case T.Int:
      return readNumbers;
    case T.Float:
      // Half-precision floats are stored as 16-bit integers; `get` decodes them.
      return type.precision === 0 ? null : readNumbers;
    case T.Bool:
      return readBooleans;
    case T.List: {
      const item = type.children?.[0]?.type;
      const readItems = item ? readerFor(item) : null;
      return readItems ? listReader(readItems) : null;
    }
    default:
      return null;
  }
}

/**
 * The first `count` cells of a column as page values (null for null): from
 * the buffers for text, day dates, integers, floats, booleans and lists of
 * them, through `vector.get` and `convert` otherwise.
 */
export function columnCells(type: ArrowType, vector: ArrowVector, count: number, convert: Convert): Value[] {
  const out: Value[] = new Array(count);
  const read = readerFor(type);
  let at = 0;
  if (read && vector.data) {
    for (const data of vector.data) {
      const n = Math.min(data.length, count - at);
      if (at >= count || data.offset !== 0 || !read(data, n, out, at)) break;
      at += n;
    }
  }
  for (let r = at; r < count; r++) {
    const value = vector.get(r);
    out[r] = value === null || value === undefined ? null : convert(value);
  }
  return out;
}
