/**
 * The network page in headless Chromium against the built site: the drawn
 * graph matches the records for the filters in the URL, clicking a node opens
 * exactly its commitments, search and keyboard reach a node, and nothing
 * leaves the machine. Expected numbers come from the records (loadDataset),
 * never from the page.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

const dataset = loadDataset(join(ROOT, "data"));
if (!dataset.tables) throw new Error("data/ has errors");
const { commitments, commitment_parties: parties } = dataset.tables;
const sectorOf = new Map(commitments.map((c) => [String(c.id), String(c.sector)]));

/** Institutions bound by the commitments in a sector (or all). */
function boundInstitutions(sector?: string): Set<string> {
  return new Set(
    parties
      .filter((p) => !sector || sectorOf.get(String(p.commitment_id)) === sector)
      .map((p) => String(p.institution_id)),
  );
}

async function openNetwork(query = "", viewport?: { width: number; height: number }): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/network${query}`, viewport ? { viewport } : {});
  site.open.push(handle);
  await waitReady(handle.page);
  await handle.page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes]', {
    state: "attached",
    timeout: READY_TIMEOUT,
  });
  return handle;
}

/** Drawn nodes (SVG groups still in the drawing, not fading out). */
function drawnNodes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".aa-net-svg .aa-net-node")]
      .filter((g) => !(g as SVGGElement).getAnimations?.().some(() => false) && g.getAttribute("opacity") !== "0")
      .map((g) => g.getAttribute("data-id") ?? ""),
  );
}

function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] tbody tr`)].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim()),
      ),
    testId,
  );
}

async function clickNode(page: Page, id: string): Promise<void> {
  const node = page.locator(`.aa-net-svg .aa-net-node[data-id="${id}"]`);
  await node.waitFor({ state: "attached" });
  const box = await node.boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const panelIds = (page: Page) => () =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="panel-commitments"] li')]
      .map((li) => li.getAttribute("data-commitment"))
      .sort(),
  );

