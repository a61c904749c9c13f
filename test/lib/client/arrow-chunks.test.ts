/**
 * A column's cells read from its Arrow buffers give the values apache-arrow's
 * `get` and arrow-rows' converters give, batch by batch, with nulls, multi-byte
 * text, 64-bit integers and dates at the calendar's edges; sliced batches and
 * other types take the `get` path.
 */
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  type RecordBatch,
  Table,
  TimestampMillisecond,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { columnCells, dayText } from "../../../src/lib/client/arrow-chunks.js";
import type { ArrowTable, ArrowVector, Convert, Value } from "../../../src/lib/client/arrow-shapes.js";

const DAY_MS = 86_400_000;

/** What the `get` path gives: apache-arrow's cell, then the converter. */
function byGet(vector: ArrowVector, count: number, convert: Convert): Value[] {
  return Array.from({ length: count }, (_, r) => {
    const v = vector.get(r);
    return v === null || v === undefined ? null : convert(v);
  });
}

/** A table of `columns` sent through IPC in batches of `batch` rows, as DuckDB-WASM sends 2,048. */
function batched(columns: Record<string, Vector>, batch: number): ArrowTable {
  const whole = new Table(columns);
  const batches: RecordBatch[] = [];
  for (let from = 0; from < whole.numRows; from += batch) {
    batches.push(...whole.slice(from, Math.min(whole.numRows, from + batch)).batches);
  }
  return tableFromIPC(tableToIPC(new Table(batches))) as unknown as ArrowTable;
}

const TEXT = [
  "plain",
  "",
  null,
  "Pakistan–Belarus",
  "Défense et coopération",
  "合作备忘录",
  "emoji 🤝 handshake",
  "x",
  null,
  "\uFEFFleading mark kept",
  "ASCII again",
];

describe("columnCells", () => {
  it("reads text, with multi-byte characters and nulls, as get does, across batches", () => {
    const values = Array.from({ length: 50 }, (_, i) => TEXT[i % TEXT.length]);
    const t = batched({ s: vectorFromArray(values, new Utf8()) }, 7);
    const vector = t.getChildAt(0) as ArrowVector;
    expect(vector.data?.length).toBe(8);
    const cells = columnCells(t.schema.fields[0].type, vector, 50, (v) => v as Value);
    expect(cells).toEqual(values);
    // apache-arrow's own get drops a leading U+FEFF; the buffers keep what was stored.
    const viaGet = byGet(vector, 50, (v) => v as Value);
    expect(cells.map((c) => (typeof c === "string" ? c.replace(/^\uFEFF/, "") : c))).toEqual(viaGet);
  });

  it("reads an all-ASCII batch and a batch of only nulls", () => {
    const values = ["a", "bb", "ccc", null, null, null];
    const t = batched({ s: vectorFromArray(values, new Utf8()) }, 3);
    expect(columnCells(t.schema.fields[0].type, t.getChildAt(0) as ArrowVector, 6, (v) => v as Value)).toEqual(values);
  });

  it("writes day dates as YYYY-MM-DD, nulls as null", () => {
    const days = [0, -1, 19_000, null, 20_089, -719_162, 2_932_896, null];
    const vector = vectorFromArray(
      days.map((d) => (d === null ? null : new Date(d * DAY_MS))),
      new DateDay(),
    );
    const t = batched({ d: vector }, 3);
    const cells = columnCells(t.schema.fields[0].type, t.getChildAt(0) as ArrowVector, days.length, () => "unused");
    expect(cells).toEqual(days.map((d) => (d === null ? null : new Date(d * DAY_MS).toISOString().slice(0, 10))));
    expect(cells.slice(0, 3)).toEqual(["1970-01-01", "1969-12-31", "2022-01-08"]);
  });

  it("gives 64-bit integers as numbers, past ±2^53 as strings, and 32-bit ones, floats and booleans as they are", () => {
    const big = [1n, -5n, 2n ** 60n, null, -(2n ** 53n) - 1n];
    const t = batched(
      {
        big: vectorFromArray(big, new Int64()),
        small: vectorFromArray([1, null, 3, 4, 5], new Int32()),
        share: vectorFromArray([0.5, 1.5, null, -2, Number.NaN], new Float64()),
        yes: vectorFromArray([true, false, null, true, false], new Bool()),
      },
      2,
    );
    const read = (i: number) => columnCells(t.schema.fields[i].type, t.getChildAt(i) as ArrowVector, 5, () => "unused");
    expect(read(0)).toEqual([1, -5, String(2n ** 60n), null, String(-(2n ** 53n) - 1n)]);
    expect(read(1)).toEqual([1, null, 3, 4, 5]);
    expect(read(2)).toEqual([0.5, 1.5, null, -2, Number.NaN]);
    expect(read(3)).toEqual([true, false, null, true, false]);
  });

  it("reads only the first cells asked for, stopping inside a batch", () => {
    const values = Array.from({ length: 20 }, (_, i) => `row ${i}`);
    const t = batched({ s: vectorFromArray(values, new Utf8()) }, 6);
    const cells = columnCells(t.schema.fields[0].type, t.getChildAt(0) as ArrowVector, 9, (v) => v as Value);
    expect(cells).toEqual(values.slice(0, 9));
    expect(columnCells(t.schema.fields[0].type, t.getChildAt(0) as ArrowVector, 0, (v) => v as Value)).toEqual([]);
  });

  it("goes through get and the converter for a slice of a batch and for other types", () => {
    const values = ["a", null, "ccc", "dddd", "é"];
    const whole = new Table({ s: vectorFromArray(values, new Utf8()) });
    const slice = whole.slice(2).getChildAt(0) as unknown as ArrowVector;
    expect(slice.data?.[0].offset).toBe(2);
    const marked: Convert = (v) => `<${v}>`;
    expect(columnCells(whole.schema.fields[0].type, slice, 3, marked)).toEqual(["<ccc>", "<dddd>", "<é>"]);

    const stamps = vectorFromArray([new Date(0), null], new TimestampMillisecond()) as unknown as ArrowVector;
    expect(columnCells(new TimestampMillisecond(), stamps, 2, (v) => `ms ${v}`)).toEqual(["ms 0", null]);
  });
});

