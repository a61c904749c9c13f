/**
 * The shared filter bar: sector, country, institution, event series, status
 * and a year range. Its state lives in the URL query string (a copied link
 * restores the view; back and forward work). Use it with Framework's `view`:
 *
 *     const filters = view(filterBar(options));
 *
 * `filters` is a FilterState; pass it to `commitmentWhere` / `eventWhere`.
 * The bar answers a click at once (box, summary, URL) and tells the page
 * after that frame is painted (after-paint.ts), so the page's own work stays
 * out of the click's paint. When a list opens or a year select takes the
 * focus it also tells the page the state one choice on (NEXT_FILTERS), so
 * the page can have DuckDB prepare that state's SQL (prepare-ahead.ts).
 */

import { withChoice } from "../lib/model/choice-selection.js";
import type { Option, OverviewSeed } from "../lib/model/contracts.js";
import {
  describeFilters,
  emptyFilters,
  type FilterLabels,
  type FilterState,
  isEmptyFilters,
  type ListKey,
  parseFilters,
  serializeFilters,
} from "../lib/model/filters.js";
import { withOneMoreChoice, withYearBound } from "../lib/model/next-filters.js";
import { STATUS_META, STATUS_ORDER } from "../lib/model/value-labels.js";
import { onceAfterNextPaint } from "./after-paint.js";
import { el } from "./dom.js";
import { type FilterGroup, filterGroup } from "./filter-group.js";
import { yearRange } from "./filter-years.js";

/** A choice in one of the bar's lists (the build-time seed computes them). */
export type FilterOption = Option;

/** The bar's choices: the seed's options plus the status vocabulary. */
export type FilterOptions = OverviewSeed["options"] & { status: FilterOption[] };

export type FilterBar = HTMLElement & { value: FilterState };

/**
 * The event the bar sends when a reader opens a list or focuses a year
 * select: `detail.filters` is the state one choice on there (its SQL text is
 * that of every choice the control offers; see next-filters.ts).
 */
export const NEXT_FILTERS = "aa-filters-next";
export type NextFiltersEvent = CustomEvent<{ filters: FilterState }>;

/** The status choices, from the one status vocabulary. */
export function statusOptions(): FilterOption[] {
  return STATUS_ORDER.map((id) => ({ id, label: STATUS_META[id].label, color: STATUS_META[id].color }));
}

const TITLES: Record<ListKey, string> = {
  sector: "Sector",
  country: "Country",
  institution: "Institution",
  series: "Event series",
  status: "Status",
};

/** Names for the ids in filters, for describeFilters (captions, empty states). */
export function filterLabels(options: FilterOptions): FilterLabels {
  return {
    sector: new Map(options.sector.map((o) => [o.id, o.label])),
    country: new Map(options.country.map((o) => [o.id, o.label])),
    institution: new Map(options.institution.map((o) => [o.id, o.label])),
    status: new Map(options.status.map((o) => [o.id, o.label])),
  };
}

/** The ids each list knows (parseFilters drops others, with a notice). */
function knownIds(options: FilterOptions): Record<ListKey, string[]> {
  return {
    sector: options.sector.map((o) => o.id),
    country: options.country.map((o) => o.id),
    institution: options.institution.map((o) => o.id),
    series: options.series.map((o) => o.id),
    status: options.status.map((o) => o.id),
  };
}

export function filterBar(options: FilterOptions): FilterBar {
  const known = knownIds(options);
  const labels = filterLabels(options);
  const initial = parseFilters(window.location.search, known);
  let state: FilterState = initial.state;

  const form = el("form", {
    class: "aa-filters",
    role: "search",
    "aria-label": "Filter commitments",
  }) as unknown as FilterBar;
  form.addEventListener("submit", (event) => event.preventDefault());
  const notices = el("div", { class: "aa-notice", role: "status", hidden: initial.notices.length === 0 });
  notices.textContent = initial.notices.join(" ");

  const tellNext = (next: FilterState | undefined) => {
    if (next) form.dispatchEvent(new CustomEvent(NEXT_FILTERS, { detail: { filters: next } }));
  };
  const groups = new Map<ListKey, FilterGroup>();
  for (const key of Object.keys(TITLES) as ListKey[]) {
    const group = filterGroup(key, TITLES[key], options[key]);
    // One list open at a time.
    group.details.addEventListener("toggle", () => {
      if (!group.details.open) return;
      for (const other of groups.values()) if (other !== group) other.details.open = false;
      tellNext(withOneMoreChoice(state, key, known[key]));
    });
    groups.set(key, group);
    form.append(group.details);
  }
  const years = yearRange(options.years, state.from, state.to);
  for (const bound of ["from", "to"] as const) {
    years[bound].addEventListener("focus", () => tellNext(withYearBound(state, bound, options.years)));
  }
  const clear = el("button", { type: "button" }, "Clear filters");
  const summaryLine = el("div", { class: "aa-filter-summary", "aria-live": "polite" });
  form.append(years.element, clear, summaryLine, notices);

  const render = () => {
    for (const [key, group] of groups) group.draw(new Set(state[key]));
    years.draw(state.from, state.to);
    // aria-disabled, not disabled: a disabled button loses the focus that just pressed it (to <body>).
    clear.setAttribute("aria-disabled", String(isEmptyFilters(state)));
    summaryLine.textContent = `Showing: ${describeFilters(state, labels)}`;
  };
  // The page hears of a change after the bar's own answer (the box, the summary) is on
  // screen: its cells then run in frames of their own, outside the click's paint. Changes
  // made before that are one event, with the latest filters.
  const tellPage = onceAfterNextPaint(() => form.dispatchEvent(new Event("input", { bubbles: true })));
  const commit = (next: FilterState, push: boolean) => {
    state = next;
    form.value = state;
    if (push) {
      const search = serializeFilters(state, window.location.search);
      history.pushState(null, "", `${window.location.pathname}${search}${window.location.hash}`);
    }
    render();
    tellPage();
  };

  // The state changes by the one control that changed: no list is read back from its boxes.
  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target instanceof HTMLSelectElement) {
      commit({ ...state, ...years.read() }, true);
      return;
    }
    if (!(target instanceof HTMLInputElement) || target.type !== "checkbox") return;
    const key = target.name as ListKey;
    if (groups.has(key)) commit({ ...state, [key]: withChoice(state[key], target.value, target.checked) }, true);
  });
  clear.addEventListener("click", () => {
    if (!isEmptyFilters(state)) commit(emptyFilters(), true);
  });
  window.addEventListener("popstate", () => {
    const parsed = parseFilters(window.location.search, known);
    notices.textContent = parsed.notices.join(" ");
    notices.hidden = parsed.notices.length === 0;
    commit(parsed.state, false);
  });
  closeLists(form, [...groups.values()]);
  form.value = state;
  render();
  return form;
}

/**
 * The bar's own input events only, and lists that close: with Escape
 * (focus back on the list's summary) or a click elsewhere on the page.
 */
function closeLists(form: HTMLElement, groups: readonly FilterGroup[]): void {
  // Checkboxes, selects and search boxes also fire "input" that bubbles here;
  // only the bar's own state change (dispatched by commit) is its input. This
  // listener is added before Framework's view() adds its own, so it runs first.
  form.addEventListener("input", (event) => {
    if (event.target !== form) event.stopImmediatePropagation();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const group of groups) {
      if (group.details.open) {
        group.details.open = false;
        group.summary.focus();
      }
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target as Node)) for (const group of groups) group.details.open = false;
  });
}