describe("the network page", () => {
  it("draws one node per institution the records bind, as the SQL count says, with SVG", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    const expected = boundInstitutions();
    await expect.poll(() => drawnNodes(page), { timeout: READY_TIMEOUT }).toHaveLength(expected.size);
    expect(new Set(await drawnNodes(page))).toEqual(expected);
    expect(await page.getAttribute(".aa-net", "data-renderer")).toBe("svg");
    expect(await page.textContent('[data-testid="network-counts"]')).toContain(`${expected.size} institutions`);
    expect(await tableRows(page, "network-nodes")).toHaveLength(expected.size);
    expect(await tableRows(page, "network-edges")).toHaveLength(
      Number(await page.getAttribute(".aa-net", "data-edges")),
    );
    // Governments carry the "both sides agreed" items.
    expect(expected.has("pk-government") && expected.has("by-government")).toBe(true);
    await expect
      .poll(() => page.locator('[data-testid="brokers"] li').count(), { timeout: READY_TIMEOUT })
      .toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    expectClean(handle);
  });

  it("draws the whole graph from the build before the query engine has started", async () => {
    // DuckDB's wasm never arrives: only the build-time graph can be on the page.
    const handle = await openPage(site.browser, `${site.server.url}/network`, {
      beforeGoto: async (page) => {
        await page.route(/duckdb-[a-z]+\.wasm$/, () => {});
      },
    });
    site.open.push(handle);
    const { page } = handle;
    await page.waitForSelector('.aa-net[data-source="build"][data-nodes]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    const expected = boundInstitutions();
    await expect.poll(async () => new Set(await drawnNodes(page)), { timeout: READY_TIMEOUT }).toEqual(expected);
    expect(await page.textContent('[data-testid="network-counts"]')).toContain(`${expected.size} institutions`);
    expect(await page.getAttribute(".aa-status", "data-state")).not.toBe("ready");
    expectClean(handle);
  });

  it("redraws for a sector filter in the URL", async () => {
    const sector = "industry";
    const expected = boundInstitutions(sector);
    expect(expected.size).toBeGreaterThan(1);
    expect(expected.size).toBeLessThan(boundInstitutions().size);
    const handle = await openNetwork(`?sector=${sector}`);
    const { page } = handle;
    await expect.poll(async () => new Set(await drawnNodes(page)), { timeout: READY_TIMEOUT }).toEqual(expected);
    expect(await tableRows(page, "network-nodes")).toHaveLength(expected.size);
    expectClean(handle);
  });

  it("opens the panel with exactly the clicked institution's commitments, and their sources", async () => {
    const id = "pk-navttc";
    const expected = parties
      .filter((p) => p.institution_id === id)
      .map((p) => String(p.commitment_id))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const handle = await openNetwork();
    const { page } = handle;
    await clickNode(page, id);
    await expect.poll(panelIds(page), { timeout: READY_TIMEOUT }).toEqual(expected);
    expect(await page.getAttribute(".aa-net-panel", "data-node")).toBe(id);
    const links = await page.$$eval('[data-testid="panel-commitments"] .source a', (as) =>
      as.map((a) => [a.getAttribute("href"), a.getAttribute("rel")]),
    );
    expect(links.length).toBe(expected.length);
    for (const [href, rel] of links) {
      expect(href).toMatch(/^https?:\/\//);
      expect(rel).toBe("noopener noreferrer");
    }
    // Its node is marked, and Escape on the chart clears the selection.
    expect(await page.getAttribute(`.aa-net-node[data-id="${id}"]`, "class")).toContain("selected");
    await page.focus(".aa-net");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count()).toBe(0);
    expectClean(handle);
  });

  it("draws on a canvas past the threshold, with the same nodes and the same click", async () => {
    const expected = boundInstitutions();
    const handle = await openNetwork("?renderer=canvas");
    const { page } = handle;
    expect(await page.getAttribute(".aa-net", "data-renderer")).toBe("canvas");
    expect(Number(await page.getAttribute(".aa-net", "data-nodes"))).toBe(expected.size);
    expect(await page.locator(".aa-net-svg .aa-net-node").count()).toBe(0);
    const id = "pk-navttc";
    const at = (await page.evaluate(
      (node) =>
        (document.querySelector(".aa-net") as unknown as { locate(id: string): { x: number; y: number } }).locate(node),
      id,
    )) as { x: number; y: number };
    const box = await page.locator(".aa-net").boundingBox();
    if (!box) throw new Error("no chart");
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const expectedIds = parties
      .filter((p) => p.institution_id === id)
      .map((p) => String(p.commitment_id))
      .sort();
    await expect.poll(panelIds(page), { timeout: READY_TIMEOUT }).toEqual(expectedIds);
    expectClean(handle);
  });

  it("finds an institution by name: Enter in the box, or Tab into the list and Enter", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    const search = page.getByRole("searchbox", { name: "Find an institution in the network" });
    await search.fill("navttc");
    await search.press("Enter");
    await expect
      .poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT })
      .toBe("pk-navttc");
    await search.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count()).toBe(0);
    await search.fill("tractor");
    const first = page.locator("#aa-net-results button").first();
    const target = await first.getAttribute("data-id");
    expect(target).toBe("by-mtw");
    await search.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-id"))).toBe(target);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe(target);
    expectClean(handle);
  });

  it("keeps what is typed in the search while a filter redraws the graph; the heading names only the filters of the graph drawn", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    // Every text the heading shows while the filter's graph loads.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __headings: string[] }).__headings = seen;
      const card = document.querySelector(".aa-net-card") as HTMLElement;
      const read = () => {
        const text = card.querySelector('[data-testid="network-counts"]')?.textContent ?? "";
        if (seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(read).observe(card, { childList: true, subtree: true, characterData: true });
    });
    const search = page.getByRole("searchbox", { name: "Find an institution in the network" });
    await search.fill("MTW");
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.check('.aa-filters input[name="sector"][value="industry"]');
    const industry = boundInstitutions("industry").size;
    await page.waitForSelector(`[data-testid="network-counts"]:has-text("${industry} institutions")`, {
      timeout: READY_TIMEOUT,
    });
    // A heading naming the sector always counts the sector's graph, never the whole one still drawn.
    const headings = await page.evaluate(() => (window as unknown as { __headings: string[] }).__headings);
    const named = headings.filter((h) => h.includes("Industry"));
    expect(named.length).toBeGreaterThan(0);
    for (const h of named) expect(h).toMatch(new RegExp(`^${industry} institutions`));
    // The box the user typed in is still there, with its text and its match in the new graph.
    expect(await search.inputValue()).toBe("MTW");
    expect(await page.locator("#aa-net-results button").first().getAttribute("data-id")).toBe("by-mtw");
    await search.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe("by-mtw");
    expectClean(handle);
  });
  it("shows commitments as nodes in the bipartite view", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    await page.getByLabel("Institutions and commitments").check();
    const withParties = new Set(parties.map((p) => String(p.commitment_id)));
    const expected = boundInstitutions().size + withParties.size;
    await expect.poll(async () => (await drawnNodes(page)).length, { timeout: READY_TIMEOUT }).toBe(expected);
    expect(await page.locator('.aa-net-node[data-kind="commitment"]').count()).toBe(withParties.size);
    expectClean(handle);
  });

  it("says so when no institution matches", async () => {
    const handle = await openNetwork("?from=1990&to=1991");
    const { page } = handle;
    await expect
      .poll(() => page.locator(".aa-empty").first().textContent(), { timeout: READY_TIMEOUT })
      .toContain("No institution matches these filters.");
    expect(await drawnNodes(page)).toHaveLength(0);
    expectClean(handle);
  });
});
