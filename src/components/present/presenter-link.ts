/**
 * The deck's side of the presenter view and the handout: the "Presenter
 * view" and "Print handout" links for the deck's top line, the P key that
 * opens the presenter view in a second window, and the story's channel
 * (story-channel.ts), so the deck and the presenter view follow each other.
 * The deck (slide-deck.ts) tells it each move of its own and is told the
 * moves of the presenter view.
 */
import { handoutSearch, isPresenterKey, presenterSearch, presenterWindowName } from "../../lib/model/present-mode.js";
import type { SyncPlace } from "../../lib/model/presenter-sync.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";
import { storyChannel } from "./story-channel.js";

export interface PresenterLink {
  /** After a move or theme switch of the deck's own: updates the links and tells the presenter view. */
  tell(place: SyncPlace): void;
}

/** Opens (or brings back) the presenter window of `story` at `place`. */
function openPresenter(story: Story, place: SyncPlace): void {
  const win = window.open(
    presenterSearch(story, place.index, place.theme),
    presenterWindowName(story),
    "popup,width=1280,height=800",
  );
  win?.focus();
}

/**
 * The presenter view's link and key for `story`'s deck, the links put in
 * the deck's `controls` (before "All stories"). `here` reads the deck's
 * place, `follow` moves the deck to where the presenter view went.
 */
export function presenterLink(
  story: Story,
  controls: HTMLElement,
  here: () => SyncPlace,
  follow: (place: SyncPlace) => void,
  invalidation?: Promise<unknown>,
): PresenterLink {
  const presenter = el(
    "a",
    {
      class: "aa-deck-button aa-deck-presenter",
      target: presenterWindowName(story),
      "aria-keyshortcuts": "P",
      title: "The current and next slide, the note and a clock, in a second window (P)",
    },
    "Presenter view",
  );
  presenter.addEventListener("click", (event) => {
    event.preventDefault();
    openPresenter(story, here());
  });
  const handout = el(
    "a",
    { class: "aa-deck-button aa-deck-handout", target: "_blank", title: "Every slide with its note, one per page" },
    "Print handout",
  );
  const setLinks = (place: SyncPlace) => {
    presenter.setAttribute("href", presenterSearch(story, place.index, place.theme));
    handout.setAttribute("href", handoutSearch(story, place.theme));
  };
  const channel = storyChannel(
    story,
    "announce",
    here,
    (place) => {
      follow(place);
      setLinks(place);
    },
    invalidation,
  );
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || !isPresenterKey(event)) return;
    if ((event.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    openPresenter(story, here());
  };
  document.addEventListener("keydown", onKey);
  invalidation?.then(() => document.removeEventListener("keydown", onKey));
  setLinks(here());
  const links = el("span", { class: "aa-deck-present-links" }, presenter, handout);
  controls.insertBefore(links, controls.querySelector(".aa-deck-home"));
  return {
    tell(place) {
      setLinks(place);
      channel.tell(place);
    },
  };
}
