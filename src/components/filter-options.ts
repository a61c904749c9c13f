/** Loads the filter bar's choices from the database. */
import { STATUS_META, STATUS_ORDER } from "../lib/labels.js";
import { filterOptionQueries } from "../lib/queries.js";
import type { Database } from "./db.js";
import type { FilterOption, FilterOptions } from "./filter-bar.js";

export async function loadFilterOptions(db: Database): Promise<FilterOptions> {
  const [sector, country, institution, series, years] = await Promise.all([
    db.query(filterOptionQueries.sector),
    db.query(filterOptionQueries.country),
    db.query(filterOptionQueries.institution),
    db.query(filterOptionQueries.series),
    db.query(filterOptionQueries.years),
  ]);
  const thisYear = new Date().getFullYear();
  const first = Number(years[0]?.first ?? thisYear);
  const last = Number(years[0]?.last ?? thisYear);
  return {
    sector: sector as unknown as FilterOption[],
    country: country as unknown as FilterOption[],
    institution: institution as unknown as FilterOption[],
    series: series as unknown as FilterOption[],
    status: STATUS_ORDER.map((id) => ({ id, label: STATUS_META[id].label, color: STATUS_META[id].color })),
    years: [first, Math.max(last, first)],
  };
}
