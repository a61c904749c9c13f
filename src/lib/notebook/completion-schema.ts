/**
 * What the editor completes: the tables and their columns, with each
 * column's type and description, from the schema the build writes
 * (src/data/schema.json.ts). Plain objects shaped as CodeMirror's
 * Completion ({label, type, detail, info}), so this file needs no editor. Pure.
 */

/** One table of schema.json, as far as completion needs it. */
export interface TableDescription {
  table: string;
  description?: string;
  columns: readonly { name: string; type: string; description?: string }[];
}

export interface CompletionItem {
  label: string;
  type: "table" | "property";
  detail?: string;
  info?: string;
}

export interface CompletionSchema {
  /** Table name → its columns, for @codemirror/lang-sql's `schema` option. */
  schema: Record<string, CompletionItem[]>;
  /** The tables themselves, for its `tables` option. */
  tables: CompletionItem[];
}

/** Completions from the tables' descriptions, in their order; tables without a name are left out. */
export function completionSchema(tables: readonly TableDescription[]): CompletionSchema {
  const schema: Record<string, CompletionItem[]> = {};
  const items: CompletionItem[] = [];
  for (const table of tables) {
    if (typeof table.table !== "string" || table.table === "") continue;
    schema[table.table] = (table.columns ?? []).map((column) => ({
      label: column.name,
      type: "property",
      detail: column.type,
      info: column.description,
    }));
    items.push({
      label: table.table,
      type: "table",
      detail: `${table.columns?.length ?? 0} columns`,
      info: table.description,
    });
  }
  return { schema, tables: items };
}
