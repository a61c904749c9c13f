/**
 * Builds measured side by side in one run: each site served from its own
 * dist/ on loopback, one browser for all, the sites taken in turn run by run
 * (every other run in the reverse order, so neither build is always the one
 * loaded first), so that a change in a shared machine's load falls on both.
 */
import { loadavg } from "node:os";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../devtools/browser-harness.js";
import { startStaticServer } from "../../scripts/static-server.js";

/** A site to measure: its name in the report and its built dist/. */
export interface Site {
  name: string;
  dist: string;
}

/** The machine's load averages (1, 5, 15 minutes), for the report. */
export function loadAverages(): string {
  return loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
}

/** `measure` on each site, `runs` times, the sites in turn; each site with its runs' results in order. */
export async function measureInTurn<Run>(
  sites: readonly Site[],
  runs: number,
  measure: (browser: Browser, url: string) => Promise<Run>,
): Promise<(Site & { runs: Run[] })[]> {
  const results = sites.map((site) => ({ ...site, runs: [] as Run[] }));
  const browser = await launchBrowser();
  try {
    for (let r = 0; r < runs; r++) {
      for (const result of r % 2 ? [...results].reverse() : results) {
        const server = await startStaticServer({ root: result.dist });
        process.stderr.write(`${result.name}, run ${r + 1} of ${runs}\n`);
        try {
          result.runs.push(await measure(browser, server.url));
        } finally {
          await server.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
