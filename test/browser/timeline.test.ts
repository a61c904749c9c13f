/**
 * The /timeline page in headless Chromium, served from dist/ on loopback:
 * the marks drawn are the commitments the records hold for the filters, the
 * overdue rule shows, a mark opens its panel with its sources, the 8th JMC's
 * scorecard is the records', follow-up links partners, and every view has an
 * accessible table; the keyboard reaches the chart in a few Tabs, moves
 * between marks and lanes with the arrow keys and keeps focus across
 * redraws, and axe finds nothing serious in the chart in either theme.
 * Expected numbers come from the records (loadDataset over data/, with the
 * rules of src/lib/model/status.ts), never from the page; expected marks from
 * where the page drew them.
 *
 * "Today" is pinned with ?today= so the overdue and due-next answers do not
 * change with the calendar. dist/ is rebuilt when stale (test/browser/site.ts).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { auditPage, describeFindings, isSerious } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { ROOT } from "../../devtools/project-paths.js";
import type { Database } from "../../src/components/db.js";
import type { PageHooks } from "../../src/components/page-hooks.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { isOverdue } from "../../src/lib/model/status.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import type { Row, Tables } from "../../src/lib/records/record-types.js";
import type { sql } from "../../src/lib/sql/fragment.js";
import { citedSources } from "../../src/lib/sql/page-queries.js";
import {
  scorecardByEvent,
  timelineEvents,
  timelineExtent,
  timelineLanes,
  timelineMarks,
  timelineUpdates,
} from "../../src/lib/sql/timeline-queries.js";
import { MARK_LIMIT } from "../../src/lib/timeline/density.js";
import { drawnMarks, type Focused, focused, markAfter, tabbableCount } from "./chart-keys.js";
import { loadEveryTable, logQueries } from "./query-log.js";
import { useBuiltSite } from "./site.js";

const TODAY = "2026-11-27";
const READY_TIMEOUT = 60_000;
const SHOTS = join(ROOT, "test-results");
const CHART = '[data-chart="timeline"]';

const DAY = 86_400_000;
const iso = (day: unknown) => (typeof day === "number" ? new Date(day * DAY).toISOString().slice(0, 10) : null);

let tables: Tables<Row[]>;
const site = useBuiltSite();

function overdue(c: Row, today = TODAY): boolean {
  const t = tables.events.find((e) => e.id === c.target_event_id);
  return isOverdue(
    {
      status: c.status as string,
      target_date_to: iso(c.target_date_to),
      target_event_start_to: iso(t?.start_date_to),
      target_event_end_to: iso(t?.end_date_to),
    },
    today,
  );
}

beforeAll(async () => {
  const dataset = loadDataset(join(ROOT, "data"));
  if (!dataset.tables) throw new Error("data/ is not valid");
  tables = dataset.tables;
});

/** Opens /timeline with the query, waits for the engine and the chart. */
async function visit(
  query: string,
  { viewport, today = TODAY }: { viewport?: { width: number; height: number }; today?: string } = {},
): Promise<PageHandle> {
  const sep = query ? "&" : "";
  const handle = await openPage(
    site.browser,
    `${site.server.url}/timeline?today=${today}${sep}${query}`,
    viewport ? { viewport } : {},
  );
  site.open.push(handle);
  await handle.page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached", timeout: READY_TIMEOUT });
  await handle.page.waitForSelector(`${CHART}, .aa-timeline .aa-empty`, { state: "attached", timeout: READY_TIMEOUT });
  return handle;
}

const marks = (page: Page) => page.locator(`${CHART} [data-mark="commitment"]`);

