// Problems: where they are (workbook locations too), and the report's order: a file that could not be read first, with the line folding what it hides, then file by file.
import { describe, expect, it } from "vitest";
import {
  columnLetters,
  formatProblem,
  formatReport,
  groupByMessage,
  type Problem,
  sortProblems,
  where,
} from "../../../src/lib/model/problems.js";

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

const p = (file: string, line: number | undefined, message: string, rank?: Problem["rank"]): Problem => ({
  severity: "error",
  file,
  line,
  message,
  ...(rank ? { rank } : {}),
});

describe("sortProblems", () => {
  it("puts unreadable files and their knock-on lines first, then the rest by file and line", () => {
    const problems = [
      p("events/a.yaml", 3, "is not a known institution"),
      p("institutions.yaml", undefined, "hides 2 references", "knock-on"),
      p("events/a.yaml", 1, "is not a known sector"),
      p("institutions.yaml", 7, "is not valid YAML", "cause"),
      p("zz.csv", 1, "is not UTF-8", "cause"),
    ];
    expect(sortProblems(problems).map((x) => `${x.file}:${x.line ?? ""} ${x.message}`)).toEqual([
      "institutions.yaml:7 is not valid YAML",
      "institutions.yaml: hides 2 references",
      "zz.csv:1 is not UTF-8",
      "events/a.yaml:1 is not a known sector",
      "events/a.yaml:3 is not a known institution",
    ]);
  });

  it("makes the cause the report's first line", () => {
    const report = formatReport([
      p("a.yaml", 2, "is not a known sector"),
      p("b.yaml", 4, "is not valid YAML", "cause"),
    ]);
    expect(report.split("\n")[0]).toBe("error b.yaml:4  is not valid YAML");
  });
});

describe("groupByMessage", () => {
  it("keeps every problem, grouped by message in order of first appearance", () => {
    const problems = [p("a", 1, "x"), p("b", 2, "y"), p("c", 3, "x")];
    expect(groupByMessage(problems)).toEqual([
      { message: "x", problems: [problems[0], problems[2]] },
      { message: "y", problems: [problems[1]] },
    ]);
  });
});
