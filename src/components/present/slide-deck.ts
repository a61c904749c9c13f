/**
 * A story's slides full-screen (the presentation page with `?story=`): the
 * deck's state (slide, theme, speaker note) and its navigation. Actions from
 * the buttons and keys (deck-controls.ts) go through deckStep
 * (src/lib/model/deck-state.ts); the slide number and the theme live in the
 * address, so back and forward move between slides. The parts: the top line
 * (story title, controls), the slide (slide-stage.ts) with its frames
 * (slide-frames.ts), and the speaker note (speaker-note.ts).
 */
import { type DeckState, deckStep } from "../../lib/model/deck-state.js";
import { type Action, parsePresentState, presentSearch } from "../../lib/model/present.js";
import type { SyncPlace } from "../../lib/model/presenter-sync.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";
import { deckControls, deckKeys } from "./deck-controls.js";
import { deckDownload } from "./deck-download.js";
import { deckPrint } from "./deck-print.js";
import { presenterLink } from "./presenter-link.js";
import { slideFrames } from "./slide-frames.js";
import { slideStage } from "./slide-stage.js";
import { speakerNote } from "./speaker-note.js";

export interface DeckOptions {
  /** Resolves when the page cell is re-run: listeners are removed. */
  invalidation?: Promise<unknown>;
}

/** Asks the browser to enter or leave full screen; `refused` is told when it will not enter. */
function fullScreen(enter: boolean, refused: () => void): void {
  if (!enter) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(refused);
}

/** Keys pressed while the chart inside the iframe has focus (same origin only). */
function listenInside(frame: HTMLIFrameElement, onKey: (event: KeyboardEvent) => void): void {
  try {
    frame.contentWindow?.addEventListener("keydown", onKey);
  } catch {
    // Another origin: its keys stay its own.
  }
}

/** The deck's page-wide listeners: keys, back and forward, the embeds' heights; removed on `invalidation`. */
function listen(
  onKey: (event: KeyboardEvent) => void,
  onPop: () => void,
  onMessage: (event: MessageEvent) => void,
  invalidation: Promise<unknown> | undefined,
): void {
  document.addEventListener("keydown", onKey);
  window.addEventListener("popstate", onPop);
  window.addEventListener("message", onMessage);
  invalidation?.then(() => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("popstate", onPop);
    window.removeEventListener("message", onMessage);
  });
}

/**
 * The deck of `story`, opened at `start` with the link's `notices`;
 * `stories` are every story (a back or forward move to another story
 * reloads the page).
 */
export function slideDeck(
  story: Story,
  start: DeckState,
  notices: readonly string[],
  stories: readonly Story[],
  { invalidation }: DeckOptions,
): HTMLElement {
  const count = story.slides.length;
  let state = start;
  const act = (action: Action) => apply(deckStep(state, action, count, Boolean(document.fullscreenElement)));
  const onKey = deckKeys(act);
  const stage = slideStage(story, notices);
  const note = speakerNote();
  const controls = deckControls(act);
  controls.element.append(deckDownload(story));
  const frames = slideFrames(
    stage.view,
    story,
    () => state,
    (frame) => listenInside(frame, onKey),
  );
  // The story's title and the controls share the top line, so the chart gets the height.
  const top = el("div", { class: "aa-deck-top" }, el("p", { class: "aa-slide-story" }, story.title), controls.element);
  const root = el(
    "div",
    { class: "aa-deck", "data-theme": state.theme, "data-story": story.id },
    el("div", { class: "aa-stage" }, top, stage.region, note.element, stage.notice, stage.live),
  );

  const draw = () => {
    const slide = story.slides[state.index];
    root.dataset.theme = state.theme;
    root.dataset.slide = String(state.index + 1);
    stage.draw(state.index);
    controls.draw(state, count);
    note.draw(slide.note, state.noteOpen);
    document.title = `${slide.title} · ${story.title}`;
    frames.show();
  };
  const address = () => presentSearch(story, state.index, state.theme);
  // The presenter view (presenter-link.ts), in the controls: told this deck's moves, and moving it.
  const follow = ({ index, theme }: SyncPlace) => {
    if (theme !== state.theme) apply({ state: { ...state, theme }, effect: "theme" });
    if (index !== state.index) apply({ state: { ...state, index }, effect: "move" });
  };
  const presenter = presenterLink(story, controls.element, () => state, follow, invalidation);
  function apply({ state: next, effect }: ReturnType<typeof deckStep>): void {
    state = next;
    if (effect === "none") return;
    if (effect === "enter-fullscreen" || effect === "exit-fullscreen") {
      fullScreen(effect === "enter-fullscreen", () =>
        stage.tell("This browser refused full screen; use its own full-screen key (F11)."),
      );
      return;
    }
    if (effect === "move") {
      stage.notice.hidden = true;
      window.history.pushState(null, "", address());
    } else if (effect === "theme") {
      window.history.replaceState(null, "", address());
      // Both frames show the old theme: load them again.
      frames.dropPreload();
    }
    draw();
    presenter.tell(state);
  }
  const onPop = () => {
    const popped = parsePresentState(window.location.search, stories);
    if (popped.story?.id !== story.id) {
      window.location.reload();
      return;
    }
    if (popped.theme !== state.theme) frames.dropPreload();
    const moved = popped.index !== state.index;
    state = { ...state, index: popped.index, theme: popped.theme };
    if (moved) stage.notice.hidden = true;
    draw();
    presenter.tell(state);
  };
  listen(onKey, onPop, (event) => frames.fit(event), invalidation);
  deckPrint(root, invalidation);

  // The address always names the slide shown (a link to a bad slide is corrected, not repeated).
  window.history.replaceState(null, "", address());
  draw();
  return root;
}
