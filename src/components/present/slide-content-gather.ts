/**
 * Gathers every slide's content (src/lib/model/slide-content.ts) for an
 * export: one hidden same-origin frame loads the story's deck page
 * (/embed/deck?story=<id>, src/components/present/deck-render.ts), which
 * draws the slides one after another with one query engine and hands back
 * their contents (DECK_CONTENTS_HOOK). The frame is 1280 × 720 (a 16:9
 * slide), out of sight, and removed when read.
 *
 *     const contents = await gatherSlideContents(story, host, (done) => …);
 */
import { DECK_CONTENTS_HOOK } from "../../lib/deck/deck-embeds.js";
import type { SlideContent } from "../../lib/model/slide-content.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";

/** How long the deck page may take to start and offer its hook. */
export const DECK_PAGE_TIMEOUT_MS = 120_000;

type DeckContents = (progress: (done: number) => void) => Promise<SlideContent[]>;

/** Resolves with the hook once the deck page offers it; rejects with the reason, in words. */
function waitForHook(frame: HTMLIFrameElement): Promise<DeckContents> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const look = () => {
      const win = frame.contentWindow as (Window & { [DECK_CONTENTS_HOOK]?: DeckContents }) | null;
      const hook = win?.[DECK_CONTENTS_HOOK];
      if (typeof hook === "function") return resolve(hook);
      const failed = win?.document.querySelector(".aa-error, [role=alert]");
      if (failed) return reject(new Error(`the slides could not be drawn: ${failed.textContent?.trim() ?? ""}`));
      if (performance.now() - started > DECK_PAGE_TIMEOUT_MS) {
        return reject(new Error(`the slides' page did not start within ${DECK_PAGE_TIMEOUT_MS / 1000} s`));
      }
      setTimeout(look, 50);
    };
    look();
  });
}

/**
 * The content of every slide of `story`, in order, drawn by the deck page in
 * a frame under `host`; `progress` is told how many are read. A slide that
 * fails rejects, naming it.
 */
export async function gatherSlideContents(
  story: Story,
  host: HTMLElement,
  progress: (done: number) => void,
): Promise<SlideContent[]> {
  const frame = el("iframe", {
    src: `embed/deck?${new URLSearchParams({ story: story.id })}`,
    title: `The slides of “${story.title}”, drawing for the deck`,
    "aria-hidden": "true",
    tabindex: "-1",
    style: "position:fixed;left:-20000px;top:0;width:1280px;height:720px;border:0;",
  });
  frame.inert = true;
  host.append(frame);
  try {
    const contents = await waitForHook(frame);
    return await contents(progress);
  } finally {
    frame.remove();
  }
}
