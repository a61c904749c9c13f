/**
 * The built site in headless Chromium, served from dist/ on loopback: every
 * page loads with no console error and no outside request, the numbers shown
 * are the numbers in the records, filters in the URL and the filter bar change
 * them, and record text that looks like markup is shown as text.
 *
 * Expected numbers come from loadDataset over data/, never from the page.
 * dist/ is rebuilt in beforeAll when it is missing or older than the sources.
 * The "markup is text" suite builds a second site from a hostile copy of the
 * data in a temporary copy of the project, so dist/ is never touched by it.
 *
 * Run with `npx vitest run --project browser --no-file-parallelism`.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle, type ServedDist, serveDist } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, textOf, visibleText, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { BUILD_TIMEOUT, run } from "../../devtools/site-build.js";
import { formatDateRange } from "../../src/lib/model/dates.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { STATUSES, tableColumns } from "../../src/lib/model/schema.js";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import type { Row, Tables } from "../../src/lib/records/record-types.js";
import { commitmentCount, commitmentPage } from "../../src/lib/sql/commitment-page.js";
import { bySectorAndStatus, citedSources, headline } from "../../src/lib/sql/page-queries.js";
import { loadEveryTable, logQueries } from "./query-log.js";
import { useBuiltSite } from "./site.js";

const SHOTS = join(ROOT, "test-results");
const HOSTILE_FIXTURE = join(ROOT, "test/fixtures/hostile");

// ---- helpers ----------------------------------------------------------------

/** The overview's headline once DuckDB's numbers have replaced the build-time seed. */
const OVERVIEW_READY = '[data-testid="headline"][data-source="duckdb"] [data-kpi="commitments"] .big';

const fmt = (n: number) => n.toLocaleString("en");

const kpi = (page: Page, name: string) => textOf(page, `[data-kpi="${name}"] .big`);

interface VisitOptions {
  viewport?: { width: number; height: number };
  /**
   * Serve the overview's build-time seed (overview.json) with every headline
   * number replaced by POISON, so a number on the page can only be right if
   * DuckDB's answer replaced the seed.
   */
  poisonSeed?: boolean;
}

const POISON = 987_654;

async function poisonSeed(page: Page): Promise<void> {
  await page.route(/\/_file\/data\/overview\.[0-9a-f]+\.json(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const seed = (await response.json()) as { headline?: Record<string, number> };
    for (const key of Object.keys(seed.headline ?? {})) if (seed.headline) seed.headline[key] = POISON;
    await route.fulfill({ response, json: seed });
  });
}

/** Opens a page, waits for the engine and for `until` (a selector with the page's content). */
async function openReady(browser: Browser, url: string, until: string, options: VisitOptions = {}) {
  const handle = await openPage(browser, url, {
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.poisonSeed ? { beforeGoto: poisonSeed } : {}),
  });
  await waitReady(handle.page);
  await handle.page.waitForSelector(until, { state: "attached", timeout: READY_TIMEOUT });
  return handle;
}

