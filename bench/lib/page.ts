/**
 * Scripts the benchmarks run in a built page. They are strings, not
 * functions: tsx's transform would add helpers that do not exist in the page.
 * They read `globalThis.__accordAtlas`, the hooks the page registers
 * (src/components/page-hooks.ts, type PageHooks).
 */

/**
 * Resolves to true once the page's DuckDB-WASM answers a trivial query
 * quickly five times in a row (tables loaded, start-up work done), or to
 * false after a minute.
 */
export const WAIT_CALM = `(async () => {
  const aa = globalThis.__accordAtlas;
  const db = await aa.database();
  const ping = aa.sql(["SELECT 1 AS x"]);
  const deadline = performance.now() + 60000;
  let calm = 0;
  while (calm < 5 && performance.now() < deadline) {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    await db.query(ping);
    calm = performance.now() - t0 < 80 ? calm + 1 : 0;
  }
  return calm >= 5;
})()`;
