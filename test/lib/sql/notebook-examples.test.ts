import { describe, expect, it } from "vitest";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { inlineParams } from "../../../src/lib/notebook/sql-literals.js";
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
