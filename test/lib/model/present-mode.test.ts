import { describe, expect, it } from "vitest";
import {
  handoutSearch,
  isPresenterKey,
  presenterSearch,
  presenterSlides,
  presenterWindowName,
  presentMode,
  slideFrameSrc,
} from "../../../src/lib/model/present-mode.js";
import type { Story } from "../../../src/lib/model/stories.js";

const story: Story = {
  id: "talk",
  title: "A talk",
  description: null,
  theme: "light",
  slides: [
    { view: "network", link: "", title: "One", note: "First note", caption: true },
    { view: "timeline", link: "?sector=industry", title: "Two", note: "Second note", caption: false },
    { view: "network", link: "?size=degree", title: "Three", note: "Third note", caption: true },
  ],
};

describe("presentMode", () => {
  it("tells the deck, the presenter view and the handout apart", () => {
    expect(presentMode("?story=talk&slide=2")).toBe("deck");
    expect(presentMode("?story=talk&slide=2&presenter")).toBe("presenter");
    expect(presentMode("?story=talk&presenter=1")).toBe("presenter");
    expect(presentMode("?story=talk&handout")).toBe("handout");
    expect(presentMode("?story=talk&handout&presenter")).toBe("handout");
    expect(presentMode("")).toBe("deck");
  });
});

describe("addresses", () => {
  it("names the slide, the story and a theme other than the story's", () => {
    expect(presenterSearch(story, 1, "light")).toBe("?story=talk&slide=2&presenter");
    expect(presenterSearch(story, 0, "dark")).toBe("?story=talk&theme=dark&slide=1&presenter");
    expect(handoutSearch(story, "light")).toBe("?story=talk&handout");
    expect(handoutSearch(story, "dark")).toBe("?story=talk&theme=dark&handout");
    expect(presentMode(presenterSearch(story, 1, "light"))).toBe("presenter");
    expect(presentMode(handoutSearch(story, "dark"))).toBe("handout");
    expect(presenterWindowName(story)).toBe("accord-atlas-presenter-talk");
  });

  it("shows each slide's embed laid out in its frame at the slide type scale", () => {
    const src = slideFrameSrc(story.slides[1], "dark");
    const [path, query] = src.split("?");
    expect(path).toBe("embed/timeline");
    const params = new URLSearchParams(query);
    expect(params.getAll("sector")).toEqual(["industry"]);
    expect(params.get("theme")).toBe("dark");
    expect(params.get("caption")).toBe("off");
    expect(params.get("fit")).toBe("frame");
    expect(params.get("type")).toBe("slide");
  });
});

describe("isPresenterKey", () => {
  it("is P alone, not the browser's Ctrl+P or Cmd+P", () => {
    expect(isPresenterKey({ key: "p" })).toBe(true);
    expect(isPresenterKey({ key: "P", shiftKey: true })).toBe(true);
    expect(isPresenterKey({ key: "p", ctrlKey: true })).toBe(false);
    expect(isPresenterKey({ key: "p", metaKey: true })).toBe(false);
    expect(isPresenterKey({ key: "n" })).toBe(false);
  });
});

describe("presenterSlides", () => {
  it("gives the slide, the next one and the counter", () => {
    const first = presenterSlides(story, 0);
    expect(first.current.title).toBe("One");
    expect(first.next?.title).toBe("Two");
    expect(first.counter).toBe("1 / 3");
    expect(first.position).toBe("Slide 1 of 3");
  });

  it("has no next slide on the last, and keeps an index in the story", () => {
    expect(presenterSlides(story, 2).next).toBeNull();
    expect(presenterSlides(story, 9).current.title).toBe("Three");
    expect(presenterSlides(story, -1).current.title).toBe("One");
  });
});
