/**
 * The filter states a reader is one step from once they open one of the
 * filter bar's controls: one more choice ticked in the list they opened, or
 * a year bound set in the select they are on. The SQL of `commitmentWhere`
 * depends only on how many values each list holds and on which year bounds
 * are set (the values are parameters), so one state a step stands for every
 * choice that step could make: a page has DuckDB prepare those texts while
 * the list is open (src/components/prepare-ahead.ts), and the click then
 * only runs them. Pure: no DOM, no DuckDB.
 */
import { withChoice } from "./choice-selection.js";
import type { FilterState, ListKey } from "./filters.js";

/**
 * `state` with one more of `choices` ticked in `key` (the first not ticked),
 * or nothing when every choice already is.
 */
export function withOneMoreChoice(
  state: FilterState,
  key: ListKey,
  choices: readonly string[],
): FilterState | undefined {
  const ticked = new Set(state[key]);
  const next = choices.find((id) => !ticked.has(id));
  return next === undefined ? undefined : { ...state, [key]: withChoice(state[key], next, true) };
}

/**
 * `state` with its `bound` year set (to the first year for `from`, the last
 * for `to`), or nothing when it is set already: a different year is the same
 * SQL text.
 */
export function withYearBound(
  state: FilterState,
  bound: "from" | "to",
  years: readonly [number, number],
): FilterState | undefined {
  if (state[bound] !== undefined) return undefined;
  return { ...state, [bound]: bound === "from" ? years[0] : years[1] };
}
