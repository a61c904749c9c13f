import { describe, expect, it } from "vitest";
import type { Problem } from "../../../src/lib/model/problems.js";
import { parseRecordsReport, reportErrors, reportLines } from "../../../src/lib/model/records-report.js";

const slip: Problem = {
  severity: "error",
  file: "data/events/2025-02-10-jmc-8-minsk.yaml",
  line: 56,
  column: 13,
  field: "commitments[3].sector",
  value: '"industri"',
  message: 'is not a known sector (did you mean "industry"?)',
};
const note: Problem = { severity: "warning", file: "data/sources.yaml", line: 4, message: "has no date" };

describe("records report", () => {
  it("counts errors, not warnings", () => {
    expect(reportErrors({ dataDir: "data", problems: [note] })).toBe(0);
    expect(reportErrors({ dataDir: "data", problems: [note, slip] })).toBe(1);
  });

  it("gives the lines npm run validate prints, the counts last", () => {
    expect(reportLines({ dataDir: "data", problems: [slip] })).toEqual([
      'error data/events/2025-02-10-jmc-8-minsk.yaml:56:13  commitments[3].sector  "industri" is not a known sector (did you mean "industry"?)',
      "1 error, 0 warnings",
    ]);
  });

  it("reads a report and refuses what is not one, with the reason", () => {
    expect(parseRecordsReport({ dataDir: "x", problems: [slip] }).problems).toHaveLength(1);
    expect(() => parseRecordsReport(null)).toThrow(/dataDir/);
    expect(() => parseRecordsReport({ dataDir: "x" })).toThrow(/problems array/);
    expect(() => parseRecordsReport({ dataDir: "x", problems: [{ file: "a" }] })).toThrow(/problems\[0\]/);
  });
});
