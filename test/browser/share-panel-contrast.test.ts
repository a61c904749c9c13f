/**
 * Two open items from the embed work, in headless Chromium on the built site:
 * with a commitment's panel open on /timeline, the chart's Share button moves
 * left of the panel, its menu is on top (its button and every item the topmost
 * element at its centre) and works, and the button goes back when the panel
 * closes; on a phone the open panel is over Framework's sidebar toggle; and the
 * dark timeline embed's text, its red included (the status line's error),
 * reads at WCAG AA 4.5:1, by axe-core's colour-contrast rule and by our own
 * computation over every HTML and SVG text, in the dark and the light theme.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { auditPage, describeFindings } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { readStory } from "../../src/lib/model/stories.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

/** Ids of the Share panel's controls that are not the topmost element at their centre. */
function coveredItems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const items = [
      document.querySelector(".aa-share > summary"),
      ...document.querySelectorAll(".aa-share-panel button, .aa-share-panel select, .aa-share-panel input"),
    ] as HTMLElement[];
    return items
      .filter((item) => {
        const r = item.getBoundingClientRect();
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !(top && (top === item || item.contains(top)));
      })
      .map((item) => item.dataset.testid ?? item.getAttribute("aria-label") ?? item.tagName);
  });
}

describe("the Share menu over the commitment panel", () => {
  it("with a commitment open, Share opens on top, every item is the topmost element, and its slide keeps the selection", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/timeline?sector=industry`, {
      viewport: { width: 1400, height: 1000 },
    });
    site.open.push(handle);
    const { page } = handle;
    await waitReady(page);
    await page.waitForSelector(".aa-timeline-chart svg[data-marks]", { timeout: READY_TIMEOUT });
    const mark = page.locator(".aa-timeline-chart [data-id]").first();
    const id = await mark.getAttribute("data-id");
    await mark.click();
    await page.waitForSelector('[data-testid="commitment-panel"]:not([hidden])');
    // The panel covers the right of the page, where the card's Share button was: the
    // button moves left of it (src/lib/timeline/panel-clearance.ts), covering none of its text.
    const boxes = () =>
      page.evaluate(() => {
        const panel = (
          document.querySelector('[data-testid="commitment-panel"]') as HTMLElement
        ).getBoundingClientRect();
        const share = (document.querySelector(".aa-share > summary") as HTMLElement).getBoundingClientRect();
        return { panelLeft: panel.left, shareLeft: share.left, shareRight: share.right };
      });
    await page.waitForFunction(() => {
      const panel = (document.querySelector('[data-testid="commitment-panel"]') as HTMLElement).getBoundingClientRect();
      return (document.querySelector(".aa-share > summary") as HTMLElement).getBoundingClientRect().right < panel.left;
    });
    const open = await boxes();
    expect(open.shareRight).toBeLessThan(open.panelLeft);
    await page.click(".aa-share > summary");
    await page.waitForSelector(".aa-share[open] .aa-share-panel", { state: "visible" });
    expect(await coveredItems(page)).toEqual([]);
    // Usable: a real click (hit-tested by playwright) on an item does its work.
    await page.click('[data-testid="share-story-add"]');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="share-story-yaml"]') as HTMLTextAreaElement).value !== "",
    );
    const yaml = await page.inputValue('[data-testid="share-story-yaml"]');
    const story = readStory(`title: T\nslides:\n${yaml}`, "stories/t.yaml", "t");
    expect(story.problems).toEqual([]);
    expect(story.story?.slides[0].link).toBe(`?sector=industry&select=${id}`);
    // Closed, the panel gives the button its place back at the card's right.
    await page.click(".aa-share > summary"); // the menu closed first
    await page.click(".aa-panel-close");
    await page.waitForSelector('[data-testid="commitment-panel"]', { state: "hidden" });
    await page.waitForFunction((left) => {
      const share = document.querySelector(".aa-share > summary") as HTMLElement;
      return share.getBoundingClientRect().left > left && share.parentElement?.style.marginRight === "";
    }, open.shareLeft);
    // Beside the panel, Framework's sidebar toggle (the window's left edge) stays.
    expect(await page.isVisible("#observablehq-sidebar-toggle")).toBe(true);
    expectClean(handle);
  });

  it("on a phone the open panel is topmost down its whole left edge, over Framework's sidebar toggle; closed, the toggle is back", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/timeline?sector=industry`, {
      viewport: { width: 390, height: 844 },
    });
    site.open.push(handle);
    const { page } = handle;
    await waitReady(page);
    expect(await page.isVisible("#observablehq-sidebar-toggle")).toBe(true);
    // At this width the chart shows density: the panel opens from the first commitment listed.
    await page.locator("[data-open]:visible").first().click();
    await page.waitForSelector('[data-testid="commitment-panel"]:not([hidden])');
    /** Points down the window's left 2rem (the toggle's strip) whose topmost element is not in the panel. */
    const uncovered = () =>
      page.evaluate(() => {
        const panel = document.querySelector('[data-testid="commitment-panel"]') as HTMLElement;
        const misses: string[] = [];
        for (let y = 20; y < window.innerHeight; y += 40)
          for (const x of [2, 16, 30]) {
            const top = document.elementFromPoint(x, y);
            if (!panel.contains(top)) misses.push(`${x},${y}: ${top?.id || top?.tagName}`);
          }
        return misses;
      });
    expect(await uncovered()).toEqual([]);
    await page.click(".aa-panel-close");
    await page.waitForSelector('[data-testid="commitment-panel"]', { state: "hidden" });
    expect(await page.isVisible("#observablehq-sidebar-toggle")).toBe(true);
    expectClean(handle);
  });
});

