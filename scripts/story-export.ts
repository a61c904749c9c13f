/**
 * A story exported by the site itself, as a user would: the built site is
 * served on loopback, headless Chromium opens /present and presses
 * "Download .pptx" (the same code as in the browser, so the same file), or
 * prints the story's handout (`/present?story=ID&handout`) to PDF. Used by
 * `npm run export -- --story` (scripts/export.ts), the LibreOffice test and
 * the export benchmark.
 *
 *     const dist = await siteFor(undefined);            // dist/, built when stale
 *     const {bytes, ms} = await exportStory(dist, "pakistan-belarus", "pptx", "https://atlas.example/");
 *
 * The deck's links name `site` rather than the loopback address the site is
 * served at here (which changes with every run).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, openPage, serveDist } from "../devtools/browser-harness.js";
import { folderSite } from "../devtools/folder-site.js";
import { DIST, ROOT } from "../devtools/project-paths.js";
import { distIsStale, ensureDist } from "../devtools/site-build.js";
import { DECK_SITE_HOOK } from "../src/lib/deck/deck-embeds.js";

/** How long one export may take in the browser (the site's first load included). */
export const EXPORT_TIMEOUT_MS = 180_000;

export type StoryFormat = "pptx" | "pdf";

/**
 * The built site for a data folder: dist/ for the project's data/ (built
 * when missing or older than its sources), else a site built from `dataDir`
 * in a temporary project, kept by a hash of its inputs (devtools/folder-site.ts).
 */
export async function siteFor(dataDir: string | undefined, tell: (line: string) => void = () => {}): Promise<string> {
  const dir = resolve(dataDir ?? process.env.ACCORD_DATA_DIR ?? "data");
  if (dir !== resolve(ROOT, "data")) {
    tell(`Building the site for ${dir} (kept for the next export of the same data)…`);
    return folderSite(dir);
  }
  if (distIsStale()) tell("dist/ is missing or older than its sources: building the site (npm run build)…");
  await ensureDist();
  return DIST;
}

/** Presses "Download .pptx" and returns the file, or throws the page's own error message. */
async function downloadDeck(page: Page): Promise<{ bytes: Buffer; pageMs: number | null }> {
  const control = page.locator(".aa-deck-export-control");
  await control.waitFor({ timeout: EXPORT_TIMEOUT_MS });
  const download = page.waitForEvent("download", { timeout: EXPORT_TIMEOUT_MS });
  const failed = control
    .locator("xpath=self::*[@data-export='error']")
    .waitFor({ timeout: EXPORT_TIMEOUT_MS })
    .then(async () => {
      throw new Error((await control.locator("[role=status]").textContent()) ?? "the deck could not be made");
    });
  await control.locator("button").click();
  const done = await Promise.race([download, failed]);
  failed.catch(() => {});
  const bytes = await readFile(await done.path());
  // The page's own time from the press to the file's bytes.
  const pageMs = Number(await control.getAttribute("data-export-ms"));
  return { bytes, pageMs: Number.isFinite(pageMs) && pageMs > 0 ? pageMs : null };
}

/** Prints the story's handout once every chart in it is drawn; throws, naming them, when some failed. */
async function printHandout(page: Page): Promise<Buffer> {
  await page.waitForFunction(() => document.documentElement.dataset.handoutReady !== undefined, null, {
    timeout: EXPORT_TIMEOUT_MS,
  });
  const ready = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  if (ready.handoutReady !== "true") {
    throw new Error(`the handout could not draw the chart of slide ${ready.handoutFailed ?? "?"}; nothing was printed`);
  }
  await page.emulateMedia({ media: "print" });
  return page.pdf({ printBackground: true, preferCSSPageSize: true });
}

/**
 * Exports story `storyId` from the site in `dist` as `format`: its bytes,
 * the time from the deck's appearing to the file (`ms`), and for a deck the
 * page's own time from the press to the bytes (`pageMs`).
 */
export async function exportStory(
  dist: string,
  storyId: string,
  format: StoryFormat,
  site: string,
): Promise<{ bytes: Buffer; ms: number; pageMs: number | null }> {
  const server = await serveDist(dist);
  const browser = await launchBrowser();
  try {
    const search = new URLSearchParams({ story: storyId });
    const url = `${server.url}/present?${search}${format === "pdf" ? "&handout" : ""}`;
    const handle = await openPage(browser, url, {
      viewport: { width: 1920, height: 1080 },
      initScripts: [`window[${JSON.stringify(DECK_SITE_HOOK)}] = ${JSON.stringify(site)};`],
    });
    const started = Date.now();
    const shown = format === "pdf" ? ".aa-handout-page" : `.aa-deck[data-story="${storyId}"]`;
    await handle.page.locator(shown).first().waitFor({ timeout: EXPORT_TIMEOUT_MS });
    if (format === "pdf") {
      const bytes = await printHandout(handle.page);
      return { bytes, ms: Date.now() - started, pageMs: null };
    }
    const { bytes, pageMs } = await downloadDeck(handle.page);
    return { bytes, ms: Date.now() - started, pageMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
