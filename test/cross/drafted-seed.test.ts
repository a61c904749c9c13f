/**
 * The seed press release drafted against the default data folder (drafter,
 * pipeline and records together): the event file it writes validates beside
 * the records with loadDataset, binds the dataset's own institutions, and
 * finds the sentence of every 8th JMC commitment, the weakly worded ones as
 * exploratory drafts of low confidence. Skipped, saying why, when ../shared/seeds is absent.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { draftText } from "../../src/lib/drafting/draft-text.js";
import { draftYaml } from "../../src/lib/drafting/draft-yaml.js";
import { parseLocator } from "../../src/lib/drafting/sentences.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { draftContextOf } from "../../src/lib/pipeline/draft-context.js";

const SEED = "../shared/seeds/000_b09fe44ee6783136.txt";
const present = existsSync(SEED);
const dir = mkdtempSync(join(tmpdir(), "accord-drafted-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)(`the seed drafted against data/ (skipped when ${SEED} is absent)`, () => {
  // Read in beforeAll: a skipped block's body still runs when the tests are collected.
  let gold: { seed: { source_url: string }; commitments: unknown[] };
  let result: ReturnType<typeof draftText>;
  beforeAll(() => {
    gold = parse(readFileSync("bench/drafting/dev-set/seed-8th-jmc/gold.yaml", "utf8"));
    const text = readFileSync(SEED, "utf8");
    result = draftText({ text, event: { source_url: gold.seed.source_url } }, draftContextOf("data"));
  });

  it("writes an event file that validates with the default data folder", () => {
    cpSync("data", dir, { recursive: true });
    writeFileSync(join(dir, "events", "drafted-seed.yaml"), draftYaml(result, { tool: "the test" }));
    const loaded = loadDataset(dir);
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(loaded.read.commitments).toBe(140 + result.commitments.length);
  });

  it("binds the dataset's institutions by name and acronym", () => {
    const parties = new Set(result.commitments.flatMap((c) => c.parties));
    for (const id of ["pk-navttc", "pk-ndma", "pk-ptv", "by-belteleradio", "pk-psqca"]) expect(parties).toContain(id);
  });

  it("finds the sentence of every 8th JMC commitment", () => {
    const drafted = new Set(result.commitments.map((c) => c.sentence.index));
    const missed = (gold.commitments as { id: string; locator: string }[])
      .filter((g) => !drafted.has(parseLocator(g.locator)?.sentence ?? -1))
      .map((g) => g.id);
    expect(missed).toEqual([]);
  });

  it("drafts the weakly worded ones as exploratory, of low confidence, saying why", () => {
    // "highlighted as an important area", "acknowledged the importance of fostering … arrangements",
    // "focused on expanding … the partnership between" named bodies: see docs/drafting.md.
    const weak = result.commitments.filter((c) => c.reasons.some((r) => r.startsWith("weak wording")));
    expect(weak.map((c) => [c.sentence.index, c.strength, c.confidence])).toEqual([
      [10, "exploratory", "low"],
      [15, "exploratory", "low"],
      [30, "exploratory", "low"],
    ]);
    expect(weak[0]?.parties).toEqual(["pk-hit", "by-mtw"]);
  });
});
