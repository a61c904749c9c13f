// The validation corpus (test/fixtures/validation-corpus): each case is a
// small overlay on `_base/` (files that replace or add to it), broken in one
// way, and `expected.txt` holds the first line (or lines) the report must
// start with. The report's first line is the one an analyst reads first, so
// it must name the cause.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatReport } from "../../src/lib/model/problems.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";

const CORPUS = join(import.meta.dirname, "../fixtures/validation-corpus");
const BASE = join(CORPUS, "_base");
const EXPECTED = "expected.txt";
const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
  .map((entry) => entry.name)
  .sort();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The report for `_base/` with the case's files laid over it, files named relative to the data folder. */
function reportOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `aa-corpus-${name}-`));
  dirs.push(dir);
  cpSync(BASE, dir, { recursive: true });
  cpSync(join(CORPUS, name), dir, { recursive: true, filter: (source) => !source.endsWith(`/${EXPECTED}`) });
  const { problems } = loadDataset(dir);
  const strip = (text: string) => text.replaceAll(`${dir}/`, "");
  const relative = problems.map((p) => ({ ...p, file: strip(p.file), message: strip(p.message) }));
  return formatReport(relative);
}

describe("the validation corpus", () => {
  it("has a valid base and enough cases", () => {
    expect(reportOf("_base")).toBe("0 errors, 0 warnings");
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("%s: the report starts with the expected line", (name) => {
    const expected = readFileSync(join(CORPUS, name, EXPECTED), "utf8")
      .trimEnd()
      .split("\n");
    const report = reportOf(name).split("\n");
    expect(report.slice(0, expected.length)).toEqual(expected);
  });
});
