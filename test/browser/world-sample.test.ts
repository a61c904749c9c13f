/**
 * The site built from test/fixtures/world-sample: an international
 * organisation, joint bodies with members, generic institutions, target spans,
 * a series short name and a workbook source. Every page opens on it without a
 * console error or an outside request, and shows what the records hold.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, visibleText, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { useFolderSite } from "./site.js";

const site = useFolderSite(join(ROOT, "test/fixtures/world-sample"));

async function open(path: string) {
  const handle = await openPage(site.browser, `${site.server.url}${path}`);
  site.open.push(handle);
  return handle;
}

/**
 * What each page shows once DuckDB has answered it: the engine's "ready" says
 * the tables are loaded, not that the page's own queries have come back.
 */
const ANSWERED: Record<string, string[]> = {
  "/network": ['.aa-net[data-source="duckdb"][data-nodes]'],
  "/timeline": [".aa-timeline-chart svg[data-marks]"],
  "/data": [
    '[aria-label="Records read, rows written and rows in DuckDB, by table"] table',
    '[data-testid="completeness"]',
    'table.aa-columns[data-table="commitments"]',
  ],
  "/sql": ['[data-testid="notebook"][data-ready]'],
  "/embed/network": ['.aa-embed .aa-net[data-nodes][data-source="duckdb"]'],
  "/embed/timeline": ['.aa-embed [data-chart="timeline"]'],
};

describe("the world sample's site", () => {
  it("overview: counts reconcile with the records, generic institutions apart", async () => {
    const handle = await open("/");
    const { page } = handle;
    await page.waitForSelector('[data-testid="headline"][data-source="duckdb"] [data-kpi="commitments"] .big', {
      timeout: READY_TIMEOUT,
    });
    expect(await page.locator('[data-kpi="commitments"] .big').first().textContent()).toBe("8");
    const text = (await visibleText(page)).replace(/\s+/g, " ");
    expect(text).not.toMatch(/\bnull\b|undefined|NaN/);
    expectClean(handle);
  });

  for (const path of ["/network", "/timeline", "/data", "/sql", "/present", "/embed/network", "/embed/timeline"]) {
    it(`${path} opens without an error and never prints null`, async () => {
      const handle = await open(path);
      const { page } = handle;
      if (path !== "/present") await waitReady(page);
      for (const selector of ANSWERED[path] ?? []) {
        await page.waitForSelector(selector, { state: "attached", timeout: READY_TIMEOUT });
      }
      if (path.endsWith("/timeline")) {
        await page.waitForFunction(() => performance.getEntriesByName("timeline:sql-answer").length > 0, undefined, {
          timeout: READY_TIMEOUT,
        });
      }
      await page.waitForLoadState("networkidle");
      // /data's column reference says where a column may be null; the rest of every page never does.
      const text = (await visibleText(page, "body")).replace(/\s+/g, " ").split("Tables and columns")[0];
      expect(text).not.toMatch(/\bnull\b|\bundefined\b|\bNaN\b|RuntimeError/);
      // The status updates come from tracker.xlsx: read, written and loaded alike.
      if (path === "/data") expect(text).toContain("status_updates 3 3 3 ✓");
      expectClean(handle);
    });
  }
});
