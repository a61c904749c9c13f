/**
 * WCAG 2.1 AA as a checker and a keyboard user meet the built site (issue
 * #15, docs/accessibility.md): axe-core on every page, embed and story slide
 * at 1920×1080, light and dark, with no serious or critical finding and none
 * of the moderate ones the audit named; the page shell (language, zoom, skip
 * link); the filter bar's "Find" boxes hiding what they filter out. The
 * keyboard paths through the charts are tested with each chart
 * (network.test.ts, timeline.test.ts).
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { auditPage, describeFindings, isSerious } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { embedSrc } from "../../src/lib/model/present.js";
import type { Story } from "../../src/lib/model/stories.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../src/lib/pipeline/story-files.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
const VIEWPORT = { width: 1920, height: 1080 };

const DATA = join(ROOT, "data");
const dataset = loadDataset(DATA);
if (!dataset.columns) throw new Error("data/ has errors");
const story = loadStories(DATA, knownFromStores(dataset.columns)).stories.find(
  (s) => s.id === "pakistan-belarus",
) as Story;
if (!story) throw new Error("no sample story");

/** The moderate findings the audit of issue #15 named: refused as the serious ones are. */
const NAMED_MODERATE = new Set(["meta-viewport", "landmark-unique", "list", "page-has-heading-one", "heading-order"]);

/** How a page says it has drawn what it shows. */
type Ready = "engine" | "embed" | "deck" | "presenter" | "handout";

/** Every page, and every slide of the sample story as its embed, in a colour scheme (the slides' theme follows it). */
function pagesIn(theme: "light" | "dark"): [string, Ready][] {
  return [
    ["/", "engine"],
    ["/network", "engine"],
    ["/timeline", "engine"],
    ["/sql", "engine"],
    ["/data", "engine"],
    [`/present?story=${story.id}`, "deck"],
    [`/present?story=${story.id}&slide=2&presenter`, "presenter"],
    [`/present?story=${story.id}&handout`, "handout"],
    ...story.slides.map((slide): [string, Ready] => [`/${embedSrc(slide, theme, "embed/")}`, "embed"]),
  ];
}

async function waitDrawn(page: Page, ready: Ready): Promise<void> {
  if (ready === "engine") await waitReady(page);
  if (ready === "deck") {
    await page.waitForSelector(".aa-deck iframe.aa-slide-frame", { state: "attached", timeout: READY_TIMEOUT });
  }
  if (ready === "presenter") {
    await page.waitForSelector(".aa-presenter iframe.aa-presenter-frame", {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
  }
  if (ready === "handout") {
    await page.waitForFunction(() => document.documentElement.dataset.handoutReady, null, { timeout: READY_TIMEOUT });
  }
  if (ready === "embed") {
    await page.waitForSelector(".aa-embed .aa-embed-chart :is(svg, canvas, table)", {
      timeout: READY_TIMEOUT,
    });
  }
}

describe("axe-core finds nothing serious", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [path, ready] of pagesIn(colorScheme)) {
      it(`on ${path} (${colorScheme})`, async () => {
        const handle = await openPage(site.browser, `${site.server.url}${path}`, {
          viewport: VIEWPORT,
          beforeGoto: (page) => page.emulateMedia({ colorScheme }),
        });
        site.open.push(handle);
        await waitDrawn(handle.page, ready);
        const findings = await auditPage(handle.page);
        const refused = findings.filter((f) => isSerious(f) || NAMED_MODERATE.has(f.rule));
        expect(refused, describeFindings(refused)).toEqual([]);
        expectClean(handle);
        await handle.close();
      });
    }
  }
});

describe("the page shell", () => {
  it("says its language, lets the reader zoom, and offers a skip link as the first Tab stop", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/network`, { viewport: VIEWPORT });
    site.open.push(handle);
    const { page } = handle;
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getAttribute('meta[name="viewport"]', "content")).not.toMatch(/maximum-scale|user-scalable/);
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Skip to main content");
    const box = await page.locator(".aa-skip-link").boundingBox();
    expect(box && box.y >= 0 && box.height > 0, "the focused skip link is on screen").toBe(true);
    await page.keyboard.press("Enter");
    // The document's own location: page.url() is playwright's copy, updated by an event that can arrive later.
    await expect.poll(() => page.evaluate("location.hash")).toBe("#observablehq-main");
    expect(await page.getAttribute("#observablehq-sidebar", "aria-label")).toBe("Pages");
    await handle.close();
  });
});

describe("the filter bar", () => {
  it("hides the choices a Find box filters out, from sight and from the Tab order", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/`, { viewport: VIEWPORT });
    site.open.push(handle);
    const { page } = handle;
    await page.click('details[data-filter="sector"] summary');
    const labels = page.locator('details[data-filter="sector"] .aa-filter-panel label');
    const all = await labels.count();
    const search = page.locator('details[data-filter="sector"] input[type="search"]');
    await search.fill("agri");
    const texts = await labels.allTextContents();
    const matching = texts.filter((t) => t.toLowerCase().includes("agri"));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(all);
    await expect
      .poll(() => page.locator('details[data-filter="sector"] .aa-filter-panel label:visible').count())
      .toBe(matching.length);
    await search.focus();
    await page.keyboard.press("Tab");
    const focused = (await page.evaluate(
      "document.activeElement.closest('label') ? document.activeElement.closest('label').textContent : ''",
    )) as string;
    expect(focused.toLowerCase()).toContain("agri");
    await handle.close();
  });

  it("keeps the focus on Clear filters once it has cleared them (no fall to <body>)", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/?sector=industry`, { viewport: VIEWPORT });
    site.open.push(handle);
    const { page } = handle;
    const clear = page.locator(".aa-filters button", { hasText: "Clear filters" });
    expect(await clear.getAttribute("aria-disabled")).toBe("false");
    await clear.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => clear.getAttribute("aria-disabled")).toBe("true");
    await expect.poll(() => page.evaluate("new URLSearchParams(location.search).get('sector')")).toBeNull();
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Clear filters");
    await handle.close();
  });
});
