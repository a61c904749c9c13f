/**
 * DuckDB prepares a view's statements for the filters a reader is one step
 * from, while they choose: the filter bar says which state that is when a
 * list opens or a year select takes the focus (NEXT_FILTERS). A filter
 * change runs texts the page has not run before (a list with one more value
 * is another text), and preparing one took DuckDB-WASM about 15 ms of the
 * first change's time on `/network`; prepared ahead, the change only runs
 * them. Nothing is run or loaded ahead (db.prepare), and the statements are
 * the view's own list, the same fragments its data step runs.
 */
import type { FilterState } from "../lib/model/filters.js";
import type { SqlFragment } from "../lib/sql/fragment.js";
import type { Database } from "./db.js";
import { NEXT_FILTERS, type NextFiltersEvent } from "./filter-bar.js";

/**
 * Until `invalidation` settles (the page cell's, when it runs again), has
 * `db` prepare `statements(next)` for each state `bar` says is one step on,
 * in the order listed (the chart's first).
 */
export function prepareAhead(
  bar: EventTarget,
  db: Pick<Database, "prepare">,
  statements: (filters: FilterState) => readonly SqlFragment[],
  invalidation?: Promise<unknown>,
): void {
  const ahead = (event: Event) => {
    for (const statement of statements((event as NextFiltersEvent).detail.filters)) void db.prepare(statement);
  };
  bar.addEventListener(NEXT_FILTERS, ahead);
  void invalidation?.then(() => bar.removeEventListener(NEXT_FILTERS, ahead));
}
