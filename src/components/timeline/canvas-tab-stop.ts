/**
 * One Tab stop for the items painted on a canvas layer of the timeline (its
 * marks, timeline-canvas-input.ts; its density cells,
 * timeline-density-canvas-input.ts): the layer takes the focus, an arrow key
 * moves to the nearest item in that direction (nextInDirection), Home and
 * End to the earliest and latest, and Enter or Space activates the item when
 * the layer has something to activate. Which item the keyboard was on is kept
 * per lane state, so a redraw keeps it. The stops are made when the keyboard
 * first comes (ten thousand items sorted is not for the first draw).
 */
import { isNavKey, type NavPoint, nextInDirection } from "../../lib/model/spatial-nav.js";
import { sortEarliestFirst } from "../../lib/timeline/keyboard-place.js";
import type { LaneState } from "../../lib/timeline/lane-layout.js";

/** An item the keyboard can be on: its key (kept across redraws), its centre, its index in the layer's items. */
export type CanvasStop = NavPoint & { id: string; i: number };

export interface CanvasTabStop {
  /** The layer's name: what it holds and how to move in it. */
  label: string;
  /** The layer's data-focus-key (the chart's keyboard brings the focus back to it after a redraw). */
  focusKey: string;
  /** Where the keyboard was, by lane state, for this kind of item. */
  kept: WeakMap<LaneState, string>;
  state: LaneState;
  /** Every item as a stop (called once, on the first key or focus). */
  stops(): CanvasStop[];
  /** Shows the keyboard on `stop`: outline, tooltip, announcement. */
  show(stop: CanvasStop): void;
  /** The focus left the layer. */
  hide(): void;
  /** Enter or Space on `stop`; without it those keys are left to the page. */
  activate?(stop: CanvasStop): void;
}

export function bindCanvasTabStop(layer: SVGGElement, options: CanvasTabStop): void {
  const { kept, state } = options;
  let stops: CanvasStop[] | null = null;
  let at = 0;
  const ready = (): CanvasStop[] => {
    if (stops) return stops;
    stops = sortEarliestFirst(options.stops());
    const id = kept.get(state);
    at = Math.max(
      0,
      stops.findIndex((s) => s.id === id),
    );
    return stops;
  };
  const show = () => {
    const stop = ready()[at];
    if (!stop) return;
    kept.set(state, stop.id);
    options.show(stop);
  };
  layer.setAttribute("tabindex", "0");
  layer.setAttribute("role", "group");
  layer.setAttribute("aria-label", options.label);
  layer.setAttribute("data-focus-key", options.focusKey);
  layer.addEventListener("focus", show);
  layer.addEventListener("blur", options.hide);
  layer.addEventListener("keydown", (event) => {
    const list = ready();
    const stop = list[at];
    if (!stop) return;
    if (options.activate && (event.key === "Enter" || event.key === " ")) options.activate(stop);
    else if (isNavKey(event.key)) {
      const next = nextInDirection(list, at, event.key);
      if (next >= 0) at = next;
      show();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  });
}