/** A table's rows as objects keyed by header text, for the first table whose headers include `header`. */
async function tableWithHeader(page: Page, header: string): Promise<Record<string, string>[] | null> {
  return page.evaluate((wanted) => {
    for (const table of document.querySelectorAll("main table")) {
      const heads = [...table.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim());
      if (!heads.includes(wanted)) continue;
      return [...table.querySelectorAll("tbody tr")].map((tr) => {
        const cells = [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
        return Object.fromEntries(heads.map((h, i) => [h, cells[i] ?? ""]));
      });
    }
    return null;
  }, header);
}

// ---- what the records say ----------------------------------------------------

interface Expected {
  tables: Tables<Row[]>;
  commitments: number;
  withProgress: number;
  /** Named (non-government) institutions bound by at least one commitment. */
  namedBound: number;
  /** Events at which commitments were made. */
  eventsWithCommitments: number;
  institutions: number;
  /** Distinct sectors used by commitments. */
  sectorsUsed: number;
  /** A sector with commitments, but not all of them, and its count. */
  sector: { id: string; count: number };
  /** A filter query matching no commitment. */
  empty: string;
}

const DAY = 86_400_000;

function expectations(): Expected {
  const dataset = loadDataset(join(ROOT, "data"));
  if (!dataset.tables) throw new Error(`data/ is not valid: ${dataset.errors} errors`);
  const { tables } = dataset;
  const commitments = tables.commitments;
  const bySector = new Map<string, number>();
  for (const c of commitments) bySector.set(String(c.sector), (bySector.get(String(c.sector)) ?? 0) + 1);
  // Prefer labour_migration (the 8th JMC's first topic); any used sector will do.
  const sectorId = bySector.has("labour_migration") ? "labour_migration" : [...bySector.keys()].sort()[0];
  const count = bySector.get(sectorId) ?? 0;

  // A filter with no match: a status nobody has, else a sector and a year none of its commitments overlaps.
  let empty: string | undefined;
  const unused = STATUSES.find((s) => !commitments.some((c) => c.status === s));
  if (unused) empty = `status=${unused}`;
  else {
    const years = commitments.flatMap((c) => [
      new Date(Number(c.date_from) * DAY).getUTCFullYear(),
      new Date(Number(c.date_to) * DAY).getUTCFullYear(),
    ]);
    const [first, last] = [Math.min(...years), Math.max(...years)];
    search: for (const sector of [...bySector.keys()].sort()) {
      for (let y = first; y <= last; y++) {
        const start = Date.UTC(y, 0, 1) / DAY;
        const end = Date.UTC(y, 11, 31) / DAY;
        const hit = commitments.some(
          (c) => c.sector === sector && Number(c.date_to) >= start && Number(c.date_from) <= end,
        );
        if (!hit) {
          empty = `sector=${encodeURIComponent(sector)}&from=${y}&to=${y}`;
          break search;
        }
      }
    }
  }
  if (!empty) throw new Error("every sector has commitments in every year: no empty filter to test");

  return {
    tables,
    commitments: commitments.length,
    withProgress: commitments.filter((c) => c.status === "in_progress" || c.status === "done").length,
    namedBound: new Set(
      tables.commitment_parties
        .filter((p) => tables.institutions.some((i) => i.id === p.institution_id && i.type !== "government"))
        .map((p) => p.institution_id),
    ).size,
    eventsWithCommitments: new Set(commitments.map((c) => c.event_id)).size,
    institutions: tables.institutions.length,
    sectorsUsed: bySector.size,
    sector: { id: sectorId, count },
    empty,
  };
}

// ---- the default site ----------------------------------------------------------

let want: Expected;
const site = useBuiltSite();

beforeAll(async () => {
  want = expectations();
  expect(want.sector.count).toBeGreaterThan(0);
  expect(want.sector.count).toBeLessThan(want.commitments);
}, BUILD_TIMEOUT);

/** Opens and remembers a page so afterAll closes it even when a test fails. */
async function visit(path: string, until: string, options: VisitOptions = {}): Promise<PageHandle> {
  const handle = await openReady(site.browser, `${site.server.url}${path}`, until, options);
  site.open.push(handle);
  return handle;
}

describe("(a) every page loads clean", () => {
  const PAGES: [string, string][] = [
    ["/", OVERVIEW_READY],
    ["/sql", '[data-testid="user-result"]'],
    ["/data", '[data-testid="completeness"]'],
  ];
  for (const [path, until] of PAGES) {
    it(`${path} reaches data-state=ready with no console error and no outside request`, async () => {
      const handle = await visit(path, until);
      await handle.page.waitForLoadState("networkidle");
      expect(await handle.page.locator(".aa-status").getAttribute("data-state")).toBe("ready");
      await expect.poll(() => handle.page.locator(".aa-error").count()).toBe(0);
      expectClean(handle);
      await handle.close();
    });
  }
});

describe("(b) the SQL notebook", () => {
  it("the ```sql cell counts every commitment and every sector used", async () => {
    const { page, ...handle } = await visit("/sql", '[data-testid="per-sector-total"]');
    await expect
      .poll(textOf(page, '[data-testid="per-sector-total"]'), { timeout: READY_TIMEOUT })
      .toBe(`${want.commitments} commitments in ${want.sectorsUsed} sectors.`);
    expectClean(handle);
  });

  it("runs a query typed in the box", async () => {
    const { page, ...handle } = await visit("/sql", '[data-testid="user-result"]');
    await page.getByLabel("SQL query").fill("SELECT count(*) AS n FROM institutions");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const result = async () => {
      const rows = await tableWithHeader(page, "n");
      return rows && rows.length === 1 ? rows[0].n : null;
    };
    await expect.poll(result, { timeout: READY_TIMEOUT }).toBe(fmt(want.institutions));
    await expect.poll(textOf(page, '[data-testid="user-result"] .aa-source')).toBe("1 row");
    expectClean(handle);
  });

  it("refuses a query that reads a URL, with a readable error and no request", async () => {
    const { page, ...handle } = await visit("/sql", '[data-testid="user-result"]');
    await page.getByLabel("SQL query").fill("SELECT * FROM read_csv('https://example.com/x.csv')");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect
      .poll(textOf(page, '[role="alert"]'), { timeout: READY_TIMEOUT })
      .toContain("file system operations are disabled");
    expect(handle.outsideRequests).toEqual([]);
    expectClean(handle);
  });
});

describe("(c) the overview numbers are the records' numbers", () => {
  it("commitments and commitments with evidence of progress, as DuckDB counts them", async () => {
    // The seed is poisoned: the right numbers can only come from the SQL results.
    const { page, ...handle } = await visit("/", OVERVIEW_READY, { poisonSeed: true });
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.commitments));
    await expect.poll(kpi(page, "with_progress")).toBe(fmt(want.withProgress));
    await expect.poll(kpi(page, "institutions")).toBe(fmt(want.namedBound));
    await expect.poll(kpi(page, "events")).toBe(fmt(want.eventsWithCommitments));
    expectClean(handle);
  });
});

