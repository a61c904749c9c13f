/**
 * The timeline's zoom as a Framework input: a year menu, "Show all", and a
 * `set(range)` the chart's brush calls. Its value is the window (inclusive
 * days) or null for everything. The window is kept in the URL (`?window=`),
 * so a copied link restores the view.
 */

import type { TimeRange } from "../../lib/sql/timeline-queries.js";
import { yearRange } from "../../lib/timeline/density.js";
import { windowFrom } from "../../lib/timeline/window.js";
import { el } from "../dom.js";

export type ZoomControl = HTMLElement & { value: TimeRange | null; set(range: TimeRange | null): void };

export function zoomControl({ years }: { years: [number, number] }): ZoomControl {
  const select = el("select", { "aria-label": "Zoom to a year" }, el("option", { value: "" }, "All years"));
  for (let y = years[1]; y >= years[0]; y--) select.append(el("option", { value: String(y) }, String(y)));
  const all = el("button", { type: "button" }, "Show all");
  const label = el("span", { class: "aa-zoom-label", "aria-live": "polite" });
  const node = el(
    "form",
    { class: "aa-zoom", "aria-label": "Time window" },
    el("label", {}, "Zoom ", select),
    all,
    label,
  ) as unknown as ZoomControl;
  node.addEventListener("submit", (e) => e.preventDefault());
  const show = () => {
    const v = node.value;
    const year = v?.from.endsWith("-01-01") && v.to === `${v.from.slice(0, 4)}-12-31` ? v.from.slice(0, 4) : "";
    select.value = year;
    all.disabled = v === null;
    label.textContent = v && !year ? `${v.from} – ${v.to}` : "";
  };
  node.set = (range) => {
    node.value = range;
    const params = new URLSearchParams(window.location.search);
    if (range) params.set("window", `${range.from}..${range.to}`);
    else params.delete("window");
    const text = params.toString();
    history.replaceState(null, "", `${window.location.pathname}${text ? `?${text}` : ""}${window.location.hash}`);
    show();
    node.dispatchEvent(new Event("input", { bubbles: true }));
  };
  select.addEventListener("change", () => node.set(select.value ? yearRange(Number(select.value)) : null));
  all.addEventListener("click", () => node.set(null));
  node.addEventListener("input", (event) => {
    if (event.target !== node) event.stopImmediatePropagation();
  });
  node.value = windowFrom(window.location.search);
  show();
  return node;
}
