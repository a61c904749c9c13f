/**
 * The filter bar with thousands of institutions (issue #16): a folder of
 * 3,000 generated institutions (scripts/generate.ts, seeded), built in a
 * throwaway copy of the project (devtools/folder-site.ts). The institution
 * list makes no rows until it is opened, then one page of them; a filter
 * change touches only what changed (DOM mutations counted around one tick,
 * a handful whatever the number of institutions); every institution is
 * still reachable by keyboard: found by name and ticked with Space, or shown
 * a page at a time with "Show … more", the focus never falling to <body>;
 * the page hears of a change after the frame that shows it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, textOf, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { useFolderSite } from "./site.js";

const DATA = join(tmpdir(), "accord-filter-bar-3000-5");
const GENERATE = ["--commitments", "1500", "--institutions", "3000", "--countries", "20", "--seed", "5"];
const LIST = 'details[data-filter="institution"]';
const BOXES = `${LIST} input[name="institution"]`;
const PAGE_ROWS = 100;

// Before useFolderSite's own beforeAll (hooks run in the order they are added): the folder it builds from.
beforeAll(() => {
  if (existsSync(join(DATA, "sectors.yaml"))) return;
  const result = spawnSync("npx", ["tsx", "scripts/generate.ts", ...GENERATE, "--out", DATA, "--force"], {
    cwd: ROOT,
    stdio: ["ignore", 2, 2],
  });
  if (result.status !== 0) throw new Error(`scripts/generate.ts failed (exit ${result.status})`);
}, 120_000);
const site = useFolderSite(DATA);

/** The generated institutions with a plain (unquoted) name: id and the label the bar shows (acronym, else name). */
function plainInstitutions(): { id: string; label: string }[] {
  const lines = readFileSync(join(DATA, "institutions.csv"), "utf8").trim().split("\n").slice(1);
  return lines
    .filter((line) => !line.includes('"'))
    .map((line) => line.split(","))
    .map(([id, name, acronym]) => ({ id, label: acronym || name }));
}

