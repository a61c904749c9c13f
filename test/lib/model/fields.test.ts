// Fields give the same cells through `cell` (one column) or `parts` (several) as through `cells`.
import { describe, expect, it } from "vitest";
import { ENTITIES } from "../../../src/lib/model/schema.js";

describe("field cells", () => {
  for (const entity of ENTITIES) {
    for (const [name, field] of Object.entries(entity.fields)) {
      it(`${entity.table}.${name}: cell() or parts() agrees with cells()`, () => {
        const columns = field.columns(name);
        if (!field.cell) {
          expect(columns.length).toBeGreaterThan(1);
          const parts = field.parts;
          if (!parts) throw new Error(`${name}: a field of several columns needs parts()`);
          for (const value of [undefined, "2025", "2025-02", "2024-02-29", "2025-02-30", "x", 3]) {
            const cells = field.cells(name, value);
            expect(parts(value)).toEqual(columns.map((c) => cells[c.name]));
          }
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
