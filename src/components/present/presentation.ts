/**
 * The presentation page (/present): with `?story=<id>`, the story's slides
 * full-screen at 16:9, each showing its saved view through the chrome-less
 * embed page in an iframe; without it, the list of stories.
 *
 * Only two iframes exist at a time: the current slide's, and the next one's,
 * loaded hidden once the current one has loaded, so moving forward is
 * instant. The slide number and the theme live in the address (back and
 * forward move between slides). Everything from the story file and the
 * address is set as text.
 *
 *     display(presentation(stories, {invalidation}));
 */
import {
  type Action,
  embedSrc,
  fitScale,
  keyAction,
  moveTo,
  parsePresentState,
  presentSearch,
  slideLabel,
} from "../../lib/model/present.js";
import type { Story } from "../../lib/model/stories.js";
import type { Theme } from "../../lib/model/view-state.js";
import { el } from "../dom.js";

export interface PresentationOptions {
  /** Resolves when the page cell is re-run: listeners are removed. */
  invalidation?: Promise<unknown>;
}

/** The message an embed page posts to its host with its content height. */
export const HEIGHT_MESSAGE = "accord-atlas:height";

const VIEW_NAMES = { network: "Network", timeline: "Sector timelines" } as const;

export function presentation(stories: readonly Story[], options: PresentationOptions = {}): HTMLElement {
  const state = parsePresentState(window.location.search, stories);
  return state.story
    ? deck(state.story, state.index, state.theme, state.notices, stories, options)
    : storyList(stories, state.notices);
}

/** The stories, each with its description and slide count, linking to its first slide. */
export function storyList(stories: readonly Story[], notices: readonly string[] = []): HTMLElement {
  const notice = el("p", { class: "aa-notice", role: "status", hidden: notices.length === 0 }, notices.join(" "));
  const list =
    stories.length === 0
      ? el(
          "p",
          { class: "aa-empty" },
          "No stories yet. Add one as data/stories/<id>.yaml; docs/presenting.md shows how.",
        )
      : el(
          "ul",
          { class: "aa-story-list" },
          stories.map((story) =>
            el(
              "li",
              { "data-story": story.id },
              el("a", { href: `?${new URLSearchParams({ story: story.id })}` }, story.title),
              story.description ? el("p", {}, story.description) : null,
              el(
                "p",
                { class: "aa-story-meta" },
                `${story.slides.length} slide${story.slides.length === 1 ? "" : "s"} · ${story.theme} theme`,
              ),
            ),
          ),
        );
  return el(
    "div",
    { class: "aa-stories" },
    el("a", { class: "aa-stories-home", href: "./" }, "← Accord Atlas"),
    el("h1", {}, "Presentations"),
    el(
      "p",
      { class: "aa-lede" },
      "Each story is a list of saved views, each with a headline and a note for the speaker, kept in data/stories/ (the format is in docs/presenting.md). Open one to show it full-screen: the arrow keys, Page Up, Page Down, Space, Home and End move; N shows the speaker note, T switches between the light and the dark theme, F goes full screen.",
    ),
    notice,
    list,
  );
}

