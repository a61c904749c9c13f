/**
 * Find an institution in the network: a search box and the matching nodes as
 * a list of buttons. Tab moves from the box into the list; Enter (in the box:
 * the first match) calls `onPick`; Escape clears the box and calls `onClear`.
 *
 * Made once per page: `setItems` gives it the institutions of a new graph and
 * matches what is already typed against them, so text typed while a graph is
 * loading (and the box's focus) survives the graph arriving.
 */
import { el } from "../dom.js";

export interface SearchItem {
  id: string;
  label: string;
  detail: string;
  /** Lower-case text matched by the query. */
  text: string;
}

export type NetworkSearch = HTMLElement & {
  /** The institutions to match from now on; what is typed is matched again. */
  setItems(items: readonly SearchItem[]): void;
};

export function networkSearch(
  initial: readonly SearchItem[],
  options: { onPick: (id: string) => void; onClear: () => void; limit?: number },
): NetworkSearch {
  let items = initial;
  const limit = options.limit ?? 8;
  const input = el("input", {
    type: "search",
    placeholder: "Find an institution…",
    "aria-label": "Find an institution in the network",
    "aria-controls": "aa-net-results",
    autocomplete: "off",
    spellcheck: "false",
  });
  const list = el("ul", { id: "aa-net-results", class: "aa-net-results", "aria-label": "Matching institutions" });
  const status = el("span", { class: "aa-net-search-status", role: "status" });
  let matches: SearchItem[] = [];

  const render = () => {
    const q = input.value.trim().toLowerCase();
    matches = q ? items.filter((i) => i.text.includes(q)) : [];
    list.replaceChildren(
      ...matches
        .slice(0, limit)
        .map((m) =>
          el(
            "li",
            {},
            el(
              "button",
              { type: "button", "data-id": m.id, onclick: () => options.onPick(m.id) },
              el("strong", {}, m.label),
              " ",
              el("span", { class: "muted" }, m.detail),
            ),
          ),
        ),
    );
    status.textContent = !q
      ? ""
      : matches.length === 0
        ? "No institution in view matches."
        : matches.length > limit
          ? `${limit} of ${matches.length} matches shown; type more to narrow.`
          : `${matches.length} match${matches.length === 1 ? "" : "es"}.`;
  };
  const clear = () => {
    input.value = "";
    render();
    options.onClear();
  };
  input.addEventListener("input", render);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && matches.length) {
      event.preventDefault();
      options.onPick(matches[0].id);
    } else if (event.key === "Escape") {
      event.preventDefault();
      clear();
    }
  });
  list.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      clear();
      input.focus();
    }
  });
  const root = el("div", { class: "aa-net-search" }, input, status, list) as unknown as NetworkSearch;
  root.setItems = (next) => {
    items = next;
    render();
  };
  return root;
}
