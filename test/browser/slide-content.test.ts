/**
 * What each embed of the sample story's slides hands to a deck
 * (`window.accordAtlasSlideContent()`, src/lib/model/slide-content.ts),
 * checked against what the embed page shows and against the records: the
 * sector chart's bars against its table of counts and the records' counts
 * by sector and status; the scorecard's and "due next" tables against the
 * rows on the page; the network's and timeline's SVG parsed, with as many
 * nodes and marks as the page draws. The caption says the slide's filters,
 * its sources and date, and the link opens the page that shows the view.
 * /present shows the two slides of the sector chart and the scorecards.
 *
 * Expected numbers come from the records (loadDataset over data/), never
 * from the page alone.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { NO_FILTER } from "../../src/lib/model/caption.js";
import { describeFilters, type FilterLabels, isEmptyFilters } from "../../src/lib/model/filters.js";
import { embedSrc } from "../../src/lib/model/present.js";
import type { BarsContent, SlideContent, TableContent } from "../../src/lib/model/slide-content.js";
import type { Slide, Story } from "../../src/lib/model/stories.js";
import { STATUS_META, STATUS_ORDER } from "../../src/lib/model/value-labels.js";
import { parseViewState, VIEW_PAGES, type ViewName } from "../../src/lib/model/view-state.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores, loadStories } from "../../src/lib/pipeline/story-files.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

const DATA = join(ROOT, "data");
const dataset = loadDataset(DATA);
if (!dataset.columns || !dataset.tables) throw new Error("data/ has errors");
const story = loadStories(DATA, knownFromStores(dataset.columns)).stories.find(
  (s) => s.id === "pakistan-belarus",
) as Story;
if (!story) throw new Error("no sample story");
const { commitments, sectors, institutions } = dataset.tables;
const sectorLabel = new Map(sectors.map((s) => [String(s.id), String(s.label)]));
const labels: FilterLabels = {
  sector: sectorLabel,
  country: new Map(institutions.map((i) => [String(i.country), String(i.country_name)])),
  institution: new Map(institutions.map((i) => [String(i.id), String(i.acronym ?? i.name)])),
  status: new Map(Object.entries(STATUS_META).map(([id, m]) => [id, m.label])),
};
const VIEWPORT = { width: 1280, height: 900 };
const TIMEOUT = 120_000;

/** What each view has drawn once its data are in. */
const DRAWN: Record<ViewName, string> = {
  network: '.aa-embed .aa-net[data-nodes][data-source="duckdb"]',
  timeline: '.aa-embed [data-chart="timeline"] :is([data-mark], [data-density])',
  sectors: '.aa-embed [data-chart="commitments-by-sector"]',
  scorecards: '.aa-embed [data-testid="scorecard-sector"]',
};

/** The sample story's first slide of a view, and its position. */
function slideOf(view: ViewName): { slide: Slide; index: number } {
  const index = story.slides.findIndex((s) => s.view === view);
  if (index < 0) throw new Error(`the sample story has no ${view} slide`);
  return { slide: story.slides[index], index };
}

/** The records' commitments under a slide's sector filter (the only filter the new slides use). */
function commitmentsOf(slide: Slide) {
  const { filters } = parseViewState(slide.view, slide.link);
  expect(filters.country.length + filters.institution.length + filters.series.length + filters.status.length).toBe(0);
  expect(filters.from ?? filters.to ?? null).toBeNull();
  return commitments.filter((c) => filters.sector.length === 0 || filters.sector.includes(String(c.sector)));
}

/** Opens a slide's embed, waits for its view to be drawn and returns what it offers a deck. */
async function openSlide(view: ViewName): Promise<{ handle: PageHandle; slide: Slide; content: SlideContent }> {
  const { slide } = slideOf(view);
  const handle = await openPage(site.browser, `${site.server.url}/${embedSrc(slide, story.theme)}`, {
    viewport: VIEWPORT,
  });
  site.open.push(handle);
  await handle.page.waitForSelector(DRAWN[view], { state: "attached", timeout: READY_TIMEOUT });
  await handle.page.waitForFunction(() => "accordAtlasSlideContent" in window, null, { timeout: READY_TIMEOUT });
  const content = (await handle.page.evaluate(() =>
    (window as unknown as { accordAtlasSlideContent: () => Promise<unknown> }).accordAtlasSlideContent(),
  )) as SlideContent;
  return { handle, slide, content };
}

/** The caption and link every slide content carries: the slide's filters, sources, date; the view's own page. */
function expectCaptionAndLink(content: SlideContent, slide: Slide): void {
  const { filters } = parseViewState(slide.view, slide.link);
  expect(content.caption.filters).toBe(isEmptyFilters(filters) ? NO_FILTER : describeFilters(filters, labels));
  expect(content.caption.sources).toMatch(/\(\d+\)/);
  expect(content.caption.dataDate).toMatch(/\d{4}/);
  const link = new URL(content.link);
  expect(link.origin).toBe(new URL(site.server.url).origin);
  expect(link.pathname).toBe(VIEW_PAGES[slide.view]);
  expect([...link.searchParams].sort()).toEqual([...new URLSearchParams(slide.link)].sort());
}

