/**
 * The rows of a short filter list (filter-group.ts): every choice's row made
 * at once, and past SEARCHABLE choices a "Find …" box that hides the rows not
 * matching what is typed (from sight and from the Tab order).
 */
import type { Option } from "../lib/model/contracts.js";
import { el } from "./dom.js";
import { choiceRow, rowBox } from "./filter-choice-row.js";
import type { ChoiceRows } from "./filter-choice-rows.js";

/** Lists longer than this get a search box. */
const SEARCHABLE = 12;

/** The search box that hides the rows not matching what is typed. */
function findBox(title: string, rows: readonly HTMLElement[]): HTMLInputElement {
  const search = el("input", {
    type: "search",
    placeholder: `Find ${title.toLowerCase()}…`,
    "aria-label": `Find ${title.toLowerCase()}`,
  });
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    for (const row of rows) row.hidden = q !== "" && !(row.dataset.search ?? "").includes(q);
  });
  return search;
}

/** Every row of `choices` in the list `name` titled `title`, unticked. */
export function shortChoiceList(name: string, title: string, choices: readonly Option[]): ChoiceRows {
  const rows = choices.map((choice) => choiceRow(name, choice, false));
  const nodes: Node[] = choices.length ? [...rows] : [el("span", {}, "Nothing to choose from.")];
  if (choices.length > SEARCHABLE) nodes.unshift(findBox(title, rows));
  return { nodes, box: (i) => rowBox(rows[i]), opened: () => {} };
}