describe("(c2) data freshness", () => {
  it("dates the latest held event by its whole span, and every line has a date", async () => {
    const held = want.tables.events.filter((e) => e.status === "held");
    const start = Math.max(...held.map((e) => Number(e.start_date_from)));
    const latest = held.filter((e) => Number(e.start_date_from) === start);
    const end = Math.max(...latest.map((e) => Number(e.end_date_to ?? e.start_date_from)));
    const event = latest.find((e) => Number(e.end_date_to ?? e.start_date_from) === end);
    if (!event) throw new Error("no held event in data/");
    const { page, ...handle } = await visit("/", OVERVIEW_READY);
    const dates = page.locator('[data-testid="freshness"] .date');
    await expect
      .poll(() => dates.first().textContent(), { timeout: READY_TIMEOUT })
      .toBe(formatDateRange(String(event.start_date), event.end_date ? String(event.end_date) : null));
    for (const text of await dates.allTextContents()) expect(text.trim()).not.toBe("");
    expectClean(handle);
  });
});

describe("(c3) event lists", () => {
  it("show the soonest upcoming and the newest held events, and how many there are in all", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const day = (e: Row) => new Date(Number(e.start_date_from) * DAY).toISOString().slice(0, 10);
    const byNewest = [...want.tables.events].sort(
      (a, b) => Number(b.start_date_from) - Number(a.start_date_from) || String(a.id).localeCompare(String(b.id)),
    );
    const isUpcoming = (e: Row) => e.status === "planned" || day(e) > today;
    const upcoming = byNewest.filter(isUpcoming).reverse();
    const recent = byNewest.filter((e) => !isUpcoming(e));
    expect(recent.length).toBeGreaterThan(10);
    const { page, ...handle } = await visit("/", OVERVIEW_READY);
    const listed = (heading: string) =>
      page
        .locator(`.card:has(h2:text-is("${heading}")) li[data-event]`)
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-event")));
    await expect
      .poll(() => listed("Recent events"), { timeout: READY_TIMEOUT })
      .toEqual(recent.slice(0, 10).map((e) => e.id));
    expect(await listed("Upcoming")).toEqual(upcoming.slice(0, 5).map((e) => e.id));
    const recentCard = page.locator('.card:has(h2:text-is("Recent events"))');
    expect(await recentCard.locator(".aa-source").textContent()).toBe(`Showing 10 of ${fmt(recent.length)} events.`);
    expectClean(handle);
  });
});