/**
 * Every visible text of the page (HTML and SVG, tooltips' <title> aside) whose
 * colour is under 4.5:1 against the first opaque background behind it, as
 * "ratio text". Colours are read as the browser computes them (color-mix
 * too), through a canvas.
 */
function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const paint = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    const rgba = (css: string) => {
      paint.clearRect(0, 0, 1, 1);
      paint.fillStyle = css;
      paint.fillRect(0, 0, 1, 1);
      return [...paint.getImageData(0, 0, 1, 1).data];
    };
    const luminance = (css: string) => {
      const [r, g, b] = rgba(css)
        .slice(0, 3)
        .map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const backgroundOf = (start: Element | null) => {
      for (let e = start; e; e = e.parentElement) {
        const colour = getComputedStyle(e).backgroundColor;
        if (rgba(colour)[3] === 255 && !/rgba\(0, 0, 0, 0\)|transparent/.test(colour)) return colour;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    const low: string[] = [];
    for (const e of document.querySelectorAll("body *")) {
      if (e.tagName === "title" || e.tagName === "desc" || e.closest("[hidden]")) continue;
      const text = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const style = getComputedStyle(e);
      if (!text || style.display === "none" || style.visibility === "hidden") continue;
      const svg = e instanceof SVGElement;
      const a = luminance(svg ? style.fill : style.color);
      const b = luminance(backgroundOf(svg ? (e.closest("svg")?.parentElement ?? null) : e));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) low.push(`${ratio.toFixed(2)} ${(e.textContent ?? "").trim().slice(0, 40)}`);
    }
    return low;
  });
}

/** The sample story's timeline slide: overdue marks, the today rule, four lanes. */
const SLIDE = "sector=agriculture&sector=industry&sector=political&sector=trade&window=2015-01-01..2026-12-31";

describe("the dark timeline embed's text contrast", () => {
  for (const theme of ["dark", "light"] as const) {
    it(`${theme}: every text, the red error line and the table included, reads at 4.5:1; axe agrees`, async () => {
      const handle = await openPage(site.browser, `${site.server.url}/embed/timeline?theme=${theme}&${SLIDE}`, {
        viewport: { width: 1000, height: 800 },
      });
      site.open.push(handle);
      const { page } = handle;
      await page.waitForSelector(".aa-embed .aa-embed-chart svg", { timeout: READY_TIMEOUT });
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
        // The state a failed table load leaves the status line in (db-status.ts): its only red text.
        const line = document.querySelector(".aa-status") as HTMLElement;
        line.dataset.state = "error";
        (line.querySelector(".aa-status-text") as HTMLElement).textContent = "Could not load the tables.";
      });
      await page.waitForSelector('.aa-status[data-state="error"]', { state: "visible" });
      expect(await lowContrastTexts(page)).toEqual([]);
      const contrast = (await auditPage(page)).filter((f) => f.rule === "color-contrast");
      expect(contrast, describeFindings(contrast)).toEqual([]);
      // The check sees red text: the same line in the plain error red fails it on the dark background.
      if (theme === "dark") {
        await page.evaluate(() => {
          (document.querySelector(".aa-status-text") as HTMLElement).style.color = "#c0392b";
        });
        expect(await lowContrastTexts(page)).toEqual([expect.stringMatching(/^3\.\d+ Could not load the tables\.$/)]);
      }
      expectClean(handle);
    });
  }
});
