/**
 * Find an institution in the network: a search box that is a combobox (the
 * WAI-ARIA Authoring Practices' list autocomplete): typing lists the
 * matching nodes as a listbox under it; ArrowDown and ArrowUp move through
 * the options (aria-activedescendant, focus stays in the box), Enter picks
 * the active option (or the first match, the best by
 * src/lib/network/search-ranking.ts) and calls `onPick`, Escape closes
 * the list, and Escape again (or on a closed list) clears the box and calls
 * `onClear`. Options also answer to a click.
 *
 * Made once per page: `setItems` gives it the institutions of a new graph and
 * matches what is already typed against them, so text typed while a graph is
 * loading (and the box's focus) survives the graph arriving.
 */
import type { SearchEntry } from "../../lib/network/node-lists.js";
import { rankMatches } from "../../lib/network/search-ranking.js";
import { el } from "../dom.js";

/** An institution the box can find (src/lib/network/node-lists.ts, searchEntries). */
export type SearchItem = SearchEntry;

export type NetworkSearch = HTMLElement & {
  /** The institutions to match from now on; what is typed is matched again. */
  setItems(items: readonly SearchItem[]): void;
};

const LIST_ID = "aa-net-results";

/** What the box and its list show now. */
interface SearchState {
  items: readonly SearchItem[];
  matches: SearchItem[];
  /** The option the arrow keys are on (index into the shown matches), or -1. */
  active: number;
  /** False once a pick or Escape closed the list; typing opens it again. */
  open: boolean;
}

function statusText(query: string, found: number, limit: number): string {
  if (!query) return "";
  if (found === 0) return "No institution in view matches.";
  if (found > limit) return `${limit} of ${found} matches shown; type more to narrow.`;
  return `${found} match${found === 1 ? "" : "es"}.`;
}

export function networkSearch(
  initial: readonly SearchItem[],
  options: { onPick: (id: string) => void; onClear: () => void; limit?: number },
): NetworkSearch {
  const limit = options.limit ?? 8;
  const input = el("input", {
    type: "search",
    role: "combobox",
    placeholder: "Find an institution…",
    "aria-label": "Find an institution in the network",
    "aria-controls": LIST_ID,
    "aria-expanded": "false",
    "aria-autocomplete": "list",
    autocomplete: "off",
    spellcheck: "false",
  }) as HTMLInputElement;
  const list = el("ul", {
    id: LIST_ID,
    class: "aa-net-results",
    role: "listbox",
    "aria-label": "Matching institutions",
  });
  const status = el("span", { class: "aa-net-search-status", role: "status" });
  const s: SearchState = { items: initial, matches: [], active: -1, open: false };

  const shown = () => s.matches.slice(0, limit);
  const pick = (id: string) => {
    s.open = false;
    show();
    options.onPick(id);
  };
  /** Draws the list and the box's state from `s` (the query is matched by `render`). */
  const show = () => {
    const visible = s.open ? shown() : [];
    list.replaceChildren(...visible.map((m, i) => optionOf(m, i, i === s.active, pick)));
    list.hidden = visible.length === 0;
    input.setAttribute("aria-expanded", String(visible.length > 0));
    if (s.active >= 0 && s.active < visible.length)
      input.setAttribute("aria-activedescendant", `${LIST_ID}-${s.active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const render = () => {
    const q = input.value.trim().toLowerCase();
    s.matches = q ? rankMatches(s.items, q) : [];
    s.active = -1;
    show();
    status.textContent = statusText(q, s.matches.length, limit);
  };
  input.addEventListener("input", () => {
    s.open = true;
    render();
  });
  const clear = () => {
    input.value = "";
    s.open = false;
    render();
    options.onClear();
  };
  input.addEventListener("keydown", (event) =>
    onSearchKey(event, s, { show, pick, clear, count: () => shown().length }),
  );
  const root = el("div", { class: "aa-net-search" }, input, status, list) as unknown as NetworkSearch;
  root.setItems = (next) => {
    s.items = next;
    render();
  };
  render();
  return root;
}

/** One option of the list: the institution's label and detail, picked by a click. */
function optionOf(m: SearchItem, index: number, active: boolean, pick: (id: string) => void): HTMLElement {
  const option = el(
    "li",
    { id: `${LIST_ID}-${index}`, role: "option", "aria-selected": String(active), "data-id": m.id },
    el("strong", {}, m.label),
    " ",
    el("span", { class: "muted" }, m.detail),
  );
  // mousedown keeps the focus in the box; the click picks.
  option.addEventListener("mousedown", (event) => event.preventDefault());
  option.addEventListener("click", () => pick(m.id));
  return option;
}

interface KeyParts {
  show(): void;
  pick(id: string): void;
  clear(): void;
  /** Options shown while the list is open. */
  count(): number;
}

/** The combobox's keys: arrows through the options, Enter picks, Escape closes then clears. */
function onSearchKey(event: KeyboardEvent, s: SearchState, k: KeyParts): void {
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (!s.matches.length) return;
    event.preventDefault();
    const down = event.key === "ArrowDown";
    if (!s.open) {
      s.open = true;
      s.active = -1;
    }
    const n = k.count();
    s.active = s.active < 0 ? (down ? 0 : n - 1) : (s.active + (down ? 1 : -1) + n) % n;
    k.show();
  } else if (event.key === "Enter" && s.matches.length) {
    event.preventDefault();
    const chosen = s.open && s.active >= 0 ? s.matches[s.active] : s.matches[0];
    k.pick(chosen.id);
  } else if (event.key === "Escape") {
    event.preventDefault();
    if (s.open && k.count() > 0) {
      s.open = false;
      s.active = -1;
      k.show();
    } else k.clear();
  }
}
