/**
 * The slide on the deck's stage: its headline, the region that holds the
 * slide's view (the frames of slide-frames.ts go into `view`), the status
 * notice (what the link asked for that cannot be shown, or a refusal of full
 * screen) and the live region that announces each slide to screen readers.
 */
import { slideLabel } from "../../lib/model/present.js";
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";

export interface SlideStage {
  region: HTMLElement;
  /** Where the slide frames go. */
  view: HTMLElement;
  notice: HTMLElement;
  live: HTMLElement;
  /** Shows slide `index`'s headline, and names and announces the slide. */
  draw(index: number): void;
  /** Shows a sentence in the status notice. */
  tell(text: string): void;
}

export function slideStage(story: Story, notices: readonly string[]): SlideStage {
  const count = story.slides.length;
  const title = el("h1", { class: "aa-slide-title" });
  const view = el("div", { class: "aa-slide-view" });
  const region = el(
    "section",
    { class: "aa-slide", role: "region", "aria-roledescription": "slide", tabindex: "-1" },
    el("header", { class: "aa-slide-head" }, title),
    view,
  );
  const notice = el("p", { class: "aa-notice aa-slide-notice", role: "status", hidden: notices.length === 0 });
  notice.textContent = notices.join(" ");
  const live = el("p", { class: "aa-visually-hidden", "aria-live": "polite" });
  const draw = (index: number) => {
    const slide = story.slides[index];
    const label = slideLabel(index, count, slide.title);
    title.textContent = slide.title;
    region.setAttribute("aria-label", label);
    live.textContent = label;
  };
  const tell = (text: string) => {
    notice.textContent = text;
    notice.hidden = false;
  };
  return { region, view, notice, live, draw, tell };
}