describe("columnCells on lists", () => {
  /** arrow-rows' list converter over items that stay as they are. */
  const asArray: Convert = (v) => Array.from(v as Iterable<unknown>, (x) => (x == null ? null : (x as Value)));

  it("reads lists of text as get does, with empty and null lists, null and multi-byte items, across batches", () => {
    const lists = [["PK", "BY"], [], null, ["Défense", null, "合作"], ["🤝"], ["a"], null, ["x", "y", "z"], []];
    const values = Array.from({ length: 40 }, (_, i) => lists[i % lists.length]);
    const type = new List(new Field("item", new Utf8(), true));
    const t = batched({ l: vectorFromArray(values, type) }, 6);
    const vector = t.getChildAt(0) as ArrowVector;
    expect(vector.data?.length).toBe(7);
    const cells = columnCells(t.schema.fields[0].type, vector, 40, () => "through get");
    expect(cells).toEqual(values);
    expect(cells).toEqual(byGet(vector, 40, asArray));
  });

  it("reads lists of integers, and only the first cells asked for", () => {
    const values = [[1, 2], null, [3], [], [4, 5, 6], [7]];
    const type = new List(new Field("item", new Int32(), true));
    const t = batched({ l: vectorFromArray(values, type) }, 4);
    expect(columnCells(t.schema.fields[0].type, t.getChildAt(0) as ArrowVector, 5, () => "through get")).toEqual(
      values.slice(0, 5),
    );
  });

  it("goes through get for lists of a type it does not read", () => {
    const type = new List(new Field("item", new TimestampMillisecond(), true));
    const t = batched({ l: vectorFromArray([[new Date(0)], null], type) }, 2);
    expect(columnCells(t.schema.fields[0].type, t.getChildAt(0) as ArrowVector, 2, () => "through get")).toEqual([
      "through get",
      null,
    ]);
  });
});

describe("dayText", () => {
  it("agrees with Date#toISOString on every day from 1900 to 2100 and at the edges of four-digit years", () => {
    const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
    const from = Date.UTC(1900, 0, 1) / DAY_MS;
    const to = Date.UTC(2100, 11, 31) / DAY_MS;
    const wrong: number[] = [];
    for (let day = from; day <= to; day++) if (dayText(day) !== iso(day)) wrong.push(day);
    expect(wrong).toEqual([]);
    for (const [y, m, d] of [
      [1000, 0, 1],
      [999, 11, 31],
      [9999, 11, 31],
      [10_000, 0, 1],
      [1600, 1, 29],
      [2000, 1, 29],
      [2400, 1, 29],
      [1, 0, 1],
    ]) {
      const day = new Date(Date.UTC(2000, m, d)).setUTCFullYear(y) / DAY_MS;
      expect(dayText(day)).toBe(iso(day));
    }
  });
});
