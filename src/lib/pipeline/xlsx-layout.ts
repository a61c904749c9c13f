/**
 * The layout of a records workbook, shared by its reader, the template and
 * the export: one sheet per record type, named after it, whose first row
 * names the fields (the schema's, in its order); and the template's own
 * sheets, the field help ("Fields") and the drop-down lists ("Lists"), which
 * the reader knows by their name and header and passes over.
 */
import { ENTITY } from "../model/schema.js";
import type { TableName } from "../model/tables.js";

/** The template's sheet that explains every field. */
export const HELP_SHEET = "Fields";
export const HELP_HEADER = ["Sheet", "Field", "Required", "What it holds", "Valid values"] as const;
/** The template's sheet of drop-down values, one column per field, headed `sheet.field`. */
export const LISTS_SHEET = "Lists";
const LIST_HEADING = /^[a-z_]+\.[a-z_]+$/;

/** A sheet's columns: the record type's fields, in the schema's order. */
export function sheetColumns(table: TableName): string[] {
  return Object.keys(ENTITY[table].fields);
}

/** Whether a sheet is one of the template's own, from its name and the cells of its first row. */
export function isTemplateSheet(name: string, header: readonly string[]): boolean {
  const cells = header.map((h) => h.trim());
  if (name === HELP_SHEET) return HELP_HEADER.every((h, i) => cells[i] === h) && cells.length === HELP_HEADER.length;
  if (name === LISTS_SHEET) return cells.length > 0 && cells.every((c) => LIST_HEADING.test(c));
  return false;
}

/** The heading of a drop-down list's column on the Lists sheet. */
export function listHeading(table: TableName, field: string): string {
  return `${table}.${field}`;
}
