/** The overview's headline numbers as a row of cards. */
import type { OverviewSeed } from "../../lib/model/contracts.js";
import { el } from "../dom.js";

/** The same numbers whether computed at build time or by the headline query. */
export type Headline = OverviewSeed["headline"];

/** `source` says where the numbers came from: "build" (before DuckDB started) or "duckdb". */
export function headlineCards(kpi: Headline, { source }: { source: string }): HTMLElement {
  const n = (x: number) => x.toLocaleString("en");
  const pct = (x: number) => (kpi.commitments ? `${Math.round((100 * x) / kpi.commitments)}%` : "–");
  const card = (key: string, title: string, value: number, sub: string) =>
    el(
      "div",
      { class: "card aa-kpi", "data-kpi": key },
      el("h2", {}, title),
      el("span", { class: "big" }, n(value)),
      el("div", { class: "sub" }, sub),
    );
  return el(
    "div",
    { class: "grid grid-cols-4", "data-testid": "headline", "data-source": source },
    card(
      "commitments",
      "Commitments",
      kpi.commitments,
      kpi.commitments === kpi.total ? "all records" : `of ${n(kpi.total)} in the records`,
    ),
    card(
      "with_progress",
      "With evidence of progress",
      kpi.with_progress,
      `${pct(kpi.with_progress)} · ${n(kpi.done)} done, ${n(kpi.stalled)} stalled or dropped`,
    ),
    card(
      "institutions",
      "Named institutions bound",
      kpi.institutions,
      kpi.generic_institutions
        ? `not counting whole governments, nor ${n(kpi.generic_institutions)} named only generically`
        : "not counting whole governments",
    ),
    card(
      "events",
      "Events with commitments",
      kpi.events,
      `across ${n(kpi.sectors)} sector${kpi.sectors === 1 ? "" : "s"}`,
    ),
  );
}
