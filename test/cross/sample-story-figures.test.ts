/**
 * The sample story (data/stories/pakistan-belarus.yaml) states a few figures
 * that `npm run validate` does not compare with the views (it compares
 * numbers of institutions and commitments, and claims of the most
 * commitments): ranks, partners and shares. Each is checked here against the
 * sample records, with the figures of the slide's own view, so the story
 * stays true when the records change. The slides' text is read from the file.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { viewFigures } from "../../src/lib/model/view-figures.js";
import { projectGraph } from "../../src/lib/network/project.js";
import { loadDataset } from "../../src/lib/pipeline/dataset.js";
import { figureRecordsFromStores } from "../../src/lib/pipeline/figure-tables.js";

const dataset = loadDataset("data");
if (!dataset.columns) throw new Error("data/ has errors");
const records = figureRecordsFromStores(dataset.columns);
const slides = (
  parse(readFileSync("data/stories/pakistan-belarus.yaml", "utf8")) as { slides: Record<string, string>[] }
).slides;

/** Commitments per sector, most first. */
function sectorsBySize(): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of records.commitments) counts.set(c.sector, (counts.get(c.sector) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

describe("the sample story's figures", () => {
  it("slide 2: industry is one of the two largest sectors", () => {
    expect(slides[1].note).toMatch(/one of the two largest sectors/);
    const sizes = sectorsBySize();
    expect(sizes[1][1]).toBeGreaterThan(sizes[2][1]);
    expect(sizes.slice(0, 2).map(([s]) => s)).toContain("industry");
  });

  it("slide 3: the Ministry of Industry shares the lead with the President, the governments and the PMO aside, with six partners", () => {
    expect(slides[2].title).toMatch(/nine commitments, six partners/);
    expect(slides[2].note).toMatch(
      /two governments and Pakistan's Prime Minister's\s+Office.*shares the lead with the\s+President of Belarus: nine commitments each/s,
    );
    const figures = viewFigures("network", slides[2].link, records);
    const ranked = [...figures.nodes].sort((a, b) => b.commitments - a.commitments);
    const minprom = figures.nodes.find((n) => n.id === "by-minprom");
    expect(minprom?.commitments).toBe(9);
    // Above nine: the two governments and the Prime Minister's Office only; at nine, the ministry and the President.
    expect(
      ranked
        .filter((n) => n.commitments > 9)
        .map((n) => n.id)
        .sort(),
    ).toEqual(["by-government", "pk-government", "pk-pm-office"]);
    expect(
      ranked
        .filter((n) => n.commitments === 9)
        .map((n) => n.id)
        .sort(),
    ).toEqual(["by-minprom", "by-president"]);
    // Partners: the institutions it shares a commitment with, from the tractor works to Pakistan's Ministry of Commerce.
    const links = records.parties.map((p) => ({
      ...p,
      sector: records.commitments.find((c) => c.id === p.commitment_id)?.sector ?? "",
    }));
    const partners = projectGraph(links, records.institutions)
      .edges.filter((e) => e.source === "by-minprom" || e.target === "by-minprom")
      .map((e) => (e.source === "by-minprom" ? e.target : e.source));
    expect(partners).toHaveLength(6);
    expect(partners).toEqual(expect.arrayContaining(["by-mtw", "pk-moc"]));
  });

  it("slide 4: the four largest sectors, most of their commitments from 2023 on", () => {
    expect(slides[3].note).toMatch(/The four largest sectors/);
    const sizes = sectorsBySize();
    expect(sizes[3][1]).toBeGreaterThan(sizes[4][1]);
    const shown = new URLSearchParams(slides[3].link).getAll("sector").sort();
    expect(shown).toEqual(
      sizes
        .slice(0, 4)
        .map(([s]) => s)
        .sort(),
    );
    const all = viewFigures("timeline", slides[3].link, records).commitments;
    const since2023 = viewFigures(
      "timeline",
      slides[3].link.replace(/window=[^&]*/, "window=2023-01-01..2025-12-31"),
      records,
    );
    expect(since2023.commitments * 2).toBeGreaterThan(all);
  });

  it("slide 6: the commitments since 2023 come from the sixth to eighth sessions", () => {
    expect(slides[5].note).toMatch(/since\s+the sixth, in 2023/);
    expect(viewFigures("network", slides[5].link, records).events).toBe(3);
  });
});
