/**
 * The printed story against the built site: the handout
 * (/present?story=<id>&handout) has every slide with its headline, its
 * chart's frame and its note, says `data-handout-ready="true"` once every
 * chart is drawn, and Chromium's page.pdf() of it (as the export command
 * prints it) has one page per slide, each with its headline and its note
 * (read back with pdftotext when poppler-utils is installed). Printing the
 * deck itself gives one page: the slide shown and its note.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import type { Story } from "../../src/lib/model/stories.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../src/lib/pipeline/story-files.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

const DATA = join(ROOT, "data");
const dataset = loadDataset(DATA);
if (!dataset.columns) throw new Error("data/ has errors");
const story = loadStories(DATA, knownFromStores(dataset.columns)).stories.find(
  (s) => s.id === "pakistan-belarus",
) as Story;
if (!story) throw new Error("no sample story");
const COUNT = story.slides.length;
const DRAW_TIMEOUT = 180_000;
const HAS_POPPLER = spawnSync("pdftotext", ["-v"]).status === 0 && spawnSync("pdfinfo", ["-v"]).status === 0;

/** Text as pdftotext gives it, with runs of white space as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** The pages of a PDF's text, read back with pdftotext (form feeds end pages). */
function pdfPages(pdf: Buffer): { count: number; pages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "aa-handout-"));
  try {
    const file = join(dir, "handout.pdf");
    writeFileSync(file, pdf);
    const info = spawnSync("pdfinfo", [file], { encoding: "utf8" });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? Number.NaN);
    const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
    return { count, pages: text.split("\f").slice(0, count).map(flat) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the handout of the sample story", () => {
  it(
    "shows every slide with its headline, frame and note, and is ready once every chart is drawn",
    async () => {
      const handle = await openPage(site.browser, `${site.server.url}/present?story=${story.id}&handout`, {
        viewport: { width: 1280, height: 900 },
      });
      site.open.push(handle);
      const { page } = handle;
      // The network's nodes drawn whole at once, as the export prints them.
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.waitForSelector(".aa-handout-page", { timeout: READY_TIMEOUT });
      const pages = page.locator(".aa-handout-page");
      expect(await pages.count()).toBe(COUNT);
      for (let i = 0; i < COUNT; i++) {
        const slide = story.slides[i];
        const section = pages.nth(i);
        expect(await section.locator(".aa-handout-title").textContent()).toBe(slide.title);
        expect(await section.locator(".aa-handout-note p").textContent()).toBe(slide.note);
        const src = new URL((await section.locator("iframe").getAttribute("src")) ?? "", page.url());
        expect(src.pathname).toBe(`/embed/${slide.view}`);
        expect(src.searchParams.get("fit")).toBe("frame");
      }
      await page.waitForFunction(() => document.documentElement.dataset.handoutReady !== undefined, null, {
        timeout: DRAW_TIMEOUT,
      });
      expect(await page.evaluate(() => document.documentElement.dataset.handoutReady)).toBe("true");
      // Ready means drawn: every frame's chart is on its page.
      for (let i = 0; i < COUNT; i++) {
        const frame = await pages.nth(i).locator("iframe").elementHandle();
        const drawn = await (await frame?.contentFrame())?.evaluate(
          () =>
            document.querySelector(
              ".aa-embed .aa-embed-chart svg, .aa-embed .aa-embed-chart canvas, .aa-embed .aa-embed-chart table",
            ) !== null,
        );
        expect(drawn, `slide ${i + 1}'s chart`).toBe(true);
      }
      expect(await page.locator(".aa-handout-status").textContent()).toBe("Every chart is drawn: ready to print.");

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      // Without poppler the page count is read from the file's page objects.
      const objects = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length;
      if (!HAS_POPPLER) {
        console.warn("pdftotext/pdfinfo (poppler-utils) not found: the handout's text per page is not checked.");
        expect(objects).toBe(COUNT);
        return;
      }
      const read = pdfPages(pdf);
      expect(read.count).toBe(COUNT);
      story.slides.forEach((slide, i) => {
        expect(read.pages[i], `page ${i + 1}`).toContain(flat(slide.title));
        expect(read.pages[i], `page ${i + 1}`).toContain(flat(slide.note));
        expect(read.pages[i], `page ${i + 1}`).toContain(`SLIDE ${i + 1} OF ${COUNT}`);
      });
      expectClean(handle);
    },
    5 * 60_000,
  );

  it(
    "prints the deck's slide with its note on one page",
    async () => {
      const handle = await openPage(site.browser, `${site.server.url}/present?story=${story.id}&slide=2`, {
        viewport: { width: 1280, height: 720 },
      });
      site.open.push(handle);
      const { page } = handle;
      const frame = await (
        await page.waitForSelector("iframe.aa-slide-frame:not(.is-preload)", { state: "attached" })
      ).contentFrame();
      await frame?.waitForSelector(".aa-embed .aa-net[data-nodes]", { state: "attached", timeout: DRAW_TIMEOUT });
      // The deck's "Print handout" control opens the handout.
      expect(await page.locator(".aa-deck-handout").getAttribute("href")).toBe(`?story=${story.id}&handout`);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      // After the print, the deck is as it was: the note closed, the controls shown.
      expect(await page.locator(".aa-slide-note").isHidden()).toBe(true);
      expect(await page.locator(".aa-deck.is-printing").count()).toBe(0);
      if (!HAS_POPPLER) {
        console.warn("pdftotext/pdfinfo (poppler-utils) not found: the printed deck is not read back.");
        return;
      }
      const read = pdfPages(pdf);
      expect(read.count).toBe(1);
      expect(read.pages[0]).toContain(flat(story.slides[1].title));
      expect(read.pages[0]).toContain(flat(story.slides[1].note));
      expect(read.pages[0]).not.toContain("Next →");
      expectClean(handle);
    },
    5 * 60_000,
  );
});
