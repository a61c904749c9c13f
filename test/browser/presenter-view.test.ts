/**
 * The presenter view against the built site, with the deck in the same
 * browser context (as two windows of one browser): P opens it at the deck's
 * slide; it shows the slide, the next one (its headline and its embed), the
 * note and a running clock; moving in either window moves the other, with
 * the deck's keys; the previous slide's frame is kept for going back;
 * messages of another story are not followed; and each window keeps working
 * when the other closes.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { presenterChannel } from "../../src/lib/model/presenter-sync.js";
import type { Story } from "../../src/lib/model/stories.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../src/lib/pipeline/story-files.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

const DATA = join(ROOT, "data");
const dataset = loadDataset(DATA);
if (!dataset.columns) throw new Error("data/ has errors");
const story = loadStories(DATA, knownFromStores(dataset.columns)).stories.find(
  (s) => s.id === "pakistan-belarus",
) as Story;
if (!story) throw new Error("no sample story");
const COUNT = story.slides.length;
const TIMEOUT = 15_000;

async function openDeck(slide: number): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/present?story=${story.id}&slide=${slide}`, {
    viewport: { width: 1280, height: 720 },
  });
  site.open.push(handle);
  await handle.page.waitForSelector(".aa-deck .aa-deck-presenter", { timeout: READY_TIMEOUT });
  return handle;
}

/** Opens the presenter view from the deck with P; its console errors are collected in `errors`. */
async function openPresenter(deck: Page, errors: string[]): Promise<Page> {
  const popup = deck.context().waitForEvent("page");
  await deck.locator(".aa-slide-title").click();
  await deck.keyboard.press("p");
  const presenter = await popup;
  presenter.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  presenter.on("pageerror", (e) => errors.push(e.message));
  await presenter.setViewportSize({ width: 1280, height: 800 });
  await presenter.waitForSelector(".aa-presenter", { timeout: READY_TIMEOUT });
  return presenter;
}

/** The slide (1-based) the deck shows, from its counter and its address. */
async function expectDeckAt(deck: Page, n: number): Promise<void> {
  await expect
    .poll(() => deck.locator(".aa-slide-counter").textContent(), { timeout: TIMEOUT })
    .toBe(`${n} / ${COUNT}`);
  expect(new URL(deck.url()).searchParams.get("slide")).toBe(String(n));
  expect(await deck.locator(".aa-slide-title").textContent()).toBe(story.slides[n - 1].title);
}

/** Everything the presenter view shows for slide n (1-based): headline, next, note, frames, address. */
async function expectPresenterAt(presenter: Page, n: number): Promise<void> {
  const root = presenter.locator(".aa-presenter");
  await expect.poll(() => root.getAttribute("data-slide"), { timeout: TIMEOUT }).toBe(String(n));
  const slide = story.slides[n - 1];
  const next = story.slides[n] ?? null;
  expect(await presenter.locator(".aa-presenter-position").textContent()).toBe(`Slide ${n} of ${COUNT}`);
  expect(await presenter.locator(".aa-presenter-title").textContent()).toBe(slide.title);
  expect(await presenter.locator(".aa-presenter-note-text").textContent()).toBe(slide.note);
  expect(await presenter.locator(".aa-presenter-next-title").textContent()).toBe(
    next ? next.title : "End of the story",
  );
  const params = new URL(presenter.url()).searchParams;
  expect(params.get("slide")).toBe(String(n));
  expect(params.has("presenter")).toBe(true);
  const current = presenter.locator('iframe.aa-presenter-frame[data-box="current"]');
  expect(await current.getAttribute("data-slide")).toBe(String(n));
  expect(new URL((await current.getAttribute("src")) ?? "", presenter.url()).pathname).toBe(`/embed/${slide.view}`);
  const upcoming = presenter.locator('iframe.aa-presenter-frame[data-box="next"]');
  if (next) {
    expect(await upcoming.getAttribute("data-slide")).toBe(String(n + 1));
    expect(new URL((await upcoming.getAttribute("src")) ?? "", presenter.url()).pathname).toBe(`/embed/${next.view}`);
  } else expect(await upcoming.count()).toBe(0);
  // At most the previous, current and next slides' frames.
  expect(await presenter.locator("iframe.aa-presenter-frame").count()).toBeLessThanOrEqual(3);
}

