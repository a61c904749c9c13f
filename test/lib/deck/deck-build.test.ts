import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildDeck, captionText } from "../../../src/lib/deck/deck-build.js";
import { NO_FILTER } from "../../../src/lib/model/caption.js";
import type { SlideContent } from "../../../src/lib/model/slide-content.js";
import { CONTENTS, STORY } from "./deck-fixture.js";

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.set(entry.name, await entry.async("uint8array"));
  return out;
}

const text = (files: Map<string, Uint8Array>, name: string) => {
  const data = files.get(name);
  if (!data) throw new Error(`no ${name} in the package`);
  return new TextDecoder().decode(data);
};

const names = (files: Map<string, Uint8Array>, pattern: RegExp) =>
  [...files.keys()].filter((n) => pattern.test(n)).sort();

describe("buildDeck", async () => {
  const files = await parts(
    await buildDeck(STORY, CONTENTS, { presentLink: "https://atlas.example/present?story=sample-deck" }),
  );

  it("has a title slide and one slide per story slide, each with its headline and notes", () => {
    expect(names(files, /^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(4);
    expect(text(files, "ppt/slides/slide1.xml")).toContain(STORY.title);
    STORY.slides.forEach((slide, i) => {
      expect(text(files, `ppt/slides/slide${i + 2}.xml`)).toContain(slide.title);
      expect(text(files, `ppt/notesSlides/notesSlide${i + 2}.xml`)).toContain(slide.note);
    });
  });

  it("writes bars as native bar charts with their data and colours", () => {
    const charts = names(files, /^ppt\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(2);
    const sectors = charts.map((n) => text(files, n)).find((xml) => xml.includes("Industry"));
    expect(sectors).toContain("<c:barChart>");
    expect(sectors).toContain('<c:barDir val="bar"/>');
    expect(sectors).toContain('<c:grouping val="stacked"/>');
    expect(sectors).toContain("1B9E77");
    expect(sectors).toContain("D95F02");
    expect(text(files, "ppt/slides/_rels/slide3.xml.rels")).toMatch(/charts\/chart\d+\.xml/);
  });

  it("writes a table as a native table beside the scorecard", () => {
    const slide = text(files, "ppt/slides/slide4.xml");
    expect(slide).toContain("<a:tbl>");
    expect(slide).toContain("Tractor assembly line in Lahore");
    expect(slide).toContain("Due next");
  });

  it("embeds a drawing as SVG with a PNG fallback", () => {
    const rels = text(files, "ppt/slides/_rels/slide2.xml.rels");
    expect(rels).toMatch(/media\/[^"]+\.svg/);
    expect(rels).toMatch(/media\/[^"]+\.png/);
    expect(text(files, "ppt/slides/slide2.xml")).toContain("asvg:svgBlip");
    const svg = names(files, /^ppt\/media\/.*\.svg$/).map((n) => text(files, n));
    expect(svg.join("")).toContain("<circle");
  });

  it("shows the caption and links back to the live view", () => {
    const slide = text(files, "ppt/slides/slide3.xml");
    expect(slide).toContain("Sectors by status");
    expect(slide).toContain("Sources: 33 documents (MFA Pakistan, BelTA)");
    expect(slide).toContain("Data: 2026-03-01");
    const rels = text(files, "ppt/slides/_rels/slide3.xml.rels");
    expect(rels).toContain('Target="https://atlas.example/?sector=industry&amp;sector=trade"');
    expect(rels).toContain('TargetMode="External"');
  });

  it("is the same file for the same story and data, apart from the deck's timestamps", async () => {
    const again = await parts(
      await buildDeck(STORY, CONTENTS, { presentLink: "https://atlas.example/present?story=sample-deck" }),
    );
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [name, data] of files) {
      if (name === "docProps/core.xml") continue;
      expect(Buffer.from(again.get(name) ?? []).equals(Buffer.from(data)), name).toBe(true);
    }
  });

  it("pins the package's own metadata", () => {
    expect(text(files, "docProps/app.xml")).toContain("<Company>Accord Atlas</Company>");
    expect(text(files, "docProps/core.xml")).toContain("<dc:creator>Accord Atlas</dc:creator>");
  });
});

describe("long tables", () => {
  it("continue on further slides, every row shown once", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
      `Row ${i + 1}`,
    ]);
    const content: SlideContent = {
      ...CONTENTS[2],
      charts: [{ kind: "table", title: "Due next", columns: ["Due", "Commitment"], rows }],
    };
    const story = { ...STORY, slides: [STORY.slides[2]] };
    const files = await parts(await buildDeck(story, [content]));
    const slides = names(files, /^ppt\/slides\/slide\d+\.xml$/).map((n) => text(files, n));
    expect(slides.length).toBeGreaterThan(2);
    const all = slides.join("");
    for (let i = 1; i <= 60; i++) expect(all.split(`>Row ${i}<`).length - 1, `Row ${i}`).toBe(1);
    expect(slides[2]).toContain("What is due next (continued)");
  });
});

describe("errors", () => {
  it("names the slide and series of a colour it cannot use", async () => {
    const bad: SlideContent = {
      ...CONTENTS[1],
      charts: [
        {
          kind: "bars",
          measure: "n",
          categories: ["a"],
          series: [{ name: "Done", values: [1], colour: "var(--done)" }],
          stacked: false,
          horizontal: false,
        },
      ],
    };
    await expect(buildDeck(STORY, [CONTENTS[0], bad, CONTENTS[2]])).rejects.toThrow(
      "story “sample-deck”, slide 2: series “Done” has the colour “var(--done)”",
    );
  });

  it("refuses contents that do not match the slides", async () => {
    await expect(buildDeck(STORY, CONTENTS.slice(0, 2))).rejects.toThrow("3 slides but 2 slide contents");
  });
});

describe("captionText", () => {
  it("puts the filters on one line and the sources and data date on the next", () => {
    expect(captionText({ filters: "Sector: Industry", sources: "3 documents", dataDate: "2026-03-01" })).toBe(
      "Filters: Sector: Industry\nSources: 3 documents · Data: 2026-03-01",
    );
  });

  it("says a view with no filter as the captions do, without a Filters: label", () => {
    expect(captionText({ filters: NO_FILTER, sources: "", dataDate: "2026-03-01" })).toBe(
      `${NO_FILTER}\nData: 2026-03-01`,
    );
  });
});
