/**
 * The presentation page without a story: every story with its description,
 * slide count and theme, each linking to its first slide, under the notice
 * of what the link asked for that cannot be shown. Where stories live is said
 * with the data folder the site was built from.
 */
import type { Story } from "../../lib/model/stories.js";
import { el } from "../dom.js";

/** The stories, each with its description and slide count, linking to its first slide. */
export function storyList(stories: readonly Story[], notices: readonly string[] = [], dataDir = "data"): HTMLElement {
  const folder = `${dataDir.replace(/\/+$/, "")}/stories/`;
  const notice = el("p", { class: "aa-notice", role: "status", hidden: notices.length === 0 }, notices.join(" "));
  const list =
    stories.length === 0
      ? el("p", { class: "aa-empty" }, `No stories yet. Add one as ${folder}<id>.yaml; docs/presenting.md shows how.`)
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
      `Each story is a list of saved views, each with a headline and a note for the speaker, kept in ${folder} (the format is in docs/presenting.md). Open one to show it full-screen: the arrow keys, Page Up, Page Down, Space, Home and End move; N shows the speaker note, T switches between the light and the dark theme, F goes full screen, P opens the presenter view (the current and next slide, the note and a clock) in a second window.`,
    ),
    notice,
    list,
  );
}
