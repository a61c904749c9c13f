/**
 * The timeline chart's keyboard model (issue #15). The marks are one Tab
 * stop and the lane list another (roving tabindex: the current mark or lane
 * has tabindex 0, the others -1, and focus moves among them). In the marks an
 * arrow key moves to the nearest mark in that direction (nextInDirection,
 * src/lib/model/spatial-nav.ts, on the marks' drawn positions), Home and End
 * to the earliest and latest; Enter or Space picks the mark
 * (timeline-interaction.ts). In the lane list, up and down arrows, Home and
 * End move between lanes; Enter or Space collapses or expands one.
 *
 * Where focus was is kept in the page's lane state (KeyboardPlace,
 * src/lib/timeline/keyboard-place.ts): when a redraw replaces the element
 * that had focus (a lane collapsed, the order changed, a zoom, a resize, new
 * filters), focus goes to the same commitment, lane or control in the new
 * chart, the nearest mark when that commitment is no longer drawn, and never
 * stays on <body>.
 *
 * The listeners sit on the chart's HTML root: Chromium makes an SVG element
 * with focus listeners a Tab stop of its own.
 */
import { isNavKey, type NavKey, nextInDirection } from "../../lib/model/spatial-nav.js";
import { type KeyboardPlace, markToRestore } from "../../lib/timeline/keyboard-place.js";
import type { LaneState } from "../../lib/timeline/lane-layout.js";
import type { MarkStop } from "./timeline-marks-svg.js";

/** What one drawing of the chart offers the keyboard. */
export interface KeyboardParts {
  /** The focusable marks, earliest first. */
  marks: MarkStop[];
  /** The lane toggles, top to bottom. */
  lanes: SVGGElement[];
  /** Shows a focused mark's tooltip; hides it with null. */
  markFocused(mark: SVGGElement | null): void;
}

export interface ChartKeyboard {
  /** Takes the new drawing's marks and lanes and sets their Tab stops where the keyboard was. */
  update(parts: KeyboardParts): void;
  /** Gives focus back after a redraw when the chart had it and nothing else has it now. */
  restore(): void;
  /** restore() once the chart is on the page (a new chart is drawn before it is added). */
  restoreWhenConnected(): void;
}

const LANE_KEYS = new Set<string>(["ArrowUp", "ArrowDown", "Home", "End"]);
/** Frames to wait for a new chart to be added to the page before giving up on restoring focus. */
const CONNECT_FRAMES = 120;

export function chartKeyboard(root: HTMLElement, state: LaneState): ChartKeyboard {
  let parts: KeyboardParts = { marks: [], lanes: [], markFocused: () => {} };

  root.addEventListener("focusin", (event) => {
    const place = placeOf(event.target, parts);
    if (!place) return;
    state.keyboard = { ...place, inside: true };
    setStops(parts, state.keyboard);
    const mark = place.area === "marks" ? (event.target as Element).closest<SVGGElement>("[data-mark]") : null;
    parts.markFocused(mark);
  });
  root.addEventListener("focusout", (event) => {
    parts.markFocused(null);
    const to = event.relatedTarget;
    if (to instanceof Node && root.contains(to)) return;
    const from = event.target as Element;
    const left = () => {
      if (state.keyboard) state.keyboard.inside = false;
    };
    // Focus gone to nothing: the reader left (clicked elsewhere, another
    // window) unless a redraw removed the element.
    if (to) left();
    else queueMicrotask(() => from.isConnected && left());
  });
  root.addEventListener("keydown", (event) => {
    const target = event.target as Element;
    const mark = target.closest<SVGGElement>("[data-mark]");
    const lane = target.closest<SVGGElement>(".aa-lane-toggle");
    if (mark && isNavKey(event.key)) moveAmongMarks(parts.marks, mark, event.key);
    else if (lane && LANE_KEYS.has(event.key)) moveAmongLanes(parts.lanes, lane, event.key as NavKey);
    else return;
    event.preventDefault();
  });

  const restore = () => {
    const place = state.keyboard;
    if (!place?.inside || !root.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const target = restoreTarget(root, parts, place);
    if (target === root) root.setAttribute("tabindex", "-1");
    target.focus();
  };
  return {
    update: (next) => {
      parts = next;
      setStops(parts, state.keyboard);
    },
    restore,
    restoreWhenConnected: () => {
      if (!state.keyboard?.inside) return;
      let frames = 0;
      const wait = () => {
        if (root.isConnected) restore();
        else if (++frames < CONNECT_FRAMES) requestAnimationFrame(wait);
      };
      wait();
    },
  };
}

/** What a focused element is in the chart's keyboard model, or null for anything else (the table's buttons). */
function placeOf(target: EventTarget | null, parts: KeyboardParts): Omit<KeyboardPlace, "inside"> | null {
  if (!(target instanceof Element)) return null;
  const stop = parts.marks.find((s) => s.node === target);
  if (stop) return { area: "marks", key: stop.id, at: { x: stop.x, y: stop.y } };
  const lane = target.closest(".aa-lane-toggle")?.parentElement?.getAttribute("data-lane");
  if (lane) return { area: "lanes", key: lane, at: null };
  const control = target.getAttribute("data-focus-key");
  return control ? { area: "control", key: control, at: null } : null;
}

/** The marks' and the lanes' Tab stops: the one the keyboard was on (or the first), the rest -1. */
function setStops(parts: KeyboardParts, place: KeyboardPlace | undefined): void {
  const mark = place?.area === "marks" ? markToRestore(parts.marks, place) : 0;
  parts.marks.forEach((s, i) => {
    s.node.setAttribute("tabindex", i === mark ? "0" : "-1");
  });
  const laneAt = place?.area === "lanes" ? parts.lanes.findIndex((t) => laneOf(t) === place.key) : -1;
  parts.lanes.forEach((t, i) => {
    t.setAttribute("tabindex", i === Math.max(0, laneAt) ? "0" : "-1");
  });
}

const laneOf = (toggle: Element) => toggle.parentElement?.getAttribute("data-lane") ?? "";

/** Where focus goes back to: the place's mark, lane or control, else the marks' or the lanes' stop, else the chart. */
function restoreTarget(root: HTMLElement, parts: KeyboardParts, place: KeyboardPlace): HTMLElement | SVGElement {
  const stopOf = (nodes: readonly SVGGElement[]) => nodes.find((n) => n.getAttribute("tabindex") === "0");
  const marks = stopOf(parts.marks.map((s) => s.node));
  const lanes = stopOf(parts.lanes);
  const control =
    place.area === "control" ? root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(place.key)}"]`) : null;
  const first = place.area === "lanes" ? (lanes ?? marks) : (control ?? marks ?? lanes);
  return first ?? root;
}

function moveAmongMarks(marks: readonly MarkStop[], from: SVGGElement, key: NavKey): void {
  const at = marks.findIndex((s) => s.node === from);
  const next = nextInDirection(marks, at, key);
  if (next >= 0 && next !== at) marks[next].node.focus();
}

function moveAmongLanes(lanes: readonly SVGGElement[], from: SVGGElement, key: NavKey): void {
  const at = lanes.indexOf(from);
  const next = nextInDirection(
    lanes.map((_, i) => ({ x: 0, y: i })),
    at,
    key,
  );
  if (next >= 0 && next !== at) lanes[next].focus();
}
