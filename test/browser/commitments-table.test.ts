/**
 * The overview's table of commitments, paged in SQL, as a reader meets it in
 * headless Chromium on the built site: the count and "page X of Y" agree
 * with the records, the pages follow each other in the order asked, a
 * header sorts every matching row (by mouse, and by keyboard with the focus
 * kept on the header), and the CSV holds every matching row, not a page.
 *
 * Expected rows come from the same SQL run by native DuckDB over data/.
 *
 * Run with `npx vitest run --project browser --no-file-parallelism test/browser/commitments-table.test.ts`.
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
import { emptyFilters, type FilterState } from "../../src/lib/model/filters.js";
import {
  COMMITMENT_PAGE_SIZE,
  type CommitmentOrder,
  commitmentCount,
  commitmentPage,
  NEWEST_FIRST,
} from "../../src/lib/sql/commitment-page.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
let db: NativeDataset;
beforeAll(async () => {
  db = await nativeDataset(join(ROOT, "data"));
}, 60_000);
afterAll(() => db?.close());

const TABLE = '[data-testid="commitments"]';
const WHERE = '[data-testid="commitments-where"]';
const fmt = (n: number) => n.toLocaleString("en");

async function openOverview(query = ""): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/${query}`, {
    viewport: { width: 1400, height: 1000 },
  });
  site.open.push(handle);
  await waitReady(handle.page);
  await handle.page.waitForSelector(`${WHERE}:has-text("Page 1 of")`, { timeout: READY_TIMEOUT });
  return handle;
}

async function count(filters: FilterState): Promise<number> {
  const [{ n }] = await db.query(commitmentCount(filters));
  return Number(n);
}

/** The summaries of the rows Inputs has drawn so far (it draws the first ones, then more on scroll). */
async function shownSummaries(page: Page): Promise<string[]> {
  return page.$$eval(`${TABLE} tbody tr td:nth-child(4) > span`, (cells) =>
    cells.map((cell) => cell.firstChild?.textContent ?? ""),
  );
}

/** The summaries of page `n` in `order`, as native DuckDB gives them, as many as are shown. */
async function expectedSummaries(filters: FilterState, order: CommitmentOrder, n: number, shown: number) {
  const rows = await db.query(commitmentPage(filters, { order, page: n }));
  return rows.slice(0, shown).map((r) => String(r.summary));
}

/** Waits for the table to say it shows page `n` in the order named by `words`. */
async function waitForPage(page: Page, n: number, words: string): Promise<void> {
  await page.waitForFunction(
    ([where, n, words]) => {
      const text = document.querySelector(where)?.textContent ?? "";
      return text.startsWith(`Page ${n} of`) && text.endsWith(`by ${words}`);
    },
    [WHERE, n, words] as const,
    { timeout: READY_TIMEOUT },
  );
}

