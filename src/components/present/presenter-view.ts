/**
 * The presenter view (/present?story=<id>&slide=<n>&presenter), the
 * speaker's second window: the current slide large, the next one small (or
 * the end of the story), the speaker note in large type, the slide number
 * and a clock (time since the view opened, restartable, and the time of
 * day). It moves with the same keys and buttons as the deck and follows the
 * deck both ways through the story's channel (story-channel.ts); either
 * window keeps working when the other closes.
 */
import { type DeckState, deckStep } from "../../lib/model/deck-state.js";
import type { Action } from "../../lib/model/present.js";
import { presenterSearch, presenterSlides } from "../../lib/model/present-mode.js";
import { formatElapsed, formatTimeOfDay } from "../../lib/model/presenter-clock.js";
import type { SyncPlace } from "../../lib/model/presenter-sync.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";
import { deckKeys } from "./deck-controls.js";
import { presenterFrames } from "./presenter-frames.js";
import { storyChannel } from "./story-channel.js";

export interface PresenterOptions {
  /** Resolves when the page cell is re-run: listeners, the clock and the channel stop. */
  invalidation?: Promise<unknown>;
}

/** The clock: elapsed time since the start (Restart sets it to now) and the time of day, each second. */
function presenterClock(invalidation?: Promise<unknown>): HTMLElement {
  let start = Date.now();
  const elapsed = el("time", { class: "aa-presenter-elapsed" });
  const now = el("time", { class: "aa-presenter-time" });
  const tick = () => {
    const date = new Date();
    elapsed.textContent = formatElapsed(date.getTime() - start);
    now.textContent = formatTimeOfDay(date);
    now.setAttribute("datetime", date.toISOString());
  };
  const restart = el("button", { type: "button", class: "aa-deck-button aa-presenter-restart" }, "Restart");
  restart.addEventListener("click", () => {
    start = Date.now();
    tick();
  });
  tick();
  const timer = setInterval(tick, 1000);
  invalidation?.then(() => clearInterval(timer));
  return el(
    "div",
    { class: "aa-presenter-clock" },
    el("span", { class: "aa-presenter-clock-label" }, "Elapsed"),
    elapsed,
    restart,
    el("span", { class: "aa-presenter-clock-label" }, "Time"),
    now,
  );
}

/** The presenter view's elements; `act` is told the buttons' actions. */
function presenterLayout(
  story: Story,
  notices: readonly string[],
  act: (action: Action) => void,
  invalidation?: Promise<unknown>,
) {
  const parts = {
    position: el("p", { class: "aa-presenter-position", "aria-live": "polite" }),
    title: el("h1", { class: "aa-presenter-title" }),
    nextTitle: el("p", { class: "aa-presenter-next-title" }),
    noteText: el("p", { class: "aa-presenter-note-text" }),
    boxes: { current: el("div", { class: "aa-presenter-box" }), next: el("div", { class: "aa-presenter-box" }) },
    layer: el("div", { class: "aa-presenter-frames" }),
    notice: el("p", { class: "aa-notice", role: "status", hidden: notices.length === 0 }, notices.join(" ")),
  };
  const button = (label: string, action: Action, keys: string) =>
    el(
      "button",
      {
        type: "button",
        class: `aa-deck-button aa-deck-${action}`,
        "aria-keyshortcuts": keys,
        onclick: () => act(action),
      },
      label,
    );
  const previous = button("← Previous", "previous", "ArrowLeft PageUp");
  const next = button("Next →", "next", "ArrowRight PageDown Space");
  const root = el(
    "div",
    { class: "aa-presenter", "data-story": story.id },
    el(
      "header",
      { class: "aa-presenter-top" },
      el("p", { class: "aa-presenter-story" }, story.title),
      parts.position,
      presenterClock(invalidation),
      el("nav", { class: "aa-presenter-controls", "aria-label": "Slides" }, previous, next),
    ),
    parts.notice,
    el(
      "div",
      { class: "aa-presenter-body" },
      el("section", { class: "aa-presenter-now", "aria-label": "Current slide" }, parts.title, parts.boxes.current),
      el(
        "section",
        { class: "aa-presenter-upcoming", "aria-label": "Next slide" },
        el("h2", {}, "Next"),
        parts.nextTitle,
        parts.boxes.next,
      ),
      el(
        "aside",
        { class: "aa-presenter-note", "aria-label": "Speaker note" },
        el("h2", {}, "Speaker note"),
        parts.noteText,
      ),
      parts.layer,
    ),
  );
  return { ...parts, previous, next, root };
}

/** The presenter view of `story`, opened at `start` with the link's `notices`. */
export function presenterView(
  story: Story,
  start: DeckState,
  notices: readonly string[],
  { invalidation }: PresenterOptions = {},
): HTMLElement {
  const count = story.slides.length;
  let state: DeckState = { ...start, noteOpen: true };
  const act = (action: Action) => apply(action);
  const { position, title, nextTitle, noteText, boxes, layer, notice, previous, next, root } = presenterLayout(
    story,
    notices,
    act,
    invalidation,
  );
  const frames = presenterFrames(layer, story, boxes);

  const draw = () => {
    const { current, next: upcoming, position: where } = presenterSlides(story, state.index);
    root.dataset.theme = state.theme;
    root.dataset.slide = String(state.index + 1);
    position.textContent = where;
    title.textContent = current.title;
    nextTitle.textContent = upcoming ? upcoming.title : "End of the story";
    root.classList.toggle("is-last", upcoming === null);
    noteText.textContent = current.note;
    previous.setAttribute("aria-disabled", String(state.index === 0));
    next.setAttribute("aria-disabled", String(state.index === count - 1));
    document.title = `Presenter · ${current.title} · ${story.title}`;
    window.history.replaceState(null, "", presenterSearch(story, state.index, state.theme));
    frames.show(state.index, state.theme);
  };
  const channel = storyChannel(
    story,
    "ask",
    () => state,
    ({ index, theme }: SyncPlace) => {
      state = { ...state, index, theme };
      draw();
    },
    invalidation,
  );
  function apply(action: Action): void {
    const step = deckStep(state, action, count, Boolean(document.fullscreenElement));
    state = { ...step.state, noteOpen: true };
    if (step.effect === "enter-fullscreen") void document.documentElement.requestFullscreen?.().catch(() => {});
    else if (step.effect === "exit-fullscreen") void document.exitFullscreen().catch(() => {});
    else if (step.effect === "move" || step.effect === "theme") {
      notice.hidden = true;
      draw();
      channel.tell(state);
    }
  }
  const onKey = deckKeys(act);
  const resized = new ResizeObserver(() => frames.place());
  resized.observe(boxes.current);
  resized.observe(boxes.next);
  document.addEventListener("keydown", onKey);
  invalidation?.then(() => {
    document.removeEventListener("keydown", onKey);
    resized.disconnect();
  });
  draw();
  return root;
}
