/**
 * The timeline's canvas renderer for marks (src/components/timeline/
 * timeline-marks-canvas.ts and timeline-canvas-input.ts) in headless Chromium,
 * on the built site of the bundled records with the renderer forced by
 * ?renderer=canvas (by default the records' few hundred marks are SVG): every
 * commitment painted, none an element; the pointer over a mark shows its
 * tooltip and a click opens its panel; the keyboard reaches the marks in one
 * Tab stop, arrow keys and Home move the focus ring and announce the mark,
 * Enter opens it; the table, built when first opened, lists the marks painted. Expected text comes
 * from the records (loadDataset over data/), never from the page.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { ROOT } from "../../devtools/project-paths.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import type { Row, Tables } from "../../src/lib/records/record-types.js";
import { paintedPixels } from "./canvas-pixels.js";
import { useBuiltSite } from "./site.js";

const TODAY = "2026-11-27";
const READY_TIMEOUT = 60_000;
const CHART = '[data-chart="timeline"]';
const LAYER = `${CHART} .aa-marks-canvas`;

let tables: Tables<Row[]>;
const site = useBuiltSite();

beforeAll(() => {
  const dataset = loadDataset(join(ROOT, "data"));
  if (!dataset.tables) throw new Error("data/ is not valid");
  tables = dataset.tables;
});

async function visit(): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/timeline?today=${TODAY}&renderer=canvas`);
  site.open.push(handle);
  await handle.page.waitForSelector(`${LAYER} canvas`, { state: "attached", timeout: READY_TIMEOUT });
  return handle;
}

const summaryOf = (id: string | null) => tables.commitments.find((c) => c.id === id)?.summary as string | undefined;

/** Where a ring (the focus or hover ring over a mark) is on the screen, and its mark. */
async function ringAt(page: Page, selector: string): Promise<{ id: string | null; x: number; y: number }> {
  return page.locator(selector).evaluate((ring) => {
    const box = ring.getBoundingClientRect();
    return { id: ring.getAttribute("data-id"), x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
}

describe("the timeline's marks on canvas", () => {
  it("paints every commitment, none as an element", async () => {
    const { page, ...handle } = await visit();
    const chart = page.locator(CHART);
    expect(await chart.getAttribute("data-mode")).toBe("marks");
    expect(await chart.getAttribute("data-marks")).toBe(String(tables.commitments.length));
    expect(await page.locator(LAYER).getAttribute("data-marks-canvas")).toBe(String(tables.commitments.length));
    expect(await page.locator(`${CHART} [data-mark="commitment"]`).count()).toBe(0);
    // The canvas is not blank: some of its pixels are painted.
    const painted = await paintedPixels(page.locator(`${LAYER} canvas`).first());
    expect(painted).toBeGreaterThan(1000);
    expectClean(handle);
  });

  it("moves between marks with the keyboard, announcing each, and Enter opens one", async () => {
    const { page, ...handle } = await visit();
    await page.locator(LAYER).focus();
    const now = page.getByTestId("timeline-mark-now");
    const first = await ringAt(page, `${CHART} .aa-mark-focus`);
    expect(summaryOf(first.id)).toBeDefined();
    await expect.poll(() => now.textContent()).toContain(summaryOf(first.id));
    await page.keyboard.press("ArrowRight");
    const second = await ringAt(page, `${CHART} .aa-mark-focus`);
    expect(second.id).not.toBe(first.id);
    expect(second.x).toBeGreaterThanOrEqual(first.x);
    await expect.poll(() => now.textContent()).toContain(summaryOf(second.id));
    await expect.poll(() => page.locator(".aa-timeline-chart .aa-tip strong").textContent()).toBe(summaryOf(second.id));
    await page.keyboard.press("End");
    await page.keyboard.press("Home");
    expect((await ringAt(page, `${CHART} .aa-mark-focus`)).id).toBe(first.id);
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("commitment-panel");
    await expect.poll(() => panel.getAttribute("data-id"), { timeout: READY_TIMEOUT }).toBe(first.id);
    expectClean(handle);
  });

  it("shows a mark's tooltip under the pointer and opens it on click", async () => {
    const { page, ...handle } = await visit();
    // Where a mark is: the keyboard's ring shows one; then focus leaves and the tooltip goes.
    await page.locator(LAYER).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const mark = await ringAt(page, `${CHART} .aa-mark-focus`);
    await page.locator(LAYER).evaluate((layer) => (layer as SVGGElement).blur());
    const tip = page.locator(".aa-timeline-chart .aa-tip");
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(mark.x, mark.y);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.locator("strong").textContent()).toBe(summaryOf(mark.id));
    expect((await ringAt(page, `${CHART} .aa-mark-hover`)).id).toBe(mark.id);
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.click(mark.x, mark.y);
    const panel = page.getByTestId("commitment-panel");
    await expect.poll(() => panel.getAttribute("data-id"), { timeout: READY_TIMEOUT }).toBe(mark.id);
    expectClean(handle);
  });

  it("lists the marks painted in the table under the chart", async () => {
    const { page, ...handle } = await visit();
    // Built when first opened: a closed table of painted marks is not made on the draw.
    expect(await page.getByTestId("timeline-table").count()).toBe(0);
    await page.locator(".aa-table-details > summary").first().click();
    // The rows come on the <details>' toggle event, a task after the click: wait for them.
    const table = page.getByTestId("timeline-table");
    await table.waitFor({ state: "visible", timeout: READY_TIMEOUT });
    const ids = await table
      .locator("tr[data-id]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id") ?? ""));
    expect(ids.sort()).toEqual(tables.commitments.map((c) => c.id as string).sort());
    expectClean(handle);
  });
});
