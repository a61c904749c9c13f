/**
 * The presentation page (/present): with `?story=<id>`, the story's slides
 * full-screen at 16:9 (slide-deck.ts), each showing its saved view through
 * the chrome-less embed page in an iframe; without it, the list of stories
 * (story-list.ts). With `&presenter`, the story's presenter view
 * (presenter-view.ts); with `&handout`, its printable handout
 * (story-handout.ts). Everything from the story file and the address is set
 * as text.
 *
 *     display(presentation(stories, {invalidation}));
 */
import { parsePresentState } from "../../lib/model/present.js";
import { presentMode } from "../../lib/model/present-mode.js";
import type { Story } from "../../lib/model/stories.js";
import { presenterView } from "./presenter-view.js";
import { type DeckOptions, slideDeck } from "./slide-deck.js";
import { storyHandout } from "./story-handout.js";
import { storyList } from "./story-list.js";

export interface PresentationOptions extends DeckOptions {
  /** The data folder the stories come from (stories.json), named where the list tells where stories live. */
  dataDir?: string;
}

export function presentation(stories: readonly Story[], options: PresentationOptions = {}): HTMLElement {
  const state = parsePresentState(window.location.search, stories);
  const mode = presentMode(window.location.search);
  if (state.story && mode === "handout") return storyHandout(state.story, state.theme, state.notices, options);
  if (state.story && mode === "presenter") {
    return presenterView(
      state.story,
      { index: state.index, theme: state.theme, noteOpen: true },
      state.notices,
      options,
    );
  }
  return state.story
    ? slideDeck(
        state.story,
        { index: state.index, theme: state.theme, noteOpen: false },
        state.notices,
        stories,
        options,
      )
    : storyList(stories, state.notices, options.dataDir);
}