describe("(d) filters", () => {
  it("a sector in the URL narrows the numbers", async () => {
    const { page, ...handle } = await visit(`/?sector=${want.sector.id}`, OVERVIEW_READY);
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.sector.count));
    expect(await kpi(page, "commitments")()).not.toBe(fmt(want.commitments));
    await expect.poll(textOf(page, 'details[data-filter="sector"] summary')).toBe("Sector · 1");
    expect(await page.locator(`input[name="sector"][value="${want.sector.id}"]`).isChecked()).toBe(true);
    expectClean(handle);
  });

  it("unknown values in the URL are ignored with a notice", async () => {
    const { page, ...handle } = await visit("/?sector=nonexistent-sector&from=abc", OVERVIEW_READY);
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.commitments));
    const notice = page.locator(".aa-notice");
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("nonexistent-sector");
    expect(text).toContain("abc");
    await expect.poll(textOf(page, 'details[data-filter="sector"] summary')).toBe("Sector");
    expectClean(handle);
  });

  it("the filter bar writes the URL, and history back restores the numbers", async () => {
    const { page, ...handle } = await visit("/", OVERVIEW_READY, { poisonSeed: true });
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.commitments));
    await page.locator('details[data-filter="sector"] summary').click();
    await page.locator(`input[name="sector"][value="${want.sector.id}"]`).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll("sector")).toEqual([want.sector.id]);
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.sector.count));
    await expect.poll(textOf(page, 'details[data-filter="sector"] summary')).toBe("Sector · 1");

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.commitments));
    await expect.poll(textOf(page, 'details[data-filter="sector"] summary')).toBe("Sector");
    expect(await page.locator(`input[name="sector"][value="${want.sector.id}"]`).isChecked()).toBe(false);

    await page.goForward();
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.sector.count));
    expectClean(handle);
  });

  it("on a filter change, asks DuckDB for the chart's numbers before the table, its count and the cited sources", async () => {
    const { page, ...handle } = await visit("/", OVERVIEW_READY);
    const asked = await logQueries(page);
    await page.locator('details[data-filter="sector"] summary').click();
    await page.locator(`input[name="sector"][value="${want.sector.id}"]`).check();
    // The queries by their text, built as the page builds them for this filter.
    const filter = { ...emptyFilters(), sector: [want.sector.id] };
    const chartQueries = [headline(filter, want.commitments).text, bySectorAndStatus(filter).text];
    const besideQueries = [commitmentPage(filter).text, commitmentCount(filter).text, citedSources(filter).text];
    // Where each text first appears in the log as asked or answered (-1: not yet).
    const at = (log: string[], prefix: string, texts: string[]) => texts.map((t) => log.indexOf(`${prefix} ${t}`));
    const besideAsked = (log: string[]) => at(log, "asked", besideQueries).filter((i) => i >= 0);
    await expect.poll(async () => besideAsked(await asked()).length, { timeout: READY_TIMEOUT }).toBeGreaterThan(0);
    const log = await asked();
    const chartAnswered = at(log, "answered", chartQueries);
    expect(
      Math.min(...chartAnswered),
      "both chart queries answered by the time the table is asked",
    ).toBeGreaterThanOrEqual(0);
    expect(Math.min(...besideAsked(log))).toBeGreaterThan(Math.max(...chartAnswered));
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.sector.count));
    expectClean(handle);
  });

  it("has DuckDB prepare the chart's, the table's, the event lists' and the sources' statements while the Sector list is open", async () => {
    const { page, ...handle } = await visit("/", OVERVIEW_READY);
    await page.waitForSelector('[data-testid="commitments"]', { timeout: READY_TIMEOUT });
    await loadEveryTable(page);
    const asked = await logQueries(page);
    await page.locator('details[data-filter="sector"] summary').click();
    const filter = { ...emptyFilters(), sector: [want.sector.id] };
    const texts = [
      headline(filter, want.commitments).text,
      bySectorAndStatus(filter).text,
      commitmentPage(filter).text,
      commitmentCount(filter).text,
      citedSources(filter).text,
    ];
    const prepared = async () => {
      const log = await asked();
      return texts.filter((t) => !log.includes(`prepared ${t}`)).map((t) => t.slice(0, 60));
    };
    await expect.poll(prepared, { timeout: READY_TIMEOUT }).toEqual([]);
    const before = await asked();
    expect(
      texts.filter((text) => before.includes(`asked ${text}`)),
      "nothing run ahead",
    ).toEqual([]);
    const ticked = before.length;
    await page.locator(`input[name="sector"][value="${want.sector.id}"]`).check();
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.sector.count));
    await expect
      .poll(async () => (await asked()).includes(`answered ${citedSources(filter).text}`), { timeout: READY_TIMEOUT })
      .toBe(true);
    // Every statement the change ran (the event lists' too) had been prepared before it was asked.
    const log = await asked();
    const ran = log
      .slice(ticked)
      .filter((line) => line.startsWith("asked "))
      .map((line) => line.slice("asked ".length));
    expect(ran.length).toBeGreaterThanOrEqual(texts.length);
    for (const text of ran) {
      const at = log.indexOf(`prepared ${text}`);
      expect(at, text.slice(0, 60)).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(log.indexOf(`asked ${text}`));
    }
    expectClean(handle);
  });
});