async function open(path = "/"): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}${path}`, { viewport: { width: 1280, height: 900 } });
  site.open.push(handle);
  await waitReady(handle.page);
  return handle;
}

const focusedValue = (page: Page) => page.evaluate("document.activeElement?.value ?? document.activeElement?.tagName");

describe("the filter bar with 3,000 institutions", () => {
  it("makes no institution row until the list is opened, then one page of them", async () => {
    const handle = await open();
    const { page } = handle;
    const total = readFileSync(join(DATA, "institutions.csv"), "utf8").trim().split("\n").length - 1;
    expect(total).toBeGreaterThan(3000);
    expect(await page.locator(BOXES).count()).toBe(0);
    await page.click(`${LIST} summary`);
    await expect.poll(() => page.locator(BOXES).count()).toBe(PAGE_ROWS);
    expect(await page.locator(`${LIST} .aa-filter-count`).textContent()).toBe(
      `Showing ${PAGE_ROWS} of ${total.toLocaleString("en")}: type to narrow the list, or show more.`,
    );
    expectClean(handle);
  });

  it("a tick touches only what changed: a handful of DOM mutations, none in the other rows", async () => {
    const handle = await open();
    const { page } = handle;
    await page.click(`${LIST} summary`);
    await expect.poll(() => page.locator(BOXES).count()).toBeGreaterThan(0);
    await page.evaluate(`(() => {
      const records = (window.__records = []);
      new MutationObserver((list) => {
        for (const r of list) records.push({ type: r.type, row: r.target.closest?.("label") ? r.target.closest("label").querySelector("input")?.value : null });
      }).observe(document.querySelector(".aa-filters"), { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    const first = page.locator(BOXES).first();
    const id = await first.getAttribute("value");
    await first.focus();
    await page.keyboard.press("Space");
    await expect.poll(textOf(page, `${LIST} summary`)).toBe("Institution · 1");
    await expect.poll(() => new URL(page.url()).searchParams.getAll("institution")).toEqual([id]);
    const records = (await page.evaluate("window.__records")) as { type: string; row: string | null }[];
    expect(records.length, JSON.stringify(records)).toBeGreaterThan(0);
    expect(records.length, JSON.stringify(records)).toBeLessThanOrEqual(8);
    expect(records.filter((r) => r.row !== null && r.row !== id)).toEqual([]);
    expect(await focusedValue(page)).toBe(id);
    expectClean(handle);
  });

  it("tells the page of a change after the frame that shows the ticked box, once for changes before it", async () => {
    const handle = await open();
    const { page } = handle;
    await page.click('details[data-filter="sector"] summary');
    await page.evaluate(`(() => {
      const form = document.querySelector(".aa-filters");
      const order = (window.__order = []);
      document.addEventListener("change", () => {
        order.push("change");
        requestAnimationFrame(() => order.push("frame"));
      }, true);
      form.addEventListener("input", (event) => { if (event.target === form) order.push("input:" + form.value.sector.length); });
    })()`);
    const boxes = page.locator('details[data-filter="sector"] input[name="sector"]');
    await boxes.nth(5).press("Space");
    await expect.poll(() => page.evaluate("window.__order")).toEqual(["change", "frame", "input:1"]);
    // Two ticks in one task: one event, with both.
    await page.evaluate(`(() => {
      const boxes = document.querySelectorAll('details[data-filter="sector"] input[name="sector"]');
      boxes[7].click();
      boxes[9].click();
    })()`);
    await expect
      .poll(() => page.evaluate("window.__order.slice(3)"))
      .toEqual(["change", "change", "frame", "frame", "input:3"]);
    await expect.poll(() => new URL(page.url()).searchParams.getAll("sector").length).toBe(3);
    // The boxes ticked on screen are the three in the URL, no neighbour of theirs.
    const ticked = await boxes.evaluateAll((all) =>
      all.filter((b) => (b as HTMLInputElement).checked).map((b) => (b as HTMLInputElement).value),
    );
    expect(ticked.sort()).toEqual(new URL(page.url()).searchParams.getAll("sector").sort());
    expectClean(handle);
  });

  it("finds an institution past the first page by name and ticks it with the keyboard", async () => {
    const handle = await open();
    const { page } = handle;
    await page.click(`${LIST} summary`);
    await expect.poll(() => page.locator(BOXES).count()).toBe(PAGE_ROWS);
    const shown = new Set(
      await page.locator(BOXES).evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
    );
    const target = plainInstitutions()
      .reverse()
      .find((i) => !shown.has(i.id) && i.label.length > 6);
    if (!target) throw new Error("no institution past the first page");
    await page.locator(`${LIST} input[type="search"]`).focus();
    await page.keyboard.type(target.label);
    const box = page.locator(`${BOXES}[value="${target.id}"]`);
    await expect.poll(() => box.isVisible()).toBe(true);
    // Tab from the Find box through the matches to it: it is in the Tab order.
    for (let i = 0; i < 20 && (await focusedValue(page)) !== target.id; i++) await page.keyboard.press("Tab");
    expect(await focusedValue(page)).toBe(target.id);
    await page.keyboard.press("Space");
    await expect.poll(() => new URL(page.url()).searchParams.getAll("institution")).toEqual([target.id]);
    await expect.poll(textOf(page, `${LIST} summary`)).toBe("Institution · 1");
    // Closed and opened again with the Find box emptied: the ticked one comes first.
    await page.keyboard.press("Escape");
    await page.locator(`${LIST} summary`).press("Enter");
    await page.locator(`${LIST} input[type="search"]`).fill("");
    await expect.poll(() => page.locator(BOXES).first().getAttribute("value")).toBe(target.id);
    expect(await page.locator(BOXES).first().isChecked()).toBe(true);
    expectClean(handle);
  });

  it(
    "shows the next page with Show more, keeping the focus on it, and ticks an institution from the link",
    async () => {
      const ids = plainInstitutions().map((i) => i.id);
      const linked = ids[ids.length - 1];
      const handle = await open(`/?institution=${linked}`);
      const { page } = handle;
      await expect.poll(textOf(page, `${LIST} summary`)).toBe("Institution · 1");
      await page.locator(`${LIST} summary`).focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator(BOXES).count()).toBe(PAGE_ROWS);
      expect(await page.locator(`${BOXES}[value="${linked}"]`).isChecked()).toBe(true);
      const more = page.locator(`${LIST} button.aa-filter-more`);
      expect(await more.textContent()).toBe(`Show ${PAGE_ROWS} more`);
      await more.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator(BOXES).count()).toBe(2 * PAGE_ROWS);
      expect(await page.evaluate("document.activeElement?.textContent")).toBe(`Show ${PAGE_ROWS} more`);
      await expect
        .poll(() => page.locator(`${LIST} .aa-filter-count`).textContent())
        .toMatch(new RegExp(`^Showing ${2 * PAGE_ROWS} of `));
      expectClean(handle);
    },
    READY_TIMEOUT,
  );
});
