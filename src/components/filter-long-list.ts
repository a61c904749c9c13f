/**
 * The rows of a long filter list (thousands of institutions): none until the
 * list is first opened, then the first PAGE choices (the ticked ones first),
 * the "Find …" box narrowing them by label, keyword or id, and a "Show more"
 * button for the next PAGE. Every choice stays reachable by keyboard and
 * screen reader (by finding it or showing more), while opening the list,
 * typing and ticking cost the same at 5,000 choices as at 100. A status line
 * says how many match and how many are shown.
 */

import { choiceWindow } from "../lib/model/choice-window.js";
import type { Option } from "../lib/model/contracts.js";
import { el } from "./dom.js";
import { choiceRow, choiceSearchText, rowBox } from "./filter-choice-row.js";
import type { ChoiceRows } from "./filter-choice-rows.js";

/** Rows shown at first, and added by each "Show more". */
export const PAGE = 100;

/** The status line's words for `shown` of `matching` choices (`query`: what was typed). */
function countText(shown: number, matching: number, query: string): string {
  if (matching === 0) return "Nothing matches.";
  if (shown < matching)
    return `Showing ${shown.toLocaleString("en")} of ${matching.toLocaleString("en")}: type to narrow the list, or show more.`;
  return query.trim() ? `${matching.toLocaleString("en")} ${matching === 1 ? "match" : "matches"}.` : "";
}

/** The paged rows of `choices` in the list `name` titled `title`; `ticked` says whether an id is selected now. */
export function longChoiceList(
  name: string,
  title: string,
  choices: readonly Option[],
  ticked: (id: string) => boolean,
): ChoiceRows {
  const rows: (HTMLLabelElement | undefined)[] = [];
  let texts: string[] | null = null;
  const rowAt = (i: number) => {
    rows[i] ??= choiceRow(name, choices[i], ticked(choices[i].id));
    return rows[i];
  };
  const search = el("input", {
    type: "search",
    placeholder: `Find ${title.toLowerCase()}…`,
    "aria-label": `Find ${title.toLowerCase()}`,
  });
  const status = el("p", { class: "aa-filter-count", role: "status" });
  const list = el("div", { class: "aa-filter-rows" });
  const more = el("button", { type: "button", class: "aa-filter-more", hidden: true }, "Show more");
  // The ticked choices when the list was (re)filled: they stay first while "Show more" adds rows.
  let pinned = new Set<string>();
  let limit = PAGE;
  let shown: number[] = [];

  const show = (append: boolean) => {
    texts ??= choices.map(choiceSearchText);
    const window = choiceWindow(texts, search.value, (i) => pinned.has(choices[i].id), limit);
    const from = append ? shown.length : 0;
    const added = window.shown.slice(from).map(rowAt);
    if (append) list.append(...added);
    else list.replaceChildren(...added);
    shown = window.shown;
    status.textContent = countText(shown.length, window.matching, search.value);
    const left = window.matching - shown.length;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(PAGE, left).toLocaleString("en")} more`;
    return added;
  };
  const refill = () => {
    pinned = new Set(choices.filter((c) => ticked(c.id)).map((c) => c.id));
    limit = PAGE;
    show(false);
  };
  search.addEventListener("input", refill);
  more.addEventListener("click", () => {
    limit += PAGE;
    const added = show(true);
    // The button hides once everything is shown: move the focus to the first new row rather than to <body>.
    if (more.hidden && added.length) rowBox(added[0]).focus();
  });
  return {
    nodes: [search, status, list, more],
    box: (i) => (rows[i] ? rowBox(rows[i]) : undefined),
    opened: refill,
  };
}
