/**
 * The rules of the presentation page (/present): which story and slide a
 * link opens, what each key does, and the address of the chrome-less embed a
 * slide shows. Pure, so the page and the unit tests share them.
 *
 *     /present                               the list of stories
 *     /present?story=pakistan-belarus        its first slide
 *     /present?story=pakistan-belarus&slide=3&theme=dark
 */
import type { Slide, Story } from "./stories.js";
import type { Theme } from "./view-state.js";

/** A story's id: its file name, as `/present?story=` names it. */
export const STORY_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export interface PresentState {
  /** The story the link names, when it exists. */
  story: Story | null;
  /** 0-based slide index (0 without a story). */
  index: number;
  /** The theme in the link, else the story's. */
  theme: Theme;
  /** What the link asked for that cannot be shown, in words (shown as text, role=status). */
  notices: string[];
}

/**
 * Reads /present's query string. Values are never shown as typed unless they
 * have the form of an id or a number: a hostile value gets a notice that
 * does not repeat it.
 */
export function parsePresentState(search: string, stories: readonly Story[]): PresentState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const rawStory = params.get("story");
  let story: Story | null = null;
  if (rawStory !== null && rawStory.trim() !== "") {
    const id = rawStory.trim();
    if (!STORY_ID.test(id)) notices.push("The link names a story that is not a story id; choose one below.");
    else {
      story = stories.find((s) => s.id === id) ?? null;
      if (!story) notices.push(`There is no story “${id}”; choose one below.`);
    }
  }
  let theme: Theme = story?.theme ?? "light";
  const rawTheme = params.get("theme");
  if (rawTheme !== null && rawTheme !== "") {
    if (rawTheme === "light" || rawTheme === "dark") theme = rawTheme;
    else if (story) notices.push("The theme in the link is neither light nor dark; using the story's.");
  }
  let index = 0;
  const rawSlide = params.get("slide");
  if (story && rawSlide !== null && rawSlide !== "") {
    const n = /^\d{1,6}$/.test(rawSlide) ? Number(rawSlide) : Number.NaN;
    const count = story.slides.length;
    if (Number.isInteger(n) && n >= 1 && n <= count) index = n - 1;
    else if (Number.isInteger(n)) {
      notices.push(`There is no slide ${n}: this story has ${count} slide${count === 1 ? "" : "s"}. Showing slide 1.`);
    } else notices.push("The slide in the link is not a number. Showing slide 1.");
  }
  return { story, index, theme, notices };
}

/** The query string of a slide of a story: story, 1-based slide, theme when it is not the story's. */
export function presentSearch(story: Story, index: number, theme: Theme): string {
  const params = new URLSearchParams({ story: story.id, slide: String(index + 1) });
  if (theme !== story.theme) params.set("theme", theme);
  return `?${params}`;
}

/**
 * The address of the embed a slide shows, relative to /present: its view's
 * embed page with the slide's link, the theme and the caption switch, drawn
 * for its frame at the projection type scale (fit=frame, type=slide).
 */
export function embedSrc(slide: Slide, theme: Theme, base = "embed/"): string {
  const params = new URLSearchParams(slide.link);
  params.set("theme", theme);
  params.set("caption", slide.caption ? "on" : "off");
  params.set("fit", "frame");
  params.set("type", "slide");
  return `${base}${slide.view}?${params}`;
}

/** The slide region's accessible name. */
export function slideLabel(index: number, count: number, title: string): string {
  return `Slide ${index + 1} of ${count}: ${title}`;
}

export type Action = "next" | "previous" | "first" | "last" | "note" | "theme" | "fullscreen" | "exit";

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * What a key does: arrows, PageUp/PageDown, Space (Shift+Space back),
 * Home/End move; N the speaker note; T the theme; F full screen; Escape
 * leaves it. Keys with Ctrl, Cmd or Alt are the browser's.
 */
export function keyAction(event: KeyLike): Action | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return "previous";
    case " ":
    case "Spacebar":
      return event.shiftKey ? "previous" : "next";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "n":
    case "N":
      return "note";
    case "t":
    case "T":
      return "theme";
    case "f":
    case "F":
      return "fullscreen";
    case "Escape":
      return "exit";
    default:
      return null;
  }
}

/** The slide an action moves to, kept within the story. */
export function moveTo(action: Action, index: number, count: number): number {
  switch (action) {
    case "next":
      return Math.min(index + 1, count - 1);
    case "previous":
      return Math.max(index - 1, 0);
    case "first":
      return 0;
    case "last":
      return count - 1;
    default:
      return index;
  }
}
