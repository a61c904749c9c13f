/**
 * The SQL notebook as a user meets it in headless Chromium: the examples'
 * SQL, run by native DuckDB, gives the rows the page shows; DuckDB's errors
 * are marked where they point; completion offers the tables; cells survive
 * a reload and a copied link (which runs nothing until Run); "Open in
 * notebook" from the network's Share menu brings its query and its count;
 * a slow query is cancelled while the page stays usable; and a hostile
 * address is refused with a notice.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { csvParse } from "d3";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { type NativeDataset, nativeDataset } from "../../devtools/native-duckdb.js";
import { READY_TIMEOUT, textOf, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { encodeNotebook } from "../../src/lib/notebook/notebook-address.js";
import { inlineParams } from "../../src/lib/notebook/sql-literals.js";
import { raw } from "../../src/lib/sql/fragment.js";
import { networkCounts } from "../../src/lib/sql/network-queries.js";
import { exportCommitments } from "../../src/lib/sql/page-queries.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
let db: NativeDataset;
beforeAll(async () => {
  db = await nativeDataset(join(ROOT, "data"));
}, 60_000);
afterAll(() => db?.close());

async function openSql(path = "/sql"): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}${path}`, { viewport: { width: 1400, height: 1000 } });
  site.open.push(handle);
  await handle.page.waitForSelector('[data-testid="notebook"][data-ready]', {
    state: "attached",
    timeout: READY_TIMEOUT,
  });
  return handle;
}

const cells = (page: Page) => page.locator(".aa-nb-cell");
/** The editor's text: its lines, as CodeMirror draws them (every line of these short queries is drawn). */
const cellText = (cell: Locator) =>
  cell
    .locator(".cm-content")
    .evaluate((node) => [...node.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n"));

/** Replaces a cell's text as typing would (CodeMirror reads the input events). */
async function setText(cell: Locator, text: string): Promise<void> {
  const content = cell.locator(".cm-content");
  await content.focus();
  await content.press("ControlOrMeta+a");
  await content.press("Delete");
  await content.page().keyboard.insertText(text);
  await expect.poll(() => cellText(cell)).toBe(text);
}

async function runAndWait(cell: Locator, state: string | RegExp = /done|error|cancelled/): Promise<void> {
  await cell.getByRole("button", { name: "Run", exact: true }).click();
  await expect.poll(() => cell.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toMatch(state);
}

/** The number a result's "N rows" line gives. */
async function rowsShown(cell: Locator): Promise<number> {
  const text = (await cell.locator('[data-testid="user-result"] .aa-source').first().textContent()) ?? "";
  const match = /^([\d,]+) rows?$/.exec(text.trim());
  if (!match) throw new Error(`not a row count: ${text}`);
  return Number(match[1].replaceAll(",", ""));
}

/** A value as text without thousands separators: Inputs.table writes 1,234; native DuckDB gives BIGINT as "1234". */
function plain(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value).trim();
  return /^-?[\d,]+(\.\d+)?$/.test(text) ? text.replaceAll(",", "") : text;
}

/** The first value of a cell's result table (its first column is Inputs.table's hidden checkboxes). */
const firstValue = async (cell: Locator) =>
  ((await cell.locator("tbody tr").first().locator("td").nth(1).textContent()) ?? "").trim();

describe("the examples", () => {
  it("show SQL that, run natively, gives the rows the page shows", async () => {
    const handle = await openSql();
    const { page } = handle;
    const ids = await page.$$eval(
      "[data-testid^=example-]:not([data-testid=example-sql]):not([data-testid=example-count])",
      (nodes) => nodes.map((n) => n.getAttribute("data-testid")),
    );
    expect(ids.length).toBe(6);
    for (const id of ids) {
      const example = page.locator(`[data-testid="${id}"]`);
      await expect.poll(() => example.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
      const text = (await example.locator('[data-testid="example-sql"]').textContent()) ?? "";
      const native = await db.query(raw(text));
      // Past 5,000 rows an example, like a cell, shows the first 5,000 and counts the rest.
      const all = `${native.length.toLocaleString("en")} row${native.length === 1 ? "" : "s"}`;
      expect(await example.locator('[data-testid="example-count"]').textContent()).toBe(
        native.length > 5000 ? `first 5,000 of ${all}` : all,
      );
      const table = await example.locator("table").evaluate((t) => ({
        heads: [...t.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").trim()),
        rows: [...t.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim()),
        ),
      }));
      // Inputs.table's first column holds the (hidden) row checkboxes, named "Row" for screen readers.
      expect(table.heads[0]).toBe("Row");
      const kept = table.heads.flatMap((_, i) => (i === 0 ? [] : [i]));
      expect(kept.map((i) => table.heads[i])).toEqual(Object.keys(native[0] ?? {}));
      expect(table.rows.length).toBeGreaterThan(0);
      table.rows.forEach((row, i) => {
        expect(
          kept.map((k) => plain(row[k])),
          `${id}, row ${i + 1}`,
        ).toEqual(Object.values(native[i]).map(plain));
      });
    }
    expectClean(handle);
  });

  it("show the filter values they ran with, written into the SQL", async () => {
    const { page } = await openSql("/sql?sector=industry");
    const example = page.locator('[data-testid="example-per-sector"]');
    await expect.poll(() => example.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
    expect(await example.locator("summary").textContent()).toContain("Sector: Industry");
    expect(await example.locator('[data-testid="example-sql"]').textContent()).toContain("'industry'");
    await example.getByRole("button", { name: "Edit as a new cell" }).click();
    const last = cells(page).last();
    expect(await cellText(last)).toContain("'industry'");
    await runAndWait(last, "done");
    expect(await rowsShown(last)).toBe(1);
  });
});

describe("the editor", () => {
  it("marks DuckDB's error at the line and column it points to", async () => {
    const handle = await openSql();
    const cell = cells(handle.page).first();
    await setText(cell, "SELEC 1");
    await runAndWait(cell, "error");
    const error = cell.locator('[data-testid="cell-error"]');
    expect(await error.textContent()).toContain('syntax error at or near "SELEC"');
    expect([await error.getAttribute("data-line"), await error.getAttribute("data-column")]).toEqual(["1", "1"]);
    await expect.poll(() => cell.locator(".cm-lintRange-error").first().textContent()).toBe("SELEC");

    await setText(cell, "SELECT count(*)\nFROM commitments\nWHERE SELEC > 1");
    await runAndWait(cell, "error");
    expect([await error.getAttribute("data-line"), await error.getAttribute("data-column")]).toEqual(["3", "7"]);
    expect(await error.textContent()).toContain("line 3, column 7");
    await expect.poll(() => cell.locator(".cm-lintRange-error").first().textContent()).toBe("SELEC");

    // In a later statement of the cell: counted from the cell's start.
    await setText(cell, "SELECT 1;\n  SELEC 2");
    await runAndWait(cell, "error");
    expect([await error.getAttribute("data-line"), await error.getAttribute("data-column")]).toEqual(["2", "3"]);
    await expect.poll(() => cell.locator(".cm-lintRange-error").first().textContent()).toBe("SELEC");
    expectClean(handle);
  });

  it("completes table names after FROM, and a table's columns", async () => {
    const { page } = await openSql();
    const content = cells(page).first().locator(".cm-content");
    await content.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.type("SELECT * FROM com");
    const options = () =>
      page.$$eval(".cm-tooltip-autocomplete li", (items) =>
        items.map((li) => li.querySelector(".cm-completionLabel")?.textContent),
      );
    await expect.poll(options).toContain("commitments");
    expect(await options()).toContain("commitment_parties");
    await page.keyboard.press("Escape");
    await page.keyboard.type("mitments WHERE commitments.summ");
    await expect.poll(options).toContain("summary");
  });

  it("runs with Ctrl+Enter, and Tab leaves the editor", async () => {
    const { page } = await openSql();
    const cell = cells(page).first();
    await setText(cell, "SELECT 41 + 1 AS answer");
    await cell.locator(".cm-content").press("Control+Enter");
    await expect.poll(() => cell.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
    expect(await rowsShown(cell)).toBe(1);
    await cell.locator(".cm-content").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".cm-editor") === null)).toBe(true);
  });
});

describe("cells kept and shared", () => {
  it("three cells survive a reload and a copied link, which runs nothing until Run", async () => {
    const first = await openSql();
    const { page } = first;
    const texts = [
      "SELECT count(*) AS n FROM sectors",
      "SELECT s.label, count(*) AS n FROM commitments c JOIN sectors s ON s.id = c.sector GROUP BY ALL ORDER BY n DESC",
      "CREATE OR REPLACE TABLE opened_by_link AS SELECT 42 AS x",
    ];
    await setText(cells(page).first(), texts[0]);
    for (const text of texts.slice(1)) {
      await page.getByRole("button", { name: "Add cell" }).click();
      await setText(cells(page).last(), text);
    }
    await expect.poll(() => cells(page).count()).toBe(3);
    await expect.poll(() => page.evaluate(() => location.hash.startsWith("#notebook=1."))).toBe(true);

    const link = await page.evaluate(() => location.href);
    // Reloaded, and opened again without the address's notebook: this browser's storage keeps it.
    for (const reopen of [() => page.reload(), () => page.goto(`${site.server.url}/sql`)]) {
      await reopen();
      await page.waitForSelector('[data-testid="notebook"][data-ready]', { state: "attached", timeout: READY_TIMEOUT });
      await expect.poll(() => cells(page).count()).toBe(3);
      for (const [i, text] of texts.entries()) expect(await cellText(cells(page).nth(i))).toBe(text);
      expect(await page.locator(".aa-nb-notices").textContent()).toBe("");
    }

    // A new browser context: no storage; only the link.
    const second = await openSql(link.slice(site.server.url.length));
    const other = second.page;
    await expect.poll(() => cells(other).count()).toBe(3);
    for (const [i, text] of texts.entries()) expect(await cellText(cells(other).nth(i))).toBe(text);
    expect(await textOf(other, ".aa-nb-notices")()).toContain("none run yet");
    await waitReady(other);
    for (let i = 0; i < 3; i++) expect(await cells(other).nth(i).getAttribute("data-state")).toBe("idle");
    await other.getByRole("button", { name: "Add cell" }).click();
    const probe = cells(other).last();
    await setText(probe, "SELECT count(*) AS made FROM information_schema.tables WHERE table_name = 'opened_by_link'");
    await runAndWait(probe, "done");
    expect(await firstValue(probe)).toBe("0");

    await other.getByRole("button", { name: "Run all" }).click();
    await expect.poll(() => firstValue(probe), { timeout: READY_TIMEOUT }).toBe("1");
    expect(await cells(other).nth(2).locator(".aa-nb-notice").textContent()).toContain(
      "rebuilt from the published data",
    );
    expectClean(first);
    expectClean(second);
  });

  it("“Open in notebook” from the network's Share menu gives its query and the same count", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/network?sector=industry`, {
      viewport: { width: 1400, height: 1000 },
    });
    site.open.push(handle);
    const { page } = handle;
    await page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    await page
      .locator(".aa-share")
      .first()
      .evaluate((d) => {
        (d as HTMLDetailsElement).open = true;
      });
    await Promise.all([page.waitForURL(/\/sql/), page.click('[data-testid="share-notebook"]')]);
    await page.waitForSelector('[data-testid="notebook"][data-ready]', { state: "attached", timeout: READY_TIMEOUT });
    const filters = { ...emptyFilters(), sector: ["industry"] };
    const cell = cells(page).last();
    expect(await cellText(cell)).toBe(inlineParams(exportCommitments(filters, { withParties: true })));
    expect(await cell.getAttribute("data-state")).toBe("idle");
    await runAndWait(cell, "done");
    const [counts] = await db.query(networkCounts(filters));
    expect(await rowsShown(cell)).toBe(Number(counts.commitments));
    expectClean(handle);
  });
});

describe("the editor and the highlighter load after the first answer", () => {
  it("CodeMirror is asked for only after the page's first answer, and the examples' SQL is highlighted then", async () => {
    const { page, ...handle } = await openSql();
    const timing = await page.evaluate(() => ({
      firstAnswer: performance.getEntriesByName("duckdb:first-query")[0]?.startTime,
      codemirror: performance
        .getEntriesByType("resource")
        .filter((r) => r.name.includes("/@codemirror/"))
        .map((r) => r.startTime),
    }));
    expect(timing.firstAnswer).toBeGreaterThan(0);
    expect(timing.codemirror.length).toBeGreaterThan(0);
    expect(Math.min(...timing.codemirror)).toBeGreaterThan(timing.firstAnswer);
    const sqls = page.locator('[data-testid="example-sql"] code');
    const count = await sqls.count();
    expect(count).toBeGreaterThan(3);
    await expect.poll(() => page.locator('[data-testid="example-sql"] code[data-highlighted]').count()).toBe(count);
    for (let i = 0; i < count; i++) {
      expect(await sqls.nth(i).locator("span.tok-keyword").count(), `example ${i}`).toBeGreaterThan(0);
    }
    expectClean(handle);
  });

  it("an example's “Edit as a new cell” before the editor is in adds its cell once it is, after the kept ones", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handle = await openPage(site.browser, `${site.server.url}/sql`, {
      viewport: { width: 1400, height: 1000 },
      // CodeMirror's view held back: the notebook cannot load until it is released.
      beforeGoto: async (page) => {
        await page.route(
          (url) => url.pathname.includes("/@codemirror/view@"),
          async (route) => {
            await held;
            await route.continue();
          },
        );
      },
    });
    site.open.push(handle);
    const { page } = handle;
    const example = page.locator('[data-testid="example-events"]');
    await expect.poll(() => example.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
    const slot = page.locator('[data-testid="notebook-slot"]');
    expect(await slot.getAttribute("aria-busy")).toBe("true");
    expect(await slot.textContent()).toContain("Loading the notebook's editor");
    expect(await page.locator('[data-testid="notebook"]').count()).toBe(0);
    const text = (await example.locator('[data-testid="example-sql"]').textContent()) ?? "";
    await example.getByRole("button", { name: "Edit as a new cell" }).click();
    release();
    await page.waitForSelector('[data-testid="notebook"][data-ready]', { state: "attached", timeout: READY_TIMEOUT });
    expect(await slot.getAttribute("aria-busy")).toBeNull();
    await expect.poll(() => cells(page).count()).toBe(2);
    expect(await cellText(cells(page).first())).not.toBe(text);
    expect(await cellText(cells(page).last())).toBe(text);
    expectClean(handle);
  });
});

describe("the editor that cannot load", () => {
  it("says so where the notebook would be, and the examples keep their SQL and results", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/sql`, {
      viewport: { width: 1400, height: 1000 },
      beforeGoto: async (page) => {
        await page.route(
          (url) => url.pathname.includes("/@codemirror/view@"),
          (route) => route.abort("failed"),
        );
      },
    });
    site.open.push(handle);
    const { page } = handle;
    const slot = page.locator('[data-testid="notebook-slot"]');
    await expect
      .poll(() => slot.locator('[role="alert"]').textContent(), { timeout: READY_TIMEOUT })
      .toContain("The notebook's editor could not load");
    expect(await slot.getAttribute("aria-busy")).toBeNull();
    const example = page.locator('[data-testid="example-events"]');
    await expect.poll(() => example.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
    // The highlighter could not load either: the SQL stays, plain.
    expect(await example.locator('[data-testid="example-sql"]').textContent()).toContain("FROM events e");
    expect(await example.locator('[data-testid="example-sql"] code[data-highlighted]').count()).toBe(0);
    // The only errors are the refused file's.
    expect(handle.consoleErrors.filter((e) => !/ERR_FAILED|Failed to load resource/.test(e))).toEqual([]);
    expect(handle.outsideRequests).toEqual([]);
  });
});

describe("cells", () => {
  it("are added, reordered and removed, and a result with a category and a number gets a chart with exports", async () => {
    const handle = await openSql();
    const { page } = handle;
    await waitReady(page);
    const texts = [
      "SELECT 1 AS one",
      "SELECT 2 AS two",
      "SELECT label, length(label) AS letters FROM sectors ORDER BY label",
    ];
    await setText(cells(page).first(), texts[0]);
    for (const text of texts.slice(1)) {
      await page.getByRole("button", { name: "Add cell" }).click();
      await setText(cells(page).last(), text);
    }
    await cells(page).nth(2).getByRole("button", { name: "Move up" }).click();
    await cells(page).nth(0).getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => cells(page).count()).toBe(2);
    expect([await cellText(cells(page).nth(0)), await cellText(cells(page).nth(1))]).toEqual([texts[2], texts[1]]);
    expect(await cells(page).nth(0).getAttribute("aria-label")).toBe("Cell 1");

    await page.getByRole("button", { name: "Run all" }).click();
    await expect.poll(() => cells(page).nth(1).getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
    const chart = cells(page).first();
    const [native] = [await db.query(raw(texts[2]))];
    // One bar a row (the chart's svg is an image for screen readers; its bars are its only rects).
    await expect.poll(() => chart.locator('.aa-nb-figure svg[role="img"] rect').count()).toBe(native.length);
    expect(await cells(page).nth(1).locator(".aa-nb-figure").count()).toBe(0);
    await chart.getByLabel("Chart mark, Cell 1").selectOption("dot");
    await expect.poll(() => chart.locator(".aa-nb-figure svg circle").count()).toBe(native.length);

    await chart.locator(".aa-share").evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    const downloaded = page.waitForEvent("download", { timeout: 10_000 });
    await chart.locator('[data-testid="share-csv"]').click();
    const download = await downloaded.catch(async (error) => {
      throw new Error(`${error}; the menu says: ${await chart.locator(".aa-share-status").textContent()}`);
    });
    const csv = csvParse((await readFile((await download.path()) as string)).toString("utf8"));
    expect(csv.length).toBe(native.length);
    expect(csv.map((r) => r.label)).toEqual(native.map((r) => r.label));

    // The mark and the order are kept: reopened from storage.
    await page.goto(`${site.server.url}/sql`);
    await page.waitForSelector('[data-testid="notebook"][data-ready]', { state: "attached", timeout: READY_TIMEOUT });
    await expect.poll(() => cells(page).count()).toBe(2);
    await runAndWait(cells(page).first(), "done");
    expect(await cells(page).first().getByLabel("Chart mark, Cell 1").inputValue()).toBe("dot");
    expectClean(handle);
  });
});

describe("long queries", () => {
  it("a slow cross join is cancelled, and the page stays usable meanwhile", async () => {
    const handle = await openSql();
    const { page } = handle;
    await waitReady(page);
    const cell = cells(page).first();
    await setText(
      cell,
      "SELECT count(*) FROM range(1000000000) a CROSS JOIN range(1000) b WHERE a.range + b.range = -1",
    );
    await cell.getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => cell.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("running");
    expect(await cell.locator('[role="status"]').textContent()).toContain("Running");
    // Usable: a frame is drawn, a button adds a cell and the editor takes typing.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(true))));
    await page.getByRole("button", { name: "Add cell" }).click();
    await expect.poll(() => cells(page).count()).toBe(2);
    await setText(cells(page).last(), "SELECT 7 AS seven");
    expect(await cellText(cells(page).last())).toBe("SELECT 7 AS seven");
    expect(await cell.getAttribute("data-state")).toBe("running");

    await cell.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => cell.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("cancelled");
    await runAndWait(cells(page).last(), "done");
    expect(await firstValue(cells(page).last())).toBe("7");
    expectClean(handle);
  });
});

describe("hostile addresses", () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ["markup", async () => "#notebook=<img src=x onerror=alert(1)>", /version/],
    ["markup after the version", async () => "#notebook=1.AAAA<script>window.__pwned=1</script>", /not base64url/],
    ["a huge encoding", async () => `#notebook=1.${"A".repeat(70_000)}`, /characters long/],
    [
      "an encoding cut short",
      async () => `#notebook=${(await encodeNotebook([{ sql: "SELECT 1 AS one" }])).slice(0, -4)}`,
      /decompressed|cut short/,
    ],
    ["a broken cell to add", async () => "#notebook-add=1.%%%", /not base64url/],
  ];
  for (const [what, hash, problem] of cases) {
    it(`refuses ${what} with a notice, and the page works`, async () => {
      const handle = await openSql(`/sql${await hash()}`);
      const { page } = handle;
      const notice = page.locator(".aa-nb-refused");
      await expect.poll(() => notice.count()).toBe(1);
      expect(await notice.textContent()).toMatch(problem);
      expect(await notice.getAttribute("role")).toBe("alert");
      await expect.poll(() => cells(page).count()).toBe(1);
      const example = page.locator('[data-testid="example-per-sector"]');
      await expect.poll(() => example.getAttribute("data-state"), { timeout: READY_TIMEOUT }).toBe("done");
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator("main img").count()).toBe(0);
      expectClean(handle);
    });
  }
});