/** The text of a table's body rows on the page, `columns` cells each. */
function pageRows(page: Page | Frame, testid: string, columns: number): Promise<string[][]> {
  return page.evaluate(
    ([id, n]) =>
      [...document.querySelectorAll(`[data-testid="${id}"] tbody tr`)].map((tr) =>
        [...tr.querySelectorAll("td")].slice(0, Number(n)).map((td) => (td.textContent ?? "").trim()),
      ),
    [testid, String(columns)],
  );
}

/** Parses an SVG's text in the page and counts what matches `selector` (null when it does not parse). */
function svgCount(page: Page, svg: string, selector: string): Promise<number | null> {
  return page.evaluate(
    ([text, sel]) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      if (doc.querySelector("parsererror") || doc.documentElement.localName !== "svg") return null;
      return doc.querySelectorAll(sel).length;
    },
    [svg, selector],
  );
}

describe("the slide content of the sample story's embeds", () => {
  it(
    "sector chart: stacked horizontal bars of the counts the chart's table shows, the records' counts by sector and status",
    async () => {
      const { handle, slide, content } = await openSlide("sectors");
      expectCaptionAndLink(content, slide);
      expect(content.charts).toHaveLength(1);
      const bars = content.charts[0] as BarsContent;
      expect(bars).toMatchObject({ kind: "bars", measure: "Commitments", stacked: true, horizontal: true });

      // The records: commitments by sector and status, sectors with the most first, then by name.
      const rows = commitmentsOf(slide);
      const count = (sector: string, status: string) =>
        rows.filter((c) => sectorLabel.get(String(c.sector)) === sector && c.status === status).length;
      const present = STATUS_ORDER.filter((s) => rows.some((c) => c.status === s));
      const totals = new Map<string, number>();
      for (const c of rows) {
        const label = sectorLabel.get(String(c.sector)) as string;
        totals.set(label, (totals.get(label) ?? 0) + 1);
      }
      const order = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label]) => label);
      expect(bars.categories).toEqual(order);
      expect(bars.series.map((s) => s.name)).toEqual(present.map((s) => STATUS_META[s].label));
      expect(bars.series.map((s) => s.colour)).toEqual(present.map((s) => STATUS_META[s].color));
      bars.series.forEach((series, i) => {
        expect(series.values).toEqual(order.map((sector) => count(sector, present[i])));
      });
      const sum = bars.series.flatMap((s) => s.values).reduce((a, b) => a + b, 0);
      expect(sum).toBe(rows.length);

      // The page: the chart's table of counts (a row a sector, a column a status, then the total).
      const table = await handle.page.evaluate(() =>
        [...document.querySelectorAll(".aa-embed .aa-chart-table tbody tr")].map((tr) => [
          tr.querySelector("th")?.textContent ?? "",
          ...[...tr.querySelectorAll("td")].map((td) => Number(td.textContent)),
        ]),
      );
      expect(table.map((r) => r[0])).toEqual(bars.categories);
      expect(table.map((r) => r.slice(1, -1))).toEqual(
        bars.categories.map((_, i) => bars.series.map((s) => s.values[i])),
      );
      expect(await handle.page.locator('[data-testid="embed-caption"]').textContent()).toContain(
        `${rows.length} commitments`,
      );
      expectClean(handle);
      await handle.close();
    },
    TIMEOUT,
  );

  it(
    "scorecards: the scorecard by sector and due next as tables of the rows and words the page shows",
    async () => {
      const { handle, slide, content } = await openSlide("scorecards");
      expectCaptionAndLink(content, slide);
      const [score, due] = content.charts as TableContent[];
      expect(content.charts.map((c) => c.kind)).toEqual(["table", "table"]);
      expect(score.title).toBe("Scorecard by sector");
      expect(score.columns).toEqual([
        "Sector",
        "Made",
        "Any progress",
        "Done",
        "Stalled or dropped",
        "Overdue",
        "No news",
        "Latest news",
      ]);
      expect(score.rows).toEqual(await pageRows(handle.page, "scorecard-sector", score.columns.length));
      expect(due.title).toBe("Due next");
      expect(due.columns).toEqual(["Due by", "Commitment", "Sector", "Status", "Agreed at"]);
      expect(due.rows).toEqual(await pageRows(handle.page, "due-next", due.columns.length));

      // The records: a row a sector of the slide's filter, the commitments made adding up to theirs.
      const rows = commitmentsOf(slide);
      const sectorsIn = new Set(rows.map((c) => sectorLabel.get(String(c.sector))));
      expect(new Set(score.rows.map((r) => r[0]))).toEqual(sectorsIn);
      expect(score.rows.reduce((sum, r) => sum + Number(r[1].replace(/,/g, "")), 0)).toBe(rows.length);
      const done = rows.filter((c) => c.status === "done").length;
      expect(score.rows.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(done);
      // Due next lists open commitments of these sectors only.
      for (const r of due.rows) expect(sectorsIn.has(r[2])).toBe(true);
      expectClean(handle);
      await handle.close();
    },
    TIMEOUT,
  );

  it(
    "network: the drawing as an SVG that parses, with every node the page draws, and alt text",
    async () => {
      const { handle, slide, content } = await openSlide("network");
      expectCaptionAndLink(content, slide);
      const [image] = content.charts;
      if (image.kind !== "image") throw new Error(`expected an image, got ${image.kind}`);
      expect(image.width).toBeGreaterThan(0);
      expect(image.height).toBeGreaterThan(0);
      expect(image.alt).toMatch(/institutions/);
      const nodes = Number(await handle.page.locator(".aa-net[data-nodes]").getAttribute("data-nodes"));
      expect(nodes).toBeGreaterThan(0);
      expect(await svgCount(handle.page, image.svg, '[data-mark="node"]')).toBe(nodes);
      expectClean(handle);
      await handle.close();
    },
    TIMEOUT,
  );

  it(
    "timeline: the chart's SVG as drawn, with every mark or month cell the page draws, and alt text",
    async () => {
      const { handle, slide, content } = await openSlide("timeline");
      expectCaptionAndLink(content, slide);
      const [image] = content.charts;
      if (image.kind !== "image") throw new Error(`expected an image, got ${image.kind}`);
      expect(image.alt).toMatch(/commitments/);
      // In its slide frame the timeline draws marks, or counts per month when they do not fit.
      const drawn = "[data-mark], [data-density]";
      const marks = await handle.page.locator(`.aa-embed [data-chart="timeline"] :is(${drawn})`).count();
      expect(marks).toBeGreaterThan(0);
      expect(await svgCount(handle.page, image.svg, drawn)).toBe(marks);
      expectClean(handle);
      await handle.close();
    },
    TIMEOUT,
  );
});

