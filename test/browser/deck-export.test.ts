/**
 * The sample story's deck, exported as `npm run export -- --story` does it
 * (scripts/story-export.ts: the built site in headless Chromium presses
 * /present's "Download .pptx"), opened by a real office suite: LibreOffice
 * Impress converts it to PDF and poppler reads it back. Skipped, saying so,
 * where LibreOffice or poppler is not installed (.ci/run installs both).
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
import { loadStories } from "../../src/lib/pipeline/story-files.js";

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
  const story = loadStories(join(ROOT, "data")).stories.find((s) => s.id === STORY);
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
    expect(svgs).toHaveLength(story?.slides.length ?? 0);
    expect(pngs).toHaveLength(svgs.length);
    for (const name of pngs) {
      // pptxgenjs's placeholder for a picture it could not rasterise is a few hundred bytes.
      expect((await zip.file(name)?.async("uint8array"))?.length, name).toBeGreaterThan(5_000);
    }
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
