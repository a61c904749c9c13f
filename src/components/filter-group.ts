/**
 * One list of the filter bar (filter-bar.ts): a disclosure whose summary
 * names the list and how many of its choices are ticked, holding a check box
 * per choice (with its colour swatch) and, for a long list, a box that finds
 * choices by label, keyword or id. The selection is kept here as a Set;
 * drawing a new one touches only the boxes whose state changes. A list of
 * more than PAGE choices makes its rows only when opened, a page at a time
 * (filter-long-list.ts), so thousands of institutions cost what a hundred do.
 */
import { changedChoices } from "../lib/model/choice-selection.js";
import type { Option } from "../lib/model/contracts.js";
import { el } from "./dom.js";
import type { ChoiceRows } from "./filter-choice-rows.js";
import { longChoiceList, PAGE } from "./filter-long-list.js";
import { shortChoiceList } from "./filter-short-list.js";

export interface FilterGroup {
  details: HTMLDetailsElement;
  summary: HTMLElement;
  /** Ticks exactly the `selected` ids, and says in the summary how many that is. */
  draw(selected: ReadonlySet<string>): void;
}

/** The list `name` (the checkboxes' name, the details' data-filter) titled `title`. */
export function filterGroup(name: string, title: string, choices: readonly Option[]): FilterGroup {
  let current: ReadonlySet<string> = new Set();
  const index = new Map(choices.map((choice, i) => [choice.id, i]));
  const rows: ChoiceRows =
    choices.length > PAGE
      ? longChoiceList(name, title, choices, (id) => current.has(id))
      : shortChoiceList(name, title, choices);
  const summary = el("summary", {}, title);
  const panel = el("fieldset", { class: "aa-filter-panel", "aria-label": title }, rows.nodes);
  const details = el("details", { "data-filter": name }, summary, panel);
  details.addEventListener("toggle", () => {
    if (details.open) rows.opened();
  });
  const draw = (selected: ReadonlySet<string>) => {
    for (const id of changedChoices(current, selected)) {
      const i = index.get(id);
      const box = i === undefined ? undefined : rows.box(i);
      if (box && box.checked !== selected.has(id)) box.checked = selected.has(id);
    }
    current = new Set(selected);
    const n = selected.size;
    const text = n ? `${title} · ${n}` : title;
    if (summary.textContent !== text) summary.textContent = text;
    const label = `${title}: ${n ? `${n} selected` : "all"}`;
    if (summary.getAttribute("aria-label") !== label) summary.setAttribute("aria-label", label);
    details.toggleAttribute("data-active", n > 0);
  };
  return { details, summary, draw };
}
