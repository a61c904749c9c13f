/**
 * A list too long to build at once (a hub institution's hundreds of
 * commitments and partners): its first `page` items, then a "Show N more"
 * button that adds the next page, and a line saying how many of how many are
 * shown. Selecting a hub then costs the same as selecting a small node, and
 * every item stays reachable by keyboard and screen reader by showing more.
 * When the last page is in, the button hides and the focus moves to the
 * first item it added (rather than falling to <body>). A list of one page or
 * less is just the list. A list read from SQL a page at a time gives `load`,
 * which fetches the next items before they are made; the button says it is
 * loading meanwhile, and a failure is said on the status line.
 */
import { el } from "./dom.js";

export interface PagedListOptions {
  /** Items built at first and by each "Show more". */
  page: number;
  /** What the items are, plural ("commitments"), for the status line and the button's label. */
  noun: string;
  /** Fetches items `from` to `to` (exclusive) before `make` is asked for them; the first page is there already. */
  load?: (from: number, to: number) => Promise<void>;
}

/** "Showing 25 of 812 commitments." while some are hidden; "" once all are shown. */
export function pagedCountText(shown: number, total: number, noun: string): string {
  if (shown >= total) return "";
  return `Showing ${shown.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}.`;
}

/**
 * Fills `list` with the first items `make(i)` of `count`, and returns the list
 * with its status line and "Show more" button, to place where the list goes.
 */
export function pagedList(
  list: HTMLElement,
  count: number,
  make: (i: number) => HTMLElement,
  options: PagedListOptions,
): HTMLElement[] {
  if (count <= options.page) {
    for (let i = 0; i < count; i++) list.append(make(i));
    return [list];
  }
  const status = el("p", { class: "aa-paged-count muted", role: "status" });
  const more = el("button", { type: "button", class: "aa-paged-more" });
  let shown = 0;
  const showNext = (): HTMLElement[] => {
    const until = Math.min(count, shown + options.page);
    const added: HTMLElement[] = [];
    for (let i = shown; i < until; i++) added.push(make(i));
    list.append(...added);
    shown = until;
    status.textContent = pagedCountText(shown, count, options.noun);
    status.hidden = shown >= count;
    const left = count - shown;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(options.page, left).toLocaleString("en")} more`;
    more.setAttribute("aria-label", `Show ${Math.min(options.page, left).toLocaleString("en")} more ${options.noun}`);
    return added;
  };
  // Not `disabled` while loading: a disabled button loses the focus to <body>.
  let loading = false;
  const loadNext = async (): Promise<boolean> => {
    if (!options.load) return true;
    const label = more.textContent;
    loading = true;
    more.setAttribute("aria-disabled", "true");
    more.setAttribute("aria-busy", "true");
    more.textContent = `Loading ${options.noun}…`;
    try {
      await options.load(shown, Math.min(count, shown + options.page));
      return true;
    } catch (error) {
      status.hidden = false;
      status.textContent = `Could not load more ${options.noun}: ${error instanceof Error ? error.message : String(error)}`;
      return false;
    } finally {
      loading = false;
      more.removeAttribute("aria-disabled");
      more.removeAttribute("aria-busy");
      more.textContent = label;
    }
  };
  more.addEventListener("click", async () => {
    if (loading || !(await loadNext())) return;
    const added = showNext();
    if (!more.hidden || !added.length) return;
    const first = added[0];
    const target = first.querySelector<HTMLElement>("button, a[href]") ?? first;
    if (target === first) first.tabIndex = -1;
    target.focus();
  });
  showNext();
  return [list, status, more];
}
