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
    expect(splitStatements("SET threads = 1; SELECT ';' AS s -- ;\n; ; -- only a comment")).toEqual([
      "SET threads = 1",
      " SELECT ';' AS s -- ;\n",
    ]);
    expect(splitStatements("SELECT 1")).toEqual(["SELECT 1"]);
    expect(splitStatements("")).toEqual([]);
  });
});
