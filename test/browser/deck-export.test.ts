/**
 * The sample story's deck, exported as `npm run export -- --story` does it
 * (scripts/story-export.ts: the built site in headless Chromium presses
 * /present's "Download .pptx"), opened by a real office suite: LibreOffice
 * Impress converts it to PDF and poppler reads it back: a page per slide,
 * every headline, caption and source; native charts and tables for the
 * sector chart and the scorecards, with the records' figures; pictures for
 * the network and the timeline. The handout, exported to PDF as
 * `--format pdf` does it, has a page per slide with its note. Skipped,
 * saying so, where LibreOffice or poppler is not installed (.ci/run
 * installs both).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ROOT } from "../../devtools/project-paths.js";
import { BUILD_TIMEOUT, ensureDist } from "../../devtools/site-build.js";
import { exportStory } from "../../scripts/story-export.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../src/lib/pipeline/story-files.js";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const office = has("soffice") && has("pdftotext") && has("pdfinfo");
if (!office)
  console.warn("deck-export.test.ts: skipped, soffice (libreoffice-impress) or poppler-utils is not installed.");

const STORY = "pakistan-belarus";

/** Text as pptxgenjs writes it into XML. */
const xmlText = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
const SITE = "https://atlas.example/";

describe.skipIf(!office)("the sample story as a .pptx, opened by LibreOffice", () => {
  const dataset = loadDataset(join(ROOT, "data"));
  if (!dataset.columns || !dataset.tables) throw new Error("data/ has errors");
  const { commitments } = dataset.tables;
  // The story as /present has it: placeholders filled with each view's figures.
  const story = loadStories(join(ROOT, "data"), knownFromStores(dataset.columns)).stories.find((s) => s.id === STORY);
  const drawings = story?.slides.filter((s) => s.view === "network" || s.view === "timeline") ?? [];
  const work = mkdtempSync(join(tmpdir(), "accord-deck-"));
  let zip: JSZip;
  let text = "";
  let pages = 0;

  beforeAll(async () => {
    await ensureDist();
    const { bytes } = await exportStory(DIST, STORY, "pptx", SITE);
    writeFileSync(join(work, `${STORY}.pptx`), bytes);
    zip = await JSZip.loadAsync(bytes);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, join(work, `${STORY}.pptx`)], {
      env: { ...process.env, HOME: work },
      timeout: 240_000,
    });
    const pdf = join(work, `${STORY}.pdf`);
    text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8").replace(/\s+/g, " ");
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString("utf8"))?.[1]);
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("has a title page and one page per slide", () => {
    expect(story).toBeDefined();
    expect(pages).toBe((story?.slides.length ?? 0) + 1);
    expect(text).toContain(story?.title);
  });

  it("shows every headline, a caption with its sources and data date, and the link back", () => {
    for (const slide of story?.slides ?? []) expect(text).toContain(slide.title.replace(/\s+/g, " "));
    expect(text.split("Sources: ").length - 1).toBe(story?.slides.length);
    expect(text.split("Data: ").length - 1).toBe(story?.slides.length);
    expect(text).toContain("Filters: Sector: Industry");
    expect(text).toContain(`Live view: ${SITE}network?sector=industry&size=degree`);
    expect(text).not.toContain("127.0.0.1");
  });

  it("keeps each speaker note as the slide's notes", async () => {
    for (const [i, slide] of (story?.slides ?? []).entries()) {
      const xml = await zip.file(`ppt/notesSlides/notesSlide${i + 2}.xml`)?.async("string");
      expect(xml, `notes of slide ${i + 1}`).toContain(xmlText(slide.note.slice(0, 60)));
    }
  });

  it("gives each drawing as SVG with a rasterised PNG fallback", async () => {
    const media = Object.keys(zip.files).filter((n) => n.startsWith("ppt/media/"));
    const svgs = media.filter((n) => n.endsWith(".svg"));
    const pngs = media.filter((n) => n.endsWith(".png"));
    expect(drawings.length).toBeGreaterThan(0);
    expect(svgs).toHaveLength(drawings.length);
    expect(pngs).toHaveLength(svgs.length);
    for (const name of pngs) {
      // pptxgenjs's placeholder for a picture it could not rasterise is a few hundred bytes.
      expect((await zip.file(name)?.async("uint8array"))?.length, name).toBeGreaterThan(5_000);
    }
  });

  it("gives the sector chart as a native stacked bar chart of the records' counts, and the scorecards as tables", async () => {
    const sectorSlides = story?.slides.filter((s) => s.view === "sectors") ?? [];
    const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(sectorSlides.length).toBeGreaterThan(0);
    expect(charts).toHaveLength(sectorSlides.length);
    const xml = (await zip.file(charts[0])?.async("string")) ?? "";
    expect(xml).toContain("<c:barChart>");
    expect(xml).toMatch(/<c:grouping val="(stacked|percentStacked)"\/>/);
    // The bars add up to the commitments the slide's filters keep (the sample's sector slide has none).
    const values = [...xml.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
    const points = [...xml.matchAll(/<c:val>.*?<\/c:val>/gs)].flatMap((m) =>
      [...m[0].matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((v) => Number(v[1])),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(points.reduce((a, b) => a + b, 0)).toBe(commitments.length);
    const scorecardSlides = story?.slides.filter((s) => s.view === "scorecards") ?? [];
    expect(scorecardSlides.length).toBeGreaterThan(0);
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .map((n) => zip.file(n)?.async("string") ?? ""),
    );
    expect(slides.filter((x) => x.includes("<a:tbl>")).length).toBeGreaterThanOrEqual(scorecardSlides.length);
    expect(text).toContain("Due next");
  });

  it("writes pictures LibreOffice can draw", () => {
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "40",
      "-f",
      "2",
      "-l",
      "2",
      join(work, `${STORY}.pdf`),
      join(work, "page"),
    ]);
    const png = readFileSync(join(work, "page-2.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});

describe.skipIf(!office)("the sample story's handout as a PDF, as the export command prints it", () => {
  const dataset = loadDataset(join(ROOT, "data"));
  if (!dataset.columns) throw new Error("data/ has errors");
  const story = loadStories(join(ROOT, "data"), knownFromStores(dataset.columns)).stories.find((s) => s.id === STORY);
  const work = mkdtempSync(join(tmpdir(), "accord-handout-"));
  let pages: string[] = [];

  beforeAll(async () => {
    await ensureDist();
    const { bytes } = await exportStory(DIST, STORY, "pdf", SITE);
    const pdf = join(work, `${STORY}.pdf`);
    writeFileSync(pdf, bytes);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString("utf8"))?.[1]);
    pages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"])
        .toString("utf8")
        .replace(/\s+/g, " "),
    );
  }, BUILD_TIMEOUT);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("has one page per slide, each with its headline and the start of its note", () => {
    expect(story).toBeDefined();
    expect(pages).toHaveLength(story?.slides.length ?? -1);
    for (const [i, slide] of (story?.slides ?? []).entries()) {
      expect(pages[i], `page ${i + 1}`).toContain(slide.title.replace(/\s+/g, " "));
      expect(pages[i], `page ${i + 1}`).toContain(slide.note.replace(/\s+/g, " ").slice(0, 50));
    }
  });
});
