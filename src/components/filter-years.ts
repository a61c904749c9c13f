/**
 * The filter bar's year range (filter-bar.ts): "Years", a "from" and a "to"
 * select over the records' years, each with an empty choice for no bound.
 */
import { el } from "./dom.js";

export interface YearRange {
  element: HTMLElement;
  from: HTMLSelectElement;
  to: HTMLSelectElement;
  /** Shows the bounds (undefined: none). */
  draw(from: number | undefined, to: number | undefined): void;
  /** The bounds chosen, the earlier first. */
  read(): { from: number | undefined; to: number | undefined };
}

function yearSelect(years: readonly [number, number], selected: number | undefined, placeholder: string) {
  const select = el("select", {});
  select.append(el("option", { value: "" }, placeholder));
  for (let y = years[0]; y <= years[1]; y++) {
    select.append(el("option", { value: String(y), selected: y === selected }, String(y)));
  }
  return select;
}

/** The selects for `years` (first and last), starting at the bounds `from` and `to`. */
export function yearRange(
  years: readonly [number, number],
  from: number | undefined,
  to: number | undefined,
): YearRange {
  const fromSelect = yearSelect(years, from, "from");
  const toSelect = yearSelect(years, to, "to");
  fromSelect.setAttribute("aria-label", "From year");
  toSelect.setAttribute("aria-label", "To year");
  const element = el("span", { class: "aa-years" }, "Years", fromSelect, "–", toSelect);
  const draw = (a: number | undefined, b: number | undefined) => {
    fromSelect.value = a === undefined ? "" : String(a);
    toSelect.value = b === undefined ? "" : String(b);
  };
  const read = () => {
    let a = fromSelect.value ? Number(fromSelect.value) : undefined;
    let b = toSelect.value ? Number(toSelect.value) : undefined;
    if (a !== undefined && b !== undefined && a > b) [a, b] = [b, a];
    return { from: a, to: b };
  };
  return { element, from: fromSelect, to: toSelect, draw, read };
}
