// Single-column fields give the same cell through `cell` as through `cells`.
import { describe, expect, it } from "vitest";
import { ENTITIES } from "../../src/lib/schema.js";

describe("field cells", () => {
  for (const entity of ENTITIES) {
    for (const [name, field] of Object.entries(entity.fields)) {
      it(`${entity.table}.${name}: cell() agrees with cells()`, () => {
        const columns = field.columns(name);
        if (!field.cell) {
          expect(columns.length).toBeGreaterThan(1);
          return;
        }
        expect(columns.map((c) => c.name)).toEqual([name]);
        for (const value of [undefined, "x", ["a", "b"], 3]) {
          expect(field.cell(value)).toEqual(field.cells(name, value)[name]);
        }
      });
    }
  }
});
