/**
 * The presentation page in headless Chromium against the built site: the
 * sample story, moved through with the keyboard (ArrowRight to the end, End,
 * Home, ArrowLeft) and the buttons; the counter, the address, the headline
 * and each slide's embed, which must draw the slide's view with its state
 * (its caption says the slide's filters in words, computed here from the
 * records, never read from the page), drawn for its frame (fit=frame,
 * type=slide: every node, mark, bar and table row inside, the caption on
 * screen, nothing scrolls, chart text ≥ 18 px as rendered, at 1920×1080 and
 * 1280×720). The theme toggle, the speaker note, back/forward, at most three
 * frames (the slide's, the next and the previous one's), and hostile
 * addresses. Slide 1's headline, filled in from placeholders at build time,
 * says the figures its embed draws.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { buildCaption } from "../../src/lib/model/caption.js";
import { describeFilters, type FilterLabels, isEmptyFilters } from "../../src/lib/model/filters.js";
import type { Slide, Story } from "../../src/lib/model/stories.js";
import { STATUS_META } from "../../src/lib/model/value-labels.js";
import { parseViewState, type ViewName } from "../../src/lib/model/view-state.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../src/lib/pipeline/story-files.js";
import { measureFrame } from "./frame-fit.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

const DATA = join(ROOT, "data");
const dataset = loadDataset(DATA);
if (!dataset.columns || !dataset.tables) throw new Error("data/ has errors");
const stories = loadStories(DATA, knownFromStores(dataset.columns)).stories;
const story = stories.find((s) => s.id === "pakistan-belarus") as Story;
if (!story) throw new Error("no sample story");
const COUNT = story.slides.length;
const { sectors, institutions } = dataset.tables;
const labels: FilterLabels = {
  sector: new Map(sectors.map((s) => [String(s.id), String(s.label)])),
  country: new Map(institutions.map((i) => [String(i.country), String(i.country_name)])),
  institution: new Map(institutions.map((i) => [String(i.id), String(i.acronym ?? i.name)])),
  status: new Map(Object.entries(STATUS_META).map(([id, m]) => [id, m.label])),
};
const SLIDE_TIMEOUT = 90_000;
const VIEWPORT = { width: 1920, height: 1080 };

/** What each view has drawn once its data are in. */
const DRAWN: Record<ViewName, string> = {
  network: '.aa-embed .aa-net[data-nodes][data-source="duckdb"]',
  timeline: '.aa-embed [data-chart="timeline"]',
  sectors: '.aa-embed [data-chart="commitments-by-sector"]',
  scorecards: '.aa-embed [data-testid="scorecard-sector"]',
};

/** What the caption must say about the slide's filters (the caption rule's first line, without the view's facts). */
function filtersInWords(slide: Slide): string {
  const { filters } = parseViewState(slide.view, slide.link);
  const words = isEmptyFilters(filters) ? "" : describeFilters(filters, labels);
  return buildCaption({ title: "", filters: words, sources: [], dataDate: null }).lines[0];
}

