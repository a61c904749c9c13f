/**
 * The network page in headless Chromium against the built site: the drawn
 * graph matches the records for the filters in the URL, clicking a node opens
 * exactly its commitments, search and keyboard reach a node, and nothing
 * leaves the machine. Expected numbers come from the records (loadDataset),
 * never from the page.
 *
 * Keyboard only (the second describe): Tab reaches the chart, arrow keys move
 * to the node nextInDirection picks from the places the chart reports
 * (snapshot and locate, after its zoom and pan), Enter opens that node's
 * panel, Escape returns to the chart; a broker's button keeps the focus; the
 * search is a combobox; focus is never on <body>. Reduced motion draws a
 * filter change and a selection without intermediate states, and axe finds
 * nothing serious in the network's part of the page, light or dark.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { auditPage, describeFindings, isSerious } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import type { DatabaseStatus } from "../../src/components/db.js";
import { SETTLE_MS } from "../../src/components/network/network-chart-state.js";
import { PANEL_PAGE } from "../../src/components/network/network-panel.js";
import type { PageHooks } from "../../src/components/page-hooks.js";
import { emptyFilters } from "../../src/lib/model/filters.js";
import { type NavKey, nextInDirection } from "../../src/lib/model/spatial-nav.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import {
  institutionCommitments,
  networkCommitmentCounts,
  PANEL_COMMITMENTS_PAGE,
  packedLinkCodes,
} from "../../src/lib/sql/network-queries.js";
import { citedSources } from "../../src/lib/sql/page-queries.js";
import { expectFocusOn, tabTo } from "./focus-steps.js";
import { loadEveryTable, logQueries } from "./query-log.js";
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

/** The ids of the commitments that bind an institution, sorted. */
function commitmentsOf(id: string): string[] {
  return parties
    .filter((p) => p.institution_id === id)
    .map((p) => String(p.commitment_id))
    .sort();
}

