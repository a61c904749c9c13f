/**
 * Valid records written as a workbook (Node only), in the layout the
 * workbook reader reads (xlsx-layout.ts): one sheet per record type, the
 * schema's fields as its header, one row per record in table order. Values
 * are written as text (numbers as numbers), lists joined with "; ", every
 * column formatted as text so an edit keeps dates as written. Written with
 * exceljs's streaming writer, a row at a time, so a large folder fits.
 */
import ExcelJS from "exceljs";
import type { Problem } from "../model/problems.js";
import { showValue } from "../model/problems.js";
import { ENTITY } from "../model/schema.js";
import { TABLE_NAMES } from "../model/tables.js";
import type { Tables } from "../records/record-types.js";
import type { TableStore } from "../records/store.js";
import { sheetColumns } from "./xlsx-layout.js";

/** Lists in a cell are separated by ';', so an item may not hold one. */
const LIST_SEPARATOR = ";";

/**
 * What cannot be written so that it reads back the same: list items that
 * hold the list separator. `file` names the records' folder in the report.
 */
export function exportProblems(stores: Tables<TableStore>, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const table of TABLE_NAMES) {
    const store = stores[table];
    for (const name of sheetColumns(table)) {
      const column = store.columns[name];
      for (let i = 0; i < store.length; i++) {
        const value = column[i];
        if (!Array.isArray(value)) continue;
        value.forEach((item, k) => {
          if (typeof item !== "string" || !item.includes(LIST_SEPARATOR)) return;
          problems.push({
            severity: "error",
            file,
            field: `${table}[${recordName(store, i)}].${name}[${k}]`,
            value: showValue(item),
            message: `holds '${LIST_SEPARATOR}', which separates the items of a list in a sheet`,
            expected: `list items without '${LIST_SEPARATOR}' (or keep these records in YAML or JSON)`,
          });
        });
      }
    }
  }
  return problems;
}

function recordName(store: TableStore, i: number): string {
  const ids = store.columns.id;
  return ids ? JSON.stringify(ids[i]) : String(i);
}

/** A cell's value: text, a number, or nothing. */
export function exportCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.join(`${LIST_SEPARATOR} `) : null;
  if (typeof value === "number") return value;
  return String(value);
}

/** Writes the tables' records to `path`; returns the rows written per sheet. */
export async function writeRecordsWorkbook(stores: Tables<TableStore>, path: string): Promise<Tables<number>> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = "Accord Atlas";
  const rows = {} as Tables<number>;
  for (const table of TABLE_NAMES) {
    const store = stores[table];
    const names = sheetColumns(table);
    const sheet = workbook.addWorksheet(table, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = names.map((name) => ({
      header: name,
      key: name,
      width: Math.max(12, name.length + 4),
      style: { numFmt: "@" },
    }));
    const header = sheet.getRow(1);
    names.forEach((name, k) => {
      if (ENTITY[table].fields[name].required) header.getCell(k + 1).font = { bold: true };
    });
    header.commit();
    const columns = names.map((name) => store.columns[name]);
    for (let i = 0; i < store.length; i++) {
      sheet.addRow(columns.map((column) => exportCell(column[i]))).commit();
    }
    sheet.commit();
    rows[table] = store.length;
  }
  await workbook.commit();
  return rows;
}
