// The template workbook, read back with exceljs: every record type's sheet
// headed by the schema's fields (required ones bold), a drop-down on every
// field with fixed values and on sector references, the Fields sheet with a
// row per field. Expectations come from the schema, so a new field is
// checked without a change here.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaDescription } from "../../../src/lib/model/schema-doc.js";
import { readRecordFile } from "../../../src/lib/pipeline/files.js";
import { HELP_HEADER, HELP_SHEET, LISTS_SHEET } from "../../../src/lib/pipeline/xlsx-layout.js";
import { dropDowns, TEMPLATE_ROWS, writeTemplateWorkbook } from "../../../src/lib/pipeline/xlsx-template.js";

const SECTORS = ["energy", "trade"];
let dir: string;
let file: string;
const workbook = new ExcelJS.Workbook();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aa-xlsx-template-"));
  file = join(dir, "template.xlsx");
  await writeTemplateWorkbook(file, { sectors: SECTORS });
  await workbook.xlsx.readFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Validations = { model: Record<string, { type: string; formulae: string[] }> };

/** The values a list validation's formula points at, on the Lists sheet. */
function listValues(formula: string): string[] {
  const m = /^Lists!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a Lists range: ${formula}`);
  const lists = workbook.getWorksheet(LISTS_SHEET);
  const out: string[] = [];
  for (let row = Number(m[2]); row <= Number(m[4]); row++) out.push(String(lists?.getCell(`${m[1]}${row}`).value));
  return out;
}

describe("the records template", () => {
  it("has one sheet per record type headed by its fields, required ones bold, then Fields and a hidden Lists", () => {
    const docs = schemaDescription();
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...docs.map((d) => d.table), HELP_SHEET, LISTS_SHEET]);
    expect(workbook.getWorksheet(LISTS_SHEET)?.state).toBe("hidden");
    for (const doc of docs) {
      const header = workbook.getWorksheet(doc.table)?.getRow(1);
      expect(doc.fields.map((_, k) => header?.getCell(k + 1).value)).toEqual(doc.fields.map((f) => f.name));
      expect(doc.fields.map((_, k) => header?.getCell(k + 1).font?.bold === true)).toEqual(
        doc.fields.map((f) => f.required),
      );
    }
  });

  it("offers each field's fixed values, and the sector ids, as a drop-down list", () => {
    const expected = dropDowns({ sectors: SECTORS });
    expect(expected.some((d) => d.field === "sector" && d.values === SECTORS)).toBe(true);
    for (const doc of schemaDescription()) {
      const sheet = workbook.getWorksheet(doc.table);
      const model = (sheet as unknown as { dataValidations: Validations }).dataValidations.model;
      doc.fields.forEach((field, k) => {
        const letter = sheet?.getColumn(k + 1).letter;
        const validation = model[`${letter}2:${letter}${TEMPLATE_ROWS}`] ?? model[`${letter}2`];
        const list = expected.find((d) => d.table === doc.table && d.field === field.name);
        if (!list) {
          expect(validation, `${doc.table}.${field.name}`).toBeUndefined();
          return;
        }
        expect(validation?.type, `${doc.table}.${field.name}`).toBe("list");
        expect(listValues(validation?.formulae[0] ?? "")).toEqual([...list.values]);
      });
    }
  });

  it("explains every field on the Fields sheet", () => {
    const help = workbook.getWorksheet(HELP_SHEET);
    const rows: unknown[][] = [];
    help?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const fields = schemaDescription().flatMap((d) =>
      d.fields.map((f) => [d.table, f.name, f.required ? "yes" : "no", f.description, f.expected]),
    );
    expect(rows).toEqual([[...HELP_HEADER], ...fields]);
  });

  it("reads back as no records and no problems", () => {
    expect(readRecordFile(file)).toEqual({ records: [], problems: [] });
  });
});
