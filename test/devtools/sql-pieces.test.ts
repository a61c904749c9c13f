import { describe, expect, it } from "vitest";
import { placeholderPieces } from "../../devtools/sql-pieces.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { sql } from "../../src/lib/sql/fragment.js";
import { exportCommitments } from "../../src/lib/sql/page-queries.js";

describe("placeholderPieces", () => {
  it("cuts at placeholders only, not at a ? inside quotes, and the pieces rebuild the fragment", () => {
    expect(placeholderPieces(`SELECT '?', "a?b", ? AND 'it''s?' = ?`, [1, 2])).toEqual([
      `SELECT '?', "a?b", `,
      ` AND 'it''s?' = `,
      "",
    ]);
    const fragment = exportCommitments({ ...emptyFilters(), sector: ["trade"] });
    expect(fragment.text).toContain("'?'");
    const rebuilt = sql(placeholderPieces(fragment.text, fragment.params), ...fragment.params);
    expect(rebuilt.text).toBe(fragment.text);
    expect(rebuilt.params).toEqual(fragment.params);
  });

  it("leaves a ? in a comment alone, as inlineParams does", () => {
    expect(placeholderPieces("SELECT ? -- why?\nFROM t /* or? */ WHERE x = ?", [1, 2])).toEqual([
      "SELECT ",
      " -- why?\nFROM t /* or? */ WHERE x = ",
      "",
    ]);
  });

  it("says so when the placeholders and the parameters disagree", () => {
    expect(() => placeholderPieces("SELECT ?", [])).toThrow(/1 placeholders outside quotes for 0 parameters/);
  });
});
