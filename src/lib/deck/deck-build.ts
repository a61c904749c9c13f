/**
 * A story as a PowerPoint deck (.pptx), from the story's text and each
 * slide's content (src/lib/model/slide-content.ts), with pptxgenjs. Runs in
 * the browser (/present's "Download .pptx", and so the export command, which
 * drives that page) and in Node (the unit tests).
 *
 *     const bytes = await buildDeck(story, contents, {presentLink});
 *
 * A title slide from the story's title and description, then one slide per
 * story slide: the headline, the chart(s), the caption (filters in words,
 * sources, data date), a link back to the live view, and the speaker note as
 * PowerPoint notes. A table too long for its slide continues on the next
 * ones (headline marked "continued", same caption, link and note). The file
 * is the same for the same story and data apart from docProps/core.xml's
 * dates (deck-pin.ts).
 */
import { NO_FILTER } from "../model/caption.js";
import type { ChartContent, SlideContent, TableContent } from "../model/slide-content.js";
import type { Story } from "../model/stories.js";
import { addBars, addDrawing, addTable } from "./deck-charts.js";
import { AREAS, type Box, chartBoxes, SLIDE, TYPE, tableLayout } from "./deck-geometry.js";
import { pinPackage } from "./deck-pin.js";
import { numberCharts, type Pptx, PptxGen, type PptxSlide } from "./deck-pptxgen.js";

/** What a deck needs of a story. */
export type DeckStory = Pick<Story, "id" | "title" | "description"> & {
  slides: readonly { title: string; note: string }[];
};

export interface DeckOptions {
  /** The story's absolute /present address, linked from the title slide. */
  presentLink?: string;
}

/** The name the deck's metadata gives as author and company. */
export const DECK_AUTHOR = "Accord Atlas";

const FONT = "Arial";
const INK = "222222";
const MUTED = "555555";

/** The caption in words, two lines: the filters ("Filters: Sector: Industry"), then sources and data date. */
export function captionText(caption: SlideContent["caption"]): string {
  const source = [caption.sources && `Sources: ${caption.sources}`, caption.dataDate && `Data: ${caption.dataDate}`];
  const filters = caption.filters && caption.filters !== NO_FILTER ? `Filters: ${caption.filters}` : caption.filters;
  return [filters, source.filter(Boolean).join(" · ")].filter(Boolean).join("\n");
}

function addTitleSlide(pptx: Pptx, story: DeckStory, options: DeckOptions): void {
  const slide = pptx.addSlide();
  const w = SLIDE.width - 1;
  slide.addText(story.title, { x: 0.5, y: 2.0, w, h: 1.4, fontSize: TYPE.title, bold: true, color: INK });
  if (story.description) {
    slide.addText(story.description, {
      x: 0.5,
      y: 3.5,
      w,
      h: 2,
      fontSize: TYPE.description,
      color: MUTED,
      valign: "top",
    });
  }
  const count = `${story.slides.length} slide${story.slides.length === 1 ? "" : "s"} · Accord Atlas`;
  const link = options.presentLink;
  slide.addText(link ? [{ text: `${count} · ` }, { text: link, options: { hyperlink: { url: link } } }] : count, {
    ...AREAS.link,
    fontSize: TYPE.link,
    color: MUTED,
  });
  if (story.description) slide.addNotes(story.description);
}

/** The headline, caption, link and note every page of a story slide has. */
function addFrame(slide: PptxSlide, headline: string, note: string, content: SlideContent): void {
  slide.addText(headline, {
    ...AREAS.headline,
    fontSize: TYPE.headline,
    bold: true,
    color: INK,
    valign: "top",
    fit: "shrink",
  });
  slide.addText(captionText(content.caption), {
    ...AREAS.caption,
    fontSize: TYPE.caption,
    color: MUTED,
    valign: "top",
  });
  slide.addText(
    [
      { text: "Live view: " },
      { text: content.link, options: { hyperlink: { url: content.link, tooltip: "Open the live view" } } },
    ],
    { ...AREAS.link, fontSize: TYPE.link, color: MUTED },
  );
  slide.addNotes(note);
}

/** How many pages each table of the slide needs in its box, and at what type size. */
function tablePlans(charts: readonly ChartContent[], boxes: readonly Box[]) {
  return charts.map((chart, i) => (chart.kind === "table" ? tableLayout(chart, boxes[i]) : null));
}

/** One story slide: its first page with every chart, then continuation pages for tables too long to fit. */
function addStorySlide(pptx: Pptx, headline: string, note: string, content: SlideContent, where: string): void {
  const boxes = chartBoxes(content.charts.length);
  const plans = tablePlans(content.charts, boxes);
  const first = pptx.addSlide();
  addFrame(first, headline, note, content);
  content.charts.forEach((chart, i) => {
    const plan = plans[i];
    if (chart.kind === "bars") addBars(pptx, first, chart, boxes[i], where);
    else if (chart.kind === "image") addDrawing(first, chart, boxes[i]);
    else if (plan)
      addTable(
        first,
        chart,
        plan.pages[0].map((r) => chart.rows[r]),
        boxes[i],
        plan,
      );
  });
  // The rest of each long table, in the same columns, a page at a time.
  content.charts.forEach((chart, i) => {
    const plan = plans[i];
    if (chart.kind !== "table" || !plan) return;
    for (const rows of plan.pages.slice(1)) {
      const page = pptx.addSlide();
      addFrame(page, `${headline} (continued)`, note, content);
      addTable(
        page,
        continued(chart),
        rows.map((r) => chart.rows[r]),
        { ...boxes[i], y: AREAS.chart.y },
        plan,
      );
    }
  });
}

function continued(table: TableContent): TableContent {
  return { ...table, title: table.title ? `${table.title} (continued)` : null };
}

/** The deck of `story` with `contents[i]` on slide i, as the bytes of a .pptx file. */
export async function buildDeck(
  story: DeckStory,
  contents: readonly SlideContent[],
  options: DeckOptions = {},
): Promise<Uint8Array> {
  if (contents.length !== story.slides.length) {
    throw new Error(
      `story “${story.id}”: ${story.slides.length} slides but ${contents.length} slide contents; expected one for each slide`,
    );
  }
  const pptx = new PptxGen();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = DECK_AUTHOR;
  pptx.company = DECK_AUTHOR;
  pptx.revision = "1";
  pptx.subject = story.description ?? story.title;
  pptx.title = story.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  addTitleSlide(pptx, story, options);
  story.slides.forEach((slide, i) => {
    addStorySlide(pptx, slide.title, slide.note, contents[i], `story “${story.id}”, slide ${i + 1}`);
  });
  numberCharts(pptx);
  const written = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
  return pinPackage(written);
}
