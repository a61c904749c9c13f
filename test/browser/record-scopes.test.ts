/**
 * The overview and the timeline on records of every scope
 * (test/fixtures/scopes): a joint body's commitments under each member
 * country, generic institutions counted apart, a span target drawn as a span
 * and worded "2027–2028", and a session labelled with its series' short name.
 *
 * The site is built from the fixture in a throwaway copy of the project
 * (devtools/site-build.ts), so dist/ is never touched.
 *
 * Run with `npx vitest run --project browser --no-file-parallelism test/browser/record-scopes.test.ts`.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, textOf, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { useFolderSite } from "./site.js";

const TODAY = "2026-11-27";
const CHART = '[data-chart="timeline"]';
const OVERVIEW_READY = '[data-testid="headline"][data-source="duckdb"] [data-kpi="commitments"] .big';

const site = useFolderSite(join(ROOT, "test/fixtures/scopes"));

async function visit(path: string, until: string): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}${path}`);
  site.open.push(handle);
  await waitReady(handle.page);
  await handle.page.waitForSelector(until, { state: "attached", timeout: READY_TIMEOUT });
  return handle;
}

const markIds = (page: Page) =>
  page
    .locator(`${CHART} [data-mark="commitment"]`)
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-id") ?? "").sort());

describe("the overview on institutions of every scope", () => {
  it("selects a joint body's commitments under each of its member countries", async () => {
    for (const [country, want] of [
      ["KZ", "1"],
      ["PK", "2"],
      ["BY", "3"],
    ]) {
      const { page, ...handle } = await visit(`/?country=${country}`, OVERVIEW_READY);
      await expect.poll(textOf(page, '[data-kpi="commitments"] .big'), { timeout: READY_TIMEOUT }).toBe(want);
      expectClean(handle);
    }
  });

  it("offers countries only in the country filter, and counts generic institutions apart", async () => {
    const { page, ...handle } = await visit("/", OVERVIEW_READY);
    // MoC, UNDP, the JPCC and the grid council are named; the chambers and the relevant ministries generic.
    await expect.poll(textOf(page, '[data-kpi="institutions"] .big'), { timeout: READY_TIMEOUT }).toBe("4");
    expect(await textOf(page, '[data-kpi="institutions"] .sub')()).toContain("nor 2 named only generically");
    const lede = await textOf(page, ".aa-lede")();
    expect(lede).toContain("3 countries");
    expect(lede).not.toMatch(/null|International/);
    expectClean(handle);
  });
});

describe("the timeline on institutions of every scope", () => {
  it("matches the joint body's commitments under a member country", async () => {
    const { page, ...handle } = await visit(`/timeline?today=${TODAY}&country=KZ`, CHART);
    await expect.poll(() => markIds(page), { timeout: READY_TIMEOUT }).toEqual(["jpcc3-kz"]);
    expectClean(handle);
  });

  it("labels the sessions with the series' short name", async () => {
    const { page, ...handle } = await visit(`/timeline?today=${TODAY}`, CHART);
    const labels = await page.locator(`${CHART} [data-rule-label]`).allTextContents();
    expect(labels).toContain("3rd JPCC");
    expectClean(handle);
  });

  it("draws a span target as a span and words it 2027–2028", async () => {
    const { page, ...handle } = await visit(`/timeline?today=${TODAY}`, CHART);
    const width = (id: string) =>
      page.locator(`${CHART} [data-id="${id}"] rect[data-target]`).evaluate((r) => r.getBoundingClientRect().width);
    // Two years against one month (Dec 2025).
    expect(await width("jpcc3-roadmap")).toBeGreaterThan(10 * (await width("jpcc3-chambers")));
    await page.locator(`${CHART} [data-id="jpcc3-roadmap"] path[data-symbol]`).click();
    const panel = page.getByTestId("commitment-panel");
    await expect.poll(() => panel.getAttribute("data-id"), { timeout: READY_TIMEOUT }).toBe("jpcc3-roadmap");
    await expect
      .poll(async () => (await panel.textContent()) ?? "", { timeout: READY_TIMEOUT })
      .toContain("2027–2028 — deadline 31 Dec 2028");
    expect(await panel.locator('[data-overdue="true"]').count()).toBe(0);
    expectClean(handle);
  });
});
