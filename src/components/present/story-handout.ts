/**
 * The handout of a story (/present?story=<id>&handout): every slide one
 * after the other, each on a page of its own with the story's title and the
 * slide number, its headline, its chart (the slide's embed, laid out at the
 * 16:9 slide size and scaled into the room the page leaves) and its speaker
 * note, printed one slide per A4 landscape page (presenter.css). When every
 * chart is drawn (handout-frames.ts), the document gets
 * `data-handout-ready="true"` (or "failed", with the failed slides in
 * `data-handout-failed`), which the PDF export waits for.
 */

import type { FrameStatus } from "../../lib/model/handout-ready.js";
import { HANDOUT_FRAME, handoutReadiness, handoutScale } from "../../lib/model/handout-ready.js";
import { presentSearch } from "../../lib/model/present.js";
import { slideFrameSrc } from "../../lib/model/present-mode.js";
import type { Slide, Story } from "../../lib/model/stories.js";
import type { Theme } from "../../lib/model/view-state.js";
import { el } from "../dom.js";
import { watchFrame } from "./handout-frames.js";

export interface HandoutOptions {
  /** Resolves when the page cell is re-run: the size observer stops. */
  invalidation?: Promise<unknown>;
}

/** One printed page: slide `index` of `story` with its chart frame and note. */
function handoutPage(story: Story, slide: Slide, index: number, theme: Theme): HTMLElement {
  const count = story.slides.length;
  const frame = el("iframe", {
    class: "aa-handout-frame",
    src: slideFrameSrc(slide, theme),
    title: `Slide ${index + 1}: ${slide.title}`,
    width: HANDOUT_FRAME.width,
    height: HANDOUT_FRAME.height,
    tabindex: "-1",
  });
  return el(
    "section",
    { class: "aa-handout-page", "data-slide": String(index + 1), "aria-label": `Slide ${index + 1} of ${count}` },
    el("p", { class: "aa-handout-meta" }, `${story.title} · Slide ${index + 1} of ${count}`),
    el("h2", { class: "aa-handout-title" }, slide.title),
    el("div", { class: "aa-handout-chart" }, frame),
    el("div", { class: "aa-handout-note" }, el("h3", {}, "Speaker note"), el("p", {}, slide.note)),
  );
}

/** The handout of `story` in `theme`, with the link's `notices` (shown on screen, not printed). */
export function storyHandout(
  story: Story,
  theme: Theme,
  notices: readonly string[],
  { invalidation }: HandoutOptions = {},
): HTMLElement {
  const count = story.slides.length;
  const pages = story.slides.map((slide, i) => handoutPage(story, slide, i, theme));
  const status = el("p", { class: "aa-handout-status", role: "status" }, `Drawing the charts: 0 of ${count}.`);
  const print = el("button", { type: "button", class: "aa-handout-print" }, "Print");
  print.addEventListener("click", () => window.print());
  const bar = el(
    "header",
    { class: "aa-handout-bar" },
    el("a", { href: presentSearch(story, 0, theme) }, "← Back to the slides"),
    el("h1", {}, story.title),
    el(
      "p",
      {},
      `The handout: ${count} slide${count === 1 ? "" : "s"}, each on an A4 landscape page with its speaker note. Print it, or save it as PDF from the print dialog.`,
    ),
    el("p", { class: "aa-notice", role: "status", hidden: notices.length === 0 }, notices.join(" ")),
    el("div", { class: "aa-handout-actions" }, print, status),
  );
  const root = el("div", { class: "aa-handout", "data-theme": theme, "data-story": story.id }, bar, pages);

  const statuses: FrameStatus[] = pages.map(() => "waiting");
  const scaled = new Set<Element>();
  const settle = () => {
    const drawn = statuses.filter((s) => s !== "waiting").length;
    const { ready, failed } = handoutReadiness(statuses);
    status.textContent =
      ready === null
        ? `Drawing the charts: ${drawn} of ${count}.`
        : failed.length
          ? `Slide ${failed.join(", ")} could not be drawn; the rest is ready to print.`
          : "Every chart is drawn: ready to print.";
    if (ready === null || scaled.size < count) return;
    if (failed.length) document.documentElement.dataset.handoutFailed = failed.join(",");
    document.documentElement.dataset.handoutReady = ready;
  };
  // Each chart scaled into the room its page leaves (pages have a fixed size, so print lays them out alike).
  const sized = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const box = target as HTMLElement;
      box.style.setProperty(
        "--aa-handout-scale",
        String(handoutScale({ width: box.clientWidth, height: box.clientHeight })),
      );
      scaled.add(box);
    }
    settle();
  });
  pages.forEach((page, i) => {
    sized.observe(page.querySelector(".aa-handout-chart") as HTMLElement);
    watchFrame(page.querySelector("iframe") as HTMLIFrameElement, (s) => {
      statuses[i] = s;
      settle();
    });
  });
  invalidation?.then(() => sized.disconnect());
  return root;
}
