/**
 * The slide's iframe and its neighbours', in the slide's view area: the
 * current slide's embed, shown, and the next and previous slides' embeds,
 * loaded hidden once the current one has loaded, so moving forward and back
 * are both instant. Each embed is drawn for its frame (fit=frame, type=slide:
 * src/lib/model/present.ts embedSrc) and fills it: nothing is scaled.
 *
 *     const frames = slideFrames(view, story, () => state, onLoad);
 *     frames.show();  // after every change of the slide or the theme
 */
import { type DeckState, framePlan, framesToKeep, frameTitle } from "../../lib/model/deck-state.js";
import { HEIGHT_MESSAGE } from "../../lib/model/embed-options.js";
import { embedSrc } from "../../lib/model/present.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";

export interface SlideFrames {
  /** Shows the state's slide (reusing a frame loaded for it), then loads its neighbours. */
  show(): void;
  /** Removes the hidden frames (they show the old theme). */
  dropPreload(): void;
  /** Notes the content height an embed reports (data-height, for tests); the frame is not scaled. */
  fit(event: MessageEvent): void;
}

function hide(frame: HTMLIFrameElement): void {
  frame.classList.add("is-preload");
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.inert = true;
}

function reveal(frame: HTMLIFrameElement): void {
  frame.classList.remove("is-preload");
  frame.removeAttribute("aria-hidden");
  frame.removeAttribute("tabindex");
  frame.inert = false;
}

/**
 * The frames of `story`'s slides in `view`. `state` reads the deck's state
 * (slide and theme) when a frame is needed; `onLoad` is told each frame
 * that has loaded (the deck listens to keys inside it).
 */
export function slideFrames(
  view: HTMLElement,
  story: Story,
  state: () => DeckState,
  onLoad: (frame: HTMLIFrameElement) => void,
): SlideFrames {
  /** The frames loaded now, by address. */
  const pool = new Map<string, HTMLIFrameElement>();
  let current: HTMLIFrameElement | null = null;
  const srcs = () => story.slides.map((slide) => embedSrc(slide, state().theme));

  const makeFrame = (src: string, i: number, hidden: boolean): HTMLIFrameElement => {
    const slide = story.slides[i];
    const frame = el("iframe", {
      class: "aa-slide-frame",
      src,
      title: frameTitle(slide),
      "data-slide": String(i + 1),
      "data-view": slide.view,
    });
    if (hidden) hide(frame);
    frame.addEventListener("load", () => {
      frame.dataset.loaded = "true";
      onLoad(frame);
      if (current === frame) loadNeighbours();
    });
    view.append(frame);
    pool.set(src, frame);
    return frame;
  };
  const loadNeighbours = () => {
    const all = srcs();
    const keep = framesToKeep(state().index, all);
    const plan = framePlan(keep, [...pool.keys()], current?.dataset.loaded === "true");
    for (const src of plan.drop) {
      pool.get(src)?.remove();
      pool.delete(src);
    }
    for (const src of plan.load) makeFrame(src, all.indexOf(src), true);
  };
  const show = () => {
    const { index } = state();
    const src = srcs()[index];
    const frame = pool.get(src) ?? makeFrame(src, index, false);
    for (const other of pool.values()) if (other !== frame) hide(other);
    reveal(frame);
    frame.dataset.slide = String(index + 1);
    current = frame;
    loadNeighbours();
  };
  const dropPreload = () => {
    for (const [src, frame] of pool) {
      if (frame === current) continue;
      frame.remove();
      pool.delete(src);
    }
  };
  return { show, dropPreload, fit: (event) => noteHeight(view, event) };
}

/** Keeps the content height an embed of this site reports on its frame (data-height). */
function noteHeight(view: HTMLElement, event: MessageEvent): void {
  if (event.origin !== window.location.origin) return;
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number") return;
  for (const frame of view.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source) frame.dataset.height = String(Math.round(data.height));
  }
}
