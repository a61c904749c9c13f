/**
 * The presentation deck's state (src/components/present/): what an action
 * does to the slide shown, the speaker note and the theme; which slide
 * frames to keep (the slide's, and the next and previous ones' loaded
 * hidden) and which to load or drop; and the words its buttons and frames carry. Pure, so the unit tests
 * check it without a browser.
 */
import { type Action, moveTo } from "./present.js";
import type { Slide } from "./stories.js";
import type { Theme, ViewName } from "./view-state.js";

export interface DeckState {
  /** 0-based slide index. */
  index: number;
  theme: Theme;
  /** Whether the speaker note is shown. */
  noteOpen: boolean;
}

/**
 * What the page does after an action, besides drawing the new state:
 * "none" nothing at all (not even drawing); "draw" only draw; "move" a new
 * history entry for the slide; "theme" the address replaced and the
 * preloaded frame dropped; "enter-fullscreen"/"exit-fullscreen" ask the
 * browser.
 */
export type DeckEffect = "none" | "draw" | "move" | "theme" | "enter-fullscreen" | "exit-fullscreen";

/** The other theme. */
export function otherTheme(theme: Theme): Theme {
  return theme === "light" ? "dark" : "light";
}

/**
 * The state after an action in a story of `count` slides, and what to do.
 * `fullscreen` says whether the page is full screen now: Escape leaves full
 * screen first, then closes the speaker note.
 */
export function deckStep(
  state: DeckState,
  action: Action,
  count: number,
  fullscreen: boolean,
): { state: DeckState; effect: DeckEffect } {
  switch (action) {
    case "note":
      return { state: { ...state, noteOpen: !state.noteOpen }, effect: "draw" };
    case "theme":
      return { state: { ...state, theme: otherTheme(state.theme) }, effect: "theme" };
    case "fullscreen":
      return { state, effect: fullscreen ? "exit-fullscreen" : "enter-fullscreen" };
    case "exit":
      if (fullscreen) return { state, effect: "exit-fullscreen" };
      return state.noteOpen ? deckStep(state, "note", count, fullscreen) : { state, effect: "none" };
    default: {
      const index = moveTo(action, state.index, count);
      return index === state.index ? { state, effect: "none" } : { state: { ...state, index }, effect: "move" };
    }
  }
}

/** The names of the views in a slide frame's title. */
export const VIEW_NAMES: Record<ViewName, string> = {
  network: "Network",
  timeline: "Sector timelines",
  sectors: "Commitments by sector",
  scorecards: "Scorecards",
};

/** A slide frame's accessible title: its view and the slide's headline. */
export function frameTitle(slide: Slide): string {
  return `${VIEW_NAMES[slide.view]}: ${slide.title}`;
}

/** The speaker-note button's text. */
export function noteButtonText(noteOpen: boolean): string {
  return noteOpen ? "Hide note" : "Note";
}

/** The theme button's text: the theme it switches to. */
export function themeButtonText(theme: Theme): string {
  return theme === "light" ? "Dark theme" : "Light theme";
}

/**
 * The frames to keep for slide `index` of a deck whose slides show
 * `srcs`: the slide's own, shown, and its neighbours' (the next slide's first,
 * then the previous one's), loaded hidden so that going forward and going back
 * are both instant. A neighbour that shows the same address as the slide
 * needs no frame of its own.
 */
export function framesToKeep(index: number, srcs: readonly string[]): { show: string; neighbours: string[] } {
  const show = srcs[index];
  const neighbours: string[] = [];
  for (const i of [index + 1, index - 1]) {
    const src = srcs[i];
    if (src !== undefined && src !== show && !neighbours.includes(src)) neighbours.push(src);
  }
  return { show, neighbours };
}

/**
 * What to do with the frames loaded now (`loaded`, their addresses): drop
 * those the slide and its neighbours do not show, and load the missing
 * neighbours only once the slide's own frame has loaded (`ready`), so the
 * slide shown first gets the network first.
 */
export function framePlan(
  keep: { show: string; neighbours: readonly string[] },
  loaded: readonly string[],
  ready: boolean,
): { drop: string[]; load: string[] } {
  const wanted = new Set([keep.show, ...keep.neighbours]);
  return {
    drop: loaded.filter((src) => !wanted.has(src)),
    load: ready ? keep.neighbours.filter((src) => !loaded.includes(src)) : [],
  };
}
