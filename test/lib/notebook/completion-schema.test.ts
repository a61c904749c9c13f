import { describe, expect, it } from "vitest";
import { schemaDescription } from "../../../src/lib/model/schema-doc.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { completionSchema } from "../../../src/lib/notebook/completion-schema.js";

describe("completionSchema", () => {
  it("offers every table of the site, each with its columns", () => {
    const { schema, tables } = completionSchema(schemaDescription());
    expect(tables.map((t) => t.label).sort()).toEqual([...TABLE_NAMES].sort());
    for (const doc of schemaDescription()) {
      expect(schema[doc.table].map((c) => c.label)).toEqual(doc.columns.map((c) => c.name));
    }
    const summary = schema.commitments.find((c) => c.label === "summary");
    expect(summary).toMatchObject({ type: "property", detail: "VARCHAR" });
    expect(tables.find((t) => t.label === "commitments")).toMatchObject({ type: "table" });
  });

  it("leaves out entries without a table name", () => {
    const { tables } = completionSchema([
      { table: "", columns: [] },
      { table: "t", columns: [{ name: "a", type: "INTEGER" }] },
    ]);
    expect(tables.map((t) => t.label)).toEqual(["t"]);
  });
});
