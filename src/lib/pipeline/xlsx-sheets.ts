/**
 * A workbook's sheets, in the workbook's order, each with its name and a
 * reader of its rows (Node only). exceljs parses every part (the sheet list,
 * shared strings, styles, the sheets row by row); the parts are taken from
 * the zip archive through its central directory (unzipper, the zip library
 * exceljs itself depends on) in the order they are needed, the sheet list first, instead of exceljs's own front-to-back
 * pass, which can lose it (exceljs issue #3064). This drives the documented
 * streaming reader's part parsers, which exceljs 4.4 does not declare.
 */
import { posix } from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import unzipper from "unzipper";

/** The parts of exceljs's streaming WorkbookReader used here. */
interface PartParsers {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ value: SheetRows }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
}

/** A sheet's rows, as exceljs's streaming reader gives them. */
export type SheetRows = AsyncIterable<{ number: number; values: unknown }>;

/** Every sheet of the workbook at `path`; throws an Error saying why when it is not a workbook exceljs can read. */
export async function* workbookSheets(path: string): AsyncGenerator<{ name: string; rows: SheetRows }> {
  const directory = await unzipper.Open.file(path).catch(() => {
    throw new Error("it is not a zip archive, so not an .xlsx workbook (a workbook saved in another format?)");
  });
  const entries = new Map(directory.files.map((file) => [file.path, file]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "cache", // number formats tell date cells from numbers
    hyperlinks: "ignore", // a link cell's text is in the cell itself
    worksheets: "emit",
    entries: "ignore",
  }) as unknown as PartParsers;
  const part = (name: string) => entries.get(name)?.stream();
  const rels = part("xl/_rels/workbook.xml.rels");
  const book = part("xl/workbook.xml");
  if (!rels || !book) throw new Error("it has no sheet list (xl/workbook.xml); it is not an .xlsx workbook");
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const strings = part("xl/sharedStrings.xml");
  if (strings) for await (const _ of reader._parseSharedStrings(strings)); // cached by the reader
  const styles = part("xl/styles.xml");
  if (styles) await reader._parseStyles(styles);
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    if (!target) throw new Error(`the sheet "${sheet.name}" has no part in the archive`);
    const name = target.startsWith("/") ? target.slice(1) : posix.join("xl", target);
    const stream = part(name);
    if (!stream) throw new Error(`the sheet "${sheet.name}" names a part the archive does not hold (${name})`);
    const sheetNo = /sheet(\d+)\.xml$/.exec(name)?.[1] ?? "0";
    for (const { value } of reader._parseWorksheet(stream, sheetNo)) yield { name: sheet.name, rows: value };
  }
}
