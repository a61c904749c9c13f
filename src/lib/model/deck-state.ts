/**
 * The presentation deck's state (src/components/present/): what an action
 * does to the slide shown, the speaker note and the theme; which of the two
 * slide frames (the slide's and the next one's, preloaded) to keep, reveal or
 * load; and the words its buttons and frames carry. Pure, so the unit tests
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
 * How the slide at address `src` is shown: "keep" the frame already showing
 * it, "reveal" the preloaded one, or "load" a new frame.
 */
export function frameSwap(
  src: string,
  currentSrc: string | null,
  preloadSrc: string | null,
): "keep" | "reveal" | "load" {
  if (currentSrc === src) return "keep";
  if (preloadSrc === src) return "reveal";
  return "load";
}

/**
 * What to do with the hidden frame of the next slide (`nextSrc`, null on
 * the last slide): drop a preloaded frame that shows anything else, and load
 * one only once the current frame has loaded and when the next slide shows
 * something else than the current one.
 */
export function preloadStep(
  nextSrc: string | null,
  current: { src: string; loaded: boolean } | null,
  preloadSrc: string | null,
): { drop: boolean; load: boolean } {
  const drop = preloadSrc !== null && preloadSrc !== nextSrc;
  const kept = preloadSrc !== null && !drop;
  const load = !kept && nextSrc !== null && current !== null && nextSrc !== current.src && current.loaded;
  return { drop, load };
}