async function markIds(page: Page): Promise<string[]> {
  return (await marks(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-id") ?? ""))).sort();
}

/**
 * The page's own DuckDB, for the SQL count of a filter (as the page binds it),
 * through the hooks the page registers (src/components/page-hooks.ts).
 */
async function sqlCount(page: Page, where: string, params: (string | number)[]): Promise<number> {
  return page.evaluate(
    async ({ where, params }) => {
      const aa = (globalThis as { __accordAtlas?: PageHooks }).__accordAtlas!;
      const db = (await aa.database!()) as Database;
      const text = `SELECT CAST(count(*) AS INTEGER) AS n FROM commitments c WHERE ${where}`;
      const [row] = await db.query((aa.sql as typeof sql)(text.split("?"), ...params));
      return row.n as number;
    },
    { where, params },
  );
}

describe("the timeline draws what the records hold", () => {
  it("loads clean, one mark per commitment, as many as SQL counts", async () => {
    const { page, ...handle } = await visit("");
    await page.waitForLoadState("networkidle");
    expect(await page.locator(CHART).getAttribute("data-mode")).toBe("marks");
    const ids = await markIds(page);
    expect(ids).toEqual(tables.commitments.map((c) => c.id as string).sort());
    expect(ids.length).toBe(await sqlCount(page, "TRUE", []));
    expect(await page.locator(CHART).getAttribute("data-marks")).toBe(String(ids.length));
    // One lane per sector used, with its count.
    const lanes = await page
      .locator(`${CHART} [data-lane]`)
      .evaluateAll((n) => n.map((x) => x.getAttribute("data-lane")));
    expect(lanes.sort()).toEqual([...new Set(tables.commitments.map((c) => c.sector as string))].sort());
    // Events as rules, today as a rule.
    expect(await page.locator(`${CHART} [data-event="pk-by-jmc-8"]`).count()).toBe(1);
    expect(await page.locator(`${CHART} [data-today="${TODAY}"]`).count()).toBe(1);
    expectClean(handle);
  });

  it("a sector filter draws exactly the SQL count for that filter", async () => {
    const sector = "industry";
    const { page, ...handle } = await visit(`sector=${sector}`);
    const want = tables.commitments
      .filter((c) => c.sector === sector)
      .map((c) => c.id as string)
      .sort();
    expect(want.length).toBeGreaterThan(1);
    await expect.poll(() => markIds(page), { timeout: READY_TIMEOUT }).toEqual(want);
    expect(want.length).toBe(await sqlCount(page, "c.sector IN (?)", [sector]));
    expectClean(handle);
  });

  it("zooming to a year draws the commitments whose dates touch it", async () => {
    const { page, ...handle } = await visit("");
    await page.getByLabel("Zoom to a year").selectOption("2025");
    const want = tables.commitments
      .filter((c) => (iso(c.date_to) as string) >= "2025-01-01" && (iso(c.date_from) as string) <= "2025-12-31")
      .map((c) => c.id as string)
      .sort();
    await expect.poll(() => markIds(page), { timeout: READY_TIMEOUT }).toEqual(want);
    expect(new URL(page.url()).searchParams.get("window")).toBe("2025-01-01..2025-12-31");
    // Each lane's count is its commitments in the year (the zoom counts only the window's; the lanes are the filters').
    const inYear = new Map<string, number>();
    for (const c of tables.commitments)
      if (want.includes(c.id as string)) inYear.set(c.sector as string, (inYear.get(c.sector as string) ?? 0) + 1);
    const counts = await page
      .locator(`${CHART} [data-lane]`)
      .evaluateAll((lanes) =>
        lanes.map((g) => [
          g.getAttribute("data-lane"),
          g.querySelector(":scope > text[aria-hidden='true']")?.textContent,
        ]),
      );
    expect(counts.length).toBeGreaterThan(0);
    for (const [sector, text] of counts)
      expect([sector, Number(text)]).toEqual([sector, inYear.get(sector ?? "") ?? 0]);
    expectClean(handle);
  });

  it("on a filter change, asks DuckDB for the chart's rows before the cards' under it", async () => {
    const { page, ...handle } = await visit("");
    await page.waitForLoadState("networkidle");
    const asked = await logQueries(page);
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.locator('.aa-filters input[name="sector"][value="industry"]').click();
    // The chart's marks (its second round, after the lanes' count) and the scorecards are both asked.
    // The two queries by their text, built as the page builds them for this filter.
    const filter = { ...emptyFilters(), sector: ["industry"] };
    const marksText = `answered ${timelineMarks(filter, null, TODAY, MARK_LIMIT).text}`;
    const cardText = `asked ${scorecardByEvent(filter, TODAY).text}`;
    const chartDone = (log: string[]) => log.indexOf(marksText);
    const cards = (log: string[]) => log.indexOf(cardText);
    await expect.poll(async () => cards(await asked()) >= 0, { timeout: READY_TIMEOUT }).toBe(true);
    const log = await asked();
    expect(chartDone(log), "the chart's marks answered by the time the cards are asked").toBeGreaterThanOrEqual(0);
    expect(cards(log)).toBeGreaterThan(chartDone(log));
    expectClean(handle);
  });

  it("has DuckDB prepare the chart's statements while the Sector list is open, so the change only runs them", async () => {
    const { page, ...handle } = await visit("");
    await page.waitForLoadState("networkidle");
    await loadEveryTable(page);
    const asked = await logQueries(page);
    await page.click('.aa-filters summary:has-text("Sector")');
    // What the unzoomed chart of one sector runs (its marks and their updates: a few records), built as the page builds them.
    const filter = { ...emptyFilters(), sector: ["industry"] };
    const texts = [
      timelineExtent(filter).text,
      timelineLanes(filter, null).text,
      timelineEvents(filter, null).text,
      timelineMarks(filter, null, TODAY, MARK_LIMIT).text,
      timelineUpdates(filter, null).text,
      citedSources(filter).text,
    ];
    const missing = (log: string[], prefix: string) => texts.filter((t) => !log.includes(`${prefix} ${t}`));
    await expect.poll(async () => missing(await asked(), "prepared").length, { timeout: READY_TIMEOUT }).toBe(0);
    const before = await asked();
    expect(
      texts.filter((text) => before.includes(`asked ${text}`)),
      "nothing run ahead",
    ).toEqual([]);
    await page.locator('.aa-filters input[name="sector"][value="industry"]').click();
    await expect.poll(async () => missing(await asked(), "answered").length, { timeout: READY_TIMEOUT }).toBe(0);
    const log = await asked();
    for (const text of texts) {
      expect(log.indexOf(`prepared ${text}`), text.slice(0, 60)).toBeLessThan(log.indexOf(`asked ${text}`));
    }
    expectClean(handle);
  });

  it("marks the commitments whose target passed without completion as overdue, and only those", async () => {
    const { page, ...handle } = await visit("");
    const want = tables.commitments
      .filter((c) => overdue(c))
      .map((c) => c.id as string)
      .sort();
    expect(want).toContain("pk-by-jmc-8-skills-competition"); // target 2025, no report of it since
    const shown = (
      await page
        .locator(`${CHART} [data-mark="commitment"][data-overdue="true"]`)
        .evaluateAll((n) => n.map((x) => x.getAttribute("data-id") ?? ""))
    ).sort();
    expect(shown).toEqual(want);
    // Not overdue the day before its deadline, 31 Dec 2025.
    const early = await visit("", { today: "2025-12-31" });
    expect(
      await early.page.locator(`${CHART} [data-id="pk-by-jmc-8-skills-competition"]`).getAttribute("data-overdue"),
    ).toBe("false");
    expectClean(early);
    expectClean(handle);
  });
});

describe("the commitment panel", () => {
  it("opens on a click with the commitment, its updates and their sources, and closes on Escape", async () => {
    // A commitment with status updates whose sources differ from its own.
    const withUpdates = tables.commitments.find((c) => {
      const updates = tables.status_updates.filter((u) => u.commitment_id === c.id);
      return updates.length > 0 && updates.some((u) => u.source_id !== c.source_id);
    });
    if (!withUpdates) throw new Error("no commitment with updates from another source");
    const updates = tables.status_updates.filter((u) => u.commitment_id === withUpdates.id);
    const urls = [withUpdates.source_id, ...updates.map((u) => u.source_id)].map(
      (id) => tables.sources.find((s) => s.id === id)?.url as string,
    );
    const { page, ...handle } = await visit("");
    const mark = page.locator(`${CHART} [data-id="${withUpdates.id}"]`);
    await mark.locator("path[data-symbol]").click();
    const panel = page.getByTestId("commitment-panel");
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => panel.locator("h2").textContent(), { timeout: READY_TIMEOUT }).toBe(withUpdates.summary);
    const links = panel.locator('[data-testid="panel-sources"] a');
    await expect
      .poll(() => links.evaluateAll((a) => a.map((x) => x.getAttribute("href"))), { timeout: READY_TIMEOUT })
      .toEqual([...new Set(urls)]);
    for (const rel of await links.evaluateAll((a) => a.map((x) => x.getAttribute("rel")))) {
      expect(rel).toBe("noopener noreferrer");
    }
    expect(await panel.locator('[data-testid="panel-updates"] li[data-update]').count()).toBe(updates.length);
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isVisible()).toBe(false);
    expectClean(handle);
  });

  it("opens from the keyboard: a focused mark and Enter", async () => {
    const { page, ...handle } = await visit("");
    const id = "pk-by-jmc-8-skills-competition";
    await page.locator(`${CHART} [data-id="${id}"]`).focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("commitment-panel");
    await expect.poll(() => panel.getAttribute("data-id")).toBe(id);
    await expect.poll(() => panel.locator('[data-overdue="true"]').count(), { timeout: READY_TIMEOUT }).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-id"))).toBe(id);
    expectClean(handle);
  });
});

