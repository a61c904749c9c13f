import type { FilterState } from "../model/filters.js";

/**
 * A chart's turn at DuckDB. DuckDB-WASM answers one query at a time, in the
 * order asked, so what a page shows beside a chart (cards under it, a table
 * beside it, its sources line) asks only once the chart has its data
 * (`afterChart`); asked at once, it would queue ahead of the chart's own
 * queries, since the chart's step asks a little later than the cells around it.
 */
export interface ChartTurn {
  /** Resolves once the chart has data for the state it was made for (from the build or DuckDB), or its step failed or was dropped. */
  charted: Promise<void>;
  /** Called by the chart's step; later calls do nothing. */
  markCharted(): void;
}

export function chartTurn(): ChartTurn {
  let markCharted = () => {};
  const charted = new Promise<void>((resolve) => {
    markCharted = resolve;
  });
  return { charted, markCharted };
}

/** A chart's turn for one filter state, with the filters it is for (what the cells that wait for it ask about). */
export interface FiltersTurn extends ChartTurn {
  filters: FilterState;
}

/** A new turn for each filter state: the page's cell reads the filters, so a change makes another. */
export function filtersTurn(filters: FilterState): FiltersTurn {
  return { ...chartTurn(), filters };
}

/** `work` once the chart has taken its turn (see ChartTurn). */
export async function afterChart<T>(turn: Pick<ChartTurn, "charted">, work: () => Promise<T>): Promise<T> {
  await turn.charted;
  return work();
}
