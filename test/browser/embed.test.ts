/**
 * Charts on other sites: a host page served from a second loopback port (so
 * another origin) frames the embed pages and imports the exported modules;
 * both draw the state they were given (checked against the records), the
 * iframe reports its height, nothing leaves the machine and nothing logs an
 * error. The timeline embed works from the keyboard alone and axe finds
 * nothing serious in its chart; the network embed has its data as tables,
 * closed under the chart, its nodes reached by keyboard, and nothing axe
 * calls serious, light or dark. Hostile query strings produce notices and
 * run nothing. Every built
 * page carries the Content-Security-Policy, which blocks a connection to
 * another origin and an injected inline script.
 *
 * Expected numbers come from the records (loadDataset over data/), the
 * layout from the built network-layout.json, never from the page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage, describeFindings, isSerious } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { DIST, ROOT } from "../../devtools/project-paths.js";
import { pagePolicy } from "../../scripts/csp.js";
import { type StaticServer, startStaticServer } from "../../scripts/static-server.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import type { Row } from "../../src/lib/records/record-types.js";
import { drawnMarks, focused, markAfter, tabbableCount } from "./chart-keys.js";
import { expectFocusOn, tabTo } from "./focus-steps.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

const dataset = loadDataset(join(ROOT, "data"));
if (!dataset.tables) throw new Error("data/ has errors");
const { commitments, commitment_parties: parties, sectors, institutions } = dataset.tables;
const sectorOf = new Map(commitments.map((c) => [String(c.id), String(c.sector)]));
const DAY = 86_400_000;
const iso = (day: unknown) => (typeof day === "number" ? new Date(day * DAY).toISOString().slice(0, 10) : "");

const SECTOR = "industry";
const SECTOR_LABEL = String(sectors.find((s) => s.id === SECTOR)?.label);
const TODAY = "2026-11-27";
const WINDOW = { from: "2024-01-01", to: "2025-12-31" };

/** Institutions bound by the sector's commitments: the nodes the network must draw. */
const bound = new Set(
  parties.filter((p) => sectorOf.get(String(p.commitment_id)) === SECTOR).map((p) => String(p.institution_id)),
);
/** The institution with the most commitments in the sector: the selection. */
const busiest = [...bound].sort(
  (a, b) =>
    parties.filter((p) => p.institution_id === b && sectorOf.get(String(p.commitment_id)) === SECTOR).length -
      parties.filter((p) => p.institution_id === a && sectorOf.get(String(p.commitment_id)) === SECTOR).length ||
    a.localeCompare(b),
)[0];
/** The sector's commitments whose dates touch the window: the marks the timeline must draw. */
const inWindow = (c: Row) => iso(c.date_to) >= WINDOW.from && iso(c.date_from) <= WINDOW.to;
const windowMarks = commitments
  .filter((c) => c.sector === SECTOR && inWindow(c))
  .map((c) => String(c.id))
  .sort();

