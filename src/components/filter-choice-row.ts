/**
 * One choice of a filter bar list (filter-group.ts): a label holding its
 * check box (the list's name, the choice's id as value), its colour swatch
 * if it has one, and its name; `data-search` holds what the "Find …" box
 * matches (label, keywords, id, lower case).
 */
import type { Option } from "../lib/model/contracts.js";
import { el } from "./dom.js";

/** What a "Find …" box matches for `choice`, lower case. */
export function choiceSearchText(choice: Option): string {
  return `${choice.label} ${choice.keywords ?? ""} ${choice.id}`.toLowerCase();
}

/** The row for `choice` in the list `name`, ticked when `checked`. */
export function choiceRow(name: string, choice: Option, checked: boolean): HTMLLabelElement {
  const box = el("input", { type: "checkbox", name, value: choice.id });
  box.checked = checked;
  return el(
    "label",
    { "data-search": choiceSearchText(choice) },
    box,
    choice.color ? el("span", { class: "aa-swatch", style: `background:${choice.color}` }) : null,
    choice.label,
  );
}

/** The check box inside a row made by choiceRow. */
export function rowBox(row: HTMLLabelElement): HTMLInputElement {
  return row.firstElementChild as HTMLInputElement;
}
