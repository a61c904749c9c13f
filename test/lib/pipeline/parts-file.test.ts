// The .parts files the pages load: every row of the full tables is in exactly
// one partition, each partition holds what its key and dates say, and the
// files are a deterministic function of the rows.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { RecordBatchReader, type Table, Type, tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TablesManifest } from "../../../src/lib/model/contracts.js";
import { checkManifest, PARTITIONED, UNDATED, WHOLE } from "../../../src/lib/model/partitions.js";
import { ENTITY, tableColumns } from "../../../src/lib/model/schema.js";
import type { TableName } from "../../../src/lib/model/tables.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { chooseEncodings } from "../../../src/lib/pipeline/arrow-writer.js";
import { planByDate, planByReference, readParts, wholePlan, writeParts } from "../../../src/lib/pipeline/parts-file.js";
import { ensureTables } from "../../../src/lib/pipeline/table-cache.js";

let cache: string;
let generated: string;
const previous = process.env.ACCORD_CACHE_DIR;

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), "aa-parts-cache-"));
  generated = mkdtempSync(join(tmpdir(), "aa-parts-data-"));
  process.env.ACCORD_CACHE_DIR = cache;
  const gen = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", "3000", "--seed", "5", "--out", generated, "--force"],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  if (previous === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previous;
  rmSync(cache, { recursive: true, force: true });
  rmSync(generated, { recursive: true, force: true });
});

/** Rows as plain values (lists as arrays, dictionaries as their strings), keyed by column. */
function plainRows(table: Table): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  const vectors = names.map((n) => table.getChild(n));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((name, c) => {
      const value = vectors[c]?.get(i);
      row[name] =
        value && typeof value === "object" && "toArray" in value ? Array.from(value as Iterable<unknown>) : value;
    });
    rows.push(row);
  }
  return rows;
}

const keyOf = (table: TableName) => (row: Record<string, unknown>) =>
  ENTITY[table].key.map((k) => String(row[k])).join("\u0000");

function built(dir: string) {
  const result = ensureTables(dir);
  if (!result.ok) throw new Error(result.report);
  const manifest = JSON.parse(readFileSync(join(result.folder, "tables.json"), "utf8")) as TablesManifest;
  return { folder: result.folder, manifest };
}

