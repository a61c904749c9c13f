/**
 * Logs every query a page asks DuckDB from now on, in the order asked and
 * answered ("asked <text>", "answered <text>"; DuckDB-WASM answers one at a
 * time), and every text it has prepared ahead ("prepared <text>", or "not
 * prepared <text>" when db.prepare declined), through the page's own
 * Database (`__accordAtlas.database`), for tests of which queries go first.
 */
import type { Page } from "playwright-core";
import type { Database } from "../../src/components/db.js";
import type { PageHooks } from "../../src/components/page-hooks.js";
import type { SqlFragment } from "../../src/lib/sql/fragment.js";

/** Starts the log; the returned function reads it. */
export async function logQueries(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(async () => {
    const aa = (globalThis as { __accordAtlas?: PageHooks }).__accordAtlas!;
    const db = (await aa.database!()) as Database;
    const log: string[] = [];
    (globalThis as { __asked?: string[] }).__asked = log;
    for (const method of ["query", "queryPacked"] as const) {
      const run = db[method].bind(db) as (fragment: SqlFragment) => Promise<unknown>;
      (db as unknown as Record<string, unknown>)[method] = (fragment: SqlFragment) => {
        log.push(`asked ${fragment.text}`);
        return run(fragment).finally(() => log.push(`answered ${fragment.text}`));
      };
    }
    const prepare = db.prepare.bind(db);
    db.prepare = async (fragment: SqlFragment) => {
      const prepared = await prepare(fragment);
      log.push(`${prepared ? "prepared" : "not prepared"} ${fragment.text}`);
      return prepared;
    };
  });
  return () => page.evaluate(() => (globalThis as { __asked?: string[] }).__asked ?? []);
}

/**
 * Has the page load every table whole, with its own db.load(), and waits for
 * it: what the page prepares ahead (db.prepare declines while a table its
 * text names is not all in) then does not hang on which of its loads have
 * ended when a test opens a list.
 */
export async function loadEveryTable(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const aa = (globalThis as { __accordAtlas?: PageHooks }).__accordAtlas!;
    await ((await aa.database!()) as Database).load();
  });
}