/** A layout position from the built layout file, for the zoom. */
function layoutPosition(id: string): { x: number; y: number } {
  const dir = join(DIST, "_file/data");
  const file = readdirSync(dir).find((f) => /^network-layout\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error("no network-layout.json in dist");
  const layout = JSON.parse(readFileSync(join(dir, file), "utf8")) as { positions: Record<string, [number, number]> };
  const [x, y] = layout.positions[id];
  return { x, y };
}

let host: StaticServer;
let hostDir: string;

beforeAll(async () => {
  expect(bound.size).toBeGreaterThan(3);
  expect(windowMarks.length).toBeGreaterThan(3);
  hostDir = mkdtempSync(join(tmpdir(), "aa-embed-host-"));
  host = await startStaticServer({ root: hostDir });
});
afterAll(async () => {
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

/** Writes a host page into the host server's folder; returns its URL. */
function hostPage(name: string, body: string): string {
  writeFileSync(
    join(hostDir, `${name}.html`),
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>A host page</title></head>\n<body style="margin:0;font-family:serif">\n${body}\n</body></html>\n`,
  );
  return `${host.url}/${name}.html`;
}

async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<PageHandle> {
  const handle = await openPage(site.browser, url, { viewport });
  // A dialog means script ran from the URL.
  handle.page.on("dialog", (dialog) => {
    handle.consoleErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  site.open.push(handle);
  return handle;
}

/** The frame showing an embed page. */
async function embedFrame(page: Page, path: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(path)), { timeout: READY_TIMEOUT }).toBe(true);
  return page.frames().find((f) => f.url().includes(path)) as Frame;
}

/** Node ids drawn in the network (SVG groups not fading out). */
function drawnNodes(scope: Page | Frame, root = ""): Promise<string[]> {
  return scope.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} .aa-net-svg .aa-net-node`)]
        .filter((g) => !g.classList.contains("aa-exit"))
        .map((g) => g.getAttribute("data-id") ?? "")
        .sort(),
    root,
  );
}

function markIds(scope: Page | Frame, root = ""): Promise<string[]> {
  return scope.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} [data-chart="timeline"] [data-mark="commitment"]`)]
        .map((g) => g.getAttribute("data-id") ?? "")
        .sort(),
    root,
  );
}

const HEIGHT_LISTENER = `<script>
  window.__heights = [];
  addEventListener("message", (event) => {
    const frame = document.getElementById("embed");
    if (event.source !== frame.contentWindow || !event.data || event.data.type !== "accord-atlas:height") return;
    window.__heights.push(event.data);
    frame.style.height = event.data.height + "px";
  });
</script>`;

describe("an iframe on another origin", () => {
  it("draws the network for its state, with caption and link, and reports its height as it changes", async () => {
    const src = `${site.server.url}/embed/network?sector=${SECTOR}`;
    const url = hostPage(
      "iframe-network",
      `<h1>Our report</h1>\n<iframe id="embed" src="${src}" title="Accord Atlas network" scrolling="no" style="width:960px;height:150px;border:0"></iframe>\n${HEIGHT_LISTENER}`,
    );
    const handle = await open(url);
    const { page } = handle;
    const frame = await embedFrame(page, "/embed/network");
    await frame.waitForSelector('.aa-embed .aa-net[data-nodes][data-source="duckdb"]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    await expect.poll(() => drawnNodes(frame), { timeout: READY_TIMEOUT }).toEqual([...bound].sort());
    // No filter bar, no sidebar: only the chart and its frame.
    expect(await frame.locator(".aa-filters, #observablehq-sidebar, #observablehq-footer").count()).toBe(0);
    const caption = ((await frame.locator('[data-testid="embed-caption"]').textContent()) ?? "").replace(/\s+/g, " ");
    expect(caption).toContain(`${bound.size} institutions`);
    expect(caption).toContain(`Filters: Sector: ${SECTOR_LABEL}`);
    expect(caption).toMatch(/Sources: .+\(\d+\).*\. Data as of \d{1,2} \w{3} \d{4}\./);
    expect(await frame.locator(".aa-embed-title").textContent()).toBe("Institutions linked by shared commitments");
    expect(await frame.locator(".aa-net-legend").count()).toBe(1);
    const link = frame.getByRole("link", { name: "Open in Accord Atlas" });
    expect(await link.getAttribute("href")).toBe(`${site.server.url}/network?sector=${SECTOR}`);
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");

    // The host got the height, set it, and the content fits it exactly.
    const settle = async () => {
      await page.waitForTimeout(400);
      return page.evaluate(() => (window as unknown as { __heights: { height: number }[] }).__heights.at(-1)?.height);
    };
    await expect.poll(settle, { timeout: READY_TIMEOUT }).toBeGreaterThan(200);
    const last = (await settle()) as number;
    const messages = await page.evaluate(() => (window as unknown as { __heights: unknown[] }).__heights);
    expect(messages.at(-1)).toEqual({
      type: "accord-atlas:height",
      height: last,
      path: `/embed/network?sector=${SECTOR}`,
    });
    const fit = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
      bottom: (document.querySelector(".aa-embed") as HTMLElement).getBoundingClientRect().bottom,
    }));
    expect(fit.inner).toBe(last);
    expect(fit.scroll).toBeLessThanOrEqual(last);
    expect(fit.bottom).toBeLessThanOrEqual(last);
    expect(last - fit.bottom).toBeLessThan(32);

    // Narrower: the chart follows the width and the host hears the new height.
    await page.evaluate(() => {
      (document.getElementById("embed") as HTMLIFrameElement).style.width = "420px";
    });
    await expect.poll(settle, { timeout: READY_TIMEOUT }).not.toBe(last);
    const narrow = (await settle()) as number;
    const chartWidth = await frame.evaluate(() => (document.querySelector(".aa-net") as HTMLElement).clientWidth);
    expect(chartWidth).toBeLessThanOrEqual(420);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(narrow);
    expect(await drawnNodes(frame)).toEqual([...bound].sort());
    await page.screenshot({ path: join(ROOT, "test-results", "embed-iframe.png"), fullPage: true });
    expectClean(handle);
  });

  it("draws the timeline's window and selection, in the dark theme, with the host's title", async () => {
    const select = windowMarks[0];
    const query = `sector=${SECTOR}&window=${WINDOW.from}..${WINDOW.to}&select=${select}&today=${TODAY}&theme=dark&title=${encodeURIComponent("Industry, 2024–2025")}`;
    const url = hostPage(
      "iframe-timeline",
      `<iframe id="embed" src="${site.server.url}/embed/timeline?${query}" style="width:1000px;height:150px;border:0"></iframe>\n${HEIGHT_LISTENER}`,
    );
    const handle = await open(url);
    const { page } = handle;
    const frame = await embedFrame(page, "/embed/timeline");
    await frame.waitForSelector('.aa-embed [data-chart="timeline"]', { state: "attached", timeout: READY_TIMEOUT });
    await expect.poll(() => markIds(frame), { timeout: READY_TIMEOUT }).toEqual(windowMarks);
    expect(await frame.locator(`.aa-mark.aa-selected[data-id="${select}"]`).count()).toBe(1);
    expect(await frame.locator(".aa-mark.aa-selected").count()).toBe(1);
    expect(await frame.locator(".aa-embed-title").textContent()).toBe("Industry, 2024–2025");
    expect(await frame.locator('[data-testid="embed-caption"]').textContent()).toContain(
      `${windowMarks.length} commitments from 1 Jan 2024 – 31 Dec 2025`,
    );
    // Dark: the theme's background, whatever the system prefers.
    const [r, g, b] = await frame.evaluate(() => {
      const canvas = document.createElement("canvas");
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    });
    expect(r + g + b).toBeLessThan(120);
    expect(await frame.locator('.aa-embed[data-theme="dark"]').count()).toBe(1);
    const href = await frame.getByRole("link", { name: "Open in Accord Atlas" }).getAttribute("href");
    expect(new URL(href as string).searchParams.get("select")).toBe(select);
    expect(new URL(href as string).searchParams.get("window")).toBe(`${WINDOW.from}..${WINDOW.to}`);
    expect(new URL(href as string).searchParams.get("theme")).toBeNull();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __heights: unknown[] }).__heights.length), {
        timeout: READY_TIMEOUT,
      })
      .toBeGreaterThan(0);
    expectClean(handle);
  });

  it("a caption=off frame has no caption and no title", async () => {
    const handle = await open(`${site.server.url}/embed/network?sector=${SECTOR}&caption=off`);
    const { page } = handle;
    await page.waitForSelector('.aa-embed .aa-net[data-nodes][data-source="duckdb"]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    expect(await page.locator('[data-testid="embed-caption"], .aa-embed-title').count()).toBe(0);
    expect(await page.locator(".aa-embed-open").count()).toBe(1);
    expectClean(handle);
  });
});

describe("the network embed for keyboard and screen-reader users", () => {
  it("has the drawn nodes and links as tables in a closed section under the chart", async () => {
    const handle = await open(`${site.server.url}/embed/network?sector=${SECTOR}`);
    const { page } = handle;
    await page.waitForSelector('.aa-embed .aa-net[data-nodes][data-source="duckdb"]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    const section = page.locator('.aa-embed [data-testid="embed-tables"]');
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Under the chart, before the caption.
    expect(
      await page.evaluate(() => {
        const chart = document.querySelector(".aa-embed-chart") as Element;
        const tables = document.querySelector('[data-testid="embed-tables"]') as Element;
        return !!(chart.compareDocumentPosition(tables) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
    ).toBe(true);
    const nameOf = new Map(institutions.map((i) => [String(i.id), String(i.name)]));
    const names = await section.locator('[data-testid="network-nodes"] tbody tr td:first-child').allTextContents();
    expect(names.sort()).toEqual([...bound].map((id) => nameOf.get(id)).sort());
    expect(await section.locator('[data-testid="network-edges"] tbody tr').count()).toBe(
      Number(await page.getAttribute(".aa-net", "data-edges")),
    );
    // Opened by keyboard.
    await tabTo(page, '[data-testid="embed-tables"] > summary');
    await page.keyboard.press("Enter");
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expectClean(handle);
  });

  it("reaches a node by keyboard and selects it into the link; axe finds nothing serious, light or dark", async () => {
    const handle = await open(`${site.server.url}/embed/network?sector=${SECTOR}`);
    const { page } = handle;
    await page.waitForSelector('.aa-embed .aa-net[data-nodes][data-source="duckdb"]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    await tabTo(page, ".aa-net");
    await page.keyboard.press("Home");
    const first = await page.evaluate(() => {
      const chart = document.querySelector(".aa-net") as HTMLElement & {
        snapshot(): { scene: { nodes: { id: string }[] } };
      };
      return { active: chart.dataset.active, first: chart.snapshot().scene.nodes[0].id };
    });
    expect(first.active).toBe(first.first);
    await page.keyboard.press("Enter");
    const openLink = page.getByRole("link", { name: "Open in Accord Atlas" });
    await expect.poll(() => openLink.getAttribute("href")).toContain(`select=${encodeURIComponent(first.first)}`);
    await expectFocusOn(page, ".aa-net");
    await page.keyboard.press("Escape");
    await expect.poll(() => openLink.getAttribute("href")).not.toContain("select=");
    await expectFocusOn(page, ".aa-net");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const findings = (await auditPage(page, ".aa-embed")).filter(isSerious);
      expect(findings, `${colorScheme}:\n${describeFindings(findings)}`).toEqual([]);
    }
    expectClean(handle);
  });
});

describe("the exported modules on another origin", () => {
  it("NetworkChart and TimelineChart draw the state given, selection and zoom included", async () => {
    const centre = layoutPosition(busiest);
    const zoom = { x: centre.x, y: centre.y, k: 2 };
    const url = hostPage(
      "modules",
      `<h1>A web app</h1>\n<div id="net"></div>\n<div id="tl"></div>\n<script type="module">
import {NetworkChart} from "${site.server.url}/embed/network.js";
import {TimelineChart} from "${site.server.url}/embed/timeline.js";
try {
  const [net, tl] = await Promise.all([
    NetworkChart({state: "?sector=${SECTOR}&size=degree", select: ${JSON.stringify(busiest)}, zoom: ${JSON.stringify(zoom)}, width: 800, fancy: true}),
    TimelineChart({filters: {sector: [${JSON.stringify(SECTOR)}, "atlantis"]}, window: ${JSON.stringify(WINDOW)}, select: ${JSON.stringify(windowMarks[1])}, today: "${TODAY}", width: 900}),
  ]);
  document.getElementById("net").append(net);
  document.getElementById("tl").append(tl);
  window.__done = true;
} catch (error) {
  window.__done = String(error && error.stack || error);
}
</script>`,
    );
    const handle = await open(url);
    const { page } = handle;
    await page.waitForFunction(() => (window as unknown as { __done?: unknown }).__done !== undefined, null, {
      timeout: READY_TIMEOUT,
    });
    expect(await page.evaluate(() => (window as unknown as { __done: unknown }).__done)).toBe(true);

    // The network: the sector's institutions, sized by partners, the selection highlighted and centred.
    await expect.poll(() => drawnNodes(page, "#net"), { timeout: READY_TIMEOUT }).toEqual([...bound].sort());
    // The nodes enter when the scene is set; their styles (the selection among them) are drawn in
    // the next animation frame (network-svg.ts), which a loaded machine may run after this read.
    await expect.poll(() => page.locator(`#net .aa-net-node.selected[data-id="${busiest}"]`).count()).toBe(1);
    expect(await page.locator("#net .aa-embed").evaluate((e) => (e as HTMLElement).offsetWidth)).toBe(800);
    const view = await page.evaluate((id) => {
      const chart = document.querySelector("#net .aa-net") as HTMLElement & {
        getZoom(): { x: number; y: number; k: number } | null;
        locate(id: string): { x: number; y: number } | null;
      };
      return { zoom: chart.getZoom(), at: chart.locate(id), width: chart.clientWidth, height: chart.clientHeight };
    }, busiest);
    expect(view.zoom?.k).toBeCloseTo(2, 5);
    expect(view.zoom?.x).toBeCloseTo(zoom.x, 3);
    expect(view.at?.x).toBeCloseTo(view.width / 2, 0);
    expect(view.at?.y).toBeCloseTo(view.height / 2, 0);
    expect(await page.locator("#net .aa-net-size").textContent()).toContain("partners");
    expect(await page.locator("#net .aa-embed-notices").textContent()).toContain("Ignored the option “fancy”");

    // The timeline: the sector's marks in the window, the selection marked, the unknown sector noticed.
    await expect.poll(() => markIds(page, "#tl"), { timeout: READY_TIMEOUT }).toEqual(windowMarks);
    expect(await page.locator(`#tl .aa-mark.aa-selected[data-id="${windowMarks[1]}"]`).count()).toBe(1);
    expect(await page.locator('#tl .aa-embed-notices[role="status"]').textContent()).toContain(
      "Ignored unknown sector “atlantis”",
    );
    // Links back to the full pages, on the site's origin.
    const links = await page
      .getByRole("link", { name: "Open in Accord Atlas" })
      .evaluateAll((a) => a.map((x) => x.getAttribute("href")));
    expect(links[0]).toContain(`${site.server.url}/network?sector=${SECTOR}&size=degree&select=${busiest}&zoom=`);
    expect(links[1]).toContain(`${site.server.url}/timeline?sector=${SECTOR}&window=`);
    // The host page is unstyled by the embed: its own heading keeps its font.
    expect(await page.locator("h1").evaluate((e) => getComputedStyle(e).fontFamily)).toBe("serif");
    await page.screenshot({ path: join(ROOT, "test-results", "embed-modules.png"), fullPage: true });
    expectClean(handle);
  });

  it("works on a host page with its own Content-Security-Policy, as docs/embedding.md gives it", async () => {
    const atlas = site.server.url;
    const policy = `default-src 'self'; script-src 'self' ${atlas} 'wasm-unsafe-eval'; style-src 'self' ${atlas}; connect-src 'self' ${atlas}; worker-src blob: ${atlas}; img-src 'self' data:`;
    writeFileSync(
      join(hostDir, "strict.js"),
      `import {NetworkChart} from "${atlas}/embed/network.js";
try {
  document.getElementById("net").append(await NetworkChart({state: "?sector=${SECTOR}&colour=community"}));
  window.__done = true;
} catch (error) {
  window.__done = String(error && error.stack || error);
}
`,
    );
    writeFileSync(
      join(hostDir, "strict.html"),
      `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><title>A strict host</title></head>\n<body><div id="net"></div><script type="module" src="./strict.js"></script></body></html>\n`,
    );
    const handle = await open(`${host.url}/strict.html`);
    const { page } = handle;
    await page.waitForFunction(() => (window as unknown as { __done?: unknown }).__done !== undefined, null, {
      timeout: READY_TIMEOUT,
    });
    expect(await page.evaluate(() => (window as unknown as { __done: unknown }).__done)).toBe(true);
    await expect.poll(() => drawnNodes(page, "#net"), { timeout: READY_TIMEOUT }).toEqual([...bound].sort());
    // Communities come from the metrics worker, started from a blob like DuckDB's.
    expect(await page.locator("#net .aa-net-legend .aa-legend-heading").first().textContent()).toBe(
      "Communities (Louvain)",
    );
    expectClean(handle);
  });
});

