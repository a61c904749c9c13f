/**
 * The Share menu's Story and Graph rows, as a user meets them in headless
 * Chromium on the built site (offline: every outside request fails):
 * "Add to a story" shows (and copies) a slide's YAML that reads back through
 * readStory with no problem and keeps the view's link; "Download a new story"
 * saves a valid story under a story id; GEXF and GraphML hold every drawn node
 * at its drawn place and colour, read back with graphology's parsers, and the
 * GEXF writer is loaded only when asked for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiUndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT, waitReady } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { STORY_ID } from "../../src/lib/model/present.js";
import { readStory, type StoryKnown } from "../../src/lib/model/stories.js";
import { NOTE_PLACEHOLDER } from "../../src/lib/model/story-slide-yaml.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { knownFromStores } from "../../src/lib/pipeline/story-files.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
const dataset = loadDataset(join(ROOT, "data"));
if (!dataset.columns) throw new Error("data/ has errors");
const known: StoryKnown = knownFromStores(dataset.columns);

async function openNetwork(query: string): Promise<PageHandle> {
  const handle = await openPage(site.browser, `${site.server.url}/network${query}`, {
    viewport: { width: 1400, height: 1000 },
  });
  site.open.push(handle);
  await waitReady(handle.page);
  await handle.page.waitForSelector('.aa-net[data-source="duckdb"][data-nodes]', {
    state: "attached",
    timeout: READY_TIMEOUT,
  });
  return handle;
}

async function openMenu(page: Page): Promise<void> {
  await page.click(".aa-share > summary");
  await page.waitForSelector(".aa-share[open] .aa-share-panel", { state: "visible" });
}

async function downloadFrom(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testId}"]`)]);
  const path = await download.path();
  if (!path) throw new Error(`no file for ${testId}`);
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** The slide YAML the menu shows, once it is there. */
async function shownSlide(page: Page): Promise<string> {
  await page.click('[data-testid="share-story-add"]');
  const field = page.locator('[data-testid="share-story-yaml"]');
  await field.waitFor({ state: "visible" });
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="share-story-yaml"]') as HTMLTextAreaElement).value !== "",
  );
  return field.inputValue();
}

/** Reads a pasted slide as the validator does, inside a story of its own. */
function readPasted(yaml: string, knownValues: StoryKnown) {
  return readStory(`title: Pasted\nslides:\n${yaml}`, "stories/pasted.yaml", "pasted", knownValues);
}

describe("Add to a story", () => {
  it("network: the slide shown reads back with no problem and keeps the view's link; a new story downloads valid", async () => {
    const handle = await openNetwork("?sector=industry&size=degree");
    const { page } = handle;
    await openMenu(page);
    const yaml = await shownSlide(page);
    const pasted = readPasted(yaml, known);
    expect(pasted.problems).toEqual([]);
    const slide = pasted.story?.slides[0];
    expect(slide).toMatchObject({ view: "network", link: "?sector=industry&size=degree", note: NOTE_PLACEHOLDER });
    expect(slide?.title).toContain("Industry");
    expect(await page.textContent(".aa-share-status")).toMatch(/paste it at the end of slides:/);

    const file = await downloadFrom(page, "share-story-new");
    expect(file.name).toMatch(/\.yaml$/);
    const id = file.name.replace(/\.yaml$/, "");
    expect(STORY_ID.test(id)).toBe(true);
    const story = readStory(file.text, `stories/${file.name}`, id, known);
    expect(story.problems).toEqual([]);
    expect(story.story?.slides).toEqual(pasted.story?.slides);
    expectClean(handle);
  });
});

describe("the graph for Gephi", () => {
  it("GEXF and GraphML hold every drawn node where and as the page draws it; the writer loads only when asked", async () => {
    const handle = await openNetwork("?sector=industry");
    const { page } = handle;
    const loadedWriter = () =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").some((e) => /_file\/data\/graph-files\./.test(e.name)),
      );
    expect(await loadedWriter()).toBe(false);
    const drawn = await page.evaluate(() => {
      const chart = document.querySelector(".aa-net") as HTMLElement & {
        snapshot(): { scene: { nodes: { id: string; x: number; y: number; fill: string }[]; edges: unknown[] } };
      };
      const { scene } = chart.snapshot();
      return { nodes: scene.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })), edges: scene.edges.length };
    });
    expect(drawn.nodes.length).toBeGreaterThan(5);
    await openMenu(page);
    for (const format of ["gexf", "graphml"] as const) {
      const file = await downloadFrom(page, `share-${format}`);
      expect(file.name).toMatch(new RegExp(`\\.${format}$`));
      const graph =
        format === "gexf" ? parseGexf(MultiUndirectedGraph, file.text) : parseGraphml(MultiUndirectedGraph, file.text);
      expect(graph.order).toBe(drawn.nodes.length);
      expect(graph.size).toBe(drawn.edges);
      for (const n of drawn.nodes) {
        const a = graph.getNodeAttributes(n.id);
        expect(Number(a.x)).toBeCloseTo(n.x, 2);
        expect(Number(a.y)).toBeCloseTo(-n.y, 2);
        expect(String(a.color)).toMatch(/^#[0-9a-f]{6}$/);
        expect(a.country).toBeTruthy();
        expect(Number(a.commitments)).toBeGreaterThan(0);
      }
      expect(await page.textContent(".aa-share-status")).toContain("Gephi");
    }
    expect(await loadedWriter()).toBe(true);
    expectClean(handle);
  });
});
