/**
 * A reveal.js deck (the npm package's dist files, and the deck in
 * test/fixtures/reveal-deck/) served from a second loopback origin, its
 * 1280×720 slides shown at 1920×1080, with the network and the timeline
 * embeds in 560 px high frames (fit=frame, type=slide): every node and mark
 * inside the frame, the caption with its sources on screen, no scrollbars,
 * and the smallest chart text at least 18 px as rendered (test/browser/frame-fit.ts
 * says how it is measured). Any request off the machine fails the test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClean, openPage } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { type StaticServer, startStaticServer } from "../../scripts/static-server.js";
import { measureFrame } from "./frame-fit.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
const CHART_TIMEOUT = 90_000;
let deckDir = "";
let deck: StaticServer;

beforeAll(async () => {
  // The deck's own origin: the fixture with the site's address filled in, and reveal.js beside it.
  deckDir = mkdtempSync(join(tmpdir(), "aa-reveal-"));
  cpSync(join(ROOT, "node_modules/reveal.js/dist"), join(deckDir, "reveal"), { recursive: true });
  const html = readFileSync(join(ROOT, "test/fixtures/reveal-deck/index.html"), "utf8");
  writeFileSync(join(deckDir, "index.html"), html.replaceAll("__SITE__", site.server.url));
  deck = await startStaticServer({ root: deckDir });
}, READY_TIMEOUT);

afterAll(async () => {
  await deck?.close();
  if (deckDir) rmSync(deckDir, { recursive: true, force: true });
});

describe("Accord Atlas embeds in a reveal.js deck", () => {
  it(
    "fit their 560 px frames on 1280×720 slides shown at 1920×1080, readable from the back of the room",
    async () => {
      expect(new URL(deck.url).origin).not.toBe(new URL(site.server.url).origin);
      const handle = await openPage(site.browser, `${deck.url}/index.html`, {
        viewport: { width: 1920, height: 1080 },
      });
      site.open.push(handle);
      const { page } = handle;
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      // reveal.js scales the 1280×720 slide to the window with a CSS transform.
      const slideScale = await page.evaluate(() =>
        (window as unknown as { Reveal: { getScale(): number } }).Reveal.getScale(),
      );
      expect(slideScale).toBeCloseTo(1920 / 1280 / 1.04, 1);

      for (const [index, view] of [
        [0, "network"],
        [1, "timeline"],
      ] as const) {
        await page.evaluate(
          (i) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i),
          index,
        );
        const iframe = await page.waitForSelector(`section[data-chart="${view}"] iframe`);
        const frame = await iframe.contentFrame();
        if (!frame) throw new Error(`no frame for the ${view} slide`);
        const drawn = view === "network" ? ".aa-net[data-nodes] .aa-net-node" : "[data-chart='timeline'] .lanes";
        await frame.waitForSelector(drawn, { state: "attached", timeout: CHART_TIMEOUT });
        // Once the chart has settled in its frame (the timeline measures its room and redraws once).
        await expect.poll(async () => (await measureFrame(iframe)).outside, { timeout: 15_000 }).toEqual([]);
        const fit = await measureFrame(iframe);
        expect(fit.marks).toBeGreaterThan(0);
        expect(fit.hostScale).toBeGreaterThan(1.3);
        expect(fit.viewport.height).toBe(560);
        expect(fit.outside, `${view}: nodes or marks outside the frame`).toEqual([]);
        expect(fit.scroll.height).toBeLessThanOrEqual(fit.scroll.clientHeight);
        expect(fit.scroll.width).toBeLessThanOrEqual(fit.scroll.clientWidth);
        expect(fit.caption, `${view}: a caption`).not.toBeNull();
        expect(fit.caption?.text).toContain("Sources:");
        expect(fit.caption?.bottom ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(fit.viewport.height);
        expect(
          fit.smallestText.px,
          `${view}: smallest text ${JSON.stringify(fit.smallestText)}`,
        ).toBeGreaterThanOrEqual(18);
        expect(fit.smallestCaption).toBeGreaterThanOrEqual(14);
      }
      expectClean(handle);
    },
    4 * CHART_TIMEOUT,
  );
});