describe("hostile query strings", () => {
  const hostile = [
    `sector=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`,
    `country=${encodeURIComponent("<svg onload=window.__pwned=1>")}`,
    `size=${"x".repeat(5000)}`,
    `select=${encodeURIComponent("javascript:window.__pwned=1")}`,
    `zoom=${encodeURIComponent("1e999,0,1")}`,
    `theme=${encodeURIComponent('dark"><script>window.__pwned=1</script>')}`,
    `title=${encodeURIComponent("<script>window.__pwned=1</script><b>bold</b>")}`,
  ].join("&");

  for (const view of ["network", "timeline"] as const) {
    it(`the ${view} embed shows notices and runs nothing`, async () => {
      const extra = view === "timeline" ? `&window=${encodeURIComponent("<b>..</b>")}&today=${TODAY}` : "";
      const handle = await open(`${site.server.url}/embed/${view}?${hostile}${extra}`);
      const { page } = handle;
      await page.waitForSelector(".aa-embed", { state: "attached", timeout: READY_TIMEOUT });
      const notices = await page.locator('.aa-embed-notices[role="status"] .aa-notice').allTextContents();
      const text = notices.join("\n");
      expect(text).toContain("Ignored unknown sector “<img src=x onerror=");
      expect(text).toContain("Ignored unknown country “<svg onload=");
      expect(text).toContain("Ignored theme");
      expect(text).toContain("Ignored selection “javascript:window.__pwned=1”: not an id.");
      if (view === "network") {
        expect(text).toContain("Ignored size");
        expect(text).toContain("Ignored zoom");
      } else expect(text).toContain("Ignored window “<b>..</b>”");
      // Long values are cut in the notice.
      expect(Math.max(...notices.map((n) => n.length))).toBeLessThan(300);
      // The title is text: shown as written, never parsed.
      expect(await page.locator(".aa-embed-title").textContent()).toBe("<script>window.__pwned=1</script><b>bold</b>");
      expect(
        await page.locator(".aa-embed img, .aa-embed-title b, .aa-embed script, .aa-embed svg[onload]").count(),
      ).toBe(0);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      // The link to the full page carries only what was valid.
      const href = (await page.locator(".aa-embed-open").getAttribute("href")) as string;
      expect(href).toBe(`${site.server.url}/${view}${view === "timeline" ? `?today=${TODAY}` : ""}`);
      expectClean(handle);
    });
  }
});

