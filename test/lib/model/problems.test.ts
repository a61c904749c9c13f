// The report's order: a file that could not be read first, with the line folding what it hides, then file by file.
import { describe, expect, it } from "vitest";
import { formatReport, groupByMessage, type Problem, sortProblems } from "../../../src/lib/model/problems.js";

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
