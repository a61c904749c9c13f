import { describe, expect, it } from "vitest";
import { columnLetters, formatProblem, formatReport, sortProblems, where } from "../../../src/lib/model/problems.js";

describe("problem locations", () => {
  it("names spreadsheet columns by their letters", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("writes a workbook location as file, sheet, row and column letter", () => {
    expect(where({ file: "data/tracker.xlsx", sheet: "commitments", line: 5, column: 3 })).toBe(
      "data/tracker.xlsx [commitments] row 5, column C",
    );
    expect(where({ file: "data/tracker.xlsx", sheet: "commitments", line: 5 })).toBe(
      "data/tracker.xlsx [commitments] row 5",
    );
    expect(where({ file: "data/tracker.xlsx", sheet: "Notes" })).toBe("data/tracker.xlsx [Notes]");
    expect(
      formatProblem({
        severity: "error",
        file: "data/tracker.xlsx",
        sheet: "commitments",
        line: 5,
        column: 3,
        field: "row 5.sector",
        value: '"industri"',
        message: "is not a known sector",
        expected: "the id of a record in sectors",
      }),
    ).toBe(
      'error data/tracker.xlsx [commitments] row 5, column C  row 5.sector  "industri" is not a known sector — expected the id of a record in sectors',
    );
  });

  it("keeps the other files' locations as they were", () => {
    expect(where({ file: "data/a.yaml", line: 12, column: 5 })).toBe("data/a.yaml:12:5");
    expect(where({ file: "data/a.csv", line: 3 })).toBe("data/a.csv:3");
    expect(where({ file: "data/a.csv" })).toBe("data/a.csv");
  });

  it("orders a workbook's problems by sheet, then row, and counts repeats in rows", () => {
    const at = (sheet: string, line: number) => ({
      severity: "error" as const,
      file: "w.xlsx",
      sheet,
      line,
      column: 2,
      field: `row ${line}.x`,
      message: "is wrong",
    });
    expect(
      sortProblems([at("sources", 2), at("events", 9), at("events", 3)]).map((p) => `${p.sheet}${p.line}`),
    ).toEqual(["events3", "events9", "sources2"]);
    const repeated = [2, 3, 4, 5].map((line) => ({ ...at("events", line), field: undefined }));
    const report = formatReport(repeated, { repeatLimit: 2 });
    expect(report).toContain("… and 2 more like this in w.xlsx [events] (rows 4–5)");
  });
});
