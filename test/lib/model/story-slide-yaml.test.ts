/**
 * "Add to a story" (src/lib/model/story-slide-yaml.ts): the slide and the new
 * story it writes read back through readStory, against the default records,
 * with no problem at all, for views with filters, a selection, a zoom, a
 * window, frame keys to drop, and headlines with quotes, colons, hashes and
 * non-Latin text; pasted into the sample story, the slide is its last.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Caption } from "../../../src/lib/model/caption.js";
import { STORY_ID } from "../../../src/lib/model/present.js";
import { MAX_SLIDE_TITLE, readStory, type StoryKnown } from "../../../src/lib/model/stories.js";
import {
  fitText,
  NOTE_PLACEHOLDER,
  newStoryYaml,
  storyIdOf,
  storyLink,
  storySlide,
  storySlideYaml,
} from "../../../src/lib/model/story-slide-yaml.js";
import type { ViewName } from "../../../src/lib/model/view-state.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { knownFromStores } from "../../../src/lib/pipeline/story-files.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dataset = loadDataset(join(ROOT, "data"));
if (!dataset.columns) throw new Error("data/ has errors");
const known: StoryKnown = knownFromStores(dataset.columns);
// A commitment the timeline case's filters keep: a Pakistani party, agreed in 2018–2022.
const commitment = (() => {
  if (!dataset.tables) throw new Error("data/ has errors");
  const { commitments, commitment_parties: parties, institutions } = dataset.tables;
  const pakistani = new Set(institutions.filter((i) => i.country === "PK").map((i) => String(i.id)));
  const withPakistan = new Set(
    parties.filter((p) => pakistani.has(String(p.institution_id))).map((p) => String(p.commitment_id)),
  );
  const inWindow = commitments
    .filter((c) => withPakistan.has(String(c.id)) && String(c.date) >= "2018" && String(c.date) < "2023")
    .map((c) => String(c.id));
  return inWindow.sort()[0];
})();

const caption = (title: string, first: string): Caption => ({ title, lines: [first, "Sources: x (1)."] });

const CASES: { name: string; view: ViewName; query: string; caption: Caption; link: string }[] = [
  {
    name: "the plain network",
    view: "network",
    query: "",
    caption: caption("Network of institutions", "72 institutions · All commitments, no filter"),
    link: "",
  },
  {
    name: "filters, controls, selection and zoom, with frame keys to drop",
    view: "network",
    query:
      "?sector=industry&sector=energy&from=2016&to=2024&size=degree&select=by-minprom&zoom=32,38,2&theme=dark&fit=frame&type=slide&caption=off&title=Mine",
    caption: caption(
      "Network of institutions",
      "17 institutions · Filters: Sector: Industry & machinery, Energy · 2016–2024",
    ),
    link: "?sector=industry&sector=energy&from=2016&to=2024&size=degree&select=by-minprom&zoom=32,38,2",
  },
  {
    name: "a timeline window and an open commitment",
    view: "timeline",
    query: `?country=PK&window=2018-01-01..2022-12-31&select=${commitment}&theme=light`,
    caption: caption("Commitments over time, by sector", "40 commitments · Filters: Country: Pakistan"),
    link: `?country=PK&window=2018-01-01..2022-12-31&select=${commitment}`,
  },
  {
    name: "a headline with quotes, colons, a hash, a leading dash and non-Latin text",
    view: "network",
    query: "?show=bipartite",
    caption: caption(
      "- \"Quoted\": the # Минск–لاہور ties? [yes] {no} & 'single'",
      "Filters: Institution: Ministry of Industry (Минпром): «key» 'partner'",
    ),
    link: "?show=bipartite",
  },
];

describe("a slide for the view on screen", () => {
  for (const c of CASES) {
    it(`${c.name}: the pasted slide and the new story read back with no problem`, () => {
      const slide = storySlide({ view: c.view, query: c.query, caption: c.caption });
      expect(slide.link).toBe(c.link);
      expect(slide.note).toBe(NOTE_PLACEHOLDER);
      const pasted = `title: A test story\nslides:\n${storySlideYaml(slide)}`;
      const fromSnippet = readStory(pasted, "stories/test.yaml", "test", known);
      expect(fromSnippet.problems).toEqual([]);
      // Read back, the headline's doubled braces are single again: the caption's own text.
      const read = { ...slide, title: slide.title.replaceAll("{{", "{").replaceAll("}}", "}"), caption: true };
      expect(fromSnippet.story?.slides).toEqual([read]);

      const whole = readStory(newStoryYaml(slide, { theme: "dark" }), "stories/new.yaml", "new", known);
      expect(whole.problems).toEqual([]);
      expect(whole.story?.theme).toBe("dark");
      expect(whole.story?.slides).toEqual([read]);
    });
  }

  it("the headline is the caption's title and its filters; a plain view has the title alone", () => {
    expect(storySlide({ view: "network", query: "", caption: CASES[0].caption }).title).toBe("Network of institutions");
    expect(storySlide({ view: "network", query: "", caption: CASES[1].caption }).title).toBe(
      "Network of institutions · Sector: Industry & machinery, Energy · 2016–2024",
    );
  });

  it("a long headline is cut at a word to the slide's limit, and still reads back", () => {
    const long = caption(
      "Network of institutions",
      `Filters: ${"Institution: Ministry of Foreign Affairs, ".repeat(8)}`,
    );
    const slide = storySlide({ view: "network", query: "", caption: long });
    expect(slide.title.length).toBeLessThanOrEqual(MAX_SLIDE_TITLE);
    expect(slide.title.endsWith("…")).toBe(true);
    expect(readStory(newStoryYaml(slide), "stories/new.yaml", "new", known).problems).toEqual([]);
  });

  it("pasted at the end of the sample story, the slide is its last and the story stays valid", () => {
    const sample = readFileSync(join(ROOT, "data/stories/pakistan-belarus.yaml"), "utf8");
    const slide = storySlide({ view: CASES[2].view, query: CASES[2].query, caption: CASES[2].caption });
    const result = readStory(
      `${sample.trimEnd()}\n\n${storySlideYaml(slide)}`,
      "stories/pakistan-belarus.yaml",
      "pakistan-belarus",
      known,
    );
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.story?.slides.at(-1)).toEqual({ ...slide, caption: true });
  });
});

describe("the parts", () => {
  it("a story link keeps only the view's keys, in order", () => {
    expect(storyLink("timeline", "?zoom=1,2,3&window=2020-01-01..2020-12-31&show=bipartite&sector=trade")).toBe(
      "?window=2020-01-01..2020-12-31&sector=trade",
    );
    expect(storyLink("network", "?theme=dark&fit=frame")).toBe("");
  });

  it("text is made one line and cut with an ellipsis", () => {
    expect(fitText("a\nb\tc", 10)).toBe("a b c");
    expect(fitText("alpha beta gamma delta", 12)).toBe("alpha beta…");
  });

  it("a story id is a valid file name for any title", () => {
    for (const title of ["Network of institutions: Sector", "Минск", "", "A".repeat(200)]) {
      expect(STORY_ID.test(storyIdOf(title))).toBe(true);
    }
    expect(storyIdOf("Network of institutions: Sector")).toBe("network-of-institutions-sector");
    expect(storyIdOf("Institutions linked by shared commitments · Sector: Industry & machinery")).toBe(
      "institutions-linked-by-shared-commitments-sector-industry",
    );
  });
});
