/**
 * The /draft page in the built site (issue #17): the seed press release pasted
 * (or, when ../shared/seeds is absent, the invented one in
 * test/fixtures/drafting/), every draft accepted and the file downloaded; the
 * file then validates and builds with the default data folder, its parties
 * resolved. Hostile texts (markup, 1 MB, no sentences, another language) show
 * the drafter's warnings and no page error. Copy puts the file shown on the
 * clipboard. A problem shows on its field. axe-core finds nothing serious.
 * The page's bytes and the time to the first drafts are printed, never asserted.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { auditPage, describeFindings, isSerious } from "../../devtools/accessibility-audit.js";
import { expectClean, openPage, type PageHandle } from "../../devtools/browser-harness.js";
import { READY_TIMEOUT } from "../../devtools/page-ready.js";
import { ROOT } from "../../devtools/project-paths.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { useBuiltSite } from "./site.js";

const site = useBuiltSite();
const SEED = join(ROOT, "../shared/seeds/000_b09fe44ee6783136.txt");
const INVENTED = join(ROOT, "test/fixtures/drafting/invented-press-release.txt");
const HAS_SEED = existsSync(SEED);
const TEXT = readFileSync(HAS_SEED ? SEED : INVENTED, "utf8");
const SOURCE_URL = "https://www.example.org/news/pakistan-belarus-jmc";
const temp = mkdtempSync(join(tmpdir(), "aa-draft-page-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Opens /draft with the drafter loaded; counts the bytes of every response. */
async function openDraft(viewport = { width: 1920, height: 1080 }): Promise<PageHandle & { bytes: () => number }> {
  let bytes = 0;
  const handle = await openPage(site.browser, `${site.server.url}/draft`, {
    viewport,
    beforeGoto: async (page) => {
      page.on("response", (response) => {
        response.body().then(
          (body) => {
            bytes += body.length;
          },
          () => {},
        );
      });
    },
  });
  site.open.push(handle);
  await handle.page.waitForSelector('.aa-draft[data-model="ready"]', { timeout: READY_TIMEOUT });
  return { ...handle, bytes: () => bytes };
}

/** Gives the source URL (the one field the texts do not say) and waits for the event fields to take it. */
async function giveSource(page: Page): Promise<void> {
  await page.fill('[data-testid="draft-event-source_url"]', SOURCE_URL);
  await page.locator('[data-testid="draft-event-source_url"]').dispatchEvent("change");
}

