/**
 * DuckDB-WASM's Arrow results as the page's values, on tables apache-arrow
 * builds here: every row, or only the first rows a page shows (the SQL
 * page's examples at a million rows), with the schema either way; and the
 * column form with numeric columns as typed arrays.
 */
import {
  Field,
  Int32,
  List,
  Struct,
  Table,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { type ArrowTable, arrowRows, packedColumns, toColumns } from "../../../src/lib/client/arrow-rows.js";

/** A table as DuckDB-WASM hands it over: through IPC, as the page receives it. */
function table(columns: Parameters<typeof tableFromArrays>[0]): ArrowTable {
  return tableFromIPC(tableToIPC(tableFromArrays(columns))) as unknown as ArrowTable;
}

const ids = Int32Array.from({ length: 12 }, (_, i) => i + 1);
const names = Array.from({ length: 12 }, (_, i) => `row ${i + 1}`);

describe("arrowRows", () => {
  it("turns every row into an object with the columns and their schema", () => {
    const rows = arrowRows(table({ id: ids, name: names }));
    expect(rows.length).toBe(12);
    expect(rows[0]).toEqual({ id: 1, name: "row 1" });
    expect(rows[11]).toEqual({ id: 12, name: "row 12" });
    expect(rows.columns).toEqual(["id", "name"]);
    expect(rows.schema.map((c) => [c.name, c.type])).toEqual([
      ["id", "integer"],
      ["name", "string"],
    ]);
  });

  it("turns only the first rows into objects when asked for at most some, keeping the schema", () => {
    const rows = arrowRows(table({ id: ids, name: names }), 5);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.columns).toEqual(["id", "name"]);
    expect(rows.schema.map((c) => c.type)).toEqual(["integer", "string"]);
    // More than there are, or none.
    expect(arrowRows(table({ id: ids }), 50).length).toBe(12);
    expect(arrowRows(table({ id: ids }), 0).length).toBe(0);
  });

  it("gives nulls as null", () => {
    const rows = arrowRows(table({ name: ["a", null, "c"] }));
    expect(rows.map((r) => r.name)).toEqual(["a", null, "c"]);
  });
});

describe("toColumns", () => {
  it("keeps numeric columns without nulls as typed arrays and converts the rest", () => {
    const result = toColumns(table({ id: ids, share: Float64Array.from(ids, (i) => i / 2), name: names }));
    expect(result.numRows).toBe(12);
    expect(ArrayBuffer.isView(result.columns.id)).toBe(true);
    expect(Array.from(result.columns.id)).toEqual(Array.from(ids));
    expect(ArrayBuffer.isView(result.columns.share)).toBe(true);
    expect(Array.isArray(result.columns.name)).toBe(true);
    expect(result.columns.name[3]).toBe("row 4");
  });
});

describe("packedColumns", () => {
  const link = new Struct([
    new Field("commitment", new Int32(), false),
    new Field("institution", new Int32(), false),
    new Field("label", new Utf8(), true),
  ]);
  /** One row, one list-of-struct column (null: list() of no rows), through IPC. */
  function packed(items: { commitment: number; institution: number; label: string | null }[] | null): ArrowTable {
    const links = vectorFromArray([items], new List(new Field("item", link, true)));
    return tableFromIPC(tableToIPC(new Table({ links }))) as unknown as ArrowTable;
  }

  it("gives the structs' fields as columns, numeric ones as typed arrays", () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({
      commitment: i >> 1,
      institution: 7 * i,
      label: i % 3 ? `l${i}` : null,
    }));
    const result = packedColumns(packed(items));
    expect(result.numRows).toBe(5000);
    expect(result.columns.commitment).toBeInstanceOf(Int32Array);
    expect(Array.from(result.columns.commitment)).toEqual(items.map((l) => l.commitment));
    expect(Array.from(result.columns.institution)).toEqual(items.map((l) => l.institution));
    expect(Array.from(result.columns.label)).toEqual(items.map((l) => l.label));
  });

  it("gives no rows for an empty or null list", () => {
    for (const items of [[], null]) {
      const result = packedColumns(packed(items));
      expect(result.numRows).toBe(0);
      expect(Array.from(result.columns.commitment)).toEqual([]);
    }
  });

  it("refuses a result that is not one list of structs", () => {
    expect(() => packedColumns(table({ id: ids }))).toThrow(/expected one list-of-struct column, got id Int32/);
  });
});
