/**
 * The slide's iframe and the next one's, in the slide's view area: the
 * current slide's embed, shown, and the next slide's, loaded hidden once the
 * current one has loaded, so moving forward is instant. Each embed reports
 * its content height (HEIGHT_MESSAGE); its frame is then scaled to the slide.
 *
 *     const frames = slideFrames(view, story, () => state, onLoad);
 *     frames.show();  // after every change of the slide or the theme
 */
import { type DeckState, frameSwap, frameTitle, preloadStep } from "../../lib/model/deck-state.js";
import { HEIGHT_MESSAGE } from "../../lib/model/embed-options.js";
import { embedSrc, fitScale } from "../../lib/model/present.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";

/** The message an embed page posts to its host with its content height. */

export interface SlideFrames {
  /** Shows the state's slide (reusing the preloaded frame when it is that slide), then preloads the next. */
  show(): void;
  /** Removes the preloaded frame (it shows the old theme). */
  dropPreload(): void;
  /** Scales the frame whose embed sent this height message to the slide. */
  fit(event: MessageEvent): void;
}

interface Frame {
  src: string;
  el: HTMLIFrameElement;
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
  let current: Frame | null = null;
  let preload: Frame | null = null;
  const srcOf = (i: number) => embedSrc(story.slides[i], state().theme);

  const makeFrame = (i: number, hidden: boolean): Frame => {
    const slide = story.slides[i];
    const src = srcOf(i);
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
      if (current?.el === frame) preloadNext();
    });
    view.append(frame);
    return { src, el: frame };
  };
  const dropPreload = () => {
    preload?.el.remove();
    preload = null;
  };
  const preloadNext = () => {
    const { index } = state();
    const nextSrc = index + 1 < story.slides.length ? srcOf(index + 1) : null;
    const loaded = current ? { src: current.src, loaded: Boolean(current.el.dataset.loaded) } : null;
    const step = preloadStep(nextSrc, loaded, preload?.src ?? null);
    if (step.drop) dropPreload();
    if (step.load) preload = makeFrame(index + 1, true);
  };
  const show = () => {
    const { index } = state();
    const src = srcOf(index);
    const swap = frameSwap(src, current?.src ?? null, preload?.src ?? null);
    if (swap === "keep" && current) {
      current.el.dataset.slide = String(index + 1);
    } else if (swap === "reveal" && preload) {
      reveal(preload.el);
      current?.el.remove();
      current = preload;
      current.el.dataset.slide = String(index + 1);
      preload = null;
    } else {
      current?.el.remove();
      current = makeFrame(index, false);
    }
    preloadNext();
  };
  return { show, dropPreload, fit: (event) => fitFrame(view, event) };
}

/** Scales the embed that sent `event` to the slide: a tall chart is drawn larger and scaled down, a short one enlarged. */
function fitFrame(view: HTMLElement, event: MessageEvent): void {
  if (event.origin !== window.location.origin) return;
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number") return;
  for (const frame of view.querySelectorAll("iframe")) {
    if (frame.contentWindow !== event.source) continue;
    const content = Math.round(data.height);
    const scale = Number(frame.dataset.fit ?? "1");
    const fit = fitScale(view.clientHeight, content, scale, { grow: frame.dataset.shrunk !== "true" });
    frame.dataset.height = String(content);
    if (fit !== scale) {
      if (fit < scale) frame.dataset.shrunk = "true";
      frame.dataset.fit = String(fit);
      frame.style.setProperty("--fit", String(fit));
    }
  }
}
