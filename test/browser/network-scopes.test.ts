/**
 * The network page on a data folder with every kind of institution
 * (test/fixtures/world-sample: an international organisation, a joint
 * commission and its working group with members, two generic institutions),
 * built in a throwaway copy of the project so dist/ is untouched. The legend
 * lists international organisations, joint bodies and generic institutions;
 * a joint body's tooltip and panel name its members; a generic institution
 * is drawn dashed, labelled "(generic)", counted apart and never listed as a
 * broker although it brokers; no row or line says "null" or "United States".
 * The site is the one world-sample.test.ts opens (devtools/folder-site.ts).
 */
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { useFolderSite } from "./site.js";

const SAMPLE = join(ROOT, "test", "fixtures", "world-sample");
const JOINT = "ke-fi-jc";
const GENERIC = "ke-chambers";

/** The text as rendered (table cells separated by tabs, closed parts left out). */
function rendered(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (cells apart, tabs between).
  return locator.innerText();
}

const site = useFolderSite(SAMPLE);

describe("the network with international, joint and generic institutions", () => {
  let handle: PageHandle;

  beforeAll(async () => {
    handle = await openPage(site.browser, `${site.server.url}/network?renderer=svg`, {
      viewport: { width: 1920, height: 1080 },
    });
    site.open.push(handle);
    await waitReady(handle.page);
    await handle.page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes]', {
      state: "attached",
      timeout: READY_TIMEOUT,
    });
    await handle.page.waitForSelector('[data-testid="brokers"] button', { timeout: READY_TIMEOUT });
  }, READY_TIMEOUT);

  it("lists international organisations, joint bodies and generic institutions in the legend", async () => {
    const legend = await rendered(handle.page.locator(".aa-net-legend"));
    expect(legend).toContain("International organisations (ringed)");
    expect(legend).toContain("Joint bodies of two or more countries (double ring)");
    expect(legend).toMatch(/Named only generically .*not ranked as brokers/);
    expect(legend).not.toMatch(/United States|null/);
    expect(await handle.page.locator(".aa-net-swatch.dot.ring").count()).toBe(1);
    expect(await handle.page.locator(".aa-net-swatch.dot.double").count()).toBe(1);
    expect(await handle.page.locator(".aa-net-swatch.dot.dashed").count()).toBe(1);
  });

  it("counts generic institutions apart", async () => {
    const text = await rendered(handle.page.locator("main"));
    expect(text).toMatch(/\d+ institutions and 2 generic mentions · /);
  });

  it("names a joint body's members in its tooltip and its panel", async () => {
    const { page } = handle;
    const node = page.locator(`.aa-net-node[data-id="${JOINT}"]`);
    expect(await node.locator("circle.aa-ring").count()).toBe(1);
    expect(await node.locator("circle.aa-inner-ring").count()).toBe(1);
    await node.hover();
    await expect.poll(() => rendered(page.locator(".aa-net-tooltip"))).toContain("Joint body of Finland and Kenya");
    await node.click();
    const panel = page.locator(`.aa-net-panel[data-node="${JOINT}"]`);
    await panel.waitFor({ timeout: READY_TIMEOUT });
    expect(await rendered(panel)).toContain("Joint body of Finland and Kenya");
  });

  it("draws a generic institution dashed and labelled, and never ranks it as a broker though it brokers", async () => {
    const { page } = handle;
    expect(await page.locator(`.aa-net-node[data-id="${GENERIC}"] circle.aa-dashed`).count()).toBe(1);
    expect(await page.locator(".aa-net-svg .labels text").allTextContents()).toContain(
      "Chambers of commerce of Kenya (generic)",
    );
    const row = page.locator('[data-testid="network-nodes"] tr', { hasText: "Chambers of commerce of Kenya" });
    const cells = await row.locator("td").allTextContents();
    expect(cells[3]).toBe("chamber (generic mention)");
    expect(Number(cells[6])).toBeGreaterThan(0); // it sits on shortest paths…
    const brokers = page.locator('[data-testid="brokers"]');
    expect(await brokers.locator("button").count()).toBeGreaterThan(0);
    expect(await brokers.locator(`button[data-id="${GENERIC}"]`).count()).toBe(0); // …but is not ranked
  });

  it("says the affiliation in words in the nodes table: no null, no United States", async () => {
    const rows = handle.page.locator('[data-testid="network-nodes"] tbody tr');
    const table = await Promise.all((await rows.all()).map((r) => r.locator("td").allTextContents()));
    const byName = new Map(table.map((cells) => [cells[0], cells[2]]));
    expect(byName.get("United Nations Development Programme")).toBe("International organisation");
    expect(byName.get("Kenya–Finland Joint Commission")).toBe("Joint body of Finland and Kenya");
    expect(table.length).toBeGreaterThan(5);
    for (const cells of table) expect(cells[2]).toMatch(/^(?!.*(null|United States)).+$/);
    expectClean(handle);
  });
});