async function openDeck(query = `?story=${story.id}`): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/present${query}`, { viewport: VIEWPORT });
  site.open.push(handle);
  recordConsole(handle.page);
  await handle.page.waitForSelector(".aa-deck .aa-slide-frame", { state: "attached", timeout: READY_TIMEOUT });
  return handle;
}

function slideParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get("slide");
}

/** The frame of the slide shown (not the hidden next one). */
async function currentFrame(page: Page): Promise<{ frame: Frame; src: URL }> {
  const element = await page.waitForSelector("iframe.aa-slide-frame:not(.is-preload)", { state: "attached" });
  const frame = await element.contentFrame();
  if (!frame) throw new Error("the slide's iframe has no frame");
  return { frame, src: new URL((await element.getAttribute("src")) ?? "", page.url()) };
}

/** Checks everything the slide at 0-based `index` shows, down to the chart in its frame. */
async function expectSlide(page: Page, index: number, theme = story.theme): Promise<void> {
  const slide = story.slides[index];
  await expect
    .poll(() => page.locator(".aa-slide-counter").textContent(), { timeout: 10_000 })
    .toBe(`${index + 1} / ${COUNT}`);
  expect(slideParam(page)).toBe(String(index + 1));
  expect(await page.locator(".aa-slide-title").textContent()).toBe(slide.title);
  expect(await page.locator(".aa-slide").getAttribute("aria-label")).toBe(
    `Slide ${index + 1} of ${COUNT}: ${slide.title}`,
  );
  // At most the slide's frame and its neighbours'.
  expect(await page.locator("iframe.aa-slide-frame").count()).toBeLessThanOrEqual(3);

  const { frame, src } = await currentFrame(page);
  expect(src.pathname).toBe(`/embed/${slide.view}`);
  const expected = new URLSearchParams(slide.link);
  expected.set("theme", theme);
  expected.set("caption", slide.caption ? "on" : "off");
  expected.set("fit", "frame");
  expected.set("type", "slide");
  expect([...src.searchParams].sort()).toEqual([...expected].sort());

  await waitDrawn(frame, DRAWN[slide.view], `slide ${index + 1} (${slide.view})`);
  expect(await frame.locator(".aa-embed").getAttribute("data-theme")).toBe(theme);
  if (slide.caption) {
    const caption = frame.locator('[data-testid="embed-caption"]');
    await expect
      .poll(async () => (await caption.textContent()) ?? "", { timeout: 10_000 })
      .toContain(filtersInWords(slide));
  }
  // The embed's notices are empty: the page reads the slide's link as the story check did.
  expect(((await frame.locator(".aa-embed-notices").textContent()) ?? "").trim()).toBe("");
  // The selection in the link is drawn selected.
  const { select } = parseViewState(slide.view, slide.link).options;
  if (select) {
    const selected =
      slide.view === "network"
        ? `.aa-net-node.selected[data-id="${select}"]`
        : `[data-mark][data-id="${select}"].aa-selected`;
    await frame.waitForSelector(selected, { state: "attached", timeout: 10_000 });
  }
  // The frame fills the slide's view, unscaled: the embed draws itself for it.
  const box = await page.evaluate(() => {
    const frame = document.querySelector("iframe.aa-slide-frame:not(.is-preload)") as HTMLIFrameElement;
    // The view's box inside its border (its top rule), where the frame sits.
    const view = document.querySelector(".aa-slide-view") as HTMLElement;
    const r = frame.getBoundingClientRect();
    return {
      width: r.width,
      height: r.height,
      viewWidth: view.clientWidth,
      viewHeight: view.clientHeight,
      layout: frame.clientWidth,
    };
  });
  expect(Math.abs(box.width - box.viewWidth)).toBeLessThanOrEqual(1);
  expect(Math.abs(box.height - box.viewHeight)).toBeLessThanOrEqual(1);
  expect(Math.abs(box.layout - box.width)).toBeLessThanOrEqual(1);
}

/**
 * Waits for a slide's chart; when it does not come, fails with what the
 * frame was doing (its database status, performance marks, text, console
 * messages and workers) so a failure under load can be understood.
 */
async function waitDrawn(frame: Frame, selector: string, what: string): Promise<void> {
  try {
    await frame.waitForSelector(selector, { state: "attached", timeout: SLIDE_TIMEOUT });
  } catch (error) {
    const state = await frame
      .evaluate(() => {
        const hooks = (globalThis as { __accordAtlas?: { status?: () => unknown } }).__accordAtlas;
        return {
          url: location.href,
          status: hooks?.status?.() ?? "no database hooks",
          marks: performance.getEntriesByType("mark").map((m) => `${m.name}@${Math.round(m.startTime)}`),
          text: (document.body?.textContent ?? "").replace(/\s+/g, " ").slice(0, 400),
        };
      })
      .catch((e: Error) => `the frame could not be read: ${e.message}`);
    const page = frame.page();
    const messages = consoleOf.get(page) ?? [];
    const workers = page.workers().map((w) => w.url());
    throw new Error(
      `${what}: ${selector} not drawn within ${SLIDE_TIMEOUT} ms\n` +
        `frame: ${JSON.stringify(state, null, 1)}\n` +
        `workers: ${JSON.stringify(workers)}\n` +
        `console (last 30):\n${messages.slice(-30).join("\n")}`,
      { cause: error },
    );
  }
}

/** Every console message of each deck page, for waitDrawn's failure. */
const consoleOf = new WeakMap<Page, string[]>();

function recordConsole(page: Page): void {
  const messages: string[] = [];
  consoleOf.set(page, messages);
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()} (${m.location().url})`));
}