describe("/present with the sample story", () => {
  it(
    "shows the sector chart's and the scorecards' slides, each offering its content to the deck",
    async () => {
      for (const view of ["sectors", "scorecards"] as const) {
        const { slide, index } = slideOf(view);
        const handle = await openPage(site.browser, `${site.server.url}/present?story=${story.id}&slide=${index + 1}`, {
          viewport: { width: 1920, height: 1080 },
        });
        site.open.push(handle);
        const { page } = handle;
        expect(await page.locator(".aa-slide-title").textContent()).toBe(slide.title);
        const element = await page.waitForSelector("iframe.aa-slide-frame:not(.is-preload)", {
          state: "attached",
          timeout: READY_TIMEOUT,
        });
        expect(new URL((await element.getAttribute("src")) ?? "", page.url()).pathname).toBe(`/embed/${view}`);
        const frame = await element.contentFrame();
        if (!frame) throw new Error("the slide's iframe has no frame");
        await frame.waitForSelector(DRAWN[view], { state: "attached", timeout: READY_TIMEOUT });
        const kinds = await frame.evaluate(async () => {
          const hook = (window as unknown as { accordAtlasSlideContent?: () => Promise<SlideContent> })
            .accordAtlasSlideContent;
          return hook ? (await hook()).charts.map((c) => c.kind) : null;
        });
        expect(kinds).toEqual(view === "sectors" ? ["bars"] : ["table", "table"]);
        expectClean(handle);
        await handle.close();
      }
    },
    TIMEOUT,
  );
});

describe("the deck page (every slide in one page, one engine)", () => {
  it(
    "gives each slide the content its own embed gives: the same tables, bars, caption and link, and the same drawing",
    async () => {
      const handle = await openPage(site.browser, `${site.server.url}/embed/deck?story=${story.id}`, {
        viewport: { width: 1280, height: 720 },
      });
      site.open.push(handle);
      await handle.page.waitForFunction(() => "accordAtlasDeckContents" in window, null, { timeout: READY_TIMEOUT });
      const deck = (await handle.page.evaluate(() =>
        (window as unknown as { accordAtlasDeckContents: () => Promise<unknown> }).accordAtlasDeckContents(),
      )) as SlideContent[];
      expect(deck).toHaveLength(story.slides.length);
      // Each view's first slide, against what its own embed offers.
      for (const view of ["sectors", "scorecards", "network", "timeline"] as const) {
        const { index } = slideOf(view);
        const own = await openSlide(view);
        const mine = deck[index];
        expect(mine.caption, view).toEqual(own.content.caption);
        expect(new URL(mine.link).search, view).toBe(new URL(own.content.link).search);
        expect(
          mine.charts.map((c) => c.kind),
          view,
        ).toEqual(own.content.charts.map((c) => c.kind));
        for (const [i, chart] of mine.charts.entries()) {
          const theirs = own.content.charts[i];
          if (chart.kind === "image" && theirs.kind === "image") {
            const marks = "[data-mark], [data-density]";
            expect(await svgCount(handle.page, chart.svg, marks), view).toBe(
              await svgCount(handle.page, theirs.svg, marks),
            );
            expect(chart.alt, view).toBe(theirs.alt);
          } else expect(chart, view).toEqual(theirs);
        }
        await own.handle.close();
      }
      expectClean(handle);
    },
    4 * TIMEOUT,
  );
});