describe("(e) empty state", () => {
  it("filters that match nothing say so in the chart card", async () => {
    const { page, ...handle } = await visit(`/?${want.empty}`, OVERVIEW_READY);
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe("0");
    const card = page.locator(".card", { has: page.locator("h2", { hasText: "Commitments by sector" }) });
    await expect
      .poll(() => card.locator(".aa-empty").first().textContent(), { timeout: READY_TIMEOUT })
      .toContain("No commitments match these filters.");
    expect(await card.locator(".aa-empty").first().isVisible()).toBe(true);
    expect(await card.locator('[data-chart="commitments-by-sector"]').count()).toBe(0);
    expect(await page.locator(".aa-notice").isVisible()).toBe(false); // the filter itself was accepted
    expectClean(handle);
  });
});

describe("(g) the data page", () => {
  it("reconciles all seven tables and documents every commitments column", async () => {
    const { page, ...handle } = await visit("/data", 'table.aa-columns[data-table="commitments"]');
    const reconciled = async () => {
      const rows = await tableWithHeader(page, "Reconciled");
      return rows && rows.length === TABLE_NAMES.length ? rows : null;
    };
    await expect.poll(reconciled, { timeout: READY_TIMEOUT }).not.toBeNull();
    const rows = (await reconciled()) ?? [];
    expect(rows.map((r) => r.Table).sort()).toEqual([...TABLE_NAMES].sort());
    for (const row of rows) {
      const count = fmt(want.tables[row.Table as keyof typeof want.tables].length);
      expect(row, row.Table).toMatchObject({
        Reconciled: "✓",
        "Records read": count,
        "Rows written": count,
        "Rows in DuckDB": count,
      });
    }
    const documented = await page
      .locator('table.aa-columns[data-table="commitments"] tbody tr td:first-child')
      .allTextContents();
    expect(documented.map((t) => t.trim())).toEqual(tableColumns("commitments").map((c) => c.name));
    // The descriptions' examples are the records' own: the first event id in text order.
    const firstEvent = want.tables.events.map((e) => String(e.id)).sort()[0];
    const idRow = page.locator('table.aa-columns[data-table="events"] tbody tr').first();
    expect(await idRow.textContent()).toContain(`(for example ${firstEvent})`);
    // Names and values in backticks are set as code, with no backtick left showing.
    expect(await idRow.locator("td:nth-child(4) code").allTextContents()).toContain(firstEvent);
    const descriptions = await page.locator("table.aa-columns tbody td:nth-child(4)").allTextContents();
    expect(descriptions.filter((d) => d.includes("`"))).toEqual([]);
    const headings = await page.locator('h3[id^="table-"]').allTextContents();
    expect(headings.filter((h) => h.includes("`"))).toEqual([]);
    expectClean(handle);
  });
});

