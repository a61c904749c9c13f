/**
 * The overview's data step for the headline cards and the sector chart: the
 * numbers computed at build time first (when no filter is set), so the page
 * draws before DuckDB has started, then DuckDB's answer for the filters.
 * It takes the chart's turn at DuckDB (chart-turn.ts) once it has numbers to
 * draw, so the table, event lists and sources that wait for the turn queue
 * behind the chart's two queries rather than ahead of them.
 *
 *     const turn = filtersTurn(filters);
 *     const overview = overviewNumbers(seed, turn);  // a generator: the page redraws per value
 *     const rest = await afterChart(turn, () => …);   // the cells beside the chart
 */
import type { FiltersTurn } from "../../lib/client/chart-turn.js";
import type { OverviewSeed } from "../../lib/model/contracts.js";
import { type FilterState, isEmptyFilters } from "../../lib/model/filters.js";
import type { SqlFragment } from "../../lib/sql/fragment.js";
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

/**
 * The statements DuckDB runs for the headline and the chart of `filters`
 * (`total`: the build's count of every commitment), in the order asked. The
 * page has them prepared ahead of a filter change (prepare-ahead.ts).
 */
export function chartStatements(filters: FilterState, total: number): SqlFragment[] {
  return [headline(filters, total), bySectorAndStatus(filters)];
}

/**
 * Yields the build-time numbers (unfiltered pages only), then the query
 * results for the turn's filters; the turn is taken with the first numbers
 * (or when the step fails or is dropped, so it holds nothing back).
 */
export async function* overviewNumbers(
  seed: OverviewSeed,
  turn: FiltersTurn,
  open: () => Promise<Database> = database,
): AsyncGenerator<OverviewNumbers> {
  const { filters } = turn;
  try {
    if (isEmptyFilters(filters)) {
      turn.markCharted();
      yield { source: "build", kpi: seed.headline, bySector: seed.bySector };
    }
    const db = await open();
    const [[kpi], bySector] = await Promise.all(
      chartStatements(filters, seed.headline.total).map((statement) => db.query(statement)),
    );
    turn.markCharted();
    yield {
      source: "duckdb",
      kpi: kpi as unknown as Headline,
      bySector: bySector as unknown as SectorStatusRow[],
    };
  } finally {
    turn.markCharted();
  }
}
