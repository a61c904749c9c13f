/**
 * The three pages /present shows for a story, and their addresses: the deck
 * (the audience's window), the presenter view (a second window with the
 * current and the next slide, the note and a clock) and the handout (every
 * slide with its note, one per printed page). Pure, so the page and the unit
 * tests share them.
 *
 *     /present?story=pakistan-belarus&slide=3             the deck
 *     /present?story=pakistan-belarus&slide=3&presenter   the presenter view
 *     /present?story=pakistan-belarus&handout             the handout
 */
import { embedSrc, type KeyLike } from "./present.js";
import type { Slide, Story } from "./stories.js";
import type { Theme } from "./view-state.js";

export type PresentMode = "deck" | "presenter" | "handout";

/** Which page a query string asks for: `handout` wins over `presenter`; neither is the deck. */
export function presentMode(search: string): PresentMode {
  const params = new URLSearchParams(search);
  if (params.has("handout")) return "handout";
  if (params.has("presenter")) return "presenter";
  return "deck";
}

function storyParams(story: Story, theme: Theme): URLSearchParams {
  const params = new URLSearchParams({ story: story.id });
  if (theme !== story.theme) params.set("theme", theme);
  return params;
}

/** The presenter view's query string for slide `index` (0-based) of `story`. */
export function presenterSearch(story: Story, index: number, theme: Theme): string {
  const params = storyParams(story, theme);
  params.set("slide", String(index + 1));
  return `?${params}&presenter`;
}

/** The handout's query string: every slide of `story`, in `theme`. */
export function handoutSearch(story: Story, theme: Theme): string {
  return `?${storyParams(story, theme)}&handout`;
}

/** The name of the presenter window of a story: opening it again reuses the window. */
export function presenterWindowName(story: Story): string {
  return `accord-atlas-presenter-${story.id}`;
}

/**
 * The embed a slide shows in the presenter view and the handout: the deck's
 * address (present.ts embedSrc) with the frame laid out inside its fixed
 * 16:9 box and the slide type scale, as /present shows it.
 */
export function slideFrameSrc(slide: Slide, theme: Theme, base = "embed/"): string {
  const [path, query = ""] = embedSrc(slide, theme, base).split("?");
  const params = new URLSearchParams(query);
  params.set("fit", "frame");
  params.set("type", "slide");
  return `${path}?${params}`;
}

/** P (without Ctrl, Cmd or Alt): opens the presenter view from the deck. */
export function isPresenterKey(event: KeyLike): boolean {
  return !(event.ctrlKey || event.metaKey || event.altKey) && (event.key === "p" || event.key === "P");
}

/** What the presenter view shows for slide `index`: the slide, the next one (null on the last) and the counter. */
export function presenterSlides(
  story: Story,
  index: number,
): { current: Slide; next: Slide | null; counter: string; position: string } {
  const count = story.slides.length;
  const at = Math.max(0, Math.min(count - 1, index));
  return {
    current: story.slides[at],
    next: at + 1 < count ? story.slides[at + 1] : null,
    counter: `${at + 1} / ${count}`,
    position: `Slide ${at + 1} of ${count}`,
  };
}
