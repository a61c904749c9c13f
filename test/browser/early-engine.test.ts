/**
 * DuckDB-WASM starts from the page's head (scripts/early-engine.ts) and the
 * page's database takes that worker over (src/components/early-engine.ts):
 * the page answers, the worker and the .wasm are fetched once each, from
 * loopback only, and a page that never queries starts no engine.
 */
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

/** Opens a page and records the GET requests for DuckDB-WASM's worker and .wasm (the page's and its workers'). */
async function visit(path: string) {
  const engineRequests: string[] = [];
  const handle = await openPage(site.browser, `${site.server.url}${path}`, {
    beforeGoto: async (page) => {
      page.context().on("request", (request: Request) => {
        const file = new URL(request.url()).pathname.split("/").pop() ?? "";
        if (request.method() === "GET" && /^duckdb-.*\.(wasm|js)$/.test(file)) engineRequests.push(file);
      });
    },
  });
  site.open.push(handle);
  return { handle, engineRequests };
}

const marked = (name: string) => `performance.getEntriesByName(${JSON.stringify(name)}, "mark").length > 0`;

describe("DuckDB-WASM started from the page's head", () => {
  it("answers the page's queries from the worker the head started, fetched once", async () => {
    const { handle, engineRequests } = await visit("/sql");
    const { page } = handle;
    await waitReady(page);
    await page.waitForFunction(marked("duckdb:first-query"), null, { timeout: READY_TIMEOUT });
    expect(await page.evaluate(marked("duckdb:early-start"))).toBe(true);
    // The head's script runs before the page's modules: its mark comes first.
    const [early, instantiated] = await page.evaluate(() =>
      ["duckdb:early-start", "duckdb:instantiated"].map((n) => performance.getEntriesByName(n, "mark")[0]?.startTime),
    );
    expect(early).toBeLessThan(instantiated);
    expect(engineRequests.filter((f) => f.endsWith(".wasm"))).toEqual(["duckdb-eh.wasm"]);
    // The worker is the build's copy of DuckDB's with the .wasm handover before it (scripts/early-engine.ts).
    expect(engineRequests.filter((f) => f.endsWith(".js"))).toEqual([
      expect.stringMatching(/^duckdb-browser-eh\.early\.[0-9a-f]{8}\.js$/),
    ]);
    expect(await page.locator("script[data-early-engine]").count()).toBe(1);
    expectClean(handle);
  });

  it("is not on a page that never queries, which fetches no engine", async () => {
    const { handle, engineRequests } = await visit("/present");
    const { page } = handle;
    await page.waitForLoadState("load");
    expect(await page.locator("script[data-early-engine]").count()).toBe(0);
    expect(await page.evaluate(marked("duckdb:early-start"))).toBe(false);
    expect(engineRequests).toEqual([]);
    expectClean(handle);
  });
});
