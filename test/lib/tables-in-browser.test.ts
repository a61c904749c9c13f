// The browser database (src/components/db.ts) loads exactly the tables the schema defines.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TABLE_NAMES } from "../../src/lib/schema.js";

describe("src/components/db.ts", () => {
  const source = readFileSync("src/components/db.ts", "utf8");
  it("lists every schema table, in order", () => {
    const listed = /export const TABLES = \[([^\]]*)\]/.exec(source)?.[1] ?? "";
    expect([...listed.matchAll(/"([a-z_]+)"/g)].map((m) => m[1])).toEqual(TABLE_NAMES);
  });
  it("loads each table from its loader's output, with the manifest of its partitions", () => {
    for (const table of TABLE_NAMES) {
      expect(source).toContain(`FileAttachment("../data/${table}.parts")`);
      expect(existsSync(`src/data/${table}.parts.ts`), `src/data/${table}.parts.ts`).toBe(true);
    }
    expect(source).toContain(`FileAttachment("../data/tables.json")`);
    expect(existsSync("src/data/tables.json.ts")).toBe(true);
  });
});
