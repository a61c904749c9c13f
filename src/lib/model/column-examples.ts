/**
 * Examples in the column descriptions taken from the records shown, not from
 * the bundled dataset: a description of the schema may end a sentence with
 * "(for example `pk-navttc`)"; the Data page puts there the first value
 * (in text order) of that column in the current tables, or drops the example
 * when the column has none. Generic over the schema: any text column whose
 * description carries such an example gets one. Pure: no DOM, no DuckDB.
 */
import type { TableDoc } from "./schema-doc.js";

/** The example in a description: its parenthesis, and the value in backticks. */
const EXAMPLE = / ?\(for example `([^`]*)`\)/;

export interface ExampleColumn {
  table: string;
  column: string;
}

/** A column's example value from the tables, or null when the column holds none. */
export interface ExampleValue extends ExampleColumn {
  value: string | null;
}

/** The text columns whose description gives an example value. */
export function exampleColumns(schema: readonly TableDoc[]): ExampleColumn[] {
  return schema.flatMap((t) =>
    t.columns
      .filter((c) => c.type === "VARCHAR" && EXAMPLE.test(c.description))
      .map((c) => ({ table: t.table, column: c.name })),
  );
}

/** The schema with each example replaced by the value from the tables (or dropped when there is none). */
export function withExamples(schema: readonly TableDoc[], values: readonly ExampleValue[]): TableDoc[] {
  const byColumn = new Map(values.map((v) => [`${v.table}\u0000${v.column}`, v.value]));
  return schema.map((t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const key = `${t.table}\u0000${c.name}`;
      if (!byColumn.has(key)) return c;
      const value = byColumn.get(key);
      const description = c.description.replace(EXAMPLE, value ? ` (for example \`${value}\`)` : "");
      return { ...c, description };
    }),
  }));
}
