/**
 * An empty records workbook made from the schema (Node only), for
 * `npm run template -- --xlsx FILE`: one sheet per record type headed by its
 * fields (required ones in bold, each with a note saying what it holds), a
 * drop-down list on every field with fixed values (statuses, strengths,
 * actions, …) and on sector references (the data folder's sector ids), and a
 * "Fields" sheet explaining each field. Fields added to the schema appear
 * without a change here.
 */
import ExcelJS from "exceljs";
import { columnLetters } from "../model/problems.js";
import { schemaDescription } from "../model/schema-doc.js";
import type { TableName } from "../model/tables.js";
import { HELP_HEADER, HELP_SHEET, LISTS_SHEET, listHeading } from "./xlsx-layout.js";

/** A data validation's message holds at most 255 characters in Excel. */
const MAX_MESSAGE = 255;

/** Rows of each sheet that carry the drop-down lists. */
export const TEMPLATE_ROWS = 5000;

/** A drop-down list: the field it is for and its values. */
export interface DropDown {
  table: TableName;
  field: string;
  values: readonly string[];
}

/**
 * The drop-downs of the template: every field with fixed values, and every
 * reference to a table whose ids are given (`refIds`, such as the sectors).
 */
export function dropDowns(refIds: Partial<Record<TableName, readonly string[]>>): DropDown[] {
  const lists: DropDown[] = [];
  for (const doc of schemaDescription()) {
    for (const field of doc.fields) {
      const values = field.values ?? (field.ref ? refIds[field.ref as TableName] : undefined);
      if (values?.length) lists.push({ table: doc.table as TableName, field: field.name, values });
    }
  }
  return lists;
}

/** Writes the template to `path`; `refIds` gives the ids offered for references (the sectors). */
export async function writeTemplateWorkbook(
  path: string,
  refIds: Partial<Record<TableName, readonly string[]>> = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Accord Atlas";
  const lists = dropDowns(refIds);
  const ranges = new Map<string, string>();
  lists.forEach((list, k) => {
    const letter = columnLetters(k + 1);
    ranges.set(listHeading(list.table, list.field), `${LISTS_SHEET}!$${letter}$2:$${letter}$${list.values.length + 1}`);
  });
  for (const doc of schemaDescription()) {
    const sheet = workbook.addWorksheet(doc.table, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = doc.fields.map((f) => ({
      header: f.name,
      key: f.name,
      width: Math.max(12, f.name.length + 4),
      style: { numFmt: "@" }, // typed dates stay as written (2025-04 is not 1 April)
    }));
    doc.fields.forEach((field, k) => {
      const cell = sheet.getRow(1).getCell(k + 1);
      cell.font = { bold: field.required };
      cell.note = `${field.required ? "Required. " : ""}${field.description}\nValid: ${field.expected}`;
      const range = ranges.get(listHeading(doc.table as TableName, field.name));
      if (!range) return;
      const letter = sheet.getColumn(k + 1).letter;
      validations(sheet).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
        type: "list",
        allowBlank: true, // required fields are checked by validation, not on every cell left empty
        formulae: [range],
        showErrorMessage: true,
        errorTitle: field.name,
        error: `Expected ${field.expected}`.slice(0, MAX_MESSAGE),
      });
    });
  }
  addHelpSheet(workbook);
  // Last, and hidden: a hidden first sheet would be the one a spreadsheet opens on.
  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  lists.forEach((list, k) => {
    const column = listSheet.getColumn(k + 1);
    column.values = [listHeading(list.table, list.field), ...list.values];
    column.width = Math.max(14, listHeading(list.table, list.field).length + 2);
  });
  await workbook.xlsx.writeFile(path);
}

/** A sheet's data validations by range; exceljs 4.4 has them, its type declarations do not. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** The Fields sheet: one row per field of every record type. */
function addHelpSheet(workbook: ExcelJS.Workbook): void {
  const help = workbook.addWorksheet(HELP_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  help.columns = HELP_HEADER.map((header, k) => ({ header, width: [20, 20, 10, 70, 70][k] }));
  help.getRow(1).font = { bold: true };
  for (const doc of schemaDescription()) {
    for (const field of doc.fields) {
      const row = help.addRow([
        doc.table,
        field.name,
        field.required ? "yes" : "no",
        field.description,
        field.expected,
      ]);
      row.alignment = { wrapText: true, vertical: "top" };
    }
  }
}
