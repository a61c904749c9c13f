/**
 * Charts that travel, as a user meets them in headless Chromium: the Share
 * menu's SVG parses and holds the caption and as many marks as the page
 * draws; the PNG has the pixel size asked for; the CSV has as many rows as
 * the SQL count of the records; a copied link reopens the same view (filters,
 * controls, selection, zoom; the timeline's window and open commitment); and
 * hostile values in the URL are dropped with a notice, never run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { type NativeDataset, nativeDataset } from "../../devtools/native-duckdb.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { networkCounts } from "../../src/lib/sql/network-queries.js";
import { timelineLanes } from "../../src/lib/sql/timeline-queries.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
let db: NativeDataset;
beforeAll(async () => {
  db = await nativeDataset(join(ROOT, "data"));
}, 60_000);
afterAll(() => db?.close());

async function open(path: string): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}${path}`, { viewport: { width: 1400, height: 1000 } });
  site.open.push(handle);
  await waitReady(handle.page);
  return handle;
}

async function openNetwork(query: string): Promise<PageHandle> {
  const handle = await open(`/network${query}`);
  await handle.page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes]', {
    state: "attached",
    timeout: READY_TIMEOUT,
  });
  return handle;
}

/** Opens the Share menu and saves one of its downloads; returns the file's bytes. */
async function saveFrom(
  page: Page,
  testId: string,
  choices: { preset?: string; scale?: string } = {},
): Promise<Buffer> {
  await page
    .locator(".aa-share")
    .first()
    .evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
  if (choices.preset) await page.selectOption('[data-testid="share-preset"]', choices.preset);
  if (choices.scale) await page.selectOption('[data-testid="share-scale"]', choices.scale);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testId}"]`)]);
  const path = await download.path();
  if (!path) throw new Error(`no file for ${testId}`);
  return readFileSync(path);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function parsesAsSvg(page: Page, text: string): Promise<boolean> {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return doc.querySelector("parsererror") === null && doc.documentElement.localName === "svg";
  }, text);
}

async function shareLink(page: Page): Promise<string> {
  // Opened from script: the timeline's commitment panel may cover the button (a user closes it first).
  await page
    .locator(".aa-share")
    .first()
    .evaluate((d) => {
      (d as HTMLDetailsElement).open = false;
      (d as HTMLDetailsElement).open = true;
    });
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="share-link"]') as HTMLInputElement)?.value !== "",
  );
  return page.inputValue('[data-testid="share-link"]');
}

