import { describe, expect, it } from "vitest";
import { deckEmbedSrc, deckFileName, presentLink, rebaseLink } from "../../../src/lib/deck/deck-embeds.js";
import type { Slide } from "../../../src/lib/model/stories.js";

const slide: Slide = {
  view: "timeline",
  link: "?sector=industry&window=2015-01-01..2025-12-31",
  title: "t",
  note: "n",
  caption: true,
};

describe("deckEmbedSrc", () => {
  it("is the slide's embed in the light theme at the slide type scale", () => {
    const src = deckEmbedSrc(slide);
    expect(src.startsWith("embed/timeline?")).toBe(true);
    const params = new URLSearchParams(src.split("?")[1]);
    expect(params.get("sector")).toBe("industry");
    expect(params.get("window")).toBe("2015-01-01..2025-12-31");
    expect(params.get("theme")).toBe("light");
    expect(params.get("type")).toBe("slide");
    expect(params.get("caption")).toBe("on");
  });

  it("keeps a slide's caption switch", () => {
    expect(new URLSearchParams(deckEmbedSrc({ ...slide, link: "", caption: false }).split("?")[1]).get("caption")).toBe(
      "off",
    );
  });
});

describe("deck names and links", () => {
  it("names the file after the story and links to the story from /present's address", () => {
    expect(deckFileName("pakistan-belarus")).toBe("pakistan-belarus.pptx");
    expect(presentLink("https://atlas.example/sub/", "pakistan-belarus")).toBe(
      "https://atlas.example/sub/present?story=pakistan-belarus",
    );
  });

  it("moves links from the loopback site the command serves to the site it names", () => {
    const from = "http://127.0.0.1:41903/";
    expect(rebaseLink("http://127.0.0.1:41903/network?sector=industry", from, "https://atlas.example/a/")).toBe(
      "https://atlas.example/a/network?sector=industry",
    );
    expect(rebaseLink("https://elsewhere.example/x", from, "https://atlas.example/")).toBe(
      "https://elsewhere.example/x",
    );
  });
});
