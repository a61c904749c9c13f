/**
 * Gathers every slide's content (src/lib/model/slide-content.ts) for an
 * export by loading each slide's embed in a hidden same-origin iframe, a few
 * at a time, and asking the drawn view for its content through the hook the
 * embed page offers (SLIDE_CONTENT_HOOK). The frames are laid out at
 * 1280 × 720 (a 16:9 slide) out of sight, and removed when read.
 *
 *     const contents = await gatherSlideContents(story, (done) => …);
 */
import { DECK_FRAMES_AT_ONCE, deckEmbedSrc } from "../../lib/deck/deck-embeds.js";
import { SLIDE_CONTENT_HOOK, type SlideContent } from "../../lib/model/slide-content.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";

/** How long one slide's view may take to draw and describe itself. */
export const SLIDE_CONTENT_TIMEOUT_MS = 120_000;

type Describe = () => Promise<SlideContent>;

/** Resolves with the hook once the frame's view has drawn and offered it; rejects with the reason, in words. */
function waitForHook(frame: HTMLIFrameElement, where: string): Promise<Describe> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const look = () => {
      const win = frame.contentWindow as (Window & { [SLIDE_CONTENT_HOOK]?: Describe }) | null;
      const hook = win?.[SLIDE_CONTENT_HOOK];
      if (typeof hook === "function") return resolve(hook);
      const failed = win?.document.querySelector(".aa-embed-page .aa-error, .aa-embed-page [role=alert]");
      if (failed) return reject(new Error(`${where} could not be drawn: ${failed.textContent?.trim() ?? ""}`));
      if (performance.now() - started > SLIDE_CONTENT_TIMEOUT_MS) {
        return reject(
          new Error(
            `${where} did not offer its content within ${SLIDE_CONTENT_TIMEOUT_MS / 1000} s (its view may not describe itself for a deck)`,
          ),
        );
      }
      setTimeout(look, 50);
    };
    look();
  });
}

/** One slide's content, read from its embed in a hidden frame under `host`. */
async function readSlide(host: HTMLElement, story: Story, index: number): Promise<SlideContent> {
  const slide = story.slides[index];
  const where = `Slide ${index + 1} (${slide.view}, “${slide.title}”)`;
  const frame = el("iframe", {
    src: deckEmbedSrc(slide),
    title: `${where}, loading for the deck`,
    "aria-hidden": "true",
    tabindex: "-1",
    style: "position:fixed;left:-20000px;top:0;width:1280px;height:720px;border:0;",
  });
  frame.inert = true;
  host.append(frame);
  try {
    const describe = await waitForHook(frame, where);
    try {
      return await describe();
    } catch (error) {
      // The view's own words, after the slide they are about.
      const message = (error as { message?: unknown } | null)?.message;
      throw new Error(`${where}: ${typeof message === "string" ? message : String(error)}`);
    }
  } finally {
    frame.remove();
  }
}

/**
 * The content of every slide of `story`, in order, its embeds loaded in
 * frames under `host`, DECK_FRAMES_AT_ONCE at a time; `progress` is told how
 * many are read. The first failure rejects, naming its slide.
 */
export async function gatherSlideContents(
  story: Story,
  host: HTMLElement,
  progress: (done: number) => void,
): Promise<SlideContent[]> {
  const contents: SlideContent[] = new Array(story.slides.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (next < story.slides.length && !failed) {
      const index = next++;
      try {
        contents[index] = await readSlide(host, story, index);
      } catch (error) {
        failed = true;
        throw error;
      }
      if (!failed) progress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DECK_FRAMES_AT_ONCE, story.slides.length) }, worker));
  return contents;
}