describe("(h) viewports", () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    it(`/ at ${viewport.width}×${viewport.height} loads clean (screenshot in test-results/)`, async () => {
      const { page, ...handle } = await visit("/", OVERVIEW_READY, { viewport, poisonSeed: true });
      await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe(fmt(want.commitments));
      await page.waitForSelector('[data-chart="commitments-by-sector"]', { timeout: READY_TIMEOUT });
      await page.waitForLoadState("networkidle");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `overview-${viewport.width}x${viewport.height}.png`), fullPage: true });
      // The page fits the viewport's width (no sideways scrolling of the whole page).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(1);
      expectClean(handle);
    });
  }
});

// ---- a site built from hostile records ------------------------------------------

describe("(f) markup in records is shown as text", () => {
  const INSTITUTION = "zz-hostile-institution";
  const INSTITUTION_NAME = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`;
  let work: string;
  let hostileServer: ServedDist;

  beforeAll(async () => {
    // A copy of data/ with the hostile records, built in a throwaway copy of
    // the project (scripts/build.ts always writes ./dist), so dist/ is untouched.
    work = mkdtempSync(join(tmpdir(), "accord-hostile-"));
    const data = join(work, "data");
    cpSync(join(ROOT, "data"), data, { recursive: true });
    cpSync(HOSTILE_FIXTURE, join(data, "hostile"), { recursive: true, filter: (src) => !src.endsWith(".md") });
    const project = join(work, "project");
    cpSync(join(ROOT, "src"), join(project, "src"), {
      recursive: true,
      filter: (src) => !src.includes(`${join(ROOT, "src", ".observablehq")}`),
    });
    cpSync(join(ROOT, "scripts"), join(project, "scripts"), { recursive: true });
    for (const file of ["package.json", "observablehq.config.ts"]) cpSync(join(ROOT, file), join(project, file));
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
    await run("npx", ["tsx", "scripts/build.ts"], project, { ACCORD_DATA_DIR: data });
    hostileServer = await serveDist(join(project, "dist"));
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await hostileServer?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Checks no record text became an element or ran as script. */
  async function expectInert(handle: PageHandle): Promise<void> {
    const { page } = handle;
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const found = await page.evaluate(() => ({
      bold: [...document.querySelectorAll("main b")].filter((e) => e.textContent === "bold").length,
      underline: [...document.querySelectorAll("main u")].filter((e) => e.textContent === "event").length,
      emphasis: [...document.querySelectorAll("main em")].filter((e) => e.textContent === "Hostile").length,
      italic: [...document.querySelectorAll("main i")].filter((e) => e.textContent === "¶1").length,
      images: document.querySelectorAll('img[src="x"]').length,
      svgOnload: document.querySelectorAll("svg[onload]").length,
      scripts: [...document.querySelectorAll("script")].filter((s) => (s.textContent ?? "").includes("__pwned")).length,
    }));
    expect(found).toEqual({ bold: 0, underline: 0, emphasis: 0, italic: 0, images: 0, svgOnload: 0, scripts: 0 });
    expectClean(handle);
  }

  it("the overview shows the hostile institution and summary literally", async () => {
    const handle = await openReady(site.browser, `${hostileServer.url}/?institution=${INSTITUTION}`, OVERVIEW_READY);
    site.open.push(handle);
    const { page } = handle;
    await expect.poll(kpi(page, "commitments"), { timeout: READY_TIMEOUT }).toBe("1");
    const bound = async () => (await tableWithHeader(page, "Bound"))?.[0]?.Bound ?? null;
    await expect.poll(bound, { timeout: READY_TIMEOUT }).toContain(INSTITUTION_NAME);
    const main = await visibleText(page);
    expect(main).toContain("<script>window.__pwned=1</script>");
    expect(main).toContain("<b>bold</b>");
    await page.waitForLoadState("networkidle");
    await expectInert(handle);
  });

  it("the SQL notebook's “Who is bound” table shows the name literally", async () => {
    const handle = await openReady(
      site.browser,
      `${hostileServer.url}/sql?institution=${INSTITUTION}`,
      '[data-testid="per-sector-total"]',
    );
    site.open.push(handle);
    const { page } = handle;
    await expect
      .poll(textOf(page, '[data-testid="per-sector-total"]'), { timeout: READY_TIMEOUT })
      .toBe("1 commitments in 1 sectors.");
    const names = async () => (await tableWithHeader(page, "institution"))?.map((r) => r.institution) ?? [];
    await expect.poll(names, { timeout: READY_TIMEOUT }).toContain(INSTITUTION_NAME);
    expect(await visibleText(page)).toContain("<script>window.__pwned=1</script>");
    await page.waitForLoadState("networkidle");
    await expectInert(handle);
  });

  it("the network draws the hostile institution's name as text, in the label, tooltip, panel and tables", async () => {
    const handle = await openPage(site.browser, `${hostileServer.url}/network?institution=${INSTITUTION}`);
    site.open.push(handle);
    const { page } = handle;
    await waitReady(page);
    await page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes="2"]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    const names = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="network-nodes"] tbody tr td:first-child')].map(
          (td) => td.textContent,
        ),
      );
    // The hostile institution and the government its commitment also binds.
    await expect.poll(names, { timeout: READY_TIMEOUT }).toEqual(["Government of Pakistan", INSTITUTION_NAME]); // in id order
    const node = page.locator(`.aa-net-node[data-id="${INSTITUTION}"]`);
    const box = await node.boundingBox();
    if (!box) throw new Error("the hostile institution is not drawn");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => page.locator(".aa-net-tooltip").textContent(), { timeout: READY_TIMEOUT })
      .toContain(INSTITUTION_NAME);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => page.locator(".aa-net-panel h2").first().textContent(), { timeout: READY_TIMEOUT })
      .toBe(INSTITUTION_NAME);
    expect(await page.locator(".aa-net-svg .labels text").allTextContents()).toContain(INSTITUTION_NAME);
    await page.waitForLoadState("networkidle");
    await expectInert(handle);
  });

  it("the data page lists the markup warnings as text", async () => {
    const handle = await openReady(site.browser, `${hostileServer.url}/data`, "table.aa-columns");
    site.open.push(handle);
    const { page } = handle;
    await expect
      .poll(async () => (await visibleText(page)).includes("contains markup"), {
        timeout: READY_TIMEOUT,
      })
      .toBe(true);
    await page.waitForLoadState("networkidle");
    await expectInert(handle);
  });
});
