// The worked example in docs/data-format.md is a real, valid data folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset, reconcile } from "../../src/lib/pipeline/dataset.js";

function exampleFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of markdown.matchAll(/```(?:yaml|csv|json) file=(\S+)\n([\s\S]*?)```/g)) {
    files.set(match[1], match[2]);
  }
  return files;
}

describe("docs/data-format.md worked example", () => {
  const files = exampleFiles(readFileSync("docs/data-format.md", "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "aa-docs-example-"));
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const result = loadDataset(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has the files it names", () => {
    expect([...files.keys()].sort()).toEqual([
      "commitments.csv",
      "events/2025-02-10-jmc-8.yaml",
      "events/2025-08-27-interior-minister-visit.yaml",
      "institutions.yaml",
      "sectors.yaml",
      "sources.yaml",
      "status_updates.csv",
    ]);
  });

  it("validates without errors or warnings", () => {
    expect(result.problems).toEqual([]);
  });

  it("gives the counts the page states", () => {
    const counts = Object.fromEntries(reconcile(result).map((c) => [c.table, c.written]));
    expect(counts).toEqual({
      events: 2,
      commitments: 4,
      commitment_parties: 8,
      status_updates: 2,
      institutions: 4,
      sources: 2,
      sectors: 2,
    });
    const text = readFileSync("docs/data-format.md", "utf8");
    expect(text).toContain(
      "2 events, 4 commitments, 8 commitment parties, 2 status updates, 4\ninstitutions, 2 sources and 2 sectors",
    );
  });

  it("derives the labour commitment's status from the later visit", () => {
    const row = result.tables?.commitments.find((c) => c.id === "pk-by-jmc-8-labour-mou-talks");
    expect(row?.status).toBe("done");
    expect(row?.status_date).toBe("2025-08-27");
    expect(row?.date).toBe("2025-02-10");
  });
});