describe("the Content-Security-Policy", () => {
  it("is in every page, as a header too, and blocks connections to another origin and injected inline scripts", async () => {
    const response = await fetch(`${site.server.url}/network`);
    const html = await response.text();
    const meta = pagePolicy(html);
    expect(meta).toContain("connect-src 'self'");
    expect(response.headers.get("content-security-policy")).toBe(`${meta}; frame-ancestors *`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");

    const handle = await open(`${site.server.url}/network`);
    const { page } = handle;
    await page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached", timeout: READY_TIMEOUT });
    const outcome = await page.evaluate(async (other) => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
      let fetched = "no error";
      try {
        await fetch(other);
      } catch (error) {
        fetched = String(error);
      }
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { fetched, violations, injected: (window as unknown as { __injected?: boolean }).__injected };
    }, `${host.url}/`);
    expect(outcome.fetched).toMatch(/TypeError/);
    // Each refusal is reported once per policy (the <meta> and the header).
    expect(outcome.violations).toEqual(["connect-src", "connect-src", "script-src-elem", "script-src-elem"]);
    expect(outcome.injected).toBeUndefined();
    // The refusals are the only console errors.
    expect(handle.consoleErrors.length).toBeGreaterThan(0);
    for (const error of handle.consoleErrors) expect(error).toMatch(/Content Security Policy|ERR_FAILED/);
    expect(handle.outsideRequests).toEqual([]);
  });
});