async function openNetwork(
  query = "",
  viewport?: { width: number; height: number },
  beforeGoto?: (page: Page) => Promise<void>,
): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/network${query}`, {
    ...(viewport ? { viewport } : {}),
    beforeGoto,
  });
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

/** The network page with an institution's panel open: the panel and its listed commitments. */
async function openPanel(id: string) {
  const handle = await openNetwork();
  const { page } = handle;
  await clickNode(page, id);
  const panel = page.locator(`.aa-net-panel[data-node="${id}"]`);
  await panel.waitFor({ timeout: READY_TIMEOUT });
  return { handle, page, panel, items: panel.locator('[data-testid="panel-commitments"] li') };
}

/**
 * What the chart's canvas worker drew since countCanvasWork, as the chart
 * announces each frame it drew ("aa-frame"): when each frame came, how it
 * was drawn, and the links stroked (a link is one line or curve).
 */
interface CanvasWork {
  frames: number[];
  draws: string[];
  since: number;
  links: number;
}

/** Counts from now on the frames the chart's canvas worker draws and the links it strokes. */
async function countCanvasWork(page: Page): Promise<void> {
  await page.evaluate(() => {
    const work: CanvasWork = { frames: [], draws: [], since: performance.now(), links: 0 };
    (window as unknown as { __work: CanvasWork }).__work = work;
    // The worker owns the chart's canvas; what it shows is read from a copy.
    (window as unknown as { __chartCopy: () => CanvasRenderingContext2D }).__chartCopy = () => {
      const chart = document.querySelector(".aa-net-canvas") as HTMLCanvasElement;
      const copy = document.createElement("canvas");
      copy.width = Math.round(chart.clientWidth * devicePixelRatio);
      copy.height = Math.round(chart.clientHeight * devicePixelRatio);
      const ctx = copy.getContext("2d") as CanvasRenderingContext2D;
      ctx.drawImage(chart, 0, 0);
      return ctx;
    };
    document.querySelector(".aa-net")?.addEventListener("aa-frame", (event) => {
      const { draw, links } = (event as CustomEvent<{ draw: string; links: number }>).detail;
      work.frames.push(performance.now());
      work.draws.push(draw);
      work.links += links;
    });
  });
}

function canvasWork(page: Page): Promise<CanvasWork> {
  return page.evaluate(() => (window as unknown as { __work: CanvasWork }).__work);
}

/** Forgets the frames' draws and links counted so far (their times are kept, for waitForQuiet). */
function resetCanvasWork(page: Page): Promise<void> {
  return page.evaluate(() => {
    const work = (window as unknown as { __work: CanvasWork }).__work;
    work.draws = [];
    work.links = 0;
  });
}

/**
 * Waits until the chart's canvas drew no frame for twice the settle time
 * (the fade-in and the metrics' redraw are over), counted from its last
 * frame, or from when the counting began if none came since.
 */
async function waitForQuiet(page: Page): Promise<void> {
  const quietFor = () =>
    page.evaluate(() => {
      const w = (window as unknown as { __work: CanvasWork }).__work;
      return performance.now() - (w.frames.at(-1) ?? w.since);
    });
  await expect.poll(quietFor, { timeout: READY_TIMEOUT }).toBeGreaterThan(2 * SETTLE_MS);
}

/**
 * Waits for the first frame the canvas worker draws since resetCanvasWork,
 * then for quiet: a change's frame comes from the worker after the page's
 * own DOM has changed, and on a busy machine later than twice the settle
 * time after the frame before, which alone would already count as quiet.
 */
async function waitForDrawnThenQuiet(page: Page): Promise<void> {
  await expect.poll(async () => (await canvasWork(page)).draws.length, { timeout: READY_TIMEOUT }).toBeGreaterThan(0);
  await waitForQuiet(page);
}

/** Where the chart draws a node, from its top left corner (it must be drawn). */
async function locateNode(page: Page, id: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate(
    (node) =>
      (document.querySelector(".aa-net") as unknown as { locate(id: string): { x: number; y: number } | null }).locate(
        node,
      ),
    id,
  );
  if (!at) throw new Error(`node ${id} is not drawn`);
  return at;
}

/** The network page drawn on the canvas, its metrics arrived and its canvas quiet, counting the canvas's work from then on. */
async function openQuietCanvas(): Promise<PageHandle> {
  const handle = await openNetwork("?renderer=canvas");
  await handle.page.waitForSelector('[data-testid="brokers"] button', { timeout: READY_TIMEOUT });
  await countCanvasWork(handle.page);
  await waitForQuiet(handle.page);
  return handle;
}

/** The opacity (0–255) of the chart's canvas (a copy of what its worker drew) at each node's centre (-1 for a node not drawn). */
function alphaAtNodes(page: Page, ids: string[]): Promise<number[]> {
  return page.evaluate((list) => {
    const net = document.querySelector(".aa-net") as unknown as { locate(id: string): { x: number; y: number } | null };
    const ctx = (window as unknown as { __chartCopy: () => CanvasRenderingContext2D }).__chartCopy();
    const dpr = devicePixelRatio;
    return list.map((id) => {
      const at = net.locate(id);
      return at ? ctx.getImageData(Math.round(at.x * dpr), Math.round(at.y * dpr), 1, 1).data[3] : -1;
    });
  }, ids);
}

/** A digest of every pixel of the chart's canvas. */
function canvasDigest(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const ctx = (window as unknown as { __chartCopy: () => CanvasRenderingContext2D }).__chartCopy();
    const data = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
    const hash = await crypto.subtle.digest("SHA-256", data.data);
    return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, "0")).join("");
  });
}

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

  it("keeps the build's drawing when SQL answers with the same graph: on load, and when the last filter is removed", async () => {
    // Every new graph drawn, by the source the chart says it shows (the chart is made after this runs: capture).
    const handle = await openPage(site.browser, `${site.server.url}/network`, {
      initScripts: [
        `window.__draws = []; document.addEventListener("aa-drawn", (e) => window.__draws.push(e.target.dataset.source), true);`,
      ],
    });
    site.open.push(handle);
    const { page } = handle;
    const draws = () => page.evaluate(() => (window as unknown as { __draws: string[] }).__draws);
    /** Two animation frames: a redraw scheduled by SQL's answer would have been drawn by then. */
    const twoFrames = () =>
      page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await waitReady(page);
    await page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    await twoFrames();
    expect(await draws()).toEqual(["build"]);
    expect(await page.evaluate(() => performance.getEntriesByName("network:drawn:duckdb").length)).toBe(1);
    const box = '.aa-filters input[name="sector"][value="industry"]';
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.check(box);
    await expect.poll(draws, { timeout: READY_TIMEOUT }).toEqual(["build", "duckdb"]);
    await page.uncheck(box);
    // The build's graph at once, then SQL's answer: the same graph, so nothing more is drawn.
    await expect.poll(draws, { timeout: READY_TIMEOUT }).toEqual(["build", "duckdb", "build"]);
    await page.waitForSelector('.aa-net[data-source="duckdb"]', { state: "attached", timeout: READY_TIMEOUT });
    await twoFrames();
    expect(await draws()).toEqual(["build", "duckdb", "build"]);
    expect(new Set(await drawnNodes(page))).toEqual(boundInstitutions());
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

  it("keeps a fitted view's nodes clear of the keyboard help over the chart's foot, on a desktop and on a phone", async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const handle = await openNetwork("?sector=trade", viewport);
      const room = () =>
        handle.page.evaluate(() => {
          type Chart = HTMLElement & {
            snapshot(): { scene: { nodes: { id: string }[] } };
            locate(id: string): { x: number; y: number };
          };
          const chart = document.querySelector(".aa-net") as Chart;
          const help = chart.querySelector(".aa-net-help") as HTMLElement;
          const lowest = Math.max(...chart.snapshot().scene.nodes.map((n) => chart.locate(n.id).y));
          // A label's line below its node: the lowest node's centre at least 24 px above the help.
          return help.offsetTop - lowest;
        });
      await expect.poll(room, { message: JSON.stringify(viewport ?? "desktop") }).toBeGreaterThanOrEqual(24);
      expectClean(handle);
    }
  });

  it("on a filter change, asks DuckDB for the sources line's cited sources once the chart has drawn the graph of the links", async () => {
    const { page, ...handle } = await openNetwork();
    const asked = await logQueries(page);
    // The chart's first frame of each new graph, in the same log.
    await page.evaluate(() => {
      const log = (globalThis as { __asked?: string[] }).__asked as string[];
      document
        .querySelector(".aa-net")
        ?.addEventListener("aa-drawn", (e) => log.push(`drawn ${(e as CustomEvent<{ nodes: number }>).detail.nodes}`));
    });
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.locator('.aa-filters input[name="sector"][value="industry"]').click();
    // The two queries by their text, built as the page builds them for this filter.
    const filter = { ...emptyFilters(), sector: ["industry"] };
    const links = (log: string[]) => log.indexOf(`answered ${packedLinkCodes(filter).text}`);
    const cited = (log: string[]) => log.indexOf(`asked ${citedSources(filter).text}`);
    await expect.poll(async () => cited(await asked()), { timeout: READY_TIMEOUT }).toBeGreaterThanOrEqual(0);
    const log = await asked();
    expect(links(log), "the graph's links answered by the time the cited sources are asked").toBeGreaterThanOrEqual(0);
    const drawn = log.findIndex((line, i) => i > links(log) && line.startsWith("drawn "));
    expect(
      drawn,
      `the graph of the links drawn by the time the cited sources are asked: ${log.join(" | ").slice(0, 2000)}`,
    ).toBeGreaterThan(links(log));
    expect(cited(log)).toBeGreaterThan(drawn);
    expect(Number(log[drawn].slice(6))).toBe(
      await page.evaluate(
        () => (document.querySelector(".aa-net") as HTMLElement & { drawn: { nodes: number } }).drawn.nodes,
      ),
    );
    expectClean(handle);
  });

  it("has DuckDB prepare the graph's and the sources line's statements while a filter list is open or a year select has the focus, so the change only runs them", async () => {
    const { page, ...handle } = await openNetwork();
    await loadEveryTable(page);
    const asked = await logQueries(page);
    // The statements of one more sector and, after it, of a first year: built as the page builds them.
    const sector = { ...emptyFilters(), sector: ["industry"] };
    const fromYear = { ...sector, from: 2020 };
    const texts = (f: typeof sector) => [
      packedLinkCodes(f).text,
      networkCommitmentCounts(f).text,
      citedSources(f).text,
    ];
    const all = (log: string[], prefix: string, wanted: string[]) =>
      wanted.every((t) => log.includes(`${prefix} ${t}`));

    await page.click('.aa-filters summary:has-text("Sector")');
    await expect.poll(async () => all(await asked(), "prepared", texts(sector)), { timeout: READY_TIMEOUT }).toBe(true);
    expect(all(await asked(), "asked", texts(sector)), "nothing run ahead").toBe(false);
    await page.locator('.aa-filters input[name="sector"][value="industry"]').click();
    await expect.poll(async () => all(await asked(), "answered", texts(sector)), { timeout: READY_TIMEOUT }).toBe(true);
    let log = await asked();
    for (const text of texts(sector)) {
      expect(log.indexOf(`prepared ${text}`), text.slice(0, 60)).toBeLessThan(log.indexOf(`asked ${text}`));
    }

    await page.keyboard.press("Escape");
    await page.focus('.aa-filters select[aria-label="From year"]');
    await expect
      .poll(async () => all(await asked(), "prepared", texts(fromYear)), { timeout: READY_TIMEOUT })
      .toBe(true);
    log = await asked();
    expect(
      texts(fromYear).some((text) => log.includes(`asked ${text}`)),
      "nothing run ahead",
    ).toBe(false);
    expectClean(handle);
  });

  it("loads the panel's tables and prepares its statement once the pointer comes to the chart, so a node's click only runs it", async () => {
    const { page, ...handle } = await openNetwork();
    const asked = await logQueries(page);
    const id = "pk-navttc";
    // The panel's first page, built as the page builds it: the same text for every institution.
    const text = institutionCommitments(emptyFilters(), id, { limit: PANEL_COMMITMENTS_PAGE, offset: 0 }).text;
    const eventsIn = () =>
      page.evaluate(() => {
        const aa = (globalThis as { __accordAtlas?: PageHooks }).__accordAtlas!;
        return (aa.status!() as DatabaseStatus).tables?.some((t) => t.table === "events" && t.done) ?? false;
      });
    expect(await eventsIn(), "the graph's own queries leave the events out").toBe(false);
    const node = page.locator(`.aa-net-svg .aa-net-node[data-id="${id}"]`);
    const box = await node.boundingBox();
    if (!box) throw new Error(`node ${id} is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await asked()).includes(`prepared ${text}`), { timeout: READY_TIMEOUT }).toBe(true);
    expect(await eventsIn()).toBe(true);
    expect((await asked()).includes(`asked ${text}`), "nothing run ahead").toBe(false);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => (await asked()).includes(`answered ${text}`), { timeout: READY_TIMEOUT }).toBe(true);
    const log = await asked();
    expect(log.indexOf(`prepared ${text}`)).toBeLessThan(log.indexOf(`asked ${text}`));
    await expect.poll(panelIds(page), { timeout: READY_TIMEOUT }).toEqual(commitmentsOf(id));
    expectClean(handle);
  });

  it("tells the page of a node's click after the frame that draws the selection, with the chart's value set at once", async () => {
    const { page, ...handle } = await openNetwork();
    const id = "pk-navttc";
    await page.evaluate(() => {
      const chart = document.querySelector(".aa-net") as HTMLElement & { value: string | null };
      const seen = window as unknown as { __frames: number; __atInput: number | null; __valueOnClick: string | null };
      seen.__frames = 0;
      seen.__atInput = null;
      seen.__valueOnClick = null;
      // Frames counted from the click on; the chart's value read as the click's handlers end.
      chart.addEventListener(
        "pointerdown",
        () => {
          const tick = () => {
            seen.__frames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
        { capture: true, once: true },
      );
      document.addEventListener("click", () => {
        seen.__valueOnClick = chart.value;
      });
      chart.addEventListener("input", () => {
        seen.__atInput ??= seen.__frames;
      });
    });
    await clickNode(page, id);
    await page.locator(`.aa-net-panel[data-node="${id}"]`).waitFor({ timeout: READY_TIMEOUT });
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __atInput: number | null; __valueOnClick: string | null };
      return { atInput: w.__atInput, valueOnClick: w.__valueOnClick };
    });
    expect(seen.valueOnClick).toBe(id);
    expect(seen.atInput, "frames drawn before the page heard of the selection").toBeGreaterThanOrEqual(1);
    expectClean(handle);
  });

  it("dims the chart (aria-busy) from a filter change until the new graph is drawn, then clears it", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    await expect.poll(() => drawnNodes(page), { timeout: READY_TIMEOUT }).toHaveLength(boundInstitutions().size);
    expect(await page.getAttribute(".aa-net", "aria-busy")).toBeNull();
    // What happens to the chart from now on, in order: busy set or cleared, a new graph drawn.
    await page.evaluate(() => {
      const chart = document.querySelector(".aa-net") as HTMLElement;
      const steps: string[] = [];
      (window as unknown as { __steps: string[] }).__steps = steps;
      new MutationObserver(() => {
        const state = chart.getAttribute("aria-busy") === "true" ? "busy" : "idle";
        if (steps[steps.length - 1] !== state) steps.push(state);
      }).observe(chart, { attributes: true, attributeFilter: ["aria-busy"] });
      chart.addEventListener("aa-drawn", () => steps.push("drawn"));
    });
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.check('.aa-filters input[name="sector"][value="industry"]');
    const expected = boundInstitutions("industry");
    await expect.poll(async () => new Set(await drawnNodes(page)), { timeout: READY_TIMEOUT }).toEqual(expected);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __steps: string[] }).__steps), { timeout: READY_TIMEOUT })
      .toEqual(["busy", "idle", "drawn"]);
    expect(await page.getAttribute(".aa-net", "data-busy")).toBeNull();
    expectClean(handle);
  });

  it("opens the panel with exactly the clicked institution's commitments, and their sources", async () => {
    const id = "pk-navttc";
    const expected = commitmentsOf(id);
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

  it("lists a hub's commitments a page at a time, and every one after showing more", async () => {
    const id = "by-government";
    const expected = commitmentsOf(id);
    // More than two pages, so the test sees a first page, a second, and the rest.
    expect(expected.length).toBeGreaterThan(2 * PANEL_PAGE.commitments);
    const { handle, page, panel, items } = await openPanel(id);
    expect(await items.count()).toBe(PANEL_PAGE.commitments);
    expect(await panel.getByRole("heading", { name: `Commitments (${expected.length})` }).count()).toBe(1);
    await expect
      .poll(() => panel.locator(".aa-paged-count").last().textContent())
      .toBe(`Showing ${PANEL_PAGE.commitments} of ${expected.length} commitments.`);
    const more = panel.getByRole("button", { name: /^Show \d+ more commitments$/ });
    for (let shown = PANEL_PAGE.commitments; shown < expected.length; shown += PANEL_PAGE.commitments) {
      await more.click();
      await expect.poll(() => items.count()).toBe(Math.min(expected.length, shown + PANEL_PAGE.commitments));
    }
    expect(await panelIds(page)()).toEqual(expected);
    expect(await more.isHidden()).toBe(true);
    // The button hid under the focus: the focus went to the first commitment it added, not to <body>.
    const lastPageStart = Math.floor((expected.length - 1) / PANEL_PAGE.commitments) * PANEL_PAGE.commitments;
    expect(
      await page.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-commitment") ?? null),
    ).toBe(await items.nth(lastPageStart).getAttribute("data-commitment"));
    expectClean(handle);
  });

  it("says on the status line when the next page of commitments cannot be read, keeps what it shows, and reads it on the next press", async () => {
    const id = "by-government";
    const expected = commitmentsOf(id);
    const { handle, page, panel, items } = await openPanel(id);
    const status = panel.locator(".aa-paged-count").last();
    const more = panel.getByRole("button", { name: /^Show \d+ more commitments$/ });
    // The next page's query fails in DuckDB: its table is gone for a moment.
    const rename = (from: string, to: string) =>
      page.evaluate(
        async ([a, b]) => {
          const hooks = (globalThis as unknown as { __accordAtlas: { database(): Promise<unknown>; sql: unknown } })
            .__accordAtlas;
          const db = (await hooks.database()) as { query(q: unknown): Promise<unknown> };
          const sql = hooks.sql as (s: TemplateStringsArray) => unknown;
          const strings = Object.assign([`ALTER TABLE ${a} RENAME TO ${b}`], {
            raw: [`ALTER TABLE ${a} RENAME TO ${b}`],
          });
          await db.query(sql(strings));
        },
        [from, to],
      );
    await rename("commitments", "commitments_away");
    await more.click();
    await expect.poll(() => status.textContent()).toMatch(/^Could not load more commitments: .*commitments/);
    expect(await status.isVisible()).toBe(true);
    expect(await items.count()).toBe(PANEL_PAGE.commitments);
    // The button is usable again, with its label, and still holds the focus.
    expect(await more.getAttribute("aria-disabled")).toBeNull();
    expect(await more.getAttribute("aria-busy")).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("aa-paged-more"))).toBe(true);
    await rename("commitments_away", "commitments");
    await more.click();
    await expect.poll(() => items.count()).toBe(2 * PANEL_PAGE.commitments);
    expect(await status.textContent()).toBe(`Showing ${2 * PANEL_PAGE.commitments} of ${expected.length} commitments.`);
    // Two pages of the institution's commitments, none twice (the failed press added nothing).
    const shown = await panelIds(page)();
    expect(new Set(shown).size).toBe(2 * PANEL_PAGE.commitments);
    expect(shown.filter((c) => !expected.includes(String(c)))).toEqual([]);
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
    const at = await locateNode(page, id);
    const box = await page.locator(".aa-net").boundingBox();
    if (!box) throw new Error("no chart");
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const expectedIds = commitmentsOf(id);
    await expect.poll(panelIds(page), { timeout: READY_TIMEOUT }).toEqual(expectedIds);
    expectClean(handle);
  });

  it("strokes the canvas's links in its worker: the page's main thread strokes none, and the canvas shows every node", async () => {
    const handle = await openNetwork("?renderer=canvas", undefined, async (page) => {
      await page.addInitScript(() => {
        const counts = { links: 0 };
        (window as unknown as { __mainLinks: { links: number } }).__mainLinks = counts;
        const proto = CanvasRenderingContext2D.prototype;
        const { lineTo, quadraticCurveTo } = proto;
        proto.lineTo = function (...args: [number, number]) {
          counts.links++;
          return lineTo.apply(this, args);
        };
        proto.quadraticCurveTo = function (...args: [number, number, number, number]) {
          counts.links++;
          return quadraticCurveTo.apply(this, args);
        };
      });
    });
    const { page } = handle;
    await page.waitForSelector('[data-testid="brokers"] button', { timeout: READY_TIMEOUT });
    await countCanvasWork(page);
    await waitForQuiet(page);
    const ids = [...boundInstitutions()].sort();
    const alpha = await alphaAtNodes(page, ids);
    expect(alpha.filter((a) => a === 255).length).toBeGreaterThan(ids.length / 2);
    expect(await page.evaluate(() => (window as unknown as { __mainLinks: { links: number } }).__mainLinks)).toEqual({
      links: 0,
    });
    expectClean(handle);
  });

  it("starts the canvas's worker only for a graph drawn on the canvas", async () => {
    const canvasWorkers = (page: Page) => page.workers().filter((w) => w.url().includes("network-canvas-worker"));
    const svg = await openNetwork();
    await expect.poll(() => drawnNodes(svg.page), { timeout: READY_TIMEOUT }).toHaveLength(boundInstitutions().size);
    expect(canvasWorkers(svg.page)).toHaveLength(0);
    expectClean(svg);
    const canvas = await openNetwork("?renderer=canvas");
    expect(canvasWorkers(canvas.page)).toHaveLength(1);
    expectClean(canvas);
  });

  it("says where the drawing would be, and in its name, when the canvas's worker cannot load", async () => {
    const handle = await openNetwork("?renderer=canvas", undefined, async (page) => {
      await page.route("**/network-canvas-worker*", (route) => route.fulfill({ status: 404, body: "" }));
    });
    const { page } = handle;
    await expect
      .poll(() => page.getAttribute(".aa-net-canvas", "aria-label"), { timeout: READY_TIMEOUT })
      .toContain("The drawing could not be made: the drawing's worker failed");
    expect(handle.consoleErrors.some((e) => e.includes("network canvas: the drawing's worker failed"))).toBe(true);
    // The rest of the page still works: DuckDB answered (nothing waits for the chart that failed), the counts are there.
    expect(await page.getAttribute(".aa-net", "data-source")).toBe("duckdb");
    expect(await page.textContent('[data-testid="network-counts"]')).toContain("institutions");
  });

  it("draws a view set at once (a fit) in one full frame, not a second when the settle time has passed", async () => {
    const handle = await openQuietCanvas();
    const { page } = handle;
    await resetCanvasWork(page);
    // A fit, then a timer due after the settle timer it starts (timers fire in order of their deadline), then two frames.
    await page.evaluate(
      (settle) =>
        new Promise((done) => {
          (document.querySelector(".aa-net") as unknown as { zoomToFit(): void }).zoomToFit();
          setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), settle + 50);
        }),
      SETTLE_MS,
    );
    expect((await canvasWork(page)).draws).toHaveLength(1);
    expectClean(handle);
  });

  it("draws a selection on the canvas over a faint copy of the view: only the neighbourhood's links again, and clearing it gives back the same pixels", async () => {
    const handle = await openQuietCanvas();
    const { page } = handle;
    const ids = [...boundInstitutions()].sort();
    const before = await canvasDigest(page);
    const alphaBefore = await alphaAtNodes(page, ids);
    expect(alphaBefore.filter((a) => a === 255).length).toBeGreaterThan(ids.length / 2);
    const id = "pk-navttc";
    const at = await locateNode(page, id);
    const box = await page.locator(".aa-net").boundingBox();
    if (!box) throw new Error("no chart");
    await resetCanvasWork(page);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.locator(`.aa-net-panel[data-node="${id}"]`).waitFor({ timeout: READY_TIMEOUT });
    // Off the chart, so nothing is hovered.
    await page.mouse.move(1, 1);
    await waitForDrawnThenQuiet(page);
    const selected = await canvasWork(page);
    // The base is not drawn again; the selection's links are, fewer than the graph's (over a frame or two).
    const drawn = await page.evaluate(
      () => (document.querySelector(".aa-net") as unknown as { drawn: { edges: number } }).drawn,
    );
    expect(selected.draws.length).toBeGreaterThan(0);
    expect(new Set(selected.draws)).toEqual(new Set(["from-base"]));
    expect(selected.links).toBeGreaterThan(0);
    expect(selected.links).toBeLessThan(drawn.edges);
    const alphaSelected = await alphaAtNodes(page, ids);
    expect(alphaSelected[ids.indexOf(id)]).toBe(255);
    const faint = alphaSelected.filter((a, i) => alphaBefore[i] === 255 && a > 0 && a < 64);
    expect(faint.length).toBeGreaterThan(0);
    await resetCanvasWork(page);
    await page.locator(".aa-net").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count(), { timeout: READY_TIMEOUT }).toBe(0);
    await waitForDrawnThenQuiet(page);
    const cleared = await canvasWork(page);
    expect(cleared.links).toBe(0);
    expect(new Set(cleared.draws)).toEqual(new Set(["from-base"]));
    expect(await canvasDigest(page)).toBe(before);
    expectClean(handle);
  });

  it("draws a dragged node on the canvas where it was dropped", async () => {
    const handle = await openQuietCanvas();
    const { page } = handle;
    const id = "pk-navttc";
    const from = await locateNode(page, id);
    const box = await page.locator(".aa-net").boundingBox();
    if (!box) throw new Error("no chart");
    // An empty place near the node to drop it on.
    const offsets = [
      [0, 70],
      [0, -70],
      [70, 0],
      [-70, 0],
      [50, 50],
      [-50, -50],
    ];
    const emptyAt = await page.evaluate(
      ({ from, offsets }) => {
        const ctx = (window as unknown as { __chartCopy: () => CanvasRenderingContext2D }).__chartCopy();
        const dpr = devicePixelRatio;
        const empty = ([dx, dy]: number[]) => {
          const x = Math.round((from.x + dx - 8) * dpr);
          const y = Math.round((from.y + dy - 8) * dpr);
          return ctx
            .getImageData(x, y, Math.round(16 * dpr), Math.round(16 * dpr))
            .data.every((v, i) => i % 4 !== 3 || v === 0);
        };
        return offsets.find(empty) ?? null;
      },
      { from, offsets },
    );
    if (!emptyAt) throw new Error("no empty place near the node");
    const to = { x: from.x + emptyAt[0], y: from.y + emptyAt[1] };
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++)
      await page.mouse.move(box.x + from.x + (emptyAt[0] * i) / 5, box.y + from.y + (emptyAt[1] * i) / 5);
    await page.mouse.up();
    await page.mouse.move(1, 1);
    await waitForQuiet(page);
    const now = await locateNode(page, id);
    // Where it was dropped (within a few pixels: the pointer's place is rounded), far from where it was.
    expect(Math.hypot(now.x - to.x, now.y - to.y)).toBeLessThan(5);
    expect(Math.hypot(now.x - from.x, now.y - from.y)).toBeGreaterThan(40);
    expect((await alphaAtNodes(page, [id]))[0]).toBe(255);
    expectClean(handle);
  });

  it("hides the labels mid-zoom and draws them again once the wheel stops", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    const labels = page.locator(".aa-net-svg .labels");
    expect(await labels.locator("text").count()).toBeGreaterThan(0);
    const box = await page.locator(".aa-net").boundingBox();
    if (!box) throw new Error("no chart");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Hidden while the wheel turns (the frame after each wheel event is a shortcut), …
    await page.evaluate(() => {
      const w = window as unknown as { __labelsHidden: boolean };
      w.__labelsHidden = false;
      const layer = document.querySelector(".aa-net-svg .labels") as SVGGElement;
      new MutationObserver(() => {
        if (layer.style.display === "none") w.__labelsHidden = true;
      }).observe(layer, { attributes: true, attributeFilter: ["style"] });
    });
    await page.mouse.wheel(0, -200);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __labelsHidden: boolean }).__labelsHidden), {
        timeout: READY_TIMEOUT,
      })
      .toBe(true);
    // … and drawn in full once it pauses.
    await expect
      .poll(() => labels.evaluate((g) => (g as SVGGElement).style.display), { timeout: READY_TIMEOUT })
      .toBe("");
    expect(await labels.locator("text").count()).toBeGreaterThan(0);
    expectClean(handle);
  });

  // The list of matches is a combobox's listbox now (arrow keys, not Tab, move into it).
  it("finds an institution by name: Enter in the box picks the first match, Escape clears", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    const search = page.getByRole("combobox", { name: "Find an institution in the network" });
    await search.fill("navttc");
    await search.press("Enter");
    await expect
      .poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT })
      .toBe("pk-navttc");
    await search.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count()).toBe(0);
    expect(await search.inputValue()).toBe("");
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
    const search = page.getByRole("combobox", { name: "Find an institution in the network" });
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
    expect(await page.locator('#aa-net-results [role="option"]').first().getAttribute("data-id")).toBe("by-mtw");
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

