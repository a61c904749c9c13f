/**
 * The timeline's density cells on canvas (src/components/timeline/
 * timeline-density-canvas.ts and timeline-density-canvas-input.ts) in
 * headless Chromium, on the built site of the bundled records at phone width
 * (where the chart shows density) with the renderer forced by ?renderer=canvas
 * (the records' few dozen cells are SVG by default): the cells painted are
 * the cells SVG draws (their number and counts, read from the layer's data
 * attributes, not pixels), none an element; the pointer over a cell shows its
 * tooltip and a click opens nothing (as on SVG cells); the keyboard reaches
 * the cells in one Tab stop, arrow keys, Home and End move the outline and
 * announce the cell, and axe finds nothing serious; the table of counts
 * lists the cells painted. Expected
 * counts come from the records (loadDataset over data/).
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { auditPage, describeFindings, isSerious } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { ROOT } from "../../devtools/project-paths.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import type { Row, Tables } from "../../src/lib/records/record-types.js";
import { paintedPixels } from "./canvas-pixels.js";
import { tabbableCount } from "./chart-keys.js";
import { useBuiltSite } from "./site.js";

const TODAY = "2026-11-27";
const READY_TIMEOUT = 60_000;
const CHART = '[data-chart="timeline"]';
const LAYER = `${CHART} .aa-density-canvas`;
const PHONE = { width: 390, height: 844 };

let tables: Tables<Row[]>;
const site = useBuiltSite();

beforeAll(() => {
  const dataset = loadDataset(join(ROOT, "data"));
  if (!dataset.tables) throw new Error("data/ is not valid");
  tables = dataset.tables;
});

async function visit(renderer = "canvas"): Promise<PageHandle> {
  const url = `${site.server.url}/timeline?today=${TODAY}&renderer=${renderer}`;
  const handle = await openPage(site.browser, url, { viewport: PHONE });
  site.open.push(handle);
  await handle.page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached", timeout: READY_TIMEOUT });
  await handle.page.waitForSelector(`${CHART}[data-mode="density"]`, { state: "attached", timeout: READY_TIMEOUT });
  return handle;
}

/** Where an outline (keyboard focus or hover over a cell) is on the screen, and its cell. */
async function outlineAt(page: Page, selector: string): Promise<{ cell: string | null; x: number; y: number }> {
  return page.locator(selector).evaluate((rect) => {
    const box = rect.getBoundingClientRect();
    return { cell: rect.getAttribute("data-cell"), x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
}

const tipText = (page: Page) => page.locator(".aa-timeline-chart .aa-tip strong").textContent();

describe("the timeline's density cells on canvas", () => {
  it("paints the cells SVG draws, their counts every commitment, none as an element", async () => {
    const svg = await visit("svg");
    const drawn = await svg.page.locator(`${CHART} [data-density]`).evaluateAll((cells) => ({
      cells: cells.length,
      n: cells.reduce((s, c) => s + Number(c.getAttribute("data-n")), 0),
    }));
    expectClean(svg);
    expect(drawn.n).toBe(tables.commitments.length);
    const { page, ...handle } = await visit();
    await page.locator(`${LAYER} canvas`).waitFor({ state: "attached", timeout: READY_TIMEOUT });
    expect(await page.locator(`${CHART} [data-density]`).count()).toBe(0);
    expect(Number(await page.locator(LAYER).getAttribute("data-cells-canvas"))).toBe(drawn.cells);
    expect(Number(await page.locator(LAYER).getAttribute("data-cells-n"))).toBe(tables.commitments.length);
    const painted = await paintedPixels(page.locator(`${LAYER} canvas`));
    expect(painted).toBeGreaterThan(100);
    expectClean(handle);
  });

  it("moves between cells with the keyboard in one Tab stop, announcing each", async () => {
    const { page, ...handle } = await visit();
    await page.locator(LAYER).focus();
    const now = page.getByTestId("timeline-cell-now");
    const first = await outlineAt(page, `${CHART} .aa-cell-focus`);
    expect(first.cell).not.toBeNull();
    await expect.poll(() => now.textContent()).toMatch(/ · .*, [\d,]+ commitments?, [\d,]+ done · [\d,]+ overdue$/);
    const firstWords = await now.textContent();
    await expect.poll(() => tipText(page)).toBe(firstWords?.split(", ")[0]);
    await page.keyboard.press("ArrowRight");
    const second = await outlineAt(page, `${CHART} .aa-cell-focus`);
    expect(second.cell).not.toBe(first.cell);
    expect(second.x).toBeGreaterThanOrEqual(first.x);
    await expect.poll(() => now.textContent()).not.toBe(firstWords);
    await page.keyboard.press("End");
    expect((await outlineAt(page, `${CHART} .aa-cell-focus`)).x).toBeGreaterThanOrEqual(second.x);
    await page.keyboard.press("Home");
    expect((await outlineAt(page, `${CHART} .aa-cell-focus`)).cell).toBe(first.cell);
    // Focus stays on the layer: the arrow keys did not scroll the page or leave the chart.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("aa-density-canvas"))).toBe(true);
    expectClean(handle);
  });

  it("shows a cell's tooltip under the pointer; a click opens nothing, as on SVG cells", async () => {
    const { page, ...handle } = await visit();
    // Where a cell is: the keyboard's outline shows one; then focus leaves and the tooltip goes.
    await page.locator(LAYER).focus();
    await page.keyboard.press("ArrowRight");
    const cell = await outlineAt(page, `${CHART} .aa-cell-focus`);
    const words = await tipText(page);
    await page.locator(LAYER).evaluate((layer) => (layer as SVGGElement).blur());
    const tip = page.locator(".aa-timeline-chart .aa-tip");
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(cell.x, cell.y);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tipText(page)).toBe(words);
    expect((await outlineAt(page, `${CHART} .aa-cell-hover`)).cell).toBe(cell.cell);
    await page.mouse.click(cell.x, cell.y);
    expect(await tipText(page)).toBe(words);
    expect(await page.getByTestId("commitment-panel").isVisible()).toBe(false);
    await page.mouse.move(2, 2);
    await expect.poll(() => tip.isVisible()).toBe(false);
    expectClean(handle);
  });

  it("is two Tab stops (lanes, cells), and axe finds nothing serious with a cell focused", async () => {
    const { page, ...handle } = await visit();
    expect(await tabbableCount(page, CHART)).toBe(2);
    await page.locator(LAYER).focus();
    await page.keyboard.press("ArrowDown");
    const found = (await auditPage(page, ".aa-timeline")).filter(isSerious);
    expect(found, describeFindings(found)).toEqual([]);
    expectClean(handle);
  });

  it("lists the cells painted in the table of counts, built when opened", async () => {
    const { page, ...handle } = await visit();
    const table = page.locator('.aa-timeline-card [data-testid="timeline-table"]');
    expect(await table.count()).toBe(0);
    await page.locator(".aa-timeline-card .aa-table-details > summary").click();
    await table.waitFor({ state: "visible", timeout: READY_TIMEOUT });
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")));
    expect(rows.length).toBe(Number(await page.locator(LAYER).getAttribute("data-cells-canvas")));
    expect(rows.reduce((s, r) => s + Number(r[2]), 0)).toBe(tables.commitments.length);
    // The cell the keyboard lands on first is a row of the table.
    await page.locator(LAYER).focus();
    const [lane, period] = ((await tipText(page)) ?? "").split(" · ");
    expect(rows.some((r) => r[0] === lane && r[1] === period)).toBe(true);
    expectClean(handle);
  });
});