/** Waits for the next slide's frame, loaded hidden, and marks it so the test can tell it is the one shown next. */
async function markPreloaded(page: Page, index: number): Promise<void> {
  const next = story.slides[index + 1];
  const preload = page.locator(`iframe.aa-slide-frame.is-preload[data-slide="${index + 2}"]`);
  await expect.poll(() => preload.count(), { timeout: SLIDE_TIMEOUT }).toBe(1);
  expect(await preload.getAttribute("aria-hidden")).toBe("true");
  expect(new URL((await preload.getAttribute("src")) ?? "", page.url()).pathname).toBe(`/embed/${next.view}`);
  expect(await preload.evaluate((el) => getComputedStyle(el).visibility)).toBe("hidden");
  await preload.evaluate((el) => {
    (el as HTMLElement).dataset.marker = "preloaded";
  });
}

describe("/present with the sample story", () => {
  it(
    "moves through every slide with the keyboard, each showing its view with the state given",
    async () => {
      const handle = await openDeck();
      const { page } = handle;
      await expectSlide(page, 0);
      for (let i = 1; i < COUNT; i++) {
        await markPreloaded(page, i - 1);
        await page.keyboard.press("ArrowRight");
        // The frame loaded hidden is the one shown: moving forward loads nothing new.
        expect(await page.locator("iframe.aa-slide-frame:not(.is-preload)").getAttribute("data-marker")).toBe(
          "preloaded",
        );
        await expectSlide(page, i);
      }
      // The last slide keeps only the previous slide's frame besides its own.
      expect(await page.locator("iframe.aa-slide-frame").count()).toBe(2);
      expect(await page.locator("iframe.aa-slide-frame.is-preload").getAttribute("data-slide")).toBe(String(COUNT - 1));
      // Going back shows that frame, already loaded: moving back loads nothing new either.
      await page.locator("iframe.aa-slide-frame.is-preload").evaluate((el) => {
        (el as HTMLElement).dataset.marker = "kept";
      });
      await page.keyboard.press("ArrowLeft");
      expect(await page.locator("iframe.aa-slide-frame:not(.is-preload)").getAttribute("data-marker")).toBe("kept");
      await expectSlide(page, COUNT - 2);
      await page.keyboard.press("ArrowRight");
      // Past the last slide nothing moves.
      await page.keyboard.press("ArrowRight");
      expect(slideParam(page)).toBe(String(COUNT));
      await page.keyboard.press("Home");
      await expectSlide(page, 0);
      await page.keyboard.press("End");
      await expectSlide(page, COUNT - 1);
      await page.keyboard.press("ArrowLeft");
      await expectSlide(page, COUNT - 2);
      await page.keyboard.press("PageUp");
      await expectSlide(page, COUNT - 3);
      await page.keyboard.press("PageDown");
      await page.keyboard.press(" ");
      await expectSlide(page, COUNT - 1);
      expectClean(handle);
    },
    COUNT * 2 * SLIDE_TIMEOUT,
  );

  it(
    "reopens at the slide in the address; back and forward move between slides; the buttons move too",
    async () => {
      const handle = await openDeck(`?story=${story.id}&slide=3`);
      const { page } = handle;
      await expectSlide(page, 2);
      await page.getByRole("button", { name: "Next →" }).click();
      await expectSlide(page, 3);
      await page.getByRole("button", { name: "← Previous" }).click();
      await page.getByRole("button", { name: "← Previous" }).click();
      await expectSlide(page, 1);
      await page.goBack();
      await expectSlide(page, 2);
      await page.goBack();
      await expectSlide(page, 3);
      await page.goForward();
      await expectSlide(page, 2);
      expectClean(handle);
    },
    6 * SLIDE_TIMEOUT,
  );

  it(
    "switches the theme with T and the button: the deck, the address and the frame's theme parameter",
    async () => {
      const handle = await openDeck(`?story=${story.id}&slide=2`);
      const { page } = handle;
      await expectSlide(page, 1, "light");
      await page.keyboard.press("t");
      expect(await page.locator(".aa-deck").getAttribute("data-theme")).toBe("dark");
      expect(new URL(page.url()).searchParams.get("theme")).toBe("dark");
      await expectSlide(page, 1, "dark");
      // The next slide's frame, loaded hidden, is in the new theme too.
      await page.keyboard.press("ArrowRight");
      await expectSlide(page, 2, "dark");
      await page.getByRole("button", { name: "Light theme" }).click();
      expect(await page.locator(".aa-deck").getAttribute("data-theme")).toBe("light");
      expect(new URL(page.url()).searchParams.get("theme")).toBeNull();
      await expectSlide(page, 2, "light");
      expectClean(handle);
    },
    5 * SLIDE_TIMEOUT,
  );

  it("shows and hides the speaker note with N, and the note follows the slide", async () => {
    const handle = await openDeck();
    const { page } = handle;
    const note = page.locator(".aa-slide-note");
    await expect.poll(() => note.isVisible()).toBe(false);
    await page.keyboard.press("n");
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.locator("p").textContent()).toBe(story.slides[0].note);
    expect(await page.getByRole("button", { name: "Hide note" }).getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowRight");
    expect(await note.locator("p").textContent()).toBe(story.slides[1].note);
    await page.keyboard.press("N");
    await expect.poll(() => note.isVisible()).toBe(false);
  });

  it("keeps keyboard focus visible on the controls", async () => {
    const handle = await openDeck();
    const { page } = handle;
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      if (!active || active === document.body) return null;
      const style = getComputedStyle(active);
      return { tag: active.tagName, style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline).not.toBeNull();
    expect(outline?.style).not.toBe("none");
    expect(outline?.width).toBeGreaterThanOrEqual(2);
  });

  it(
    "says in slide 1's headline the figures its network embed draws: named institutions and commitments",
    async () => {
      // The story file writes placeholders; the build filled them in (src/lib/model/story-figures.ts).
      expect(readFileSync(join(DATA, "stories", `${story.id}.yaml`), "utf8")).toMatch(
        /title: Who is bound\? \{institutions\} institutions, \{commitments\} commitments/,
      );
      const handle = await openDeck(`?story=${story.id}&slide=1`);
      const { page } = handle;
      const { frame } = await currentFrame(page);
      await waitDrawn(frame, DRAWN.network, "slide 1 (network)");
      const headline = (await page.locator(".aa-slide-title").textContent()) ?? "";
      const [, institutionsSaid, commitmentsSaid] = /^Who is bound\? ([\d,]+) institutions, ([\d,]+) commitments$/.exec(
        headline,
      ) ?? ["", "", ""];
      const number = (text: string) => Number(text.replace(/,/g, ""));
      // The nodes the embed draws, told apart as the caption counts them: generic mentions apart.
      const drawn = await frame.evaluate(() =>
        [...document.querySelectorAll(".aa-net-svg .aa-net-node")]
          .filter((g) => !g.classList.contains("aa-exit"))
          .map((g) => g.getAttribute("data-id") ?? ""),
      );
      expect(drawn.length).toBe(Number(await frame.getAttribute(".aa-net", "data-nodes")));
      const generic = new Set(
        dataset.tables?.institutions.filter((i) => i.naming === "generic").map((i) => String(i.id)),
      );
      expect(number(institutionsSaid), headline).toBe(drawn.filter((id) => !generic.has(id)).length);
      // The commitments the embed's caption counts (the network's SQL count).
      const caption = (await frame.locator('[data-testid="embed-caption"]').textContent()) ?? "";
      const counted = /([\d,]+) commitments/.exec(caption)?.[1] ?? "";
      expect(number(commitmentsSaid), caption).toBe(number(counted));
      expect(number(commitmentsSaid)).toBeGreaterThan(0);
      expectClean(handle);
    },
    2 * SLIDE_TIMEOUT,
  );

  for (const viewport of [VIEWPORT, { width: 1280, height: 720 }]) {
    it(
      `draws every slide for its frame at ${viewport.width}×${viewport.height}: inside it, captioned, unscrolled, chart text ≥ 18 px`,
      async () => {
        const handle = await openPage(site.browser, `${site.server.url}/present?story=${story.id}`, { viewport });
        site.open.push(handle);
        const { page } = handle;
        recordConsole(page);
        for (let i = 0; i < COUNT; i++) {
          const slide = story.slides[i];
          await expect
            .poll(() => page.locator(".aa-slide-counter").textContent(), { timeout: 10_000 })
            .toBe(`${i + 1} / ${COUNT}`);
          const drawn = DRAWN[slide.view];
          {
            const iframe = await page.waitForSelector("iframe.aa-slide-frame:not(.is-preload)", { state: "attached" });
            const frame = await iframe.contentFrame();
            if (!frame) throw new Error(`slide ${i + 1}'s iframe has no frame`);
            await waitDrawn(frame, drawn, `slide ${i + 1} (${slide.view})`);
            // A network slide whose link sets a zoom shows part of the drawing on purpose: its
            // selection must be inside the frame, the rest may be cut at the edge.
            const { options } = parseViewState(slide.view, slide.link);
            const zoomed = "zoom" in options && options.zoom !== null;
            const where = `slide ${i + 1} (${slide.view})`;
            if (!zoomed) {
              await expect.poll(async () => (await measureFrame(iframe)).outside.length, { timeout: 15_000 }).toBe(0);
            } else if (options.select) {
              const selected = await frame?.waitForSelector(`.aa-net-node.selected[data-id="${options.select}"]`);
              const inside = await selected?.evaluate((el) => {
                const r = el.getBoundingClientRect();
                return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
              });
              expect(inside, `${where}: the selected node inside the frame`).toBe(true);
            }
            const fit = await measureFrame(iframe);
            expect(fit.marks, where).toBeGreaterThan(0);
            expect(fit.scroll.height, where).toBeLessThanOrEqual(fit.scroll.clientHeight);
            expect(fit.scroll.width, where).toBeLessThanOrEqual(fit.scroll.clientWidth);
            if (slide.caption) {
              expect(fit.caption?.text, where).toContain("Sources:");
              expect(fit.caption?.bottom ?? Number.POSITIVE_INFINITY, where).toBeLessThanOrEqual(fit.viewport.height);
              expect(fit.smallestCaption, where).toBeGreaterThanOrEqual(14);
            }
            expect(fit.smallestText.px, `${where}: ${JSON.stringify(fit.smallestText)}`).toBeGreaterThanOrEqual(18);
            // The chart takes at least three quarters of the stage's width or height.
            const stage = await page.evaluate(() => {
              const r = (document.querySelector(".aa-stage") as HTMLElement).getBoundingClientRect();
              return { width: r.width, height: r.height };
            });
            expect(
              Math.max(fit.chart.width / stage.width, fit.chart.height / stage.height),
              where,
            ).toBeGreaterThanOrEqual(0.75);
          }
          if (i + 1 < COUNT) await page.keyboard.press("ArrowRight");
        }
        expectClean(handle);
      },
      COUNT * SLIDE_TIMEOUT,
    );
  }

  it("sets the slide title at 40px or more on a 1920×1080 screen, and the stage fills it at 16:9", async () => {
    const handle = await openDeck();
    const { page } = handle;
    const size = await page.evaluate(() => {
      const title = document.querySelector(".aa-slide-title") as HTMLElement;
      const stage = (document.querySelector(".aa-stage") as HTMLElement).getBoundingClientRect();
      return { font: Number.parseFloat(getComputedStyle(title).fontSize), width: stage.width, height: stage.height };
    });
    expect(size.font).toBeGreaterThanOrEqual(40);
    expect(size.width).toBe(1920);
    expect(size.height).toBe(1080);
    await page.setViewportSize({ width: 1600, height: 1200 });
    const letterboxed = await page.evaluate(() => {
      const r = (document.querySelector(".aa-stage") as HTMLElement).getBoundingClientRect();
      return { width: r.width, height: r.height, top: r.top };
    });
    expect(letterboxed).toEqual({ width: 1600, height: 900, top: 150 });
  });
});