// ── Keyboard only ───────────────────────────────────────────────────────

interface ScreenNode {
  id: string;
  label: string;
  x: number;
  y: number;
}

/** Every drawn node where the chart says it is on screen now (its scene order, the keyboard's). */
function screenNodes(page: Page): Promise<ScreenNode[]> {
  return page.evaluate(() => {
    type Chart = HTMLElement & {
      snapshot(): { scene: { nodes: { id: string; label: string }[] } };
      locate(id: string): { x: number; y: number };
    };
    const chart = document.querySelector(".aa-net") as Chart;
    return chart.snapshot().scene.nodes.map((n) => ({ id: n.id, label: n.label, ...chart.locate(n.id) }));
  });
}

/** The keyboard's active node: its id, the name the chart points at, whether its ring shows and is in view. */
function activeNode(page: Page): Promise<{ id: string | null; name: string | null; ring: boolean; inView: boolean }> {
  return page.evaluate(() => {
    type Chart = HTMLElement & { locate(id: string): { x: number; y: number } | null };
    const chart = document.querySelector(".aa-net") as Chart;
    const ref = chart.getAttribute("aria-activedescendant");
    const ring = ref ? document.getElementById(ref) : null;
    const id = chart.dataset.active ?? null;
    const at = id ? chart.locate(id) : null;
    return {
      id,
      name: ring && chart.contains(ring) ? ring.getAttribute("aria-label") : null,
      ring: !!ring && !ring.hidden && getComputedStyle(ring).visibility === "visible",
      inView: !!at && at.x >= 0 && at.y >= 0 && at.x <= chart.clientWidth && at.y <= chart.clientHeight,
    };
  });
}

