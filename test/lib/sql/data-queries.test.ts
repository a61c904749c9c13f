// The Data page's SQL, run with native DuckDB on the default dataset's tables,
// against the records themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NativeDataset, nativeDataset } from "../../../devtools/native-duckdb.js";
import { exampleColumns, withExamples } from "../../../src/lib/model/column-examples.js";
import { emptyFilters } from "../../../src/lib/model/filters.js";
import { schemaDescription } from "../../../src/lib/model/schema-doc.js";
import { TABLE_NAMES } from "../../../src/lib/model/tables.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import {
  type ColumnExampleRow,
  type CompletenessRow,
  columnExamples,
  completeness,
  completenessFacts,
  type TableCountRow,
  tableCounts,
} from "../../../src/lib/sql/data-queries.js";
import { sql } from "../../../src/lib/sql/fragment.js";
import { tablesIn } from "../../../src/lib/sql/tables-read.js";

let db: NativeDataset;
const dataset = loadDataset("data");
if (!dataset.tables) throw new Error("the default dataset has errors");
const tables = dataset.tables;
beforeAll(async () => {
  db = await nativeDataset("data");
}, 60_000);
afterAll(() => db?.close());

describe("Data page queries", () => {
  it("count every table's rows, in the table list's order, as the records have them", async () => {
    expect(tablesIn(tableCounts.text, TABLE_NAMES)).toEqual([...TABLE_NAMES]);
    const rows = (await db.query(tableCounts)) as unknown as TableCountRow[];
    expect(rows.map((r) => r.t)).toEqual([...TABLE_NAMES]);
    for (const r of rows) expect(Number(r.n), r.t).toBe(tables[r.t].length);
  });

  it("measure completeness over the commitments in the filters", async () => {
    const [all] = (await db.query(completeness(emptyFilters()))) as unknown as CompletenessRow[];
    expect(all.commitments).toBe(tables.commitments.length);
    expect(all.high + all.medium + all.low).toBe(all.commitments);
    expect(all.with_note).toBe(tables.commitments.filter((c) => c.note !== null && c.note !== undefined).length);
    const sector = String(tables.commitments[0].sector);
    const [one] = (await db.query(
      completeness({ ...emptyFilters(), sector: [sector] }),
    )) as unknown as CompletenessRow[];
    expect(one.commitments).toBe(tables.commitments.filter((c) => c.sector === sector).length);
  });

  it("word the facts with their share, and a dash when nothing is in view", () => {
    const row: CompletenessRow = {
      commitments: 8,
      high: 5,
      medium: 2,
      low: 1,
      with_note: 2,
      with_locator: 0,
      with_target: 4,
      without_party: 1,
      governments_only: 3,
      generic_only: 0,
      with_update: 6,
      partial_date: 1,
    };
    const facts = new Map(completenessFacts(row));
    expect(facts.get("Confidence high / medium / low")).toBe("5 / 2 / 1");
    expect(facts.get("With later evidence (a status update)")).toBe("6 (75%)");
    expect(facts.get("Binding nobody (missing parties)")).toBe("1");
    expect(
      new Map(completenessFacts({ ...row, commitments: 0 })).get("With a note on uncertainty or disagreement"),
    ).toBe("2 (–)");
    const generic = "Binding only bodies named generically (no named institution)";
    expect(facts.has(generic)).toBe(false);
    expect(new Map(completenessFacts({ ...row, generic_only: 2 })).get(generic)).toBe("2 (25%)");
  });

  it("count commitments binding only generically named bodies (test/fixtures/scopes)", async () => {
    const scopes = await nativeDataset("test/fixtures/scopes");
    try {
      const [row] = (await scopes.query(completeness(emptyFilters()))) as unknown as CompletenessRow[];
      // jpcc3-chambers also binds MoC, a named body: none binds only generic ones.
      expect(row.generic_only).toBe(0);
      await scopes.query(sql`DELETE FROM commitment_parties WHERE institution_id = 'pk-moc'`);
      const [after] = (await scopes.query(completeness(emptyFilters()))) as unknown as CompletenessRow[];
      expect(after.generic_only).toBe(1);
      expect(after.governments_only).toBe(0);
    } finally {
      scopes.close();
    }
  });

  it("take the column descriptions' examples from the tables: the first id of each, in text order", async () => {
    const schema = schemaDescription();
    const columns = exampleColumns(schema);
    expect(columns).toContainEqual({ table: "events", column: "id" });
    const rows = (await db.query(columnExamples(columns))) as unknown as ColumnExampleRow[];
    const firstEvent = tables.events.map((e) => String(e.id)).sort()[0];
    expect(rows.find((r) => r.table === "events" && r.column === "id")?.value).toBe(firstEvent);
    const events = withExamples(schema, rows).find((t) => t.table === "events");
    expect(events?.columns.find((c) => c.name === "id")?.description).toContain(`(for example \`${firstEvent}\`)`);
  });
});
