// The browser database (src/components/db.ts) loads exactly the tables the schema defines:
// the one table list of src/lib/model/fields.ts, which the schema's entities follow.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENTITIES } from "../../src/lib/model/schema.js";
import { TABLE_NAMES } from "../../src/lib/model/tables.js";

describe("src/components/db.ts", () => {
  const source = readFileSync("src/components/db.ts", "utf8");
  it("lists every schema table, in order: the one list, imported, not a copy", () => {
    expect(ENTITIES.map((e) => e.table)).toEqual([...TABLE_NAMES]);
    expect(source).toMatch(/import \{[^}]*\bTABLE_NAMES\b[^}]*\} from "\.\.\/lib\/model\/tables\.js"/);
    expect(source).not.toMatch(/\[\s*"events",\s*"commitments"/);
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
