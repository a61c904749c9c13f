import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { commitmentWhere, emptyFilters, type FilterState } from "../../../src/lib/model/filters.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { inlineParams } from "../../../src/lib/notebook/sql-literals.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { type SqlFragment, sql } from "../../../src/lib/sql/fragment.js";
import { notebookExamples } from "../../../src/lib/sql/notebook-examples.js";
import { tablesIn } from "../../../src/lib/sql/tables-read.js";

describe("notebookExamples", () => {
  it("gives six examples with distinct ids, each reading the site's tables", () => {
    const examples = notebookExamples(emptyFilters());
    expect(examples.map((e) => e.id)).toEqual(["per-sector", "events", "bound", "evidence", "sources", "sectors"]);
    for (const example of examples) expect(tablesIn(example.query.text, TABLE_NAMES).length).toBeGreaterThan(0);
  });

  it("binds the filters' values, and shows them written into the SQL", () => {
    const filters = { ...emptyFilters(), sector: ["industry"], from: 2019, to: 2021 };
    const [perSector] = notebookExamples(filters);
    expect(perSector.query.params).toContain("industry");
    const shown = inlineParams(perSector.query);
    expect(shown).toContain("'industry'");
    expect(shown).not.toContain("?");
    expect(notebookExamples(emptyFilters())[0].query.params).toEqual([]);
  });
});

describe("the “Who is bound most often” example (native DuckDB, bundled data)", () => {
  let db: NativeDataset;
  const { tables } = loadDataset("data");
  beforeAll(async () => {
    db = await nativeDataset("data");
  }, 60_000);
  afterAll(() => db?.close());

  const states: [string, FilterState][] = [
    ["no filter", emptyFilters()],
    ["sector industry", { ...emptyFilters(), sector: ["industry"] }],
  ];
  for (const [name, filters] of states) {
    it(`${name}: each institution's commitments counted from the records, most first, then by name`, async () => {
      if (!tables) throw new Error("the bundled data has errors");
      const matching = new Set(
        (await db.query(sql`SELECT c.id FROM commitments c WHERE ${commitmentWhere(filters)}`)).map((r) => r.id),
      );
      const counts = new Map<string, number>();
      for (const p of tables.commitment_parties)
        if (matching.has(p.commitment_id))
          counts.set(String(p.institution_id), (counts.get(String(p.institution_id)) ?? 0) + 1);
      const expected = tables.institutions
        .filter((i) => counts.has(String(i.id)))
        .map((i) => ({
          institution: String(i.acronym ?? i.name),
          name: String(i.name),
          affiliation: i.affiliation,
          type: i.type,
          commitments: counts.get(String(i.id)),
        }))
        .sort(
          (a, b) =>
            (b.commitments as number) - (a.commitments as number) ||
            (a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0) ||
            (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
        )
        .slice(0, 25);
      const bound = notebookExamples(filters).find((e) => e.id === "bound");
      const rows = await db.query(bound?.query as SqlFragment);
      expect(expected.length).toBeGreaterThan(1);
      expect(rows.map((r) => ({ ...r, commitments: Number(r.commitments) }))).toEqual(expected);
    });
  }
});
