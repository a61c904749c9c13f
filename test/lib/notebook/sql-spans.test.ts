import { describe, expect, it } from "vitest";
import { splitStatements, sqlSpans } from "../../../src/lib/notebook/sql-spans.js";

const kinds = (text: string) => sqlSpans(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe("sqlSpans", () => {
  it("cuts strings, quoted identifiers and both kinds of comment out of the code", () => {
    expect(kinds(`SELECT 'a''b' AS "x""y" -- c ?\nFROM t /* ? */ WHERE 1`)).toEqual([
      ["code", "SELECT "],
      ["string", "'a''b'"],
      ["code", " AS "],
      ["identifier", '"x""y"'],
      ["code", " "],
      ["comment", "-- c ?"],
      ["code", "\nFROM t "],
      ["comment", "/* ? */"],
      ["code", " WHERE 1"],
    ]);
  });

  it("runs an unterminated string or comment to the end", () => {
    expect(kinds("SELECT 'abc")).toEqual([
      ["code", "SELECT "],
      ["string", "'abc"],
    ]);
    expect(kinds("/* open")).toEqual([["comment", "/* open"]]);
  });

  it("covers the text whole", () => {
    const text = "a'b'c\"d\"e--f\ng/*h*/i";
    const spans = sqlSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
  });
});

describe("splitStatements", () => {
  it("splits at semicolons outside strings and comments, leaving out blank statements", () => {
    const text = "SET threads = 1; SELECT ';' AS s -- ;\n; ; -- only a comment";
    expect(splitStatements(text)).toEqual([
      { text: "SET threads = 1", start: 0 },
      { text: " SELECT ';' AS s -- ;\n", start: 16 },
    ]);
    expect(text.slice(16).startsWith(" SELECT")).toBe(true);
    expect(splitStatements("SELECT 1")).toEqual([{ text: "SELECT 1", start: 0 }]);
    expect(splitStatements("")).toEqual([]);
  });
});