/**
 * Presses each key on the chart and checks the active node is the one
 * nextInDirection picks from where the nodes were before the press, named,
 * outlined and in view, with the focus still on the chart. Returns the ids visited.
 */
async function walkNodes(page: Page, keys: readonly NavKey[]): Promise<string[]> {
  const visited: string[] = [];
  for (const key of keys) {
    const nodes = await screenNodes(page);
    const current = (await activeNode(page)).id;
    const from = nodes.findIndex((n) => n.id === current);
    const expected = nodes[nextInDirection(nodes, from, key)];
    await page.keyboard.press(key);
    await expect.poll(async () => (await activeNode(page)).id, { message: `after ${key}` }).toBe(expected.id);
    await expect.poll(async () => (await activeNode(page)).inView, { message: `${expected.id} in view` }).toBe(true);
    const now = await activeNode(page);
    expect(now.name).toContain(expected.label);
    expect(now.ring).toBe(true);
    await expectFocusOn(page, ".aa-net");
    visited.push(expected.id);
  }
  return visited;
}

describe("the network page by keyboard", () => {
  it("Tab reaches the chart; arrows, Home and End move between nodes; Enter opens one; Escape returns (SVG)", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    await tabTo(page, ".aa-net");
    // Zoomed in, some moves lead off screen: the chart pans to the node.
    for (const key of ["+", "+", "+"]) await page.keyboard.press(key);
    const keys: NavKey[] = [
      "ArrowRight",
      "ArrowRight",
      "ArrowDown",
      "ArrowLeft",
      "ArrowUp",
      "End",
      "Home",
      "ArrowDown",
    ];
    const visited = await walkNodes(page, keys);
    expect(new Set(visited).size).toBeGreaterThanOrEqual(4);
    const chosen = visited.at(-1) as string;
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe(chosen);
    await expect.poll(panelIds(page), { timeout: READY_TIMEOUT }).toEqual(commitmentsOf(chosen));
    await expectFocusOn(page, ".aa-net");
    expect((await activeNode(page)).name).toContain("Selected.");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count()).toBe(0);
    await expectFocusOn(page, ".aa-net");
    expectClean(handle);
  });

  it("moves between nodes and opens one on the canvas too", async () => {
    const handle = await openNetwork("?renderer=canvas");
    const { page } = handle;
    expect(await page.getAttribute(".aa-net", "data-renderer")).toBe("canvas");
    await tabTo(page, ".aa-net");
    const visited = await walkNodes(page, ["End", "ArrowUp", "ArrowLeft", "ArrowDown"]);
    const chosen = visited.at(-1) as string;
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe(chosen);
    await expectFocusOn(page, ".aa-net");
    // Escape inside the panel clears it and returns to the chart.
    await tabTo(page, ".aa-net-panel button");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count()).toBe(0);
    await expectFocusOn(page, ".aa-net");
    expectClean(handle);
  });

  it("keeps the focus on a broker's button after Enter selects it", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    await page.waitForSelector('[data-testid="brokers"] button', { timeout: READY_TIMEOUT });
    await tabTo(page, '[data-testid="brokers"] li:nth-child(2) button');
    const id = await page.evaluate(() => document.activeElement?.getAttribute("data-id") ?? "");
    expect(id).not.toBe("");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe(id);
    await expectFocusOn(page, `[data-testid="brokers"] button[data-id="${id}"]`);
    // The panel and the brokers were drawn anew: the focus is on the new button, still in the page.
    expect(await page.evaluate(() => document.contains(document.activeElement))).toBe(true);
    expectClean(handle);
  });

  it("the search lists a country's government first when the query names the country", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    await page.fill('[role="combobox"]', "Belarus");
    const first = page.locator('#aa-net-results [role="option"]').first();
    await expect.poll(() => first.getAttribute("data-id"), { timeout: READY_TIMEOUT }).toBe("by-government");
    expectClean(handle);
  });

  it("the search is a combobox: ArrowDown and ArrowUp move through the matches, Enter picks, Escape closes", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    const box = '[role="combobox"]';
    await tabTo(page, box);
    expect(await page.getAttribute(box, "aria-expanded")).toBe("false");
    await page.keyboard.type("tractor");
    await expect.poll(() => page.getAttribute(box, "aria-expanded")).toBe("true");
    const listId = await page.getAttribute(box, "aria-controls");
    expect(await page.getAttribute(`#${listId}`, "role")).toBe("listbox");
    const options = await page.$$eval(`#${listId} [role="option"]`, (os) => os.map((o) => o.getAttribute("data-id")));
    expect(options[0]).toBe("by-mtw");
    const activeOption = () =>
      page.evaluate((sel) => {
        const ref = document.querySelector(sel)?.getAttribute("aria-activedescendant");
        const option = ref ? document.getElementById(ref) : null;
        return option ? [option.getAttribute("data-id"), option.getAttribute("aria-selected")] : null;
      }, box);
    await page.keyboard.press("ArrowDown");
    expect(await activeOption()).toEqual([options[0], "true"]);
    if (options.length > 1) {
      await page.keyboard.press("ArrowDown");
      expect(await activeOption()).toEqual([options[1], "true"]);
      await page.keyboard.press("ArrowUp");
      expect(await activeOption()).toEqual([options[0], "true"]);
    }
    await expectFocusOn(page, box);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe("by-mtw");
    await expectFocusOn(page, box);
    expect(await page.getAttribute(box, "aria-expanded")).toBe("false");
    // Escape on the closed list clears the box and the selection.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".aa-net-panel").count()).toBe(0);
    expect(await page.inputValue(box)).toBe("");
    await expectFocusOn(page, box);
    expectClean(handle);
  });
});

