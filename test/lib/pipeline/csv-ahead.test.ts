// CSV files parsed ahead on a worker thread give the same records, problems,
// lines and order as files read on one thread: file by file (CsvAhead against
// readRecordFile) and for whole folders (loadDataset with and without it),
// on good files and on every kind of broken CSV file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CsvAhead, canParseAhead } from "../../../src/lib/pipeline/csv-ahead.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { listRecordFiles, readRecordFile } from "../../../src/lib/pipeline/files.js";
import type { RawRecord } from "../../../src/lib/records/record.js";

let dir: string;
const lines = (...ls: string[]) => `${ls.join("\n")}\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aa-ahead-"));
  const gen = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", "20000", "--seed", "9", "--out", dir, "--force"],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
  // Errors of every kind, among good rows: a bad cell, a row of the wrong
  // length, a bad party, blank lines and a duplicate id.
  const file = join(dir, "commitments.csv");
  const rows = readFileSync(file, "utf8").split("\n");
  rows[100] = rows[100].replace(
    /,(agreed|committed|signed|will_sign|explore|renew|implement|host|facilitate),/,
    ",promised,",
  );
  rows[200] = `${rows[200]},extra`;
  rows[300] = rows[300].replace(/,([a-z]{2}-[a-z-]+)$/, ",$1:lead:again");
  rows.splice(400, 0, "", "   ", "");
  rows.splice(500, 0, rows[501]);
  writeFileSync(file, rows.join("\n"));
  // Files that do not parse or decode, or have a broken header.
  writeFileSync(join(dir, "sectors.unclosed.csv"), lines("id,label,color", 'x,"Unclosed,#000000', "y,Y,#111111"));
  writeFileSync(join(dir, "sectors.latin1.csv"), Buffer.from("id,label,color\nz,Caf\xe9,#000000\n", "latin1"));
  writeFileSync(join(dir, "sectors.header.csv"), lines("id,lable,color", "w,W,#222222"));
  writeFileSync(join(dir, "sectors.empty.csv"), "\n\n");
  writeFileSync(
    join(dir, "sectors.multiline.csv"),
    lines("id,label,color,description", 'v,V,#333333,"two', 'lines"', "", "u,U,#444444,"),
  );
  writeFileSync(join(dir, "notatable.csv"), lines("a,b", "1,2"));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CSV parsing ahead on a worker thread", () => {
  it("can start in this process", () => {
    expect(canParseAhead()).toBe(true);
  });

  it("reads every file exactly as readRecordFile does, in small chunks", () => {
    const files = listRecordFiles(dir).files.filter((f) => f.endsWith(".csv") && !f.endsWith("notatable.csv"));
    expect(files.length).toBeGreaterThan(8);
    const ahead = new CsvAhead(
      files.map((path) => ({ path, display: path })),
      { chunkRows: 7, maxAhead: 3 },
    );
    try {
      for (const file of files) {
        const mine: RawRecord[] = [];
        const theirs: RawRecord[] = [];
        const a = ahead.read(file, file, (r) => mine.push(r));
        const b = readRecordFile(file, file, (r) => theirs.push(r));
        expect(a.problems, file).toEqual(b.problems);
        expect(mine, file).toEqual(theirs);
      }
      expect(ahead.fallback).toBe(false);
    } finally {
      ahead.close();
    }
  }, 120_000);

  it("gives a folder the same tables and problems as reading on one thread", () => {
    const one = loadDataset(dir);
    const two = loadDataset(dir, { parseAheadBytes: 0 });
    expect(one.errors).toBeGreaterThan(5);
    expect(two.problems).toEqual(one.problems);
    expect(two.read).toEqual(one.read);
    // On a folder without errors, the tables too.
    const clean = mkdtempSync(join(tmpdir(), "aa-ahead-clean-"));
    try {
      const gen = spawnSync(
        "npx",
        ["tsx", "scripts/generate.ts", "--commitments", "5000", "--seed", "4", "--out", clean, "--force"],
        { encoding: "utf8" },
      );
      expect(gen.status, gen.stderr).toBe(0);
      const good1 = loadDataset(clean);
      const good2 = loadDataset(clean, { parseAheadBytes: 0 });
      expect(good1.errors).toBe(0);
      expect(good2.problems).toEqual(good1.problems);
      expect(good2.tables).toEqual(good1.tables);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  }, 120_000);
});
