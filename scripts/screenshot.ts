/**
 * npm run screenshot -- [path ...] [--width 1920 --height 1080 --out dir --dark --viewport]
 * Serves dist/ on loopback and saves a full-page PNG of each path, for
 * looking at what a change did (with --viewport, only the window as a user sees
 * it, fixed layers such as the commitment panel where they sit). Prints console
 * errors and blocked requests.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, openPage, serveDist } from "../devtools/browser-harness.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const width = Number(option("width", "1920"));
const height = Number(option("height", "1080"));
const out = option("out", "screenshots");
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const dark = flag("dark");
const viewportOnly = flag("viewport");
const paths = args.length ? args : ["/", "/sql", "/data"];

mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const path of paths) {
    const handle = await openPage(browser, `${server.url}${path}`, { viewport: { width, height } });
    if (dark) await handle.page.emulateMedia({ colorScheme: "dark" });
    await handle.page
      .waitForFunction(() => document.querySelector(".aa-status")?.getAttribute("data-state") === "ready", null, {
        timeout: 30_000,
      })
      .catch(() => {});
    await handle.page.waitForTimeout(800);
    const name = `${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "index"}-${width}x${height}${dark ? "-dark" : ""}${viewportOnly ? "-viewport" : ""}.png`;
    await handle.page.screenshot({ path: join(out, name), fullPage: !viewportOnly });
    console.log(`${path} → ${join(out, name)}`);
    for (const e of handle.consoleErrors) console.log(`  ${e}`);
    for (const u of handle.outsideRequests) console.log(`  blocked: ${u}`);
    await handle.close();
  }
} finally {
  await browser.close();
  await server.close();
}
