/**
 * The seed press release drafted against the default data folder (drafter,
 * pipeline and records together): the event file it writes validates beside
 * the records with loadDataset, binds the dataset's own institutions, and
 * finds every sentence of the 8th JMC commitments but those the annotation
 * rules leave out. Skipped, saying why, when ../shared/seeds is absent.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
  const context = draftContextOf("data");
  const gold = parse(readFileSync("bench/drafting/dev-set/seed-8th-jmc/gold.yaml", "utf8"));
  const result = draftText({ text: readFileSync(SEED, "utf8"), event: { source_url: gold.seed.source_url } }, context);

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

  it("finds the sentence of every 8th JMC commitment but the three the rules leave out", () => {
    const drafted = new Set(result.commitments.map((c) => c.sentence.index));
    const missed = (gold.commitments as { id: string; locator: string }[])
      .filter((g) => !drafted.has(parseLocator(g.locator)?.sentence ?? -1))
      .map((g) => g.id);
    // "highlighted as an important area", "acknowledged the importance of", "focused on expanding": see docs/drafting.md.
    expect(missed).toEqual([
      "pk-by-jmc-8-hit-mtw",
      "pk-by-jmc-8-regulatory-training",
      "pk-by-jmc-8-correspondent-banking",
    ]);
  });
});
