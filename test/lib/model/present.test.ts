/**
 * The presentation page's rules (src/lib/model/present.ts): what a link opens,
 * what each key does, and the embed address of a slide.
 */
import { describe, expect, it } from "vitest";
import {
  embedSrc,
  keyAction,
  moveTo,
  parsePresentState,
  presentSearch,
  slideLabel,
} from "../../../src/lib/model/present.js";
import type { Story } from "../../../src/lib/model/stories.js";

const story: Story = {
  id: "trade",
  title: "Trade",
  description: null,
  theme: "dark",
  slides: [
    { view: "network", link: "?sector=trade", title: "One", note: "n", caption: true },
    { view: "timeline", link: "", title: "Two", note: "n", caption: false },
    {
      view: "timeline",
      link: "?window=2015-01-01..2025-12-31&title=A+%26+B",
      title: "Three",
      note: "n",
      caption: true,
    },
  ],
};

describe("parsePresentState", () => {
  it("opens a story at the slide and theme the link gives (1-based slides)", () => {
    expect(parsePresentState("?story=trade&slide=3&theme=light", [story])).toEqual({
      story,
      index: 2,
      theme: "light",
      notices: [],
    });
    expect(parsePresentState("?story=trade", [story])).toMatchObject({ index: 0, theme: "dark", notices: [] });
  });

  it("shows the list without a story", () => {
    expect(parsePresentState("", [story])).toEqual({ story: null, index: 0, theme: "light", notices: [] });
  });

  it("names an unknown story that has the form of an id, and never repeats one that has not", () => {
    expect(parsePresentState("?story=nothing", [story]).notices).toEqual([
      "There is no story “nothing”; choose one below.",
    ]);
    for (const hostile of [
      "<script>alert(1)</script>",
      'trade"><img src=x onerror=alert(1)>',
      "x".repeat(500),
      "../trade",
    ]) {
      const state = parsePresentState(`?${new URLSearchParams({ story: hostile })}`, [story]);
      expect(state.story).toBeNull();
      expect(state.notices).toEqual(["The link names a story that is not a story id; choose one below."]);
      expect(state.notices.join(" ")).not.toContain("<");
    }
  });

  it("falls back to slide 1 with a notice for a slide that is not there", () => {
    expect(parsePresentState("?story=trade&slide=9", [story])).toMatchObject({
      index: 0,
      notices: ["There is no slide 9: this story has 3 slides. Showing slide 1."],
    });
    expect(parsePresentState("?story=trade&slide=0", [story]).index).toBe(0);
    for (const bad of ["<b>2</b>", "2.5", "-1", "1e3", "99999999"]) {
      const state = parsePresentState(`?${new URLSearchParams({ story: "trade", slide: bad })}`, [story]);
      expect(state.index, bad).toBe(0);
      expect(state.notices, bad).toHaveLength(1);
      expect(state.notices[0]).not.toContain("<");
    }
  });

  it("keeps the story's theme when the link's is neither light nor dark", () => {
    expect(parsePresentState("?story=trade&theme=%3Cx%3E", [story])).toMatchObject({
      theme: "dark",
      notices: ["The theme in the link is neither light nor dark; using the story's."],
    });
  });
});

describe("presentSearch", () => {
  it("writes the story and the 1-based slide, and the theme only when it is not the story's", () => {
    expect(presentSearch(story, 1, "dark")).toBe("?story=trade&slide=2");
    expect(presentSearch(story, 0, "light")).toBe("?story=trade&slide=1&theme=light");
    const back = parsePresentState(presentSearch(story, 2, "light"), [story]);
    expect([back.index, back.theme]).toEqual([2, "light"]);
  });
});

describe("embedSrc", () => {
  it("is the view's embed page with the slide's link, the theme and the caption switch", () => {
    expect(embedSrc(story.slides[0], "light")).toBe(
      "embed/network?sector=trade&theme=light&caption=on&fit=frame&type=slide",
    );
    expect(embedSrc(story.slides[1], "dark")).toBe("embed/timeline?theme=dark&caption=off&fit=frame&type=slide");
    const third = new URL(embedSrc(story.slides[2], "dark"), "http://host/present");
    expect(third.pathname).toBe("/embed/timeline");
    expect(third.searchParams.get("title")).toBe("A & B");
    expect(third.searchParams.get("window")).toBe("2015-01-01..2025-12-31");
  });
});

describe("keys", () => {
  it("move with arrows, PageUp/PageDown, Space and Shift+Space, Home and End", () => {
    expect(["ArrowRight", "ArrowDown", "PageDown", " "].map((key) => keyAction({ key }))).toEqual([
      "next",
      "next",
      "next",
      "next",
    ]);
    expect(["ArrowLeft", "ArrowUp", "PageUp"].map((key) => keyAction({ key }))).toEqual([
      "previous",
      "previous",
      "previous",
    ]);
    expect(keyAction({ key: " ", shiftKey: true })).toBe("previous");
    expect(keyAction({ key: "Home" })).toBe("first");
    expect(keyAction({ key: "End" })).toBe("last");
  });

  it("N, T, F and Escape; anything with Ctrl, Cmd or Alt is the browser's", () => {
    expect(["n", "N", "t", "T", "f", "F", "Escape"].map((key) => keyAction({ key }))).toEqual([
      "note",
      "note",
      "theme",
      "theme",
      "fullscreen",
      "fullscreen",
      "exit",
    ]);
    expect(keyAction({ key: "ArrowRight", altKey: true })).toBeNull();
    expect(keyAction({ key: "f", ctrlKey: true })).toBeNull();
    expect(keyAction({ key: "t", metaKey: true })).toBeNull();
    expect(keyAction({ key: "x" })).toBeNull();
  });

  it("stay within the story", () => {
    expect(moveTo("next", 2, 3)).toBe(2);
    expect(moveTo("previous", 0, 3)).toBe(0);
    expect(moveTo("next", 0, 3)).toBe(1);
    expect(moveTo("last", 0, 3)).toBe(2);
    expect(moveTo("first", 2, 3)).toBe(0);
    expect(moveTo("note", 1, 3)).toBe(1);
  });
});

describe("slideLabel", () => {
  it("names the slide for assistive technology", () => {
    expect(slideLabel(1, 6, "Industry")).toBe("Slide 2 of 6: Industry");
  });
});
