// The fast field checks (`accept`, `acceptRecord`) against zod, the reference:
// on every record of the project's data, the test fixtures (valid and
// hostile) and a generated folder, and on each of those records with one
// field replaced by a value from a catalogue of bad and borderline values (the
// validation corpus' cases and more). For every record, both accept it with
// the same parsed values, or both refuse it. (The unit tests also set
// ACCORD_VERIFY_CHECKS, so every record of the validation corpus in
// validate.test.ts is checked both ways as it is loaded.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY } from "../../src/lib/model/schema.js";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";
import { listRecordFiles, readRecordFile } from "../../src/lib/pipeline/files.js";
import type { RawRecord } from "../../src/lib/records/record.js";
import { acceptRecord, zodParseRecord } from "../../src/lib/records/validate.js";

let generated: string;
beforeAll(() => {
  generated = mkdtempSync(join(tmpdir(), "aa-check-"));
  const gen = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", "2000", "--seed", "5", "--out", generated, "--force"],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(generated, { recursive: true, force: true }));

function records(dir: string): RawRecord[] {
  const out: RawRecord[] = [];
  for (const file of listRecordFiles(dir).files) {
    const result = readRecordFile(file, file, (r) => out.push(r));
    out.push(...result.records);
  }
  return out;
}

/** Both parsers on one record's values: the same verdict, and the same values when valid. */
function agree(table: RawRecord["table"], values: Record<string, unknown>): boolean {
  const entity = ENTITY[table];
  const fast = acceptRecord(entity, values);
  const reference = zodParseRecord(entity, values);
  expect(fast !== undefined, `${table} ${JSON.stringify(values).slice(0, 300)}`).toBe(reference.success);
  if (fast && reference.success) expect(fast).toStrictEqual(stripUndefined(reference.data as Record<string, unknown>));
  return reference.success;
}

function stripUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

const long = (n: number, c = "x") => c.repeat(n);
/** Values that zod refuses or only just accepts, for any field kind. */
const CATALOGUE: unknown[] = [
  undefined,
  null,
  "",
  "   ",
  " trade ",
  "trade",
  "Trade",
  "trad",
  "pk-gov",
  " pk-gov ",
  "PK-GOV",
  "-pk",
  "pk gov",
  "pk_gov.1",
  long(80, "a"),
  long(81, "a"),
  long(300),
  long(301),
  ` ${long(300)} `,
  long(4000),
  long(4001),
  "Government\u0007 of Pakistan",
  "Government \u202eof Pakistan",
  "tab\there",
  "line\nbreak",
  "line\r\nbreak",
  "\u0085next line",
  "\u007fdel",
  "<b>bold</b>",
  "&amp; entity",
  "2025",
  "2025-02",
  "2025-02-10",
  " 2025-02-10 ",
  "2025-02-30",
  "2025-13",
  "1799",
  "2201",
  "03/2025",
  "2027/2028",
  " 2027 / 2028 ",
  "2028/2027",
  "2025-02/2025-06-30",
  "2027/",
  "/2028",
  "2027-2028",
  "2025-2-1",
  2025,
  2025.5,
  -2025,
  0,
  1,
  8,
  1_000_000,
  1_000_001,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "8",
  true,
  "https://example.org/a",
  " https://example.org/a ",
  "http://example.org/a?b=c#d",
  "HTTPS://EXAMPLE.ORG",
  "https://example.org/a b",
  "https://example.org/\u0007",
  "javascript:alert(1)",
  "data:text/html,x",
  "file:///etc/passwd",
  "ftp://example.org",
  "/press/1",
  "example.org",
  `https://example.org/${long(2000)}`,
  "#4e79a7",
  "#4E79A7",
  " #4e79a7 ",
  "#4e79a",
  "red",
  "PK",
  "pk",
  " BY ",
  "XX",
  "held",
  " held ",
  "HELD",
  "agreed",
  "signatory",
  "in_progress",
  "high",
  [],
  ["PK", "BY"],
  [" PK ", "BY"],
  ["PK", "pk"],
  ["PK", "XX"],
  ["s1"],
  [" s1 ", "s2"],
  ["s1", ""],
  ["s1", 2],
  ["S1"],
  [null],
  [long(81, "a")],
  ["Ambassador A", "Minister B"],
  ["Ambassador\nA"],
  [long(301)],
  Array.from({ length: 100 }, (_, i) => `s${i}`),
  Array.from({ length: 101 }, (_, i) => `s${i}`),
  { a: 1 },
  new Date(0),
];

describe("fast field checks agree with zod", () => {
  it("are cross-checked against zod in these tests", () => {
    expect(process.env.ACCORD_VERIFY_CHECKS).toBe("1");
  });

  const folders = () => ["data", "test/fixtures/valid", "test/fixtures/hostile", generated];

  it("on every record read from the project's data, the fixtures and a generated folder", () => {
    let valid = 0;
    let total = 0;
    for (const dir of folders()) {
      for (const record of records(dir)) {
        total++;
        if (agree(record.table, record.values)) valid++;
      }
    }
    expect(total).toBeGreaterThan(8000);
    expect(valid).toBeGreaterThan(8000);
    expect(valid).toBeLessThanOrEqual(total);
  }, 60_000);

  it("on one record of each table with every field replaced by each catalogue value", () => {
    const first = new Map<string, RawRecord>();
    for (const dir of folders()) {
      for (const record of records(dir)) if (!first.has(record.table)) first.set(record.table, record);
    }
    expect([...first.keys()].sort()).toEqual([...TABLE_NAMES].sort());
    let refused = 0;
    let accepted = 0;
    for (const record of first.values()) {
      for (const name of Object.keys(ENTITY[record.table].fields)) {
        for (const value of CATALOGUE) {
          if (agree(record.table, { ...record.values, [name]: value })) accepted++;
          else refused++;
        }
      }
      // An unknown field, and a prototype key, are refused by both.
      expect(agree(record.table, { ...record.values, sumary: "x" })).toBe(false);
      expect(agree(record.table, JSON.parse(`{"__proto__": 1, "id": "x"}`))).toBe(false);
    }
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(3000);
  });
});
