/**
 * The edit loop under `npm start` (scripts/dev.ts, src/components/records-report.ts):
 * with the overview open, a slip in a record replaces the page's content with
 * the validation report (once, with file, line, field and message, and no
 * table-loading error), and fixing the record brings the charts back.
 * Runs the real dev server over a copy of data/.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { DEV_START_TIMEOUT, type DevServer, startDevServer } from "../../devtools/dev-server.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";

const RECORD = "events/2025-01-30-jwg-industry-5-islamabad.yaml";
/** How long a change may take to reach the page: validation, then the page's next look at the report. */
const CHANGE_TIMEOUT = 120_000;

let folder: string;
let dev: DevServer;
let browser: Browser;
const open: PageHandle[] = [];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "accord-edit-loop-"));
  cpSync("data", join(folder, "data"), { recursive: true });
  dev = await startDevServer(join(folder, "data"));
  browser = await launchBrowser();
}, DEV_START_TIMEOUT);

afterAll(async () => {
  for (const handle of open) await handle.close().catch(() => {});
  await browser?.close();
  await dev?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Table-loading errors the user can see on the page. */
function shownErrors({ page }: PageHandle): Promise<number> {
  return page
    .getByText(/RuntimeError|500 Internal Server Error/)
    .filter({ visible: true })
    .count();
}

describe("the edit loop", () => {
  it("shows the validation report in place of the charts while a record is wrong, and the charts once it is fixed", {
    timeout: 4 * CHANGE_TIMEOUT,
  }, async () => {
    const file = join(folder, "data", RECORD);
    const good = readFileSync(file, "utf8");
    const handle = await openPage(browser, `${dev.url}/`);
    open.push(handle);
    const { page } = handle;
    await waitReady(page);
    await page.waitForSelector("figure, svg", { state: "visible", timeout: READY_TIMEOUT });
    expect(await page.locator(".aa-records-report").count()).toBe(0);

    writeFileSync(file, good.replace("sector: industry", "sector: industri"));
    const report = page.locator(".aa-records-report");
    await report.waitFor({ state: "visible", timeout: CHANGE_TIMEOUT });
    const text = (await report.textContent()) ?? "";
    expect(text).toContain(`${RECORD}:20:`);
    expect(text).toContain("commitments[0].sector");
    expect(text).toMatch(/"industri" is not a known sector/);
    expect(await page.locator(".aa-records-report").count()).toBe(1);
    // Everything else on the page is hidden: no charts, no table-loading errors.
    expect(await shownErrors(handle)).toBe(0);
    expect(await page.locator("#observablehq-main svg:visible").count()).toBe(0);
    // A table Framework has to load again now (its output older than its loader,
    // or missing) comes from the last valid records, not a 500.
    const output = "src/.observablehq/cache/data/commitment_parties.parts";
    if (existsSync(output)) utimesSync(output, 0, 0);
    expect((await fetch(`${dev.url}/_file/data/commitment_parties.parts`)).status).toBe(200);

    writeFileSync(file, good);
    await page.waitForFunction(() => !document.querySelector(".aa-records-report"), undefined, {
      timeout: CHANGE_TIMEOUT,
    });
    await waitReady(page);
    await page.waitForSelector("#observablehq-main svg", { state: "visible", timeout: READY_TIMEOUT });
    expect(await shownErrors(handle)).toBe(0);
  });
});
