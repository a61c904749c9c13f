import { describe, expect, it } from "vitest";
import { inlineParams, sqlLiteral } from "../../../src/lib/notebook/sql-literals.js";
import { sql } from "../../../src/lib/sql/fragment.js";

describe("sqlLiteral", () => {
  it("writes each kind of value as DuckDB reads it", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral(12)).toBe("12");
    expect(sqlLiteral(-1.5)).toBe("-1.5");
    expect(sqlLiteral(true)).toBe("TRUE");
    expect(sqlLiteral(false)).toBe("FALSE");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(12345678901234567890n)).toBe("12345678901234567890");
  });

  it("refuses numbers without a literal", () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(/no SQL literal/);
  });
});

describe("inlineParams", () => {
  it("replaces each placeholder by its value, in order", () => {
    const q = sql`SELECT * FROM commitments c WHERE c.sector IN (${["energy", "health"]}) AND c.year >= ${2020}`;
    expect(inlineParams(q)).toBe(
      "SELECT * FROM commitments c WHERE c.sector IN ('energy', 'health') AND c.year >= 2020",
    );
  });

  it("keeps a value that looks like SQL inside its quotes", () => {
    const q = sql`SELECT * FROM events WHERE title = ${"x'; DROP TABLE events; --"}`;
    expect(inlineParams(q)).toBe("SELECT * FROM events WHERE title = 'x''; DROP TABLE events; --'");
  });

  it("leaves question marks in strings and comments alone", () => {
    const q = sql`SELECT '?' AS q, ${1} AS one -- why?
      /* ? */ , "a?" FROM t`;
    expect(inlineParams(q)).toBe(`SELECT '?' AS q, 1 AS one -- why?
      /* ? */ , "a?" FROM t`);
  });

  it("says when placeholders and parameters do not match", () => {
    expect(() => inlineParams({ text: "SELECT ?, ?", params: [1] })).toThrow(/more placeholders/);
    expect(() => inlineParams({ text: "SELECT ?", params: [1, 2] })).toThrow(/2 parameters for 1/);
  });
});
