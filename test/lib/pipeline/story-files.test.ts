/**
 * A data folder's stories (src/lib/pipeline/story-files.ts): which files are read,
 * ids from file names, and the records' values taken from the table cache
 * the same as from the tables in memory.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/model/problems.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { knownFromCache, knownFromStores, loadStories, storiesSummary } from "../../../src/lib/pipeline/story-files.js";
import { ensureTables } from "../../../src/lib/pipeline/table-cache.js";

const GOOD =
  'title: Trade\nslides:\n  - view: network\n    link: "?sector=trade"\n    title: Trade\n    note: Say it.\n';

let data: string;
let cache: string;
const previous = process.env.ACCORD_CACHE_DIR;

beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), "aa-stories-"));
  cache = mkdtempSync(join(tmpdir(), "aa-stories-cache-"));
  cpSync("test/fixtures/valid", data, { recursive: true });
  process.env.ACCORD_CACHE_DIR = cache;
});

afterEach(() => {
  if (previous === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previous;
  rmSync(data, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

function known() {
  const result = loadDataset(data);
  if (!result.columns) throw new Error("fixture has errors");
  return knownFromStores(result.columns);
}

describe("loadStories", () => {
  it("has no stories and no problem without a stories folder", () => {
    expect(loadStories(data, known())).toEqual({ stories: [], files: [], problems: [], errors: 0 });
  });

  it("reads stories/<id>.yaml and .yml, sorted by id, and skips notes quietly", () => {
    mkdirSync(join(data, "stories"));
    writeFileSync(join(data, "stories/trade.yaml"), GOOD);
    writeFileSync(join(data, "stories/energy.yml"), GOOD.replace("sector=trade", "sector=energy"));
    writeFileSync(join(data, "stories/README.md"), "# notes\n");
    const result = loadStories(data, known());
    expect(result.problems).toEqual([]);
    expect(result.stories.map((s) => s.id)).toEqual(["energy", "trade"]);
    expect(storiesSummary(result.stories)).toBe("2 stories (2 slides)");
  });

  it("reports file names that are not ids, the same id twice, other files, and an empty file", () => {
    mkdirSync(join(data, "stories/deeper"), { recursive: true });
    writeFileSync(join(data, "stories/Trade Story.yaml"), GOOD);
    writeFileSync(join(data, "stories/trade.yaml"), GOOD);
    writeFileSync(join(data, "stories/trade.yml"), GOOD);
    writeFileSync(join(data, "stories/slides.json"), "{}");
    writeFileSync(join(data, "stories/empty.yaml"), "\n");
    const result = loadStories(data, known());
    const lines = result.problems.map(formatProblem);
    expect(
      lines.some((l) => /^error .*stories\/Trade Story\.yaml .*is not a story id/.test(l)),
      lines.join("\n"),
    ).toBe(true);
    expect(
      lines.some((l) => /^error .*stories\/trade\.yml .*duplicate story id: already used by .*trade\.yaml/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /^warning .*stories\/deeper .*not a story file/.test(l))).toBe(true);
    expect(lines.some((l) => /^warning .*stories\/slides\.json .*not a story file/.test(l))).toBe(true);
    expect(lines.some((l) => /^error .*stories\/empty\.yaml:1 .*the file is empty — expected a story/.test(l))).toBe(
      true,
    );
    expect(result.errors).toBe(3);
    expect(result.stories.map((s) => s.id)).toEqual(["trade"]);
  });

  it("reports a story's errors with the file's path as the user typed it", () => {
    mkdirSync(join(data, "stories"));
    writeFileSync(join(data, "stories/trade.yaml"), GOOD.replace("sector=trade", "sector=tradee"));
    const [problem] = loadStories(data, known()).problems;
    expect(problem).toMatchObject({ file: join(data, "stories/trade.yaml"), line: 4, field: "slides[0].link" });
    expect(problem.message).toMatch(/unknown sector “tradee” \(did you mean "trade"\?\)/);
  });
});

describe("knownFromCache", () => {
  it("holds the same values as the tables in memory", () => {
    const tables = ensureTables(data);
    if (!tables.ok) throw new Error(tables.report);
    const fromCache = knownFromCache(tables.folder);
    const fromMemory = known();
    expect(fromCache).toEqual(fromMemory);
    expect([...fromCache.values.sector].sort()).toEqual(["energy", "labour_migration", "trade"]);
    expect(fromCache.commitments.size).toBe(4);
  });
});

describe("the countries a story's link may name", () => {
  it("are every country an institution belongs to, a joint body's members too, in memory and from the cache", () => {
    rmSync(data, { recursive: true, force: true });
    cpSync("test/fixtures/scopes", data, { recursive: true });
    const tables = ensureTables(data);
    if (!tables.ok) throw new Error(tables.report);
    expect([...known().values.country].sort()).toEqual(["BY", "KZ", "PK"]);
    expect([...knownFromCache(tables.folder).values.country].sort()).toEqual(["BY", "KZ", "PK"]);
  });
});