function deck(
  story: Story,
  startIndex: number,
  startTheme: Theme,
  startNotices: readonly string[],
  stories: readonly Story[],
  { invalidation }: PresentationOptions,
): HTMLElement {
  const count = story.slides.length;
  let index = startIndex;
  let theme = startTheme;
  let noteOpen = false;

  const storyTitle = el("p", { class: "aa-slide-story" }, story.title);
  const title = el("h1", { class: "aa-slide-title" });
  const view = el("div", { class: "aa-slide-view" });
  const region = el(
    "section",
    { class: "aa-slide", role: "region", "aria-roledescription": "slide", tabindex: "-1" },
    el("header", { class: "aa-slide-head" }, title),
    view,
  );
  const noteText = el("p", {});
  const note = el(
    "aside",
    { class: "aa-slide-note", id: "aa-slide-note", "aria-label": "Speaker note", hidden: true },
    el("h2", {}, "Speaker note"),
    noteText,
  );
  const notice = el("p", { class: "aa-notice aa-slide-notice", role: "status", hidden: startNotices.length === 0 });
  notice.textContent = startNotices.join(" ");
  const live = el("p", { class: "aa-visually-hidden", "aria-live": "polite" });

  const button = (label: string, action: Action, keys: string, attrs: Record<string, string> = {}) =>
    el(
      "button",
      {
        type: "button",
        class: `aa-deck-button aa-deck-${action}`,
        "aria-keyshortcuts": keys,
        ...attrs,
        onclick: () => act(action),
      },
      label,
    );
  const previous = button("← Previous", "previous", "ArrowLeft PageUp");
  const next = button("Next →", "next", "ArrowRight PageDown Space");
  const counter = el("span", { class: "aa-slide-counter", "aria-hidden": "true" });
  const noteButton = button("Note", "note", "N", { "aria-controls": "aa-slide-note", "aria-expanded": "false" });
  const themeButton = button("", "theme", "T");
  const fullButton = button("Full screen", "fullscreen", "F");
  const controls = el(
    "nav",
    { class: "aa-deck-controls", "aria-label": "Slides" },
    previous,
    counter,
    next,
    noteButton,
    themeButton,
    fullButton,
    el("a", { class: "aa-deck-home", href: "?" }, "All stories"),
  );
  // The story's title and the controls share the top line, so the chart gets the height.
  const top = el("div", { class: "aa-deck-top" }, storyTitle, controls);
  const stage = el("div", { class: "aa-stage" }, top, region, note, notice, live);
  const root = el("div", { class: "aa-deck", "data-theme": theme, "data-story": story.id }, stage);

  // ---- The slide's iframe and the next one's -----------------------------------
  interface Frame {
    src: string;
    el: HTMLIFrameElement;
  }
  let current: Frame | null = null;
  let preload: Frame | null = null;
  const srcOf = (i: number) => embedSrc(story.slides[i], theme);

  const makeFrame = (i: number, hidden: boolean): Frame => {
    const slide = story.slides[i];
    const src = srcOf(i);
    const frame = el("iframe", {
      class: "aa-slide-frame",
      src,
      title: `${VIEW_NAMES[slide.view]}: ${slide.title}`,
      "data-slide": String(i + 1),
      "data-view": slide.view,
    });
    if (hidden) hide(frame);
    frame.addEventListener("load", () => {
      frame.dataset.loaded = "true";
      listenInside(frame);
      if (current?.el === frame) preloadNext();
    });
    view.append(frame);
    return { src, el: frame };
  };
  const hide = (frame: HTMLIFrameElement) => {
    frame.classList.add("is-preload");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.inert = true;
  };
  const reveal = (frame: HTMLIFrameElement) => {
    frame.classList.remove("is-preload");
    frame.removeAttribute("aria-hidden");
    frame.removeAttribute("tabindex");
    frame.inert = false;
  };
  const preloadNext = () => {
    const nextSrc = index + 1 < count ? srcOf(index + 1) : null;
    if (preload && preload.src !== nextSrc) {
      preload.el.remove();
      preload = null;
    }
    if (!preload && nextSrc && current && nextSrc !== current.src && current.el.dataset.loaded) {
      preload = makeFrame(index + 1, true);
    }
  };
  const showFrame = () => {
    const src = srcOf(index);
    if (current?.src === src) {
      current.el.dataset.slide = String(index + 1);
    } else if (preload?.src === src) {
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

  // ---- Drawing a slide ------------------------------------------------------------
  const render = () => {
    const slide = story.slides[index];
    const label = slideLabel(index, count, slide.title);
    root.dataset.theme = theme;
    root.dataset.slide = String(index + 1);
    title.textContent = slide.title;
    region.setAttribute("aria-label", label);
    counter.textContent = `${index + 1} / ${count}`;
    noteText.textContent = slide.note;
    note.hidden = !noteOpen;
    noteButton.setAttribute("aria-expanded", String(noteOpen));
    noteButton.textContent = noteOpen ? "Hide note" : "Note";
    themeButton.textContent = theme === "light" ? "Dark theme" : "Light theme";
    previous.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === count - 1));
    live.textContent = label;
    document.title = `${slide.title} · ${story.title}`;
    showFrame();
  };

  const go = (to: number, { push = true } = {}) => {
    if (to === index) return;
    index = to;
    notice.hidden = true;
    if (push) window.history.pushState(null, "", presentSearch(story, index, theme));
    render();
  };

  const act = (action: Action) => {
    switch (action) {
      case "note":
        noteOpen = !noteOpen;
        render();
        return;
      case "theme":
        theme = theme === "light" ? "dark" : "light";
        window.history.replaceState(null, "", presentSearch(story, index, theme));
        // Both frames show the old theme: load them again.
        preload?.el.remove();
        preload = null;
        render();
        return;
      case "fullscreen":
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        else
          void document.documentElement.requestFullscreen?.().catch(() => {
            notice.textContent = "This browser refused full screen; use its own full-screen key (F11).";
            notice.hidden = false;
          });
        return;
      case "exit":
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        else if (noteOpen) act("note");
        return;
      default:
        go(moveTo(action, index, count));
    }
  };

  // ---- Keys, history, messages -------------------------------------------------------
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest?.("input, textarea, select, [contenteditable]")) return;
    // Space and Enter on a button or link press it.
    if ((event.key === " " || event.key === "Enter") && target?.closest?.("button, a, summary")) return;
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    act(action);
  };
  /** Keys pressed while the chart inside the iframe has focus (same origin only). */
  const listenInside = (frame: HTMLIFrameElement) => {
    try {
      frame.contentWindow?.addEventListener("keydown", onKey);
    } catch {
      // Another origin: its keys stay its own.
    }
  };
  const onPop = () => {
    const popped = parsePresentState(window.location.search, stories);
    if (popped.story?.id !== story.id) {
      window.location.reload();
      return;
    }
    const themeChanged = popped.theme !== theme;
    theme = popped.theme;
    if (themeChanged) {
      preload?.el.remove();
      preload = null;
    }
    if (popped.index !== index) go(popped.index, { push: false });
    else render();
  };
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number") return;
    for (const frame of view.querySelectorAll("iframe")) {
      if (frame.contentWindow !== event.source) continue;
      // Scale the embed to the slide: a tall chart is drawn larger and scaled down, a short one enlarged.
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
  };
  document.addEventListener("keydown", onKey);
  window.addEventListener("popstate", onPop);
  window.addEventListener("message", onMessage);
  invalidation?.then(() => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("popstate", onPop);
    window.removeEventListener("message", onMessage);
  });

  // The address always names the slide shown (a link to a bad slide is corrected, not repeated).
  window.history.replaceState(null, "", presentSearch(story, index, theme));
  render();
  return root;
}
