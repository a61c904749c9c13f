import { describe, expect, it } from "vitest";
import { errorPosition, errorSummary, positionAt, readDuckdbError } from "../../../src/lib/notebook/error-position.js";

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

describe("readDuckdbError", () => {
  it("reads DuckDB-WASM's JSON, with the byte offset as line and column", () => {
    // As DuckDB-WASM 1.32 sends it.
    const message =
      '{"exception_type":"Parser","exception_message":"syntax error at or near \\"SELEC\\"\\n\\nLINE 1: SELEC 1\\n        ^","error_subtype":"SYNTAX_ERROR","position":"0"}';
    expect(readDuckdbError(message, "SELEC 1")).toEqual({
      summary: 'Parser Error: syntax error at or near "SELEC"',
      position: { line: 1, column: 1, offset: 0 },
    });
  });

  it("counts the offset in UTF-8 bytes, as DuckDB does", () => {
    const query = "SELECT 'é✓',\n  nope";
    const byte = new TextEncoder().encode(query.slice(0, query.indexOf("nope"))).length;
    const message = JSON.stringify({ exception_type: "Binder", exception_message: "no nope", position: String(byte) });
    expect(readDuckdbError(message, query)).toEqual({
      summary: "Binder Error: no nope",
      position: { line: 2, column: 3, offset: query.indexOf("nope") },
    });
  });

  it("reads native DuckDB's text, and messages that point nowhere", () => {
    expect(
      readDuckdbError('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^', "SELEC 1"),
    ).toEqual({
      summary: 'Parser Error: syntax error at or near "SELEC"',
      position: { line: 1, column: 1, offset: 0 },
    });
    expect(readDuckdbError("Out of Memory Error: no", "SELECT 1")).toEqual({
      summary: "Out of Memory Error: no",
      position: null,
    });
    expect(readDuckdbError("{not json", "SELECT 1").position).toBeNull();
  });
});

describe("positionAt", () => {
  it("gives the 1-based line and column of an offset", () => {
    expect(positionAt("SELECT 1;\nSELEC 2", 10)).toEqual({ line: 2, column: 1, offset: 10 });
    expect(positionAt("abc", 0)).toEqual({ line: 1, column: 1, offset: 0 });
  });
});
