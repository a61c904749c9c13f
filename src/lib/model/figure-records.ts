/**
 * The records a story slide's figures are counted from: every commitment
 * with what the views filter on, its parties, the institutions they name and
 * each event's series. Built in Node from the tables (the build's Arrow
 * files, or the validated records in memory: src/lib/pipeline/figure-tables.ts)
 * and read by src/lib/model/view-figures.ts with the views' own rules.
 */
import type { InstitutionInfo } from "../network/graph.js";

/** A commitment as the filters read it. Dates are days since 1970-01-01 (UTC). */
export interface FigureCommitment {
  id: string;
  event_id: string;
  sector: string;
  status: string;
  /** First and last day its date covers (a commitment dated "2025" covers the year). */
  date_from: number;
  date_to: number;
}

export interface FigureRecords {
  institutions: readonly InstitutionInfo[];
  commitments: readonly FigureCommitment[];
  /** One row per commitment and party, as the `commitment_parties` table. */
  parties: readonly { commitment_id: string; institution_id: string }[];
  /** Each event's series, null when it belongs to none. */
  eventSeries: ReadonlyMap<string, string | null>;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, or of 1 January / 31 December of a year. */
export function dayNumber(year: number, month = 1, day = 1): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` text. */
export function dayOf(text: string): number {
  const [y, m, d] = text.split("-").map(Number);
  return dayNumber(y, m, d);
}