describe("the network page with reduced motion", () => {
  const reduced = (page: Page) => page.emulateMedia({ reducedMotion: "reduce" });

  it("draws a filter change at once: no node or link fades in or out", async () => {
    const handle = await openNetwork("", undefined, reduced);
    const { page } = handle;
    await expect.poll(() => drawnNodes(page), { timeout: READY_TIMEOUT }).toHaveLength(boundInstitutions().size);
    // Every element of the drawing that ever fades (enters or leaves with a fade), from now on.
    await page.evaluate(() => {
      const faded: string[] = [];
      (window as unknown as { __faded: string[] }).__faded = faded;
      const svg = document.querySelector(".aa-net-svg") as SVGSVGElement;
      const check = (node: Node) => {
        if (!(node instanceof Element)) return;
        if (node.matches(".aa-enter, .aa-exit") || node.getAnimations().length) faded.push(node.outerHTML.slice(0, 80));
      };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === "attributes") check(r.target);
          r.addedNodes.forEach(check);
        }
      }).observe(svg, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "opacity"] });
    });
    await page.click('.aa-filters summary:has-text("Sector")');
    await page.check('.aa-filters input[name="sector"][value="industry"]');
    const expected = boundInstitutions("industry");
    await expect.poll(async () => new Set(await drawnNodes(page)), { timeout: READY_TIMEOUT }).toEqual(expected);
    expect(await page.locator(".aa-net-svg .aa-net-node").count()).toBe(expected.size);
    expect(await page.evaluate(() => (window as unknown as { __faded: string[] }).__faded)).toEqual([]);
    expectClean(handle);
  });

  it("jumps to a selection's view: the drawing goes from the old view to the new one with nothing between", async () => {
    const handle = await openNetwork("", undefined, reduced);
    const { page } = handle;
    await page.waitForSelector('[data-testid="brokers"] button', { timeout: READY_TIMEOUT });
    await tabTo(page, '[data-testid="brokers"] li:nth-child(3) button');
    const id = await page.evaluate(() => document.activeElement?.getAttribute("data-id") ?? "");
    // Every view the drawing shows from now on.
    await page.evaluate(() => {
      const views: string[] = [];
      (window as unknown as { __views: string[] }).__views = views;
      const viewport = document.querySelector(".aa-net-svg .viewport") as SVGGElement;
      new MutationObserver(() => {
        const t = viewport.getAttribute("transform") ?? "";
        if (views.at(-1) !== t) views.push(t);
      }).observe(viewport, { attributes: true, attributeFilter: ["transform"] });
    });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getAttribute(".aa-net-panel", "data-node"), { timeout: READY_TIMEOUT }).toBe(id);
    // The selected node ends up at the centre …
    await expect
      .poll(() =>
        page.evaluate((node) => {
          type Chart = HTMLElement & { locate(id: string): { x: number; y: number } };
          const chart = document.querySelector(".aa-net") as Chart;
          const at = chart.locate(node);
          return Math.round(Math.hypot(at.x - chart.clientWidth / 2, at.y - chart.clientHeight / 2));
        }, id),
      )
      .toBeLessThanOrEqual(1);
    // … reached in one step.
    expect(await page.evaluate(() => (window as unknown as { __views: string[] }).__views)).toHaveLength(1);
    await expectFocusOn(page, `[data-testid="brokers"] button[data-id="${id}"]`);
    expectClean(handle);
  });
});

describe("the network page's accessibility audit", () => {
  it("axe finds nothing serious or critical in the network's part of the page, light and dark", async () => {
    const handle = await openNetwork();
    const { page } = handle;
    await page.waitForSelector('[data-testid="brokers"] button', { timeout: READY_TIMEOUT });
    // The states a reader reaches: an active node, a selection's panel, the search's list open.
    await tabTo(page, ".aa-net");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="panel-commitments"]', { timeout: READY_TIMEOUT });
    await page.fill('[role="combobox"]', "pakistan");
    await page.focus('[role="combobox"]');
    await page.keyboard.press("ArrowDown");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const findings = (await auditPage(page, ".aa-net-layout")).filter(isSerious);
      expect(findings, `${colorScheme}:\n${describeFindings(findings)}`).toEqual([]);
    }
    expectClean(handle);
  });
});
