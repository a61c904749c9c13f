/**
 * What the browser suites share: where the site is, building dist/ when it is
 * stale, and waiting for a page's query engine.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, type PageHandle, type ServedDist, serveDist } from "./harness.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = join(ROOT, "dist");
export const BUILD_TIMEOUT = 10 * 60_000;
/** How long to wait for DuckDB-WASM and the first queries (cold page, no cache). */
export const READY_TIMEOUT = 60_000;

/** Runs a command to completion, failing with its output when it fails. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env };
    if (!("ACCORD_DATA_DIR" in env)) delete childEnv.ACCORD_DATA_DIR;
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/** Newest modification time of the files under path (skipping Framework's cache). */
export function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === ".observablehq" || entry === "node_modules") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** dist/ needs a build when it is missing or older than what it is built from. */
export function distIsStale(): boolean {
  const index = join(DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newest(join(ROOT, "src")),
    newest(join(ROOT, "data")),
    newest(join(ROOT, "observablehq.config.ts")),
    newest(join(ROOT, "package.json")),
    newest(join(ROOT, "scripts/build.ts")),
    newest(join(ROOT, "scripts/csp.ts")),
  );
  return sources > built;
}

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

/** Builds dist/ when it is stale; rejects with the build's output when it fails. */
export async function ensureDist(): Promise<void> {
  if (distIsStale()) await run("npx", ["tsx", "scripts/build.ts"], ROOT);
}

/** The built site served on loopback and a browser, for one test file. */
export interface BuiltSite {
  /** Set before the file's tests run. */
  server: ServedDist;
  browser: Browser;
  /** Pages to close after the file's tests, also when a test fails. */
  open: PageHandle[];
}

/**
 * Builds dist/ when stale, serves it and launches Chromium before the file's
 * tests; closes every page kept in `open`, the browser and the server after.
 */
export function useBuiltSite(): BuiltSite {
  const site = { open: [] as PageHandle[] } as BuiltSite;
  beforeAll(async () => {
    await ensureDist();
    site.server = await serveDist(DIST);
    site.browser = await launchBrowser();
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    for (const handle of site.open) await handle.close().catch(() => {});
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
