// The loaders at a middle size: 50,000 synthetic commitments (about 180,000
// records) from the generator. Counts reconcile from records to tables, and one
// bad row in the middle of a large CSV is reported with its exact line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";
import { loadDataset, reconcile } from "../../src/lib/pipeline/dataset.js";

const N = 50_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aa-scale-"));
  const gen = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", String(N), "--seed", "11", "--out", dir, "--force"],
    { encoding: "utf8" },
  );
  expect(gen.status, gen.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines (1-based) on which a commitment record starts: they begin with a commitment id and a comma. */
function recordStarts(lines: string[]): number[] {
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && /^[a-z]{2}-[a-z]{2}-[a-z0-9-]+-c\d+,/.test(line)) starts.push(i + 1);
  });
  return starts;
}

describe(`loaders on ${N.toLocaleString("en")} generated commitments`, () => {
  it("reads every record into a row, table by table", () => {
    const result = loadDataset(dir);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const counts = reconcile(result);
    for (const { table, read, written } of counts) {
      expect(written, table).toBe(read);
      expect(read, table).toBeGreaterThan(0);
    }
    expect(counts.find((c) => c.table === "commitments")?.written).toBe(N);
    expect(counts.map((c) => c.table)).toEqual(TABLE_NAMES);
    // Every party row belongs to a commitment, and party_count adds up to them.
    const columns = result.columns;
    if (!columns) throw new Error("no tables");
    const parties = columns.commitment_parties.length;
    const counted = (columns.commitments.columns.party_count as number[]).reduce((a, b) => a + b, 0);
    expect(counted).toBe(parties);
  }, 120_000);

  it("reports a bad row in the middle of the commitments CSV at its exact line", () => {
    const file = join(dir, "commitments.csv");
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    const header = lines[0].split(",");
    const starts = recordStarts(lines);
    expect(starts.length).toBe(N); // the pattern finds every record, so the line below is independent of the parser
    expect(lines.length - 1).toBeGreaterThan(N); // some records span several lines: line numbers ≠ row numbers
    const row = Math.floor(N / 2) + 1234;
    const line = starts[row - 1];
    const cells = lines[line - 1].split(",");
    const sector = header.indexOf("sector");
    expect(cells[sector]).toMatch(/^[a-z_]+$/);
    cells[sector] = "no_such_sector";
    lines[line - 1] = cells.join(",");
    writeFileSync(file, lines.join("\n"));

    const result = loadDataset(dir);
    const errors = result.problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/commitments\.csv$/),
        line,
        column: sector + 1,
        field: `row ${row}.sector`,
        value: '"no_such_sector"',
        message: expect.stringContaining("is not a known sector"),
      }),
    ]);
    expect(line).not.toBe(row + 1);
  }, 120_000);
});
