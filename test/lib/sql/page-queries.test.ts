import { describe, expect, it } from "vitest";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { COMMITMENT_ROWS_LIMIT, commitmentRows, headline } from "../../../src/lib/sql/page-queries.js";

describe("page queries", () => {
  it("cap the overview's table of commitments, newest first", () => {
    expect(commitmentRows(emptyFilters()).text).toMatch(/ORDER BY c\.date_from DESC, c\.id\s+LIMIT 1000$/);
    expect(COMMITMENT_ROWS_LIMIT).toBe(1000);
    expect(commitmentRows(emptyFilters(), 25.7).text).toMatch(/LIMIT 25$/);
  });

  it("bind the filters as parameters", () => {
    const filters = { ...emptyFilters(), sector: ["industry"], from: 2015 };
    expect(headline(filters).params).toEqual(["industry", 2015]);
    expect(commitmentRows(filters).params).toEqual(["industry", 2015]);
  });
});
