import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { overviewSeed } from "../../../src/lib/pipeline/overview-seed.js";

describe("overviewSeed", () => {
  const { tables, columns } = loadDataset("test/fixtures/valid");
  if (!tables || !columns) throw new Error("fixture is invalid");
  const seed = overviewSeed(columns);

  it("counts the unfiltered headline from the tables", () => {
    expect(seed.headline.commitments).toBe(tables.commitments.length);
    expect(seed.headline.total).toBe(tables.commitments.length);
    const progress = tables.commitments.filter((c) => c.status === "in_progress" || c.status === "done").length;
    expect(seed.headline.with_progress).toBe(progress);
    const governments = new Set(tables.institutions.filter((i) => i.type === "government").map((i) => i.id));
    const named = new Set(
      tables.commitment_parties.map((p) => p.institution_id).filter((id) => !governments.has(id as string)),
    );
    expect(seed.headline.institutions).toBe(named.size);
  });

  it("has one sector×status cell per combination, adding up to every commitment", () => {
    expect(seed.bySector.reduce((n, d) => n + d.n, 0)).toBe(tables.commitments.length);
    const keys = seed.bySector.map((d) => `${d.sector}/${d.status}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("offers every sector, country, institution and series as a filter choice", () => {
    expect(seed.options.sector.map((o) => o.id).sort()).toEqual(tables.sectors.map((s) => s.id).sort());
    expect(seed.options.institution).toHaveLength(tables.institutions.length);
    expect(seed.options.country.map((o) => o.id).sort()).toEqual(
      [...new Set(tables.institutions.flatMap((i) => i.countries as string[]))].sort(),
    );
    const [first, last] = seed.options.years;
    expect(first).toBeLessThanOrEqual(last);
  });
});

describe("overviewSeed on institutions of every scope", () => {
  const { columns } = loadDataset("test/fixtures/scopes");
  if (!columns) throw new Error("fixture is invalid");
  const seed = overviewSeed(columns);

  it("offers countries only: a joint body's members, never an international organisation or null", () => {
    expect(seed.options.country).toEqual([
      { id: "BY", label: "Belarus" },
      { id: "KZ", label: "Kazakhstan" },
      { id: "PK", label: "Pakistan" },
    ]);
    expect(seed.options.institution.map((o) => o.id)).toContain("undp");
  });

  it("counts generic institutions apart from named ones", () => {
    // Named, not governments: MoC, UNDP, the JPCC and the grid council; generic: the chambers and the relevant ministries.
    expect(seed.headline.institutions).toBe(4);
    expect(seed.headline.generic_institutions).toBe(2);
  });
});
