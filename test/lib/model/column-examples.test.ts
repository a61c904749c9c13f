import { describe, expect, it } from "vitest";
import { exampleColumns, withExamples } from "../../../src/lib/model/column-examples.js";
import type { TableDoc } from "../../../src/lib/model/schema-doc.js";

const SCHEMA: TableDoc[] = [
  {
    table: "events",
    description: "Events.",
    key: ["id"],
    fields: [],
    columns: [
      {
        name: "id",
        type: "VARCHAR",
        nullable: false,
        description: "Event id (for example `pk-by-jmc-8`).",
        derived: false,
      },
      { name: "series", type: "VARCHAR", nullable: true, description: "Series (for example `JMC`).", derived: false },
      { name: "session", type: "INTEGER", nullable: true, description: "Number (for example `8`).", derived: false },
      { name: "place", type: "VARCHAR", nullable: true, description: "Where it was held.", derived: false },
    ],
  },
];

describe("column examples", () => {
  it("finds the text columns whose description gives an example", () => {
    expect(exampleColumns(SCHEMA)).toEqual([
      { table: "events", column: "id" },
      { table: "events", column: "series" },
    ]);
  });

  it("puts the tables' value in place of the bundled one, and drops an example the tables have none for", () => {
    const columns = withExamples(SCHEMA, [
      { table: "events", column: "id", value: "zw-za-bnc-1" },
      { table: "events", column: "series", value: null },
    ])[0].columns;
    expect(columns.map((c) => c.description)).toEqual([
      "Event id (for example `zw-za-bnc-1`).",
      "Series.",
      "Number (for example `8`).",
      "Where it was held.",
    ]);
  });
});
