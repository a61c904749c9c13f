/**
 * Waiting on a built page in the browser: until its query engine has loaded
 * every table, or polling the text of an element.
 */
import type { Page } from "playwright-core";

/** How long to wait for DuckDB-WASM and the first queries (cold page, no cache). */
export const READY_TIMEOUT = 60_000;

/** Waits until the page's query engine has loaded every table. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('.aa-status[data-state="ready"]', { state: "attached", timeout: READY_TIMEOUT });
}

/** Polls the trimmed text of the first element matching selector. */
export function textOf(page: Page, selector: string): () => Promise<string | null> {
  return async () => {
    const locator = page.locator(selector).first();
    return (await locator.count()) ? ((await locator.textContent()) ?? "").trim() : null;
  };
}

/** The text a reader sees in `selector` (main by default): rendered text, hidden elements left out. */
export function visibleText(page: Page, selector = "main"): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (closed panels excluded).
  return page.locator(selector).innerText();
}