describe("tracking", () => {
  it("the 8th JMC's scorecard numbers are the records'", async () => {
    const { page, ...handle } = await visit("");
    const made = tables.commitments.filter((c) => c.event_id === "pk-by-jmc-8");
    const row = page.locator('[data-testid="scorecard-event"] tr[data-event="pk-by-jmc-8"]');
    await row.waitFor({ timeout: READY_TIMEOUT });
    const cells = (await row.locator("td").allTextContents()).map((t) => t.trim());
    const heads = (await page.locator('[data-testid="scorecard-event"] thead th').allTextContents()).map((t) =>
      t.trim(),
    );
    const cell = (name: string) => cells[heads.indexOf(name)];
    expect(cell("Made")).toBe(String(made.length));
    const progress = made.filter((c) => c.status === "in_progress" || c.status === "done").length;
    expect(cell("Any progress")).toMatch(new RegExp(`^${progress}\\b`));
    expect(cell("Done")).toBe(String(made.filter((c) => c.status === "done").length));
    expect(cell("Overdue")).toBe(String(made.filter((c) => overdue(c)).length));
    expect(cell("No news")).toBe(String(made.filter((c) => c.update_count === 0).length));
    expectClean(handle);
  });

  it("due next lists the 9th JMC's commitments ahead of today", async () => {
    const { page, ...handle } = await visit("");
    const due = page.getByTestId("due-next");
    await due.waitFor({ timeout: READY_TIMEOUT });
    const ids = await due.locator("tbody tr").evaluateAll((n) => n.map((x) => x.getAttribute("data-id")));
    const want = tables.commitments.filter(
      (c) => c.target_event_id === "pk-by-jmc-9" && !["done", "dropped"].includes(c.status as string),
    );
    expect(want.length).toBeGreaterThan(0);
    for (const c of want) expect(ids).toContain(c.id);
    expect(await due.textContent()).toContain("9th session");
    expectClean(handle);
  });

  it("lane names show whole when the chart has room, the full name on each toggle", async () => {
    const { page, ...handle } = await visit("");
    const toggles = page.locator(`${CHART} .aa-lane-toggle`);
    await toggles.first().waitFor({ timeout: READY_TIMEOUT });
    const names = await toggles.evaluateAll((nodes) =>
      nodes.map((n) => [n.querySelectorAll("text")[1]?.textContent ?? "", n.getAttribute("aria-label") ?? ""]),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const [shown, label] of names) {
      expect(shown, label).not.toContain("…");
      expect(label.startsWith(`${shown},`), label).toBe(true);
    }
    const labels = new Set(tables.sectors.map((x) => String(x.label)));
    for (const [shown] of names) expect(labels.has(shown), shown).toBe(true);
    expectClean(handle);
  });

  it("the follow-up pickers sit in their card, and are not drawn when no series has two sessions", async () => {
    const { page, ...handle } = await visit("");
    await page.getByTestId("follow-up").waitFor({ timeout: READY_TIMEOUT });
    const pickers = page.locator("form").filter({ hasText: /^(Series|Compare session)/ });
    expect(await pickers.count()).toBe(2);
    expect(
      await page
        .locator(".card form")
        .filter({ hasText: /^(Series|Compare session)/ })
        .count(),
    ).toBe(2);
    // 2016 holds one session of one series (the 2nd JMC): nothing to compare.
    const empty = await visit("from=2016&to=2016");
    await empty.page.getByText("No series has two sessions").waitFor({ timeout: READY_TIMEOUT });
    expect(
      await empty.page
        .locator("form")
        .filter({ hasText: /^(Series|Compare session)/ })
        .count(),
    ).toBe(0);
    expectClean(handle);
    expectClean(empty);
  });

  it("follow-up 7th → 8th JMC: the e-bus commitment recurs and its panel links its partner", async () => {
    const { page, ...handle } = await visit("");
    const table = page.getByTestId("follow-up");
    await table.waitFor({ timeout: READY_TIMEOUT });
    const row = table.locator('tr[data-before="pk-by-jmc-7-ebus"]');
    expect(await row.getAttribute("data-kind")).toBe("recurs");
    expect(await row.getAttribute("data-after")).toBe("pk-by-jmc-8-tractor-ebus-assembly");
    const kinds = await table.locator("tbody tr").evaluateAll((n) => n.map((x) => x.getAttribute("data-kind")));
    const both = tables.commitments.filter((c) => c.event_id === "pk-by-jmc-7" || c.event_id === "pk-by-jmc-8");
    // Every commitment of the two sessions once: a pair counts two.
    expect(kinds.length + kinds.filter((k) => k === "recurs").length).toBe(both.length);
    await row.locator('[data-open="pk-by-jmc-7-ebus"]').click();
    const panel = page.getByTestId("commitment-panel");
    const jump = panel.locator('.aa-related [data-open="pk-by-jmc-8-tractor-ebus-assembly"]');
    await jump.waitFor({ timeout: READY_TIMEOUT });
    await jump.click();
    await expect.poll(() => panel.getAttribute("data-id")).toBe("pk-by-jmc-8-tractor-ebus-assembly");
    expectClean(handle);
  });

  it("every view has an accessible table with a caption and column headers", async () => {
    const { page, ...handle } = await visit("");
    for (const id of ["timeline-table", "scorecard-event", "scorecard-sector", "due-next", "follow-up"]) {
      const table = page.getByTestId(id);
      await table.waitFor({ state: "attached", timeout: READY_TIMEOUT });
      expect(await table.evaluate((t) => t.tagName), id).toBe("TABLE");
      expect(((await table.locator("caption").textContent()) ?? "").length, id).toBeGreaterThan(10);
      expect(await table.locator('thead th[scope="col"]').count(), id).toBeGreaterThan(2);
    }
    // The timeline's table lists every mark drawn.
    expect(await page.locator('[data-testid="timeline-table"] tbody tr').count()).toBe(await marks(page).count());
    expectClean(handle);
  });

  it("filters that match nothing say so", async () => {
    const sectors = new Set(tables.commitments.filter((c) => c.status === "dropped").map((c) => c.sector));
    const empty = tables.sectors.find((s) => !sectors.has(s.id));
    if (!empty) throw new Error("every sector has a dropped commitment");
    const { page, ...handle } = await visit(`sector=${empty.id}&status=dropped`);
    await expect
      .poll(() => page.locator(".aa-timeline .aa-empty").first().textContent(), { timeout: READY_TIMEOUT })
      .toContain("No commitment matches these filters");
    expect(await page.locator(CHART).count()).toBe(0);
    expectClean(handle);
  });
});

