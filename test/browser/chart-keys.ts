/**
 * What the keyboard tests of the timeline (page and embed) read from a page:
 * where each mark is drawn (its symbol's translate), its accessible name,
 * the focused element, and the mark an arrow key must reach from another
 * (nextInDirection of src/lib/model/spatial-nav.ts over the drawn
 * positions, earliest first), so expectations come from the page's drawing,
 * never from hard-coded ids.
 */
import type { Frame, Page } from "playwright-core";
import { type NavKey, nextInDirection } from "../../src/lib/model/spatial-nav.js";
import { sortEarliestFirst } from "../../src/lib/timeline/keyboard-place.js";

/** A mark as drawn: its commitment, centre and accessible name. */
export interface DrawnMark {
  id: string;
  x: number;
  y: number;
  label: string;
}

/** The focused element: whether it is <body> (or nothing), and its data-id, aria-label and tabindex. */
export interface Focused {
  body: boolean;
  id: string | null;
  label: string | null;
  mark: boolean;
  lane: string | null;
  inside: boolean;
}

/** The marks drawn under `root`, earliest first (the chart's order for Home and End). */
export async function drawnMarks(page: Page | Frame, root: string): Promise<DrawnMark[]> {
  const marks = await page.locator(`${root} [data-mark="commitment"]`).evaluateAll((nodes) =>
    nodes.map((n) => {
      const t = n.querySelector("path[data-symbol]")?.getAttribute("transform") ?? "";
      const [x, y] = (/translate\(([^,]+),([^)]+)\)/.exec(t) ?? ["", "NaN", "NaN"]).slice(1).map(Number);
      return { id: n.getAttribute("data-id") ?? "", x, y, label: n.getAttribute("aria-label") ?? "" };
    }),
  );
  return sortEarliestFirst(marks);
}

/** The mark `key` must move to from the mark `id`. */
export function markAfter(marks: readonly DrawnMark[], id: string, key: NavKey): DrawnMark {
  return marks[
    nextInDirection(
      marks,
      marks.findIndex((m) => m.id === id),
      key,
    )
  ];
}

/** What has focus now, and whether it is inside `root`. */
export async function focused(page: Page | Frame, root: string): Promise<Focused> {
  return page.evaluate((root) => {
    const a = document.activeElement;
    return {
      body: !a || a === document.body,
      id: a?.getAttribute("data-id") ?? null,
      label: a?.getAttribute("aria-label") ?? null,
      mark: a?.getAttribute("data-mark") === "commitment",
      lane: a?.classList.contains("aa-lane-toggle") ? (a.parentElement?.getAttribute("data-lane") ?? null) : null,
      inside: !!a && !!document.querySelector(root)?.contains(a),
    };
  }, root);
}

/** The number of elements under `root` that are in the Tab order (tabindex ≥ 0 or natively focusable, enabled, shown). */
export async function tabbableCount(page: Page | Frame, root: string): Promise<number> {
  return page.evaluate((root) => {
    const all = document.querySelectorAll<HTMLElement>(
      `${root} a[href], ${root} button, ${root} select, ${root} input, ${root} summary, ${root} [tabindex]`,
    );
    return [...all].filter((e) => {
      const tabindex = e.getAttribute("tabindex");
      if (tabindex !== null && Number(tabindex) < 0) return false;
      if ((e as HTMLButtonElement).disabled) return false;
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    }).length;
  }, root);
}
