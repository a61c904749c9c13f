/**
 * The overview's data step for the headline cards and the sector chart: the
 * numbers computed at build time first (when no filter is set), so the page
 * draws before DuckDB has started, then DuckDB's answer for the filters.
 *
 *     const overview = overviewNumbers(seed, filters);  // a generator: the page redraws per value
 */
import type { OverviewSeed } from "../../lib/model/contracts.js";
import { type FilterState, isEmptyFilters } from "../../lib/model/filters.js";
import { bySectorAndStatus, headline } from "../../lib/sql/page-queries.js";
import { type Database, database } from "../db.js";
import type { Headline } from "./headline.js";
import type { SectorStatusRow } from "./sector-chart.js";

export interface OverviewNumbers {
  /** Where they come from: "build" (the build-time seed) or "duckdb". */
  source: "build" | "duckdb";
  kpi: Headline;
  bySector: SectorStatusRow[];
}

/** Yields the build-time numbers (unfiltered pages only), then the query results for `filters`. */
export async function* overviewNumbers(
  seed: OverviewSeed,
  filters: FilterState,
  open: () => Promise<Database> = database,
): AsyncGenerator<OverviewNumbers> {
  if (isEmptyFilters(filters)) yield { source: "build", kpi: seed.headline, bySector: seed.bySector };
  const db = await open();
  const [[kpi], bySector] = await Promise.all([
    db.query(headline(filters, seed.headline.total)),
    db.query(bySectorAndStatus(filters)),
  ]);
  yield {
    source: "duckdb",
    kpi: kpi as unknown as Headline,
    bySector: bySector as unknown as SectorStatusRow[],
  };
}
