// Round trip: records → workbook (the export) → records gives the same
// tables, byte for byte, for the bundled dataset and for a generated folder.
// The tables are built by the build's own step (buildTables) from the
// original folder and from a folder holding only the exported workbook.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { buildTables } from "../../../src/lib/pipeline/table-outputs.js";
import { exportCell, exportProblems, writeRecordsWorkbook } from "../../../src/lib/pipeline/xlsx-export.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-xlsx-export-"));
  made.push(dir);
  return dir;
}

/** The files of the built tables (all but the run's own record of files, warnings and time). */
function builtTables(dir: string, folder: string): Map<string, Buffer> {
  const result = buildTables(dir, "test", folder);
  if (!result.ok) throw new Error(result.report);
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(folder).sort()) {
    if (name === "quality.json" || name === "manifest.json") continue;
    files.set(name, readFileSync(join(folder, name)));
  }
  return files;
}

async function roundTrip(source: string): Promise<{ before: Map<string, Buffer>; after: Map<string, Buffer> }> {
  const work = tempDir();
  const loaded = loadDataset(source);
  if (!loaded.columns) throw new Error("the source folder has errors");
  expect(exportProblems(loaded.columns, source)).toEqual([]);
  const copy = join(work, "records");
  mkdirSync(copy);
  await writeRecordsWorkbook(loaded.columns, join(copy, "records.xlsx"));
  expect(readdirSync(copy)).toEqual(["records.xlsx"]);
  return { before: builtTables(source, join(work, "before")), after: builtTables(copy, join(work, "after")) };
}

describe("records → workbook → records", () => {
  it("gives the bundled dataset's tables byte for byte", async () => {
    const { before, after } = await roundTrip("data");
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(before.size).toBeGreaterThan(7);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  }, 120_000);

  it("gives a generated folder's tables byte for byte", async () => {
    const dir = tempDir();
    const gen = spawnSync(
      "npx",
      ["tsx", "scripts/generate.ts", "--commitments", "3000", "--seed", "5", "--out", dir, "--force"],
      { encoding: "utf8" },
    );
    expect(gen.status, gen.stderr).toBe(0);
    const { before, after } = await roundTrip(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  }, 180_000);
});

describe("cells of the export", () => {
  it("writes lists joined by '; ', numbers as numbers, nothing for absent values", () => {
    expect(exportCell(["src-a", "src-b"])).toBe("src-a; src-b");
    expect(exportCell([])).toBeNull();
    expect(exportCell(8)).toBe(8);
    expect(exportCell(null)).toBeNull();
    expect(exportCell("2025-02")).toBe("2025-02");
  });

  it("refuses list items holding ';', which would read back as two items", () => {
    const loaded = loadDataset("test/fixtures/valid");
    if (!loaded.columns) throw new Error("fixture has errors");
    const events = loaded.columns.events;
    const chairs = events.columns.co_chairs as string[][];
    const k = chairs.findIndex((list) => list.length > 0);
    expect(k).toBeGreaterThanOrEqual(0);
    chairs[k] = [...chairs[k], "A; B"];
    expect(exportProblems(loaded.columns, "test/fixtures/valid")).toEqual([
      {
        severity: "error",
        file: "test/fixtures/valid",
        field: `events["${events.columns.id[k]}"].co_chairs[${chairs[k].length - 1}]`,
        value: '"A; B"',
        message: "holds ';', which separates the items of a list in a sheet",
        expected: "list items without ';' (or keep these records in YAML or JSON)",
      },
    ]);
  });
});
