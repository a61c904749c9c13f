/**
 * The slide frames of the presenter view: the current slide's embed in the
 * large box, the next one's in the small box, and the previous one's kept
 * loaded, hidden, so going back is as quick as going forward. Each frame
 * lays its embed out at the 16:9 slide size (HANDOUT_FRAME) and is scaled
 * onto its box; a frame that changes box is moved by its position only,
 * never in the DOM (that would load it again). The frames are inert: the
 * presenter's keys and clicks stay with the presenter view.
 *
 *     const frames = presenterFrames(layer, story, {current, next});
 *     frames.show(index, theme);  // after every move or theme switch
 */
import { HANDOUT_FRAME } from "../../lib/model/handout-ready.js";
import { slideFrameSrc } from "../../lib/model/present-mode.js";
import type { Story } from "../../lib/model/stories.js";
import type { Theme } from "../../lib/model/view-state.js";
import { el } from "../dom.js";

export interface PresenterFrames {
  /** Shows slide `index` in the current box and the next slide in the next box. */
  show(index: number, theme: Theme): void;
  /** Places the shown frames on their boxes again (after a resize). */
  place(): void;
}

type Box = "current" | "next";

/** Puts `frame` on `box` (its position within `layer`), scaled to the box's width. */
function placeOn(frame: HTMLIFrameElement, box: HTMLElement, layer: HTMLElement): void {
  const outer = layer.getBoundingClientRect();
  const r = box.getBoundingClientRect();
  const scale = Math.min(r.width / HANDOUT_FRAME.width, r.height / HANDOUT_FRAME.height);
  frame.style.left = `${r.left - outer.left + (r.width - HANDOUT_FRAME.width * scale) / 2}px`;
  frame.style.top = `${r.top - outer.top}px`;
  frame.style.transform = `scale(${Math.max(scale, 0)})`;
}

/**
 * The frames of `story` in `layer` (positioned over the presenter view),
 * shown on the `boxes` (empty elements that take the room in the layout).
 */
export function presenterFrames(layer: HTMLElement, story: Story, boxes: Record<Box, HTMLElement>): PresenterFrames {
  /** Loaded frames by slide index, with the theme they show. */
  const pool = new Map<number, HTMLIFrameElement>();
  let poolTheme: Theme | null = null;
  let shown: [number, Box][] = [];

  const frameOf = (i: number, theme: Theme) => {
    const known = pool.get(i);
    if (known) return known;
    const slide = story.slides[i];
    const frame = el("iframe", {
      class: "aa-presenter-frame",
      src: slideFrameSrc(slide, theme),
      title: `Slide ${i + 1}: ${slide.title}`,
      "data-slide": String(i + 1),
      width: HANDOUT_FRAME.width,
      height: HANDOUT_FRAME.height,
      tabindex: "-1",
    });
    frame.inert = true;
    layer.append(frame);
    pool.set(i, frame);
    return frame;
  };
  const place = () => {
    for (const [i, box] of shown) {
      const frame = pool.get(i);
      if (frame) placeOn(frame, boxes[box], layer);
    }
  };
  const show = (index: number, theme: Theme) => {
    if (theme !== poolTheme) {
      for (const frame of pool.values()) frame.remove();
      pool.clear();
      poolTheme = theme;
    }
    const count = story.slides.length;
    shown =
      index + 1 < count
        ? [
            [index, "current"],
            [index + 1, "next"],
          ]
        : [[index, "current"]];
    // Loaded in order of need: the slide, the next one, then the previous one (kept for going back).
    const keep = new Set([index, index + 1, index - 1].filter((i) => i >= 0 && i < count));
    for (const i of keep) frameOf(i, theme);
    for (const [i, frame] of pool) {
      if (!keep.has(i)) {
        frame.remove();
        pool.delete(i);
        continue;
      }
      const box = shown.find(([s]) => s === i)?.[1] ?? null;
      frame.dataset.box = box ?? "kept";
      frame.classList.toggle("is-kept", box === null);
    }
    place();
  };
  return { show, place };
}