/** Pastes a text and waits for its drafts. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate(() => {
    (document.querySelector(".aa-draft") as HTMLElement).dataset.state = "waiting";
  });
  await page.fill('[data-testid="draft-text"]', text);
  await page.waitForSelector('.aa-draft[data-state="ready"]', { timeout: READY_TIMEOUT });
}

describe("the /draft page", () => {
  it(`drafts the ${HAS_SEED ? "seed" : "invented (no ../shared/seeds here)"} press release into a file that validates with data/`, async () => {
    if (!HAS_SEED) console.log(`draft.test: ${SEED} is absent; drafting the invented ${INVENTED} instead.`);
    const handle = await openDraft();
    const { page } = handle;
    await expect.poll(() => page.locator(".aa-empty").isVisible()).toBe(true);
    await giveSource(page);
    await paste(page, TEXT);
    const ms = await page.locator(".aa-draft").getAttribute("data-draft-ms");
    const modelMs = await page.locator(".aa-draft").getAttribute("data-model-ms");
    const cards = await page.locator('[data-testid="draft-card"]').count();
    console.log(
      `draft.test: drafter and model ready ${modelMs} ms after navigation; ${cards} drafts in ${ms} ms; ${handle.bytes().toLocaleString("en")} bytes loaded (model included)`,
    );
    expect(cards).toBeGreaterThan(0);
    await page.click('[data-testid="draft-accept-all"]');
    await expect.poll(() => page.locator('[data-testid="draft-check"]').textContent()).toMatch(/^Valid: no error/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="draft-download"]')]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.yaml$/);
    const data = join(temp, "data");
    cpSync(join(ROOT, "data"), data, { recursive: true });
    await download.saveAs(join(data, "events", name));
    const yaml = readFileSync(join(data, "events", name), "utf8");
    const doc = parse(yaml);
    expect(doc.commitments.length).toBe(cards);
    const result = loadDataset(data);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const institutions = new Set(result.tables?.institutions.map((r) => r.id));
    const parties = doc.commitments.flatMap((c: { parties: string[] }) => c.parties);
    expect(parties.length).toBeGreaterThan(0);
    expect(parties.filter((p: string) => !institutions.has(p))).toEqual([]);
    const built = result.tables?.commitments.filter((r) => r.event_id === doc.event.id) ?? [];
    expect(built.length).toBe(cards);
    expectClean(handle);
    await handle.close();
  });

  it("puts a problem on the field it concerns, and the check follows the edit", async () => {
    const handle = await openDraft();
    const { page } = handle;
    await giveSource(page);
    await paste(page, readFileSync(INVENTED, "utf8"));
    await page.click('[data-testid="draft-accept-all"]');
    await expect.poll(() => page.locator('[data-testid="draft-check"]').textContent()).toMatch(/^Valid/);
    const card = page.locator('[data-testid="draft-card"]').first();
    const target = card.locator('input[id$="-target_date"]');
    await target.fill("soon");
    await target.dispatchEvent("change");
    await expect.poll(() => card.locator('[id$="-target_date-problems"] li').count()).toBeGreaterThan(0);
    expect(await card.locator('[id$="-target_date-problems"]').textContent()).toMatch(
      /^error \d{4}-\d{2}-\d{2}-.*commitments\[0\]\.target_date/,
    );
    await target.fill("2027");
    await target.dispatchEvent("change");
    await expect.poll(() => page.locator('[data-testid="draft-check"]').textContent()).toMatch(/^Valid/);
    expectClean(handle);
    await handle.close();
  });

  it("copies the file it shows to the clipboard", async () => {
    const handle = await openDraft();
    const { page } = handle;
    await handle.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.url });
    await giveSource(page);
    await paste(page, readFileSync(INVENTED, "utf8"));
    await page.click('[data-testid="draft-accept-all"]');
    await page.click('[data-testid="draft-copy"]');
    await expect.poll(() => page.locator('[data-testid="draft-output-status"]').textContent()).toBe("Copied the YAML.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('[data-testid="draft-yaml"]').textContent());
    expect(parse(copied).commitments.length).toBe(await page.locator('[data-testid="draft-card"]').count());
    expectClean(handle);
    await handle.close();
  });

  const HOSTILE: [string, string, RegExp][] = [
    [
      "markup",
      `<html><body><script>window.__pwned = 1</script><h1>Norway and Chile <img src=x onerror="window.__pwned=2">agree</h1><p>OSLO, 3 March 2025 — Norway and Chile agreed to hold talks.</p></body></html>`,
      /HTML markup/,
    ],
    ["1 MB of text", "The sides agreed to meet again. ".repeat(33_000), /characters long/],
    ["no sentences (no full stop in 25,000 characters)", `# Headline\n\n${"word ".repeat(5000)}`, /was not drafted/],
    [
      "another language",
      "La Norvège et le Chili ont signé un accord de coopération dans le domaine de la pêche lors de la quatrième session de leur commission mixte, tenue à Oslo, et sont convenus de se réunir de nouveau à Santiago en 2026.",
      /does not look like English/,
    ],
  ];
  for (const [what, text, warning] of HOSTILE) {
    it(`says what it could not do with ${what}, and the page stays clean`, async () => {
      const handle = await openDraft({ width: 390, height: 844 });
      const { page } = handle;
      await paste(page, text);
      await expect.poll(() => page.locator('[data-testid="draft-warnings"]').textContent()).toMatch(warning);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expectClean(handle);
      await handle.close();
    });
  }

  it("axe-core finds nothing serious, empty and with drafts", async () => {
    const handle = await openDraft();
    const { page } = handle;
    const empty = (await auditPage(page)).filter(isSerious);
    expect(empty, describeFindings(empty)).toEqual([]);
    await paste(page, readFileSync(INVENTED, "utf8"));
    await page.click('[data-testid="draft-accept-all"]');
    await page.locator("details.aa-draft-new-institution summary").first().click();
    const drafted = (await auditPage(page)).filter(
      (f) => isSerious(f) || ["label", "list", "heading-order"].includes(f.rule),
    );
    expect(drafted, describeFindings(drafted)).toEqual([]);
    expectClean(handle);
    await handle.close();
  });
});
