/**
 * The records' validation report as `npm start` hands it to open pages
 * (scripts/dev.ts writes it, src/components/records-report.ts shows it): the
 * data folder, its problems, and the lines `npm run validate` prints for them.
 * Pure: no DOM, no Node.
 */
import { formatReport, type Problem } from "./problems.js";

/** What the dev server last found in the records. */
export interface RecordsReport {
  /** The data folder as the user typed it (relative to the project when inside it). */
  dataDir: string;
  /** Errors and warnings, as validation found them. */
  problems: Problem[];
}

/** The number of errors: while it is above zero the pages show the report, not their charts. */
export function reportErrors(report: RecordsReport): number {
  return report.problems.filter((p) => p.severity === "error").length;
}

/** The report's lines as `npm run validate` prints them: one a problem, then the counts. */
export function reportLines(report: RecordsReport): string[] {
  return formatReport(report.problems).split("\n");
}

/**
 * Reads a report from JSON, refusing anything that is not one (a half-written
 * file, another server's page) with the reason.
 */
export function parseRecordsReport(json: unknown): RecordsReport {
  const value = json as Partial<RecordsReport> | null;
  if (typeof value !== "object" || value === null || typeof value.dataDir !== "string") {
    throw new Error("records report: expected an object with a dataDir string");
  }
  if (!Array.isArray(value.problems)) throw new Error("records report: expected a problems array");
  for (const [i, p] of value.problems.entries()) {
    if (
      typeof p?.file !== "string" ||
      typeof p.message !== "string" ||
      (p.severity !== "error" && p.severity !== "warning")
    ) {
      throw new Error(`records report: problems[${i}] needs a file, a message and a severity (error or warning)`);
    }
  }
  return { dataDir: value.dataDir, problems: value.problems };
}