const tableText = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} tr`)].map((tr) => (tr.textContent ?? "").replace(/\s+/g, " ").trim()),
    selector,
  );

describe("network exports", () => {
  it("the SVG parses, carries the caption and has one mark per drawn node and link", async () => {
    const handle = await openNetwork("?sector=industry");
    const { page } = handle;
    const drawn = await page.evaluate(() => {
      const chart = document.querySelector(".aa-net") as HTMLElement;
      return { nodes: Number(chart.dataset.nodes), edges: Number(chart.dataset.edges) };
    });
    expect(drawn.nodes).toBeGreaterThan(5);
    for (const preset of ["screen", "slide", "print"]) {
      const svg = (await saveFrom(page, "share-svg", { preset })).toString("utf8");
      expect(await parsesAsSvg(page, svg)).toBe(true);
      expect(svg.match(/data-mark="node"/g)?.length).toBe(drawn.nodes);
      expect(svg.match(/data-mark="link"/g)?.length).toBe(drawn.edges);
      expect(svg).toContain("Filters: Sector: Industry &amp; machinery");
      expect(svg).toMatch(/Sources: [^<]+\(\d+\)/);
      expect(svg).toContain("Data as of");
      // Self-contained: no stylesheet, class or script to resolve elsewhere.
      expect(svg).not.toMatch(/<script|class="|<link|@import|url\(http/);
      if (preset === "print") expect(svg).toMatch(/width="297mm" height="210mm"/);
    }
    expectClean(handle);
  });

  it("the PNG has the requested pixel size, at 1× and 2×", async () => {
    const { page } = await openNetwork("?sector=industry");
    expect(pngSize(await saveFrom(page, "share-png", { preset: "slide", scale: "1" }))).toEqual({
      width: 1920,
      height: 1080,
    });
    expect(pngSize(await saveFrom(page, "share-png", { preset: "slide", scale: "2" }))).toEqual({
      width: 3840,
      height: 2160,
    });
    expect(pngSize(await saveFrom(page, "share-png", { preset: "print", scale: "1" }))).toEqual({
      width: 1754,
      height: 1240,
    });
    const screen = pngSize(await saveFrom(page, "share-png", { preset: "screen", scale: "2" }));
    const chartWidth = await page.evaluate(() => (document.querySelector(".aa-net") as HTMLElement).clientWidth);
    expect(screen.width).toBe(2 * (chartWidth + 32));
  });

  it("the CSV has one row per commitment the network draws, as the SQL count says, with source URLs", async () => {
    const { page } = await openNetwork("?sector=industry");

    const rows = csvParse((await saveFrom(page, "share-csv")).toString("utf8"));
    const [counts] = await db.query(networkCounts({ ...emptyFilters(), sector: ["industry"] }));
    expect(rows.length).toBe(counts.commitments);
    for (const row of rows) expect(row.source_url).toMatch(/^https?:\/\//);
  });
});

describe("links that restore the view", () => {
  it("network: filters, controls, selection and zoom survive a copied link", async () => {
    const first = await openNetwork("");
    const { page } = first;
    // Filter by the filter bar, as a user would.
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.check('.aa-filters input[name="sector"][value="industry"]');
    await page.waitForSelector('[data-testid="network-counts"]:has-text("Industry")', { timeout: READY_TIMEOUT });
    await page.selectOption(".aa-net-controls select", { label: "Partners" });
    await page.locator(".aa-net-search input").fill("MTW");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("select") !== null, null, {
      timeout: READY_TIMEOUT,
    });
    await page.waitForTimeout(700); // the select-and-zoom transition
    const selected = await page.evaluate(() => new URLSearchParams(location.search).get("select"));
    const link = await shareLink(page);
    expect(link).toContain("sector=industry");
    expect(link).toContain("size=degree");
    expect(link).toContain(`select=${selected}`);
    expect(link).toMatch(/zoom=-?[\d.]+%2C-?[\d.]+%2C[\d.]+/);
    await page.waitForSelector('[data-testid="communities"]', { timeout: READY_TIMEOUT });
    const before = await tableText(page, '[data-testid="network-nodes"]');
    const panel = (await page.textContent(".aa-net-side .card"))?.replace(/\s+/g, " ").trim();

    const second = await openPage(site.browser, link, { viewport: { width: 1400, height: 1000 } });
    site.open.push(second);
    await waitReady(second.page);
    await second.page.waitForFunction(
      (id) =>
        (document.querySelector(".aa-net-side .card")?.textContent ?? "").length > 0 &&
        document.querySelector(".aa-net")?.getAttribute("data-source") === "duckdb" &&
        new URLSearchParams(location.search).get("select") === id,
      selected,
      { timeout: READY_TIMEOUT },
    );
    await second.page.waitForFunction(
      () => !document.querySelector(".aa-net-side .card")?.textContent?.includes("Pick an institution"),
      null,
      { timeout: READY_TIMEOUT },
    );
    await second.page.waitForSelector('[data-testid="communities"]', { timeout: READY_TIMEOUT });
    expect(await tableText(second.page, '[data-testid="network-nodes"]')).toEqual(before);
    expect((await second.page.textContent(".aa-net-side .card"))?.replace(/\s+/g, " ").trim()).toBe(panel);
    expect(new URL(second.page.url()).searchParams.get("size")).toBe("degree");
    expect(await second.page.locator(".aa-net-controls select option:checked").textContent()).toBe("Partners");
    const zooms = await Promise.all(
      [page, second.page].map((p) =>
        p.evaluate(() => (document.querySelector(".aa-net") as HTMLElement & { getZoom(): unknown }).getZoom()),
      ),
    );
    const [a, b] = zooms as { x: number; y: number; k: number }[];
    expect(b.k).toBeCloseTo(a.k, 2);
    expect(b.x).toBeCloseTo(a.x, 0);
    expect(b.y).toBeCloseTo(a.y, 0);
    expectClean(first);
    expectClean(second);
  });

  it("timeline: the window and the open commitment survive a copied link; its CSV matches the SQL count", async () => {
    const first = await open("/timeline?sector=industry&window=2025-01-01..2025-12-31");
    const { page } = first;
    await page.waitForSelector(".aa-timeline-chart svg[data-marks]", { timeout: READY_TIMEOUT });
    const mark = page.locator(".aa-timeline-chart [data-id]").first();
    const id = await mark.getAttribute("data-id");
    await mark.click();
    await page.waitForFunction((want) => new URLSearchParams(location.search).get("select") === want, id, {
      timeout: READY_TIMEOUT,
    });
    await page.waitForFunction(
      () => !/^(Loading…|Commitment)$/.test(document.querySelector("#aa-panel-title")?.textContent ?? "Loading…"),
      null,
      { timeout: READY_TIMEOUT },
    );
    const heading = await page.textContent("#aa-panel-title");
    const link = await shareLink(page);
    expect(link).toContain("window=2025-01-01..2025-12-31");
    expect(link).toContain(`select=${id}`);
    const before = await tableText(page, ".aa-timeline-card .aa-table-details table");
    const marks = await page.locator(".aa-timeline-chart svg [data-id]").count();
    const svg = (await saveFrom(page, "share-svg", { preset: "slide" })).toString("utf8");
    expect(await parsesAsSvg(page, svg)).toBe(true);
    expect(svg.match(/ data-id="/g)?.length).toBe(marks);
    expect(svg).toContain("Filters: Sector: Industry &amp; machinery");
    expect(svg).toContain("from 1 Jan 2025 to 31 Dec 2025");

    const rows = csvParse((await saveFrom(page, "share-csv")).toString("utf8"));
    const lanes = await db.query(
      timelineLanes({ ...emptyFilters(), sector: ["industry"] }, { from: "2025-01-01", to: "2025-12-31" }),
    );
    expect(rows.length).toBe(lanes.reduce((sum, l) => sum + Number(l.n), 0));

    const second = await openPage(site.browser, link, { viewport: { width: 1400, height: 1000 } });
    site.open.push(second);
    await waitReady(second.page);
    await second.page.waitForFunction((h) => document.querySelector("#aa-panel-title")?.textContent === h, heading, {
      timeout: READY_TIMEOUT,
    });
    await second.page.waitForSelector(".aa-timeline-chart svg[data-marks]", { timeout: READY_TIMEOUT });
    expect(await tableText(second.page, ".aa-timeline-card .aa-table-details table")).toEqual(before);
    expectClean(first);
    expectClean(second);
  });
});

describe("hostile link state", () => {
  it("drops markup, huge and unknown values with a visible notice and runs nothing", async () => {
    const hostile = new URLSearchParams({
      show: "<script>window.__pwned=1</script>",
      size: "__proto__",
      zoom: "1e999,0,1",
      select: '"><img src=x onerror="window.__pwned=1">',
      colour: "x".repeat(10_000),
      sector: "<b>industry</b>",
    });
    const handle = await openNetwork(`?${hostile}`);
    const { page } = handle;
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const notice = (await page.textContent('[data-testid="link-notice"]')) ?? "";
    expect(notice).toContain("Ignored show");
    expect(notice).toContain("Ignored zoom");
    expect(notice).toContain("Ignored selection");
    expect(notice.length).toBeLessThan(1000);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await page.evaluate(() => (document.querySelector(".aa-net") as HTMLElement).dataset.nodes)).not.toBe("0");
    expect(dialogs).toBe(0);
    expectClean(handle);
  });
});
