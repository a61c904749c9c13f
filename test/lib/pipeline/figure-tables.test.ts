/**
 * The records a slide's figures are counted from (src/lib/pipeline/figure-tables.ts):
 * the same from the validated tables in memory (`npm run validate`) and from
 * the table cache's Arrow files (the build), on a folder with joint bodies,
 * generic institutions and a series; dates as day numbers (a date given as
 * a year spans it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../../src/lib/model/figure-records.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { figureRecordsFromCache, figureRecordsFromStores } from "../../../src/lib/pipeline/figure-tables.js";
import { ensureTables } from "../../../src/lib/pipeline/table-cache.js";

const FOLDER = "test/fixtures/world-sample";
let cache: string;
const previous = process.env.ACCORD_CACHE_DIR;

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), "aa-figures-cache-"));
  process.env.ACCORD_CACHE_DIR = cache;
});

afterAll(() => {
  if (previous === undefined) delete process.env.ACCORD_CACHE_DIR;
  else process.env.ACCORD_CACHE_DIR = previous;
  rmSync(cache, { recursive: true, force: true });
});

describe("figure records", () => {
  it("are the same from the tables in memory and from the cache's Arrow files", () => {
    const dataset = loadDataset(FOLDER);
    if (!dataset.columns) throw new Error("the world sample has errors");
    const tables = ensureTables(FOLDER);
    if (!tables.ok) throw new Error(tables.report);
    const fromMemory = figureRecordsFromStores(dataset.columns);
    const fromCache = figureRecordsFromCache(tables.folder);
    expect(fromCache).toEqual(fromMemory);
    // What the fixture is there for: a joint body with its members, a generic mention, a series.
    expect(fromMemory.institutions.find((i) => i.id === "ke-fi-jc")?.countries).toEqual(["KE", "FI"]);
    expect(fromMemory.institutions.some((i) => i.naming === "generic")).toBe(true);
    expect([...fromMemory.eventSeries.values()].some((s) => s !== null)).toBe(true);
    expect(fromMemory.parties.length).toBe(dataset.columns.commitment_parties.length);
    // Building the tables reads the fixture's workbook on a worker thread.
  }, 60_000);

  it("give each commitment's date span as day numbers", () => {
    // The sample records have commitments dated by their year alone (their event's date).
    const dataset = loadDataset("data");
    if (!dataset.columns) throw new Error("data/ has errors");
    const records = figureRecordsFromStores(dataset.columns);
    const columns = dataset.columns.commitments.columns;
    const i = (columns.date_precision as string[]).indexOf("year");
    const year = Number(String(columns.date[i]).slice(0, 4));
    expect(i, "the fixture has a commitment dated by its year").toBeGreaterThanOrEqual(0);
    expect([records.commitments[i].date_from, records.commitments[i].date_to]).toEqual([
      dayOf(`${year}-01-01`),
      dayOf(`${year}-12-31`),
    ]);
  });
});