describe("the presenter view of the sample story", () => {
  it(
    "opens with P at the deck's slide and follows the deck both ways",
    async () => {
      const deckHandle = await openDeck(2);
      const deck = deckHandle.page;
      const errors: string[] = [];
      const presenter = await openPresenter(deck, errors);
      await expectPresenterAt(presenter, 2);

      // The presenter moves: the deck follows.
      await presenter.keyboard.press("ArrowRight");
      await expectPresenterAt(presenter, 3);
      await expectDeckAt(deck, 3);
      await presenter.locator(".aa-presenter .aa-deck-next").click();
      await expectDeckAt(deck, 4);
      await expectPresenterAt(presenter, 4);

      // The deck moves: the presenter follows, to the end and back to the start.
      await deck.keyboard.press("ArrowLeft");
      await expectPresenterAt(presenter, 3);
      await deck.keyboard.press("End");
      await expectPresenterAt(presenter, COUNT);
      await presenter.keyboard.press("Home");
      await expectDeckAt(deck, 1);
      await expectPresenterAt(presenter, 1);

      // The deck's "Presenter view" and "Print handout" links name the slide and the story.
      const links = deck.locator(".aa-deck-present-links");
      expect(await links.locator(".aa-deck-presenter").getAttribute("href")).toBe(
        `?story=${story.id}&slide=1&presenter`,
      );
      expect(await links.locator(".aa-deck-handout").getAttribute("href")).toBe(`?story=${story.id}&handout`);
      expect(errors).toEqual([]);
      expectClean(deckHandle);
    },
    5 * 60_000,
  );

  it(
    "keeps the previous slide's frame for going back, and runs a clock",
    async () => {
      const { page: deck } = await openDeck(2);
      const presenter = await openPresenter(deck, []);
      await expectPresenterAt(presenter, 2);
      const elapsed = presenter.locator(".aa-presenter-elapsed");
      const first = (await elapsed.textContent()) ?? "";
      expect(first).toMatch(/^\d{2}:\d{2}$/);
      expect((await presenter.locator(".aa-presenter-time").textContent()) ?? "").toMatch(/^\d{2}:\d{2}$/);

      await presenter.locator('iframe.aa-presenter-frame[data-box="current"]').evaluate((el) => {
        (el as HTMLElement).dataset.marker = "two";
      });
      await presenter.keyboard.press("PageDown");
      await expectPresenterAt(presenter, 3);
      // Slide 2's frame is kept, hidden; slide 3's is the one that was the next slide's preview.
      const kept = presenter.locator('iframe.aa-presenter-frame[data-box="kept"]');
      expect(await kept.getAttribute("data-marker")).toBe("two");
      expect(await kept.evaluate((el) => getComputedStyle(el).visibility)).toBe("hidden");
      await presenter.keyboard.press("PageUp");
      await expectPresenterAt(presenter, 2);
      expect(await presenter.locator('iframe.aa-presenter-frame[data-box="current"]').getAttribute("data-marker")).toBe(
        "two",
      );

      // The clock runs: the elapsed time changes (polled, no time asserted).
      await expect.poll(() => elapsed.textContent(), { timeout: 10_000 }).not.toBe(first);
    },
    5 * 60_000,
  );

  it(
    "ignores another story's messages, and each window works once the other is closed",
    async () => {
      const deckHandle = await openDeck(1);
      const deck = deckHandle.page;
      const presenter = await openPresenter(deck, []);
      await expectPresenterAt(presenter, 1);

      // Every slide the presenter view goes to from now on.
      await presenter.evaluate(() => {
        const root = document.querySelector(".aa-presenter") as HTMLElement;
        const seen: string[] = [];
        Object.assign(window, { seenSlides: seen });
        new MutationObserver(() => seen.push(root.dataset.slide ?? "")).observe(root, {
          attributes: true,
          attributeFilter: ["data-slide"],
        });
      });
      // Another story's message on this story's channel, a slide the story lacks, then a real move,
      // from one sender (delivered in order): only the move is followed.
      await deck.evaluate(
        ([own, other, id]) => {
          new BroadcastChannel(other).postMessage({ type: "place", story: "another-story", index: 4, theme: "light" });
          const channel = new BroadcastChannel(own);
          channel.postMessage({ type: "place", story: "another-story", index: 4, theme: "light" });
          channel.postMessage({ type: "place", story: id, index: 99, theme: "light" });
          channel.postMessage({ type: "place", story: id, index: 1, theme: "light" });
        },
        [presenterChannel(story.id), presenterChannel("another-story"), story.id],
      );
      await expectPresenterAt(presenter, 2);
      await expectDeckAt(deck, 2);
      expect(await presenter.evaluate(() => (window as unknown as { seenSlides: string[] }).seenSlides)).toEqual(["2"]);

      // The presenter view closed: the deck still moves.
      await presenter.close();
      await deck.keyboard.press("ArrowRight");
      await expectDeckAt(deck, 3);

      // The deck closed: a presenter view opened again still moves on its own.
      const again = await openPresenter(deck, []);
      await expectPresenterAt(again, 3);
      await deckHandle.page.close();
      await again.keyboard.press("ArrowRight");
      await expectPresenterAt(again, 4);
      await again.keyboard.press("ArrowLeft");
      await expectPresenterAt(again, 3);
    },
    5 * 60_000,
  );
});
