/**
 * The shared filter bar: sector, country, institution, event series, status
 * and a year range. Its state lives in the URL query string (a copied link
 * restores the view; back and forward work). Use it with Framework's `view`:
 *
 *     const filters = view(filterBar(options));
 *
 * `filters` is a FilterState; pass it to `commitmentWhere` / `eventWhere`.
 */

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
import { STATUS_META, STATUS_ORDER } from "../lib/model/value-labels.js";
import { el } from "./dom.js";

/** A choice in one of the bar's lists (the build-time seed computes them). */
export type FilterOption = Option;

/** The bar's choices: the seed's options plus the status vocabulary. */
export type FilterOptions = OverviewSeed["options"] & { status: FilterOption[] };

export type FilterBar = HTMLElement & { value: FilterState };

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

export function filterBar(options: FilterOptions): FilterBar {
  const known = {
    sector: options.sector.map((o) => o.id),
    country: options.country.map((o) => o.id),
    institution: options.institution.map((o) => o.id),
    series: options.series.map((o) => o.id),
    status: options.status.map((o) => o.id),
  };
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

  const groups = new Map<ListKey, { details: HTMLDetailsElement; summary: HTMLElement; boxes: HTMLInputElement[] }>();
  for (const key of Object.keys(TITLES) as ListKey[]) {
    const choices = options[key];
    const summary = el("summary", {}, TITLES[key]);
    const boxes = choices.map((choice) => el("input", { type: "checkbox", name: key, value: choice.id }));
    const labelsList = choices.map((choice, i) =>
      el(
        "label",
        { "data-search": `${choice.label} ${choice.keywords ?? ""} ${choice.id}`.toLowerCase() },
        boxes[i],
        choice.color ? el("span", { class: "aa-swatch", style: `background:${choice.color}` }) : null,
        choice.label,
      ),
    );
    const search =
      choices.length > 12
        ? el("input", {
            type: "search",
            placeholder: `Find ${TITLES[key].toLowerCase()}…`,
            "aria-label": `Find ${TITLES[key].toLowerCase()}`,
          })
        : null;
    search?.addEventListener("input", () => {
      const q = search.value.trim().toLowerCase();
      for (const label of labelsList) label.hidden = q !== "" && !(label.dataset.search ?? "").includes(q);
    });
    const panel = el(
      "fieldset",
      { class: "aa-filter-panel", "aria-label": TITLES[key] },
      search,
      choices.length ? labelsList : el("span", {}, "Nothing to choose from."),
    );
    const details = el("details", { "data-filter": key }, summary, panel);
    details.addEventListener("toggle", () => {
      if (!details.open) return;
      for (const other of groups.values()) if (other.details !== details) other.details.open = false;
    });
    groups.set(key, { details, summary, boxes });
    form.append(details);
  }

  const yearOptions = (selected: number | undefined, placeholder: string) => {
    const select = el("select", {});
    select.append(el("option", { value: "" }, placeholder));
    for (let y = options.years[0]; y <= options.years[1]; y++) {
      select.append(el("option", { value: String(y), selected: y === selected }, String(y)));
    }
    return select;
  };
  const fromSelect = yearOptions(state.from, "from");
  const toSelect = yearOptions(state.to, "to");
  fromSelect.setAttribute("aria-label", "From year");
  toSelect.setAttribute("aria-label", "To year");
  form.append(el("span", { class: "aa-years" }, "Years", fromSelect, "–", toSelect));

  const clear = el("button", { type: "button" }, "Clear filters");
  form.append(clear);
  const summaryLine = el("div", { class: "aa-filter-summary", "aria-live": "polite" });
  form.append(summaryLine, notices);

  const render = () => {
    for (const [key, group] of groups) {
      const selected = new Set(state[key]);
      // Touch only boxes that change: an institution list can hold thousands.
      for (const box of group.boxes) {
        const checked = selected.has(box.value);
        if (box.checked !== checked) box.checked = checked;
      }
      const n = selected.size;
      group.summary.textContent = n ? `${TITLES[key]} · ${n}` : TITLES[key];
      group.summary.setAttribute("aria-label", `${TITLES[key]}: ${n ? `${n} selected` : "all"}`);
      if (n) group.details.setAttribute("data-active", "");
      else group.details.removeAttribute("data-active");
    }
    fromSelect.value = state.from === undefined ? "" : String(state.from);
    toSelect.value = state.to === undefined ? "" : String(state.to);
    clear.disabled = isEmptyFilters(state);
    summaryLine.textContent = `Showing: ${describeFilters(state, labels)}`;
  };

  const readControls = (): FilterState => {
    const next = emptyFilters();
    for (const [key, group] of groups)
      next[key] = group.boxes
        .filter((b) => b.checked)
        .map((b) => b.value)
        .sort();
    next.from = fromSelect.value ? Number(fromSelect.value) : undefined;
    next.to = toSelect.value ? Number(toSelect.value) : undefined;
    if (next.from !== undefined && next.to !== undefined && next.from > next.to)
      [next.from, next.to] = [next.to, next.from];
    return next;
  };

  const commit = (next: FilterState, push: boolean) => {
    state = next;
    form.value = state;
    if (push) {
      const search = serializeFilters(state, window.location.search);
      history.pushState(null, "", `${window.location.pathname}${search}${window.location.hash}`);
    }
    render();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };

  form.addEventListener("change", (event) => {
    if ((event.target as HTMLElement).matches("input[type=search]")) return;
    commit(readControls(), true);
  });
  // Checkboxes, selects and search boxes also fire "input" that bubbles here;
  // only the bar's own state change (dispatched by commit) is its input. This
  // listener is added before Framework's view() adds its own, so it runs first.
  form.addEventListener("input", (event) => {
    if (event.target !== form) event.stopImmediatePropagation();
  });
  clear.addEventListener("click", () => commit(emptyFilters(), true));
  window.addEventListener("popstate", () => {
    const parsed = parseFilters(window.location.search, known);
    notices.textContent = parsed.notices.join(" ");
    notices.hidden = parsed.notices.length === 0;
    commit(parsed.state, false);
  });
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const group of groups.values()) {
      if (group.details.open) {
        group.details.open = false;
        group.summary.focus();
      }
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target as Node)) for (const group of groups.values()) group.details.open = false;
  });

  form.value = state;
  render();
  return form;
}
