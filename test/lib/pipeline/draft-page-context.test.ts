/**
 * The /draft page's context from a data folder: the drafter's institutions
 * and sectors, and the ids of every institution, sector, source and event;
 * a folder with errors is refused with its report.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../devtools/project-paths.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { draftPageContext } from "../../../src/lib/pipeline/draft-page-context.js";

describe("draftPageContext", () => {
  it("holds the data folder's institutions, sectors with keywords, and the ids of four tables", () => {
    const dir = join(ROOT, "data");
    const tables = loadDataset(dir).tables;
    const context = draftPageContext(dir);
    expect(context.institutions.map((i) => i.id)).toEqual(tables?.institutions.map((r) => r.id));
    expect(context.sectors.length).toBe(tables?.sectors.length);
    expect(context.sectors.some((s) => s.keywords.length > 0)).toBe(true);
    for (const table of ["institutions", "sectors", "sources", "events"] as const) {
      expect(context.known[table]).toEqual(tables?.[table].map((r) => String(r.id)));
    }
    expect(context.known.commitments).toBeUndefined();
  });

  it("refuses a folder with errors, with the report", () => {
    expect(() => draftPageContext(join(ROOT, "test/fixtures/hostile"))).toThrow(
      /has errors, so the \/draft page cannot use its records:\n[\s\S]*\nerror /,
    );
  });
});
