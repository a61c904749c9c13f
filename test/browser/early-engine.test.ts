/**
 * DuckDB-WASM's start is prepared in the page's head (scripts/early-engine.ts)
 * and the page's database takes it over (src/components/early-engine.ts)
 * when a query first needs the engine or the first chart is built
 * (src/components/db.ts): the page answers from the .wasm the head's
 * compiler compiled, the worker and the .wasm are fetched once each, from
 * loopback only, not before the first chart when nothing needed them (nor
 * DuckDB-WASM's and Arrow's script: src/components/engine-start.ts), a
 * script that does not load is reported, and a page that never queries
 * starts no engine.
 */
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();

/** Opens a page and records the GET requests for DuckDB-WASM's worker and .wasm (the page's and its workers'). */
async function visit(path: string, options: { holdTablesManifest?: boolean } = {}) {
  const engineRequests: string[] = [];
  const handle = await openPage(site.browser, `${site.server.url}${path}`, {
    beforeGoto: async (page) => {
      // Never answered: no query gets past loading its tables, so none needs the engine.
      if (options.holdTablesManifest) await page.route("**/_file/data/tables.json", () => {});
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
    // The start the head prepared is the one that instantiated the engine, from the
    // module its compiler handed over: the .wasm was fetched once, by the compiler.
    const [early, compiled, instantiated] = await page.evaluate(() =>
      ["duckdb:early-start", "duckdb:early-compiled", "duckdb:instantiated"].map(
        (n) => performance.getEntriesByName(n, "mark")[0]?.startTime,
      ),
    );
    expect(early).toBeLessThan(compiled as number);
    expect(compiled).toBeLessThan(instantiated as number);
    expect(engineRequests.filter((f) => f.endsWith(".wasm"))).toEqual(["duckdb-eh.wasm"]);
    // The worker is the build's copy of DuckDB's with the .wasm handover before it (scripts/early-engine.ts).
    expect(engineRequests.filter((f) => f.endsWith(".js"))).toEqual([
      expect.stringMatching(/^duckdb-browser-eh\.early\.[0-9a-f]{8}\.js$/),
    ]);
    expect(await page.locator("script[data-early-engine]").count()).toBe(1);
    expectClean(handle);
  });

  it("starts on the first chart when nothing has needed the engine before it", async () => {
    // /timeline draws its first chart from the build; with the tables' list held back no
    // query reaches the engine, so only that chart can start it.
    const { handle, engineRequests } = await visit("/timeline", { holdTablesManifest: true });
    const { page } = handle;
    // The .wasm's entry is written once its last byte is in.
    await page.waitForFunction(
      () => performance.getEntriesByType("resource").some((e) => e.name.endsWith(".wasm")),
      null,
      { timeout: READY_TIMEOUT },
    );
    const [chart, start, wasm] = await page.evaluate(() => [
      performance.getEntriesByName("chart:first", "mark")[0]?.startTime,
      performance.getEntriesByName("duckdb:early-start", "mark")[0]?.startTime,
      performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.startTime,
    ]);
    expect(chart).toBeGreaterThan(0);
    expect(start).toBeGreaterThanOrEqual(chart as number);
    expect(wasm).toBeGreaterThanOrEqual(chart as number);
    expect(engineRequests.filter((f) => f.endsWith(".wasm"))).toEqual(["duckdb-eh.wasm"]);
    expectClean(handle);
  });

  it("loads DuckDB-WASM's and Arrow's script only when the engine starts, after the first chart", async () => {
    // As above: with the tables' list held back only the first chart starts the engine.
    const { handle } = await visit("/timeline", { holdTablesManifest: true });
    const { page } = handle;
    const engineScripts = () =>
      performance
        .getEntriesByType("resource")
        .filter((e) => /\/_node\/(apache-arrow@|@duckdb\/duckdb-wasm@[^/]+\/index\.)/.test(e.name))
        .map((e) => ({ name: e.name.replace(/^.*\/_node\//, ""), start: e.startTime }));
    await expect
      .poll(async () => (await page.evaluate(engineScripts)).length, { timeout: READY_TIMEOUT })
      .toBeGreaterThanOrEqual(2);
    const chart = await page.evaluate(() => performance.getEntriesByName("chart:first", "mark")[0]?.startTime);
    const scripts = await page.evaluate(engineScripts);
    expect(scripts.map((s) => s.name.split("/")[0]).sort()).toEqual(["@duckdb", "apache-arrow@17.0.0"]);
    expect(chart).toBeGreaterThan(0);
    for (const script of scripts) expect(script.start, script.name).toBeGreaterThanOrEqual(chart as number);
    // Nor were they preloaded: the page's head names neither.
    expect(await page.locator('link[rel="modulepreload"][href*="apache-arrow"]').count()).toBe(0);
    expect(await page.locator('link[rel="modulepreload"][href*="duckdb-wasm"]').count()).toBe(0);
    expectClean(handle);
  });

  it("says the engine could not start when its script does not load", async () => {
    const handle = await openPage(site.browser, `${site.server.url}/sql`, {
      beforeGoto: async (page) => {
        await page.route(/\/_node\/apache-arrow@[^/]+\/index\.[0-9a-f]+\.js$/, (route) => route.abort());
      },
    });
    site.open.push(handle);
    const status = handle.page.locator('.aa-status[data-state="error"]');
    await status.waitFor({ state: "visible", timeout: READY_TIMEOUT });
    // The cause first (Chromium names the module whose import failed: the engine's start), then what to do.
    expect(await status.textContent()).toMatch(
      /^The query engine \(DuckDB-WASM\) could not start: .+\. Reload the page/,
    );
    // Each of the six examples stays, and says its query could not run, rather than running for ever.
    await expect
      .poll(() => handle.page.locator('.aa-example[data-state="error"]').count(), { timeout: READY_TIMEOUT })
      .toBe(6);
    // No cell failed in Framework's way (its red error in place of the cell's output).
    expect(await handle.page.locator(".observablehq--error").count()).toBe(0);
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
