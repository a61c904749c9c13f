/**
 * The schema described for people: tables, their columns, and the input
 * fields analysts write. Used by the Data page (through a loader) and by
 * scripts/docs.ts, which writes the reference part of docs/data-format.md.
 */
import { ENTITIES, tableColumns } from "./schema.js";

export interface ColumnDoc {
  name: string;
  type: string;
  nullable: boolean;
  description: string;
  derived: boolean;
}

export interface FieldDoc {
  name: string;
  required: boolean;
  description: string;
  expected: string;
  ref?: string;
  values?: readonly string[];
}

export interface TableDoc {
  table: string;
  description: string;
  key: string[];
  columns: ColumnDoc[];
  fields: FieldDoc[];
}

const SQL_TYPES = { utf8: "VARCHAR", int32: "INTEGER", date: "DATE", list_utf8: "VARCHAR[]" } as const;

export function schemaDescription(): TableDoc[] {
  return ENTITIES.map((entity) => ({
    table: entity.table,
    description: entity.description,
    key: entity.key,
    columns: tableColumns(entity.table).map((c) => ({
      name: c.name,
      type: SQL_TYPES[c.type],
      nullable: c.nullable,
      description: c.description,
      derived: "derivation" in c,
    })),
    fields: Object.entries(entity.fields).map(([name, f]) => ({
      name,
      required: f.required,
      description: f.description,
      expected: f.expected,
      ...(f.ref ? { ref: f.ref } : {}),
      ...(f.values ? { values: f.values } : {}),
    })),
  }));
}
