import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, cacheRoot, keySourceFiles } from "../../../src/lib/pipeline/cache-key.js";
import { ensureTables } from "../../../src/lib/pipeline/table-cache.js";

let cache: string;
let data: string;
const previous = process.env.ACCORD_CACHE_DIR;

beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), "aa-cache-"));
  data = mkdtempSync(join(tmpdir(), "aa-data-"));
  cpSync("test/fixtures/valid", data, { recursive: true });
  process.env.ACCORD_CACHE_DIR = cache;
});

afterEach(() => {
  if (previous === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previous;
  rmSync(cache, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

describe("ensureTables", () => {
  it("builds every table and summary once, then serves them from the cache", () => {
    expect(cacheRoot()).toBe(cache);
    const first = ensureTables(data);
    if (!first.ok) throw new Error(first.report);
    expect(readdirSync(first.folder).sort()).toEqual([
      "commitment_parties.arrow",
      "commitment_parties.parts",
      "commitments.arrow",
      "commitments.parts",
      "events.arrow",
      "events.parts",
      "institutions.arrow",
      "institutions.parts",
      "manifest.json",
      "overview.json",
      "quality.json",
      "sectors.arrow",
      "sectors.parts",
      "sources.arrow",
      "sources.parts",
      "status_updates.arrow",
      "status_updates.parts",
      "tables.json",
    ]);
    const manifest = readFileSync(join(first.folder, "manifest.json"), "utf8");
    const second = ensureTables(data);
    expect(second.ok && second.folder).toBe(first.folder);
    expect(readFileSync(join(first.folder, "manifest.json"), "utf8")).toBe(manifest); // not rebuilt
    for (const c of first.manifest.counts) expect(c.written).toBe(c.read);
  });

  it("builds again when a record file changes", () => {
    const before = cacheKey(data);
    const file = join(data, "sources.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n# edited\n`);
    expect(cacheKey(data)).not.toBe(before);
  });

  it("caches nothing for records with errors, and returns the report", () => {
    writeFileSync(join(data, "sectors.yaml"), "sectors:\n  - {id: x, label: X, color: green}\n");
    const result = ensureTables(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report).toContain("is not a colour written #rrggbb");
    expect(readdirSync(cache).filter((name) => name.startsWith("tables-"))).toEqual([]);
  });

  it("takes over a lock left by a process that has exited", () => {
    const lock = join(cache, `tables-${cacheKey(data)}.lock`);
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "pid"), "2147483646"); // no such process
    const result = ensureTables(data);
    expect(result.ok).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});

describe("cacheKey", () => {
  it("hashes the rules of every folder of src/lib, not only the pipeline's", () => {
    const files = keySourceFiles().map((f) => f.replaceAll("\\", "/"));
    for (const rule of [
      "records/validate.ts",
      "records/normalise.ts",
      "model/schema.ts",
      "model/fields.ts",
      "pipeline/arrow-writer.ts",
    ])
      expect(
        files.some((f) => f.endsWith(`/src/lib/${rule}`)),
        rule,
      ).toBe(true);
  });
});
