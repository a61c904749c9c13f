import { fileURLToPath } from "node:url";
import { DateDay, Int32, List, Type, tableFromIPC, Utf8 } from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { ColumnSpec, ColumnType } from "../../../src/lib/model/fields.js";
import { tableColumns } from "../../../src/lib/model/schema.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { toArrowIPC, toArrowTable } from "../../../src/lib/pipeline/arrow-writer.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/valid/", import.meta.url));

function build() {
  const result = loadDataset(FIXTURE);
  if (!result.tables) throw new Error("the valid fixture has errors");
  const tables = result.tables;
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, toArrowIPC(tableColumns(t), tables[t])])) as Record<
    (typeof TABLE_NAMES)[number],
    Uint8Array
  >;
}

const first = build();
const second = build();
const rows = loadDataset(FIXTURE).tables;

const TYPE_IDS: Record<ColumnType, Type> = {
  utf8: Type.Utf8,
  int32: Type.Int,
  date: Type.Date,
  list_utf8: Type.List,
};

describe("Arrow IPC of the valid fixture", () => {
  it.each(TABLE_NAMES)("%s is byte-identical when built twice", (table) => {
    expect(first[table].length).toBeGreaterThan(0);
    expect(Buffer.from(second[table]).equals(Buffer.from(first[table]))).toBe(true);
  });

  it.each(TABLE_NAMES)("%s reads back with the schema's columns, types and row count", (table) => {
    const arrow = tableFromIPC(first[table]);
    const columns = tableColumns(table);
    expect(arrow.schema.fields.map((f) => f.name)).toEqual(columns.map((c) => c.name));
    arrow.schema.fields.forEach((field, i) => {
      expect(field.typeId, field.name).toBe(TYPE_IDS[columns[i].type]);
      expect(field.nullable, field.name).toBe(columns[i].nullable);
    });
    expect(arrow.numRows).toBe(rows?.[table].length);
  });

  it("has the expected row counts", () => {
    const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, tableFromIPC(first[t]).numRows]));
    expect(counts).toEqual({
      events: 2,
      commitments: 4,
      commitment_parties: 8,
      status_updates: 3,
      institutions: 5,
      sources: 2,
      sectors: 3,
    });
  });

  it("keeps the values: text, nulls, whole numbers, day dates and lists", () => {
    const events = tableFromIPC(first.events);
    const jmc8 = events.get(0)?.toJSON();
    expect(jmc8).toMatchObject({
      id: "pk-by-jmc-8",
      start_date: "2025-02-10",
      start_date_precision: "day",
      start_date_from: Date.UTC(2025, 1, 10),
      session: 8,
      note: null,
    });
    expect([...(events.getChild("co_chairs")?.get(0) ?? [])]).toEqual([
      "Minister of Commerce (PK)",
      "Minister of Industry (BY)",
    ]);
    expect([...(events.getChild("co_chairs")?.get(1) ?? [])]).toEqual([]);
    const commitments = tableFromIPC(first.commitments);
    expect(commitments.getChild("status")?.toArray()).toEqual(["done", "in_progress", "announced", "announced"]);
    expect([...(commitments.getChild("party_count")?.toArray() ?? [])]).toEqual([2, 2, 2, 2]);
    const sources = tableFromIPC(first.sources);
    expect(sources.getChild("title")?.get(1)).toBe("Joint statement <script>alert(1)</script>");
  });
});

describe("toArrowTable", () => {
  const columns: ColumnSpec[] = [
    { name: "id", type: "utf8", nullable: false, description: "" },
    { name: "n", type: "int32", nullable: true, description: "" },
    { name: "day", type: "date", nullable: true, description: "" },
    { name: "tags", type: "list_utf8", nullable: false, description: "" },
  ];

  it("maps each column type to its Arrow type", () => {
    const table = toArrowTable(columns, [{ id: "a", n: 1, day: 0, tags: ["x"] }]);
    const types = table.schema.fields.map((f) => f.type);
    expect(types[0]).toBeInstanceOf(Utf8);
    expect(types[1]).toBeInstanceOf(Int32);
    expect(types[2]).toBeInstanceOf(DateDay);
    expect(types[3]).toBeInstanceOf(List);
    expect(table.get(0)?.toJSON()).toMatchObject({ id: "a", n: 1, day: 0 });
  });

  it("writes nulls in nullable columns and an empty table with its schema", () => {
    const table = tableFromIPC(toArrowIPC(columns, [{ id: "a", n: null, day: undefined, tags: [] }]));
    expect(table.get(0)?.toJSON()).toMatchObject({ id: "a", n: null, day: null });
    const empty = tableFromIPC(toArrowIPC(columns, []));
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => f.name)).toEqual(["id", "n", "day", "tags"]);
  });

  it("refuses a null in a column that is not nullable", () => {
    expect(() => toArrowTable(columns, [{ id: null, n: 1, day: 0, tags: [] }])).toThrow(/column id is not nullable/);
  });
});

describe("writeColumnsAsIPC", () => {
  it("writes a table in record batches that read back as the same rows", async () => {
    const { tableFromIPC } = await import("apache-arrow");
    const { columnsToArrowIPC, writeColumnsAsIPC } = await import("../../../src/lib/pipeline/arrow-writer.js");
    const columns = [
      { name: "a", type: "utf8", nullable: true, description: "" },
      { name: "d", type: "date", nullable: true, description: "" },
      { name: "l", type: "list_utf8", nullable: false, description: "" },
      { name: "n", type: "int32", nullable: false, description: "" },
    ] as const;
    const n = 25;
    const values = {
      a: Array.from({ length: n }, (_, i) => (i % 3 ? `s${i}` : null)),
      d: Array.from({ length: n }, (_, i) => (i % 4 ? i : null)),
      l: Array.from({ length: n }, (_, i) => (i % 2 ? ["x", `y${i}`] : [])),
      n: Array.from({ length: n }, (_, i) => i),
    };
    const whole = tableFromIPC(columnsToArrowIPC([...columns], values, n));
    for (const batchRows of [7, 10, 25, 100]) {
      const parts: Uint8Array[] = [];
      const written = writeColumnsAsIPC([...columns], values, n, (bytes) => parts.push(bytes.slice()), batchRows);
      const bytes = new Uint8Array(Buffer.concat(parts));
      expect(bytes.length).toBe(written);
      const table = tableFromIPC(bytes);
      expect(table.batches.length).toBe(Math.ceil(n / Math.min(batchRows, n)));
      // Compare as JSON: list cells are views on differently sized buffers.
      expect(JSON.stringify(table.toArray())).toBe(JSON.stringify(whole.toArray()));
    }
    // One batch: the same bytes as writing the table whole.
    const single: Uint8Array[] = [];
    writeColumnsAsIPC([...columns], values, n, (bytes) => single.push(bytes.slice()));
    expect(Buffer.concat(single).equals(Buffer.from(columnsToArrowIPC([...columns], values, n)))).toBe(true);
  });
});
