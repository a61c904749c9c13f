import { describe, expect, it } from "vitest";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { commitmentCount, commitmentPage } from "../../../src/lib/sql/commitment-page.js";
import { bySectorAndStatus, freshness, headline } from "../../../src/lib/sql/page-queries.js";
import { missingTable, tablesIn } from "../../../src/lib/sql/tables-read.js";
import { timelineLanes } from "../../../src/lib/sql/timeline-queries.js";

const T = TABLE_NAMES;

describe("tablesIn", () => {
  it("finds tables after FROM and JOIN, in subqueries, in any case and quoted", () => {
    expect(tablesIn("SELECT * FROM Commitments c JOIN sectors s ON s.id = c.sector", T)).toEqual([
      "commitments",
      "sectors",
    ]);
    expect(tablesIn('SELECT 1 WHERE x IN (SELECT id FROM "status_updates")', T)).toEqual(["status_updates"]);
    expect(tablesIn("DESCRIBE institutions", T)).toEqual(["institutions"]);
  });

  it("skips columns, aliases, strings and comments", () => {
    const text = `SELECT c.events, count(*) AS sectors, 'commitments' AS label -- institutions
      /* sources */ FROM x`;
    expect(tablesIn(text, T)).toEqual([]);
    expect(tablesIn("SELECT 'it''s commitments' FROM events", T)).toEqual(["events"]);
  });

  it("reads the pages' queries", () => {
    const f = emptyFilters();
    expect(tablesIn(headline(f).text, T)).toEqual(["commitments", "commitment_parties", "institutions"]);
    expect(tablesIn(bySectorAndStatus(f).text, T)).toEqual(["commitments", "sectors"]);
    expect(tablesIn(freshness.text, T)).toEqual(["events", "status_updates", "sources"]);
    expect(tablesIn(timelineLanes(f, null).text, T)).toEqual(["commitments", "sectors"]);
    expect(tablesIn(commitmentCount(f).text, T)).toEqual(["commitments"]);
    expect(tablesIn(commitmentPage({ ...f, country: ["PK"] }).text, T)).toEqual([
      "events",
      "commitments",
      "commitment_parties",
      "institutions",
      "sources",
      "sectors",
    ]);
  });
});

describe("missingTable", () => {
  it("reads DuckDB's message for a table that is not there", () => {
    expect(missingTable("Catalog Error: Table with name status_updates does not exist!", T)).toBe("status_updates");
    expect(missingTable('Catalog Error: Table with name "Sources" does not exist!', T)).toBe("sources");
    expect(missingTable("Catalog Error: Table with name mine does not exist!", T)).toBeUndefined();
    expect(missingTable("Binder Error: column x not found", T)).toBeUndefined();
  });
});
