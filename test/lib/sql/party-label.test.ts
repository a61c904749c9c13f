/**
 * How the CSV exports write parties of every scope, run by native DuckDB on
 * test/fixtures/scopes: a joint body with its members, an international
 * organisation, generic institutions, and never a party dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { exportCommitments } from "../../../src/lib/sql/page-queries.js";

let db: NativeDataset;
beforeAll(async () => {
  db = await nativeDataset("test/fixtures/scopes");
}, 60_000);
afterAll(() => db?.close());

describe("parties in the CSV export", () => {
  it("say whose body each party is, ordered by affiliation", async () => {
    const rows = await db.query(exportCommitments(emptyFilters()));
    const parties = Object.fromEntries(rows.map((r) => [r.id, r.parties]));
    expect(parties).toEqual({
      "jpcc3-roadmap": "JPCC (joint body of PK, BY)",
      "jpcc3-energy-un": "UNDP (international organisation)",
      "jpcc3-chambers":
        "relevant ministries of Belarus (BY, generic); MoC (PK); the chambers of commerce of Pakistan (PK, generic)",
      "jpcc3-kz": "Government of the Republic of Belarus (BY); Belarus–Kazakhstan Grid Council (joint body of BY, KZ)",
    });
  });
});