describe.each([
  ["data/", "data"],
  ["a generated folder (3,000 commitments over decades)", "generated"],
])("the .parts files of %s", (_, which) => {
  const dir = () => (which === "data" ? "data" : generated);
  // Building the tables is the slow part (seconds on a loaded machine): once per folder, with its own time limit.
  let tables: ReturnType<typeof built>;
  beforeAll(() => {
    tables = built(dir());
  }, 120_000);

  it("hold every row of the full tables exactly once, and nothing else", () => {
    const { folder, manifest } = tables;
    expect(() => checkManifest(manifest, TABLE_NAMES)).not.toThrow();
    for (const table of TABLE_NAMES) {
      const full = plainRows(tableFromIPC(readFileSync(join(folder, `${table}.arrow`))));
      const parts = readParts(readFileSync(join(folder, `${table}.parts`)), manifest.tables[table]);
      const partRows = parts.flatMap(plainRows);
      expect(manifest.tables[table].rows, table).toBe(full.length);
      expect(partRows.length, table).toBe(full.length);
      const key = keyOf(table);
      const sort = (rows: Record<string, unknown>[]) =>
        [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      expect(sort(partRows), table).toEqual(sort(full));
      // Same columns, in the schema's order; strings are still strings (dictionaries or not).
      for (const part of parts) {
        expect(part.schema.fields.map((f) => f.name)).toEqual(tableColumns(table).map((c) => c.name));
      }
    }
  });

  it("put each commitment in the partition of its date_from's year, with its parties and updates", () => {
    const { folder, manifest } = tables;
    const yearOf = (ms: unknown) => (typeof ms === "number" ? String(new Date(ms).getUTCFullYear()) : UNDATED);
    const partOf = new Map<string, string>();
    const commitments = manifest.tables.commitments;
    readParts(readFileSync(join(folder, "commitments.parts")), commitments).forEach((part, i) => {
      const p = commitments.partitions[i];
      for (const row of plainRows(part)) {
        expect(yearOf(row.date_from)).toBe(p.key);
        const from = new Date(row.date_from as number).toISOString().slice(0, 10);
        const to = new Date(row.date_to as number).toISOString().slice(0, 10);
        expect(from >= (p.from as string) && to <= (p.to as string), `${row.id} in ${p.key}`).toBe(true);
        partOf.set(row.id as string, p.key);
      }
    });
    if (which === "generated") expect(commitments.partitions.length).toBeGreaterThan(10);
    for (const table of ["commitment_parties", "status_updates"] as const) {
      const entry = manifest.tables[table];
      readParts(readFileSync(join(folder, `${table}.parts`)), entry).forEach((part, i) => {
        for (const row of plainRows(part))
          expect(partOf.get(row.commitment_id as string)).toBe(entry.partitions[i].key);
      });
    }
    for (const table of TABLE_NAMES.filter((t) => !PARTITIONED.includes(t))) {
      expect(manifest.tables[table].partitions.map((p) => p.key)).toEqual([WHOLE]);
    }
  });

  it("are each partition a complete Arrow IPC stream, gzipped on its own", () => {
    const { folder, manifest } = tables;
    const bytes = readFileSync(join(folder, "commitments.parts"));
    // The members end to end make the whole file; each decompresses alone.
    let raw = 0;
    for (const p of manifest.tables.commitments.partitions) {
      const ipc = gunzipSync(bytes.subarray(p.offset, p.offset + p.length));
      raw += ipc.length;
      expect(ipc.readUInt32LE(ipc.length - 8)).toBe(0xffffffff); // end-of-stream marker
      expect(ipc.readUInt32LE(ipc.length - 4)).toBe(0);
    }
    expect(raw).toBe(manifest.tables.commitments.rawBytes);
  });
});

describe("writeParts", () => {
  const columns = tableColumns("commitments");

  function sample(n: number) {
    const values: Record<string, unknown[]> = Object.fromEntries(columns.map((c) => [c.name, []]));
    const sectors = ["trade", "health", "energy"];
    for (let i = 0; i < n; i++) {
      const day = 18_000 + ((i * 37) % 1500); // 2019–2023
      for (const c of columns) {
        let value: unknown = c.nullable ? null : c.type === "int32" ? 0 : c.type === "date" ? day : `x${i}`;
        if (c.name === "id") value = `c${String(i).padStart(5, "0")}`;
        if (c.name === "sector") value = sectors[i % 3];
        if (c.name === "status") value = i % 2 ? "done" : "announced";
        if (c.name === "date_from" || c.name === "date_to") value = i % 50 === 0 ? null : day;
        values[c.name].push(value);
      }
    }
    return values;
  }

  it("writes the same bytes for the same rows", () => {
    const values = sample(500);
    const plan = planByDate(values.date_from, values.date_to, 500);
    const write = () => {
      const chunks: Uint8Array[] = [];
      const entry = writeParts(columns, values, 500, plan, (c) => chunks.push(c), { batchRows: 64 });
      return { entry, bytes: Buffer.concat(chunks) };
    };
    const a = write();
    const b = write();
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(a.entry).toEqual(b.entry);
    expect(a.entry.partitions.map((p) => p.key)).toEqual(["2019", "2020", "2021", "2022", "2023", UNDATED]);
    expect(a.entry.partitions.at(-1)?.rows).toBe(10);
  });

  it("encodes repeated strings as dictionaries, one per partition, shared by its record batches", () => {
    const values = sample(500);
    const encodings = chooseEncodings(columns, values, 500);
    expect(encodings.get("sector")).toBe(8);
    expect(encodings.get("status")).toBe(8);
    expect(encodings.has("id")).toBe(false); // every id differs: plain is smaller
    const chunks: Uint8Array[] = [];
    const entry = writeParts(columns, values, 500, wholePlan(500), (c) => chunks.push(c), { batchRows: 64 });
    const ipc = gunzipSync(Buffer.concat(chunks));
    const reader = RecordBatchReader.from(ipc);
    const batches = [...reader];
    expect(batches.length).toBe(Math.ceil(500 / 64));
    expect(batches[0].schema.fields.find((f) => f.name === "sector")?.typeId).toBe(Type.Dictionary);
    const sectors = readParts(Buffer.concat(chunks), entry)[0].getChild("sector")?.toArray();
    expect([...new Set(sectors)].sort()).toEqual(["energy", "health", "trade"]);
    // One dictionary message per encoded column: the later batches reuse it.
    let dictionaryMessages = 0;
    for (let at = 0; at + 8 <= ipc.length; ) {
      const metadata = ipc.readInt32LE(at + 4);
      if (metadata === 0) break;
      const message = tableFromIPCMessageType(ipc, at + 8);
      if (message.type === "dictionary") dictionaryMessages++;
      at += 8 + metadata + message.bodyLength;
    }
    expect(dictionaryMessages).toBe(encodings.size);
  });

  it("gives an empty table one empty partition with its columns", () => {
    const values = Object.fromEntries(columns.map((c) => [c.name, []]));
    const chunks: Uint8Array[] = [];
    const entry = writeParts(columns, values, 0, planByDate([], [], 0), (c) => chunks.push(c));
    expect(entry.partitions).toEqual([{ key: WHOLE, rows: 0, offset: 0, length: entry.bytes, from: null, to: null }]);
    const [table] = readParts(Buffer.concat(chunks), entry);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(columns.map((c) => c.name));
  });

  it("refuses a row whose commitment is not in the table", () => {
    const plan = planByDate([18_000, 19_000], [18_000, 19_000], 2);
    expect(planByReference(["a", "b"], plan, ["b", "a", "b"], 3).rowPart).toEqual(new Int32Array([1, 0, 1]));
    expect(() => planByReference(["a", "b"], plan, ["c"], 1)).toThrow(/commitment “c”, which is not in the table/);
  });
});

/** The header type and body length of the flatbuffer Message at `start` (enough to walk a stream). */
function tableFromIPCMessageType(bytes: Buffer, start: number): { type: string; bodyLength: number } {
  const table = start + bytes.readUInt32LE(start);
  const vtable = table - bytes.readInt32LE(table);
  const vtableLength = bytes.readUInt16LE(vtable);
  const field = (n: number) => (4 + 2 * n < vtableLength ? bytes.readUInt16LE(vtable + 4 + 2 * n) : 0);
  const headerType = field(1) ? bytes.readUInt8(table + field(1)) : 0;
  const bodyLength = field(3) ? Number(bytes.readBigInt64LE(table + field(3))) : 0;
  // MessageHeader: 1 Schema, 2 DictionaryBatch, 3 RecordBatch.
  return { type: headerType === 2 ? "dictionary" : headerType === 3 ? "batch" : "schema", bodyLength };
}