describe("viewports", () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    it(`${viewport.width}×${viewport.height}: no sideways scrolling; density cells add up when aggregated`, async () => {
      const { page, ...handle } = await visit("", { viewport });
      await page.waitForLoadState("networkidle");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `timeline-${viewport.width}x${viewport.height}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(1);
      const mode = await page.locator(CHART).getAttribute("data-mode");
      if (mode === "density") {
        const n = await page
          .locator(`${CHART} [data-density]`)
          .evaluateAll((cells) => cells.reduce((s, c) => s + Number(c.getAttribute("data-n")), 0));
        expect(n).toBe(tables.commitments.length);
      } else {
        expect(await marks(page).count()).toBe(tables.commitments.length);
      }
      expectClean(handle);
    });
  }
});

describe("the density view's table", () => {
  it("is built when first opened, and its counts add up to every commitment", async () => {
    // At phone width the marks would stack too deep: the chart shows density.
    const { page, ...handle } = await visit("", { viewport: { width: 390, height: 844 } });
    expect(await page.locator(CHART).getAttribute("data-mode")).toBe("density");
    const table = page.locator('.aa-timeline-card [data-testid="timeline-table"]');
    expect(await table.count()).toBe(0);
    await page.locator(".aa-timeline-card .aa-table-details > summary").click();
    await table.waitFor({ state: "visible", timeout: READY_TIMEOUT });
    const counts = await table
      .locator("tbody tr td:nth-child(3)")
      .evaluateAll((cells) => cells.reduce((s, c) => s + Number(c.textContent), 0));
    expect(counts).toBe(tables.commitments.length);
    expectClean(handle);
  });
});

describe("the keyboard (one Tab stop for the marks, one for the lanes)", () => {
  const CARD = ".aa-timeline-card";

  /** Presses a key and checks focus did not fall to <body>. */
  async function press(page: Page, key: string): Promise<Focused> {
    await page.keyboard.press(key);
    const now = await focused(page, CARD);
    expect(now.body, `focus fell to <body> after ${key}`).toBe(false);
    return now;
  }

  /** Tabs from the top of the page to the first mark; how many Tabs after the filter bar's last control. */
  async function tabToChart(page: Page): Promise<number> {
    let lastFilter = -1;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return { filters: !!a?.closest(".aa-filters"), mark: a?.getAttribute("data-mark") === "commitment" };
      });
      if (where.filters) lastFilter = i;
      if (where.mark) {
        expect(lastFilter, "the filter bar comes before the chart").toBeGreaterThanOrEqual(0);
        return i - lastFilter;
      }
    }
    throw new Error("80 Tabs did not reach a mark");
  }

  it("from the page top: a few Tabs after the filter bar, arrows move between marks, Enter opens, Escape returns", async () => {
    const { page, ...handle } = await visit("");
    await page.waitForLoadState("networkidle");
    // The bound from the page's own controls: those of the card before the chart, then the lane list and the marks.
    const before = await page.evaluate((card) => {
      const chart = document.querySelector(`${card} [data-chart="timeline"]`) as Element;
      return [...document.querySelectorAll<HTMLElement>(`${card} summary, ${card} select, ${card} button`)].filter(
        (e) =>
          !chart.contains(e) &&
          !(e as HTMLButtonElement).disabled &&
          e.getBoundingClientRect().width > 0 &&
          chart.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING,
      ).length;
    }, CARD);
    expect(before).toBeGreaterThan(0);
    const tabs = await tabToChart(page);
    expect(tabs).toBeLessThanOrEqual(before + 2);
    // One Tab stop each for the marks and the lanes; nothing else in the chart takes focus.
    expect(await tabbableCount(page, CHART)).toBe(2);
    expect(
      await page.locator(`${CHART} [data-mark][tabindex="0"], ${CHART} .aa-lane-toggle[tabindex="0"]`).count(),
    ).toBe(2);

    const marks = await drawnMarks(page, CHART);
    expect(marks.length).toBe(tables.commitments.length);
    let now = await focused(page, CARD);
    expect(now.id).toBe(marks[0].id); // the earliest mark
    const summaryOf = async (id: string) =>
      (await page.locator(`[data-testid="timeline-table"] tr[data-id="${id}"] [data-open]`).textContent()) ?? "";
    for (const key of [
      "ArrowRight",
      "ArrowRight",
      "ArrowDown",
      "ArrowUp",
      "ArrowLeft",
      "End",
      "ArrowLeft",
      "Home",
      "ArrowRight",
    ] as const) {
      const want = markAfter(marks, now.id as string, key);
      now = await press(page, key);
      expect(now.id, key).toBe(want.id);
      expect(now.label, key).toBe(want.label);
      expect(now.label?.startsWith(await summaryOf(want.id)), key).toBe(true);
    }
    expect(await tabbableCount(page, CHART)).toBe(2);

    // Enter opens the commitment's panel; Escape closes it and gives the mark focus back.
    const id = now.id as string;
    await press(page, "Enter");
    const panel = page.getByTestId("commitment-panel");
    await expect.poll(() => panel.getAttribute("data-id")).toBe(id);
    await expect
      .poll(() => panel.locator("h2").textContent(), { timeout: READY_TIMEOUT })
      .toBe(tables.commitments.find((c) => c.id === id)?.summary);
    now = await press(page, "Escape");
    expect(await panel.isVisible()).toBe(false);
    expect(now.id).toBe(id);
    expect(now.inside).toBe(true);
    // Also when the chart was redrawn (a new width) while the panel was open: focus goes to the new mark.
    await press(page, "Enter");
    await expect.poll(() => panel.isVisible()).toBe(true);
    const old = await page.locator(CHART).elementHandle();
    await page.setViewportSize({ width: 1000, height: 800 });
    await expect.poll(() => old?.evaluate((n) => n.isConnected), { timeout: READY_TIMEOUT }).toBe(false);
    now = await press(page, "Escape");
    expect(now).toMatchObject({ id, mark: true, inside: true });
    expectClean(handle);
  });

  it("the lane list: arrows between lanes, Enter collapses, focus stays on the chart through redraws", async () => {
    const { page, ...handle } = await visit("");
    await page.emulateMedia({ reducedMotion: "reduce" });
    const lanes = await page
      .locator(`${CHART} [data-lane]`)
      .evaluateAll((n) => n.map((x) => x.getAttribute("data-lane")));
    await tabToChart(page);
    // Move to a mark of the second lane (up or down from the earliest until there).
    const laneAt = (id: string | null) => lanes.indexOf(tables.commitments.find((c) => c.id === id)?.sector as string);
    let now = await focused(page, CARD);
    for (let i = 0; i < 60 && laneAt(now.id) !== 1; i++)
      now = await press(page, laneAt(now.id) > 1 ? "ArrowUp" : "ArrowDown");
    expect(laneAt(now.id)).toBe(1);
    const inCollapsed = now.id;

    now = await press(page, "Shift+Tab");
    expect(now.lane).toBe(lanes[0]);
    expect(now.label).toMatch(/^[^,]+, \d+ commitments?, collapse$/);
    now = await press(page, "ArrowDown");
    expect(now.lane).toBe(lanes[1]);
    now = await press(page, "End");
    expect(now.lane).toBe(lanes.at(-1));
    now = await press(page, "Home");
    now = await press(page, "ArrowDown");
    expect(now.lane).toBe(lanes[1]);
    // Enter collapses the lane: the chart is redrawn, focus is on the same lane's new toggle.
    now = await press(page, "Enter");
    expect(now.lane).toBe(lanes[1]);
    expect(now.label).toMatch(/, expand$/);
    expect(await page.locator(`${CHART} [data-lane="${lanes[1]}"] .aa-lane-toggle`).getAttribute("aria-expanded")).toBe(
      "false",
    );
    expect(await page.locator(`${CHART} [data-id="${inCollapsed}"]`).count()).toBe(0);
    // No animation runs in the chart with reduced motion asked for.
    expect(
      await page.evaluate(
        () =>
          document.getAnimations().filter((a) => (a.effect as KeyframeEffect | null)?.target?.closest(".aa-timeline"))
            .length,
      ),
    ).toBe(0);
    // Its mark is gone: the marks' stop is now the nearest mark drawn.
    now = await press(page, "Tab");
    expect(now.mark).toBe(true);
    expect(now.id).not.toBe(inCollapsed);
    expect(await tabbableCount(page, CHART)).toBe(2);

    // A redraw of the whole chart (a new width) keeps focus on the same commitment.
    const id = now.id;
    const old = await page.locator(CHART).elementHandle();
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(() => old?.evaluate((n) => n.isConnected), { timeout: READY_TIMEOUT }).toBe(false);
    await expect.poll(() => focused(page, CARD)).toMatchObject({ id, mark: true, inside: true, body: false });
    expectClean(handle);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`axe finds nothing serious in the chart (${colorScheme})`, async () => {
      const { page, ...handle } = await visit("");
      await page.emulateMedia({ colorScheme });
      await page.waitForLoadState("networkidle");
      const found = (await auditPage(page, ".aa-timeline")).filter(isSerious);
      expect(found, describeFindings(found)).toEqual([]);
      expectClean(handle);
    });
  }
});