describe("/present with a bad address", () => {
  it("lists the stories, each with its title, description and slide count, linking to it", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/present`, { viewport: VIEWPORT });
    site.open.push(handle);
    const { page } = handle;
    await page.waitForSelector(".aa-story-list", { state: "attached", timeout: READY_TIMEOUT });
    const items = await page.locator(".aa-story-list li").evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute("data-story"),
        href: li.querySelector("a")?.getAttribute("href"),
        text: li.textContent,
      })),
    );
    expect(items.map((i) => i.id)).toEqual(stories.map((s) => s.id));
    const item = items.find((i) => i.id === story.id);
    expect(item?.href).toBe(`?story=${story.id}`);
    expect(item?.text).toContain(story.title);
    expect(item?.text).toContain(story.description ?? "");
    expect(item?.text).toContain(`${COUNT} slides`);
    expect(await page.locator('[role="status"]:visible').count()).toBe(0);
    expectClean(handle);
  });

  it("shows a notice for a hostile story, runs nothing and adds no markup", async () => {
    const hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const handle = await openPage(
      site.browser,
      `${site.server.url}/present?${new URLSearchParams({ story: hostile })}`,
      { viewport: VIEWPORT },
    );
    site.open.push(handle);
    const { page } = handle;
    const notice = page.locator('.aa-stories [role="status"]');
    await notice.waitFor({ state: "visible", timeout: READY_TIMEOUT });
    expect(await notice.textContent()).toBe("The link names a story that is not a story id; choose one below.");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.locator(".aa-deck").count()).toBe(0);
    expectClean(handle);
  });

  it("names an unknown story, and falls back to slide 1 of a known one with a notice", async () => {
    const unknown = await openPage(site.browser, `${site.server.url}/present?story=no-such-story`, {
      viewport: VIEWPORT,
    });
    site.open.push(unknown);
    const notice = unknown.page.locator('.aa-stories [role="status"]');
    await notice.waitFor({ state: "visible", timeout: READY_TIMEOUT });
    expect(await notice.textContent()).toBe("There is no story “no-such-story”; choose one below.");

    const handle = await openDeck(`?story=${story.id}&slide=%3Cb%3E9%3C%2Fb%3E`);
    const { page } = handle;
    const slideNotice = page.locator('.aa-deck [role="status"].aa-notice');
    await slideNotice.waitFor({ state: "visible" });
    expect(await slideNotice.textContent()).toBe("The slide in the link is not a number. Showing slide 1.");
    // The address is corrected to the slide shown.
    expect(slideParam(page)).toBe("1");
    expect(await page.locator(".aa-slide-counter").textContent()).toBe(`1 / ${COUNT}`);
  });
});