describe("the timeline embed from the keyboard", () => {
  const CHART_BOX = ".aa-embed-timeline";
  const url = () =>
    `${site.server.url}/embed/timeline?sector=${SECTOR}&window=${WINDOW.from}..${WINDOW.to}&today=${TODAY}`;

  it("reaches the marks in a few Tabs, moves with the arrows and picks a mark with Enter; focus never on <body>", async () => {
    const handle = await open(url());
    const { page } = handle;
    await page.waitForSelector(`${CHART_BOX} [data-mark]`, { state: "attached", timeout: READY_TIMEOUT });
    // The controls before the chart, then the lane list and the marks.
    const before = await page.evaluate((box) => {
      const chart = document.querySelector(`${box} [data-chart="timeline"]`) as Element;
      return [...document.querySelectorAll<HTMLElement>("a[href], summary, select, button")].filter(
        (e) =>
          !(e as HTMLButtonElement).disabled && chart.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING,
      ).length;
    }, CHART_BOX);
    let tabs = 0;
    let now = await focused(page, CHART_BOX);
    while (!now.mark && tabs < 40) {
      await page.keyboard.press("Tab");
      tabs++;
      now = await focused(page, CHART_BOX);
      expect(now.body, `Tab ${tabs}`).toBe(false);
    }
    expect(now.mark).toBe(true);
    expect(tabs).toBeLessThanOrEqual(before + 2);
    expect(await tabbableCount(page, '[data-chart="timeline"]')).toBe(2);
    const marks = await drawnMarks(page, CHART_BOX);
    expect(marks.map((m) => m.id).sort()).toEqual(windowMarks);
    expect(now.id).toBe(marks[0].id);
    for (const key of ["ArrowRight", "ArrowDown", "End", "ArrowLeft"] as const) {
      const want = markAfter(marks, now.id as string, key);
      await page.keyboard.press(key);
      now = await focused(page, CHART_BOX);
      expect(now.body, key).toBe(false);
      expect([now.id, now.label], key).toEqual([want.id, want.label]);
    }
    // Enter picks the mark: marked as selected, in the link back, focus kept on it.
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(`.aa-mark.aa-selected[data-id="${now.id}"]`).count()).toBe(1);
    const href = await page.getByRole("link", { name: "Open in Accord Atlas" }).getAttribute("href");
    expect(new URL(href as string).searchParams.get("select")).toBe(now.id);
    expect(await focused(page, CHART_BOX)).toMatchObject({ id: now.id, body: false, inside: true });
    expectClean(handle);
  });

  for (const theme of ["light", "dark"] as const) {
    it(`axe finds nothing serious in the timeline embed's chart (${theme})`, async () => {
      const handle = await open(`${url()}&theme=${theme}`);
      const { page } = handle;
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForSelector(`${CHART_BOX} [data-mark]`, { state: "attached", timeout: READY_TIMEOUT });
      const found = (await auditPage(page, CHART_BOX)).filter(isSerious);
      expect(found, describeFindings(found)).toEqual([]);
      expectClean(handle);
    });
  }
});
