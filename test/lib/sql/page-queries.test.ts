import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { type DatasetResult, loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { overviewSeed } from "../../../src/lib/pipeline/overview-seed.js";
import { headline } from "../../../src/lib/sql/page-queries.js";

describe("page queries", () => {
  it("bind the filters as parameters", () => {
    const filters = { ...emptyFilters(), sector: ["industry"], from: 2015 };
    expect(headline(filters).params).toEqual(["industry", 2015]);
  });
});

describe("page queries on institutions of every scope (native DuckDB)", () => {
  let db: NativeDataset;
  beforeAll(async () => {
    db = await nativeDataset("test/fixtures/scopes");
  }, 60_000);
  afterAll(() => db?.close());

  it("count generic institutions apart from named ones, as the build-time seed does", async () => {
    const seed = overviewSeed(loadDataset("test/fixtures/scopes").columns as NonNullable<DatasetResult["columns"]>);
    const [row] = await db.query(headline(emptyFilters()));
    expect({ institutions: row.institutions, generic: row.generic_institutions }).toEqual({
      institutions: 4,
      generic: 2,
    });
    expect(row.institutions).toBe(seed.headline.institutions);
    expect(row.generic_institutions).toBe(seed.headline.generic_institutions);
    const [pakistan] = await db.query(headline({ ...emptyFilters(), country: ["PK"] }));
    // The JPCC and MoC; the chambers of commerce apart.
    expect([pakistan.institutions, pakistan.generic_institutions]).toEqual([2, 2]);
  });
});
