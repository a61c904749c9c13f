/**
 * The vitest side of the browser suites: one built site (dist/, rebuilt when
 * stale by devtools/site-build.ts) served on loopback and one browser per
 * test file.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type PageHandle, type ServedDist, serveDist } from "../../devtools/browser-harness.js";
import { folderSite } from "../../devtools/folder-site.js";
import { DIST } from "../../devtools/project-paths.js";
import { BUILD_TIMEOUT, ensureDist } from "../../devtools/site-build.js";

/** The built site served on loopback and a browser, for one test file. */
export interface BuiltSite {
  /** Set before the file's tests run. */
  server: ServedDist;
  browser: Browser;
  /** Pages to close after the file's tests, also when a test fails. */
  open: PageHandle[];
}

/**
 * Builds dist/ when stale, serves it and launches Chromium before the file's
 * tests; closes every page kept in `open`, the browser and the server after.
 */
export function useBuiltSite(): BuiltSite {
  return useSite(async () => {
    await ensureDist();
    return DIST;
  });
}

/**
 * The same for a site built from another data folder (a test fixture), kept
 * between the test files of a run that use the same folder
 * (devtools/folder-site.ts).
 */
export function useFolderSite(dataDir: string): BuiltSite {
  return useSite(() => folderSite(dataDir));
}

function useSite(build: () => Promise<string>): BuiltSite {
  const site = { open: [] as PageHandle[] } as BuiltSite;
  beforeAll(async () => {
    site.server = await serveDist(await build());
    site.browser = await launchBrowser();
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    for (const handle of site.open) await handle.close().catch(() => {});
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
