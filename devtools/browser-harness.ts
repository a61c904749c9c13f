/**
 * The browser harness of the tests, the benchmarks and scripts/screenshot.ts:
 * serve dist/ on loopback, drive Debian's Chromium with playwright-core, fail
 * on console errors and on any request that leaves the machine.
 *
 * @example
 * const server = await serveDist();
 * const browser = await launchBrowser();
 * const handle = await openPage(browser, `${server.url}/sql`);
 * await handle.page.waitForSelector("table");
 * expectClean(handle);
 * await handle.close(); await browser.close(); await server.close();
 */
import { AssertionError } from "node:assert";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type StaticServer, startStaticServer } from "../scripts/static-server.js";

/** Chromium binary: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Flags that keep Chromium quiet on a closed network. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type ServedDist = StaticServer;

/**
 * Serves a Framework build (dist/ by default) on 127.0.0.1 at a free port.
 * `stats()` / `reset()` count requests and bytes sent (gzipped when the
 * browser accepts it, as a static host would).
 */
export async function serveDist(dir = "dist"): Promise<ServedDist> {
  const root = resolve(dir);
  if (!existsSync(resolve(root, "index.html"))) {
    throw new Error(`serveDist: no ${resolve(root, "index.html")}; run \`npm run build\` first.`);
  }
  return startStaticServer({ root });
}

/**
 * Launches headless Chromium. playwright's launch() gives every browser a
 * fresh temporary profile (user-data-dir) and deletes it on close.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `launchBrowser: no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
}

export interface PageHandle {
  page: Page;
  context: BrowserContext;
  /**
   * Console messages of type "error" (page and its workers; blocked outside
   * requests also log one) and uncaught page errors, in order.
   */
  consoleErrors: string[];
  /** URLs of requests to other hosts than loopback; each was aborted. */
  outsideRequests: string[];
  close(): Promise<void>;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Passed to page.goto; "load" by default. */
  waitUntil?: "load" | "domcontentloaded" | "networkidle" | "commit";
  /** Scripts to run before any page script (e.g. instrumentation). */
  initScripts?: string[];
  /**
   * Route every request (the default): outside requests are aborted. With
   * false, requests are only observed (outside ones still recorded), which
   * spares playwright's per-request round trip; the load benchmark uses it.
   */
  intercept?: boolean;
  /**
   * Called with the new page before it navigates, e.g. to add page.route()
   * handlers (they take precedence over the outside-request blocking).
   */
  beforeGoto?: (page: Page) => Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** True for URLs the page may load: loopback http(s), data:, blob:, about:. */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return true;
  return LOOPBACK.has(parsed.hostname);
}

/**
 * Opens url in a new browser context (cold: own cache and storage; routing
 * also disables the HTTP cache) and waits for its load event. Every request
 * is routed: anything to a host other than loopback is aborted and recorded
 * in outsideRequests. Console errors and page errors are recorded in
 * consoleErrors.
 */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<PageHandle> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  const recordOutside = (requestUrl: string) => {
    if (!outsideRequests.includes(requestUrl)) outsideRequests.push(requestUrl);
  };
  if (options.intercept ?? true) {
    await context.route("**/*", async (route) => {
      const requestUrl = route.request().url();
      if (isLocalUrl(requestUrl)) {
        await route.continue();
      } else {
        recordOutside(requestUrl);
        await route.abort("blockedbyclient");
      }
    });
  }
  // Requests that bypass routing (none expected) are still recorded.
  context.on("request", (request) => {
    if (!isLocalUrl(request.url())) recordOutside(request.url());
  });
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  const page = await context.newPage();
  // With playwright-core 1.65 this also receives the page's workers' messages.
  page.on("console", (message) => {
    if (message.type() === "error") {
      const location = message.location();
      const where = location.url ? ` (${location.url}:${location.lineNumber})` : "";
      consoleErrors.push(`console.error: ${message.text()}${where}`);
    }
  });
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.stack ?? error.message}`));
  await options.beforeGoto?.(page);
  await page.goto(url, { waitUntil: options.waitUntil ?? "load" });
  return {
    page,
    context,
    consoleErrors,
    outsideRequests,
    close: () => context.close(),
  };
}

/** Throws (with a list) when the page logged errors or tried to leave the machine. */
export function expectClean(handle: Pick<PageHandle, "consoleErrors" | "outsideRequests">): void {
  const problems: string[] = [];
  if (handle.consoleErrors.length > 0) {
    problems.push(`${handle.consoleErrors.length} console error(s):`, ...handle.consoleErrors.map((e) => `  - ${e}`));
  }
  if (handle.outsideRequests.length > 0) {
    problems.push(
      `${handle.outsideRequests.length} request(s) outside 127.0.0.1:`,
      ...handle.outsideRequests.map((u) => `  - ${u}`),
    );
  }
  if (problems.length > 0) {
    throw new AssertionError({
      message: `page is not clean\n${problems.join("\n")}`,
      actual: { consoleErrors: handle.consoleErrors, outsideRequests: handle.outsideRequests },
      expected: { consoleErrors: [], outsideRequests: [] },
      operator: "expectClean",
    });
  }
}
