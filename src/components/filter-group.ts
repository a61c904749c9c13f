/**
 * One list of the filter bar (filter-bar.ts): a disclosure whose summary
 * names the list and how many of its choices are ticked, holding a checkbox
 * per choice (with its colour swatch) and, for a long list, a box that finds
 * choices by label, keyword or id.
 */
import type { Option } from "../lib/model/contracts.js";
import { el } from "./dom.js";

/** Lists longer than this get a search box. */
const SEARCHABLE = 12;

export interface FilterGroup {
  details: HTMLDetailsElement;
  summary: HTMLElement;
  boxes: HTMLInputElement[];
  /** Ticks exactly the `selected` ids, and says in the summary how many that is. */
  draw(selected: ReadonlySet<string>): void;
}

/** The search box that hides the labels not matching what is typed, for a long list. */
function findBox(title: string, labels: readonly HTMLElement[]): HTMLInputElement {
  const search = el("input", {
    type: "search",
    placeholder: `Find ${title.toLowerCase()}…`,
    "aria-label": `Find ${title.toLowerCase()}`,
  });
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    for (const label of labels) label.hidden = q !== "" && !(label.dataset.search ?? "").includes(q);
  });
  return search;
}

/** The list `name` (the checkboxes' name, the details' data-filter) titled `title`. */
export function filterGroup(name: string, title: string, choices: readonly Option[]): FilterGroup {
  const summary = el("summary", {}, title);
  const boxes = choices.map((choice) => el("input", { type: "checkbox", name, value: choice.id }));
  const labels = choices.map((choice, i) =>
    el(
      "label",
      { "data-search": `${choice.label} ${choice.keywords ?? ""} ${choice.id}`.toLowerCase() },
      boxes[i],
      choice.color ? el("span", { class: "aa-swatch", style: `background:${choice.color}` }) : null,
      choice.label,
    ),
  );
  const panel = el(
    "fieldset",
    { class: "aa-filter-panel", "aria-label": title },
    choices.length > SEARCHABLE ? findBox(title, labels) : null,
    choices.length ? labels : el("span", {}, "Nothing to choose from."),
  );
  const details = el("details", { "data-filter": name }, summary, panel);
  const draw = (selected: ReadonlySet<string>) => {
    // Touch only boxes that change: an institution list can hold thousands.
    for (const box of boxes) {
      const checked = selected.has(box.value);
      if (box.checked !== checked) box.checked = checked;
    }
    const n = selected.size;
    summary.textContent = n ? `${title} · ${n}` : title;
    summary.setAttribute("aria-label", `${title}: ${n ? `${n} selected` : "all"}`);
    if (n) details.setAttribute("data-active", "");
    else details.removeAttribute("data-active");
  };
  return { details, summary, boxes, draw };
}
