import { describe, expect, it } from "vitest";
import { errorPosition, errorSummary } from "../../../src/lib/notebook/error-position.js";

// Messages as DuckDB 1.x writes them (copied from @duckdb/node-api's errors).
describe("errorPosition", () => {
  it("finds the caret on the first line", () => {
    const message = 'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^';
    expect(errorPosition(message, "SELEC 1")).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it("finds it on a later line, with the offset into the whole query", () => {
    const query = "SELECT id,\n  nope\nFROM commitments";
    const message =
      'Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "id"\n\nLINE 2:   nope\n          ^';
    expect(errorPosition(message, query)).toEqual({ line: 2, column: 3, offset: 13 });
    expect(query.slice(13, 17)).toBe("nope");
  });

  it("finds the true column when DuckDB shows only a window of a long line", () => {
    const query = `SELECT id FROM commitments WHERE ${"id = 1 AND ".repeat(20)} zzz = 2`;
    const message =
      'Binder Error: Referenced column "zzz" not found in FROM clause!\n\nLINE 1: ... 1 AND id = 1 AND id = 1 AND id = 1 AND id = 1 AND id = 1 AND  zzz = 2\n                                                                          ^';
    const at = errorPosition(message, query);
    expect(at && query.slice(at.offset, at.offset + 3)).toBe("zzz");
  });

  it("gives null when the message points nowhere, or past the query", () => {
    expect(errorPosition("Catalog Error: Table with name x does not exist!", "SELECT * FROM x")).toBeNull();
    expect(errorPosition("Parser Error: x\n\nLINE 4: foo\n        ^", "foo")).toBeNull();
  });
});

describe("errorSummary", () => {
  it("keeps the message without the LINE block", () => {
    expect(errorSummary('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^')).toBe(
      'Parser Error: syntax error at or near "SELEC"',
    );
    expect(errorSummary("Catalog Error: no")).toBe("Catalog Error: no");
  });
});