describe("the overview's table of commitments", () => {
  it("says how many match and pages through them newest first", async () => {
    const handle = await openOverview();
    const { page } = handle;
    const total = await count(emptyFilters());
    const pages = Math.ceil(total / COMMITMENT_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1); // data/ has more than one page
    expect(await page.textContent(WHERE)).toBe(
      `Page 1 of ${pages} · rows 1–${COMMITMENT_PAGE_SIZE} of ${fmt(total)} · by date, newest first`,
    );
    await expect(page.isDisabled('[data-testid="commitments-previous"]')).resolves.toBe(true);
    const first = await shownSummaries(page);
    expect(first.length).toBeGreaterThan(5);
    expect(first).toEqual(await expectedSummaries(emptyFilters(), NEWEST_FIRST, 0, first.length));

    await page.click('[data-testid="commitments-next"]');
    await waitForPage(page, 2, "date, newest first");
    const second = await shownSummaries(page);
    expect(second).toEqual(await expectedSummaries(emptyFilters(), NEWEST_FIRST, 1, second.length));

    await page.click('[data-testid="commitments-last"]');
    await waitForPage(page, pages, "date, newest first");
    const lastRows = total - (pages - 1) * COMMITMENT_PAGE_SIZE;
    expect(await page.textContent(WHERE)).toContain(`rows ${fmt(total - lastRows + 1)}–${fmt(total)} of ${fmt(total)}`);
    await expect(page.isDisabled('[data-testid="commitments-next"]')).resolves.toBe(true);
    expectClean(handle);
  });

  it("sorts every matching row by a header, by mouse and by keyboard", async () => {
    const handle = await openOverview();
    const { page } = handle;
    await page.click('[data-testid="commitments-next"]');
    await waitForPage(page, 2, "date, newest first");

    // A click sorts all the rows by sector and goes back to the first page.
    await page.click(`${TABLE} thead th[data-column="sector"]`);
    await waitForPage(page, 1, "sector, A to Z");
    expect(await page.getAttribute(`${TABLE} thead th[data-column="sector"]`, "aria-sort")).toBe("ascending");
    expect(await page.getAttribute(`${TABLE} thead th[data-column="date_from"]`, "aria-sort")).toBe("none");
    const bySector = await page.$$eval(`${TABLE} tbody tr td:nth-child(3)`, (cells) =>
      cells.map((c) => c.textContent?.replace(/^■ /, "") ?? ""),
    );
    const expected = await db.query(commitmentPage(emptyFilters(), { order: { column: "sector", descending: false } }));
    expect(bySector).toEqual(expected.slice(0, bySector.length).map((r) => String(r.sector)));

    // The same header again turns the order round.
    await page.click(`${TABLE} thead th[data-column="sector"]`);
    await waitForPage(page, 1, "sector, Z to A");
    expect(await page.getAttribute(`${TABLE} thead th[data-column="sector"]`, "aria-sort")).toBe("descending");

    // Keyboard: Tab reaches the headers, Enter sorts, the focus stays on the header.
    await page.focus(`${TABLE} thead th[data-column="event"]`);
    await page.keyboard.press("Enter");
    await waitForPage(page, 1, "event, A to Z");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.column)).toBe("event");
    await page.keyboard.press(" ");
    await waitForPage(page, 1, "event, Z to A");
    const order = { column: "event", descending: true } as const;
    const shown = await shownSummaries(page);
    expect(shown).toEqual(await expectedSummaries(emptyFilters(), order, 0, shown.length));
    await page.click('[data-testid="commitments-next"]');
    await waitForPage(page, 2, "event, Z to A");
    const next = await shownSummaries(page);
    expect(next).toEqual(await expectedSummaries(emptyFilters(), order, 1, next.length));
    expectClean(handle);
  });

  it("saves every matching row as CSV, not the page shown", async () => {
    const handle = await openOverview();
    const { page } = handle;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="commitments-csv"]'),
    ]);
    const path = await download.path();
    if (!path) throw new Error("no CSV file");
    const rows = csvParse(readFileSync(path, "utf8"));
    const all = await db.query(commitmentPage(emptyFilters(), { size: 1_000_000 }));
    expect(rows.length).toBe(all.length);
    expect(rows.length).toBeGreaterThan(COMMITMENT_PAGE_SIZE);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(all.map((r) => String(r.id))));
    expectClean(handle);
  });

  it("counts and pages only the commitments the filters match", async () => {
    const filters = { ...emptyFilters(), sector: ["industry"] };
    const total = await count(filters);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(COMMITMENT_PAGE_SIZE);
    const handle = await openOverview("?sector=industry");
    const { page } = handle;
    expect(await page.textContent(WHERE)).toBe(`Page 1 of 1 · rows 1–${total} of ${total} · by date, newest first`);
    await expect(page.isDisabled('[data-testid="commitments-next"]')).resolves.toBe(true);
    const shown = await shownSummaries(page);
    expect(shown).toEqual(await expectedSummaries(filters, NEWEST_FIRST, 0, shown.length));
    expectClean(handle);
  });
});
