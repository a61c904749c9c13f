/**
 * The timeline's first draw from the build (`timeline-first.json`, issue #16)
 * in headless Chromium against the built site: the chart is on the page
 * before the query engine has started, and it is the chart DuckDB's answer
 * draws. The page checks the build's draw against DuckDB's answer and redraws
 * only when they differ; a tampered file must be replaced by the SQL's chart.
 * "Today" is pinned with ?today=.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import type { TimelineFirstFile } from "../../src/lib/timeline/timeline-rows.js";
import { useBuiltSite } from "./site.js";

const TODAY = "2026-11-27";
const READY_TIMEOUT = 60_000;
const CHART = '[data-chart="timeline"]';
const FIRST_FILE = /\/_file\/data\/timeline-first\.[0-9a-f]+\.json(\?.*)?$/;
const WASM = /duckdb-[a-z]+\.wasm$/;

const site = useBuiltSite();

type FileChange = (file: TimelineFirstFile) => TimelineFirstFile | null;

/** Opens /timeline, holding DuckDB's wasm back until `release` when asked, with the build's file changed. */
async function visit(options: { holdEngine?: boolean; change?: FileChange; path?: string } = {}) {
  let held: Route | undefined;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handle = await openPage(site.browser, `${site.server.url}${options.path ?? "/timeline"}?today=${TODAY}`, {
    beforeGoto: async (page) => {
      if (options.holdEngine) {
        await page.route(WASM, async (route) => {
          held = route;
          await released;
          await route.continue();
        });
      }
      const change = options.change;
      if (change) {
        await page.route(FIRST_FILE, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, json: change((await response.json()) as TimelineFirstFile) });
        });
      }
    },
  });
  site.open.push(handle);
  return { handle, release: () => release(), engineHeld: () => held !== undefined };
}

/** The chart's markup once drawn, with its marks. */
async function chartMarkup(page: Page): Promise<string> {
  await page.waitForSelector(`${CHART} [data-mark="commitment"]`, { state: "attached", timeout: READY_TIMEOUT });
  return page.$eval(CHART, (chart) => chart.outerHTML);
}

/** The page's check of the build's draw against DuckDB's answer. */
async function sqlAnswer(page: Page): Promise<{ fromBuild: boolean; same: boolean; difference: string | null }> {
  await page.waitForFunction(() => performance.getEntriesByName("timeline:sql-answer").length > 0, undefined, {
    timeout: READY_TIMEOUT,
  });
  return page.evaluate(
    () => (performance.getEntriesByName("timeline:sql-answer")[0] as PerformanceMark).detail as never,
  );
}

/** The chart as DuckDB's answer alone draws it (the build's file withheld). */
async function chartFromSql(): Promise<string> {
  const { handle } = await visit({ change: () => null });
  await expect(sqlAnswer(handle.page)).resolves.toMatchObject({ fromBuild: false, same: false });
  const markup = await chartMarkup(handle.page);
  expectClean(handle);
  return markup;
}

describe("the timeline's first draw from the build", () => {
  it("is on the page before the query engine has started, and is the chart DuckDB's answer draws", async () => {
    const { handle, release, engineHeld } = await visit({ holdEngine: true });
    const { page } = handle;
    const first = await chartMarkup(page);
    expect(await page.getAttribute(".aa-status", "data-state")).not.toBe("ready");
    await expect.poll(engineHeld, { timeout: READY_TIMEOUT }).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName("timeline:sql-answer").length)).toBe(0);
    release();
    // DuckDB's answer equals the build's draw: nothing to redraw.
    await expect(sqlAnswer(page)).resolves.toEqual({ fromBuild: true, same: true, difference: null });
    expect(await chartMarkup(page)).toBe(first);
    expectClean(handle);
    // And a page that never had the build's file draws the same chart from SQL.
    expect(await chartFromSql()).toBe(first);
  });

  it("is replaced by DuckDB's answer when the build's file disagrees with the tables", async () => {
    const tampered: FileChange = (file) => ({
      ...file,
      marks: file.marks?.map((m, i) => (i === 0 ? { ...m, summary: "TAMPERED", sector: file.lanes[1].sector } : m)),
    });
    const { handle } = await visit({ change: tampered });
    const { page } = handle;
    const answer = await sqlAnswer(page);
    expect(answer).toMatchObject({ fromBuild: true, same: false });
    expect(answer.difference).toMatch(/^(density|marks)/);
    await expect
      .poll(() => page.$eval(CHART, (chart) => chart.outerHTML.includes("TAMPERED")), { timeout: READY_TIMEOUT })
      .toBe(false);
    expect(await chartMarkup(page)).toBe(await chartFromSql());
    expectClean(handle);
  });

  it("draws the unfiltered embed before the engine has started too, and keeps it when DuckDB agrees", async () => {
    const { handle, release } = await visit({ holdEngine: true, path: "/embed/timeline" });
    const { page } = handle;
    const first = await chartMarkup(page);
    expect(await page.evaluate(() => performance.getEntriesByName("timeline:sql-answer").length)).toBe(0);
    release();
    await expect(sqlAnswer(page)).resolves.toEqual({ fromBuild: true, same: true, difference: null });
    expect(await chartMarkup(page)).toBe(first);
    expectClean(handle);
  });
});
