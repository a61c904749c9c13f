// Workbooks as record files: real .xlsx files written with exceljs here (and
// two committed ones, made by `npm run export` and `npm run template`), read
// through the pipeline. Cells of every kind become the text a CSV cell holds;
// problems name the file, sheet, row, column letter and field.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/model/problems.js";
import { loadDataset } from "../../../src/lib/pipeline/dataset.js";
import { readRecordFile } from "../../../src/lib/pipeline/files.js";
import { HELP_HEADER, HELP_SHEET } from "../../../src/lib/pipeline/xlsx-layout.js";

const VALID = "test/fixtures/valid";
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The valid fixture folder without its commitments and status updates CSV files. */
function folderWithoutCsv(): string {
  const dir = mkdtempSync(join(tmpdir(), "aa-xlsx-"));
  made.push(dir);
  cpSync(VALID, dir, { recursive: true });
  rmSync(join(dir, "commitments.csv"));
  rmSync(join(dir, "status_updates.csv"));
  return dir;
}

type Cell = ExcelJS.CellValue;
async function writeWorkbook(path: string, sheets: Record<string, Cell[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

const COMMITMENT_HEADER = [
  "id",
  "event_id",
  "date",
  "sector",
  "summary",
  "action",
  "strength",
  "source_id",
  "confidence",
  "parties",
];

// Every workbook read starts a worker thread that loads the TypeScript reader
// (xlsx-records.ts): about a second alone, 4–5 s with the 2 cores shared, past
// vitest's default 5 s. Each test here reads one or two workbooks, no more.
describe("records from a workbook", { timeout: 30_000 }, () => {
  // The two folders compared are read once, in beforeAll.
  let fromCsv: ReturnType<typeof loadDataset>;
  let fromWorkbook: ReturnType<typeof loadDataset>;
  beforeAll(async () => {
    const dir = folderWithoutCsv();
    await writeWorkbook(join(dir, "tracker.xlsx"), {
      commitments: [
        COMMITMENT_HEADER,
        [
          "jmc8-tractors",
          "pk-by-jmc-8",
          null,
          "trade",
          {
            richText: [
              { text: "Assemble tractors in Pakistan, " },
              { font: { bold: true }, text: "with parts from Minsk." },
            ],
          },
          "signed",
          "firm",
          { text: "src-mofa-2025", hyperlink: "https://example.org/mofa" },
          { formula: 'LOWER("HIGH")', result: "high" },
          "by-mtz:signatory;pk-gov",
        ],
        [
          " jmc9-trade-target ",
          "pk-by-jmc-9",
          "",
          "trade",
          'Reach a trade target of "USD 1 billion".',
          "will_sign",
          "intent",
          "src-belta-2025",
          "medium",
        ],
      ],
      status_updates: [
        ["id", "commitment_id", "date", "status", "summary", "source_id", "confidence", "event_id"],
        [
          "jmc8-energy-wg-u1",
          "jmc8-energy-wg",
          new Date(Date.UTC(2025, 2, 5)),
          "in_progress",
          "Terms of reference drafted.",
          "src-belta-2025",
          "medium",
        ],
      ],
      [HELP_SHEET]: [[...HELP_HEADER], ["events", "id", "yes", "Event id.", "an identifier"]],
    });
    fromCsv = loadDataset(VALID);
    fromWorkbook = loadDataset(dir);
  }, 60_000);

  it("reads the same tables as the CSV files, whatever kind the cells are", () => {
    expect(fromWorkbook.problems.filter((p) => p.file.endsWith(".xlsx"))).toEqual([]);
    expect(fromWorkbook.problems.length).toBe(fromCsv.problems.length); // the fixture's own warning, in sources.yaml
    expect(fromWorkbook.files.some((f) => f.endsWith("tracker.xlsx"))).toBe(true);
    expect(JSON.stringify(fromWorkbook.tables)).toBe(JSON.stringify(fromCsv.tables));
  });

  it("reports each bad cell at its sheet, row and column letter, with every problem at once", async () => {
    const dir = folderWithoutCsv();
    const file = join(dir, "tracker.xlsx");
    await writeWorkbook(file, {
      // First: a sheet's problems never stop the next sheet's rows from being read.
      Notes: [["Checked by", "on"]],
      commitments: [
        COMMITMENT_HEADER,
        [
          "jmc8-tractors",
          "pk-by-jmc-8",
          null,
          "trade",
          "Tractors.",
          "signed",
          "firm",
          "src-mofa-2025",
          "high",
          "pk-gov",
        ],
        ["jmc8-more", "pk-by-jmc-8", null, "industri", "More.", "signed", "firm", "src-mofa-2025", "high", "pk-gov"],
        [
          "jmc8-late",
          "pk-by-jmc-8",
          new Date(Date.UTC(2025, 1, 10, 9, 30)),
          "trade",
          "Late.",
          "signed",
          "firm",
          "src-mofa-2025",
          "high",
          "pk-gov",
        ],
        [
          "jmc8-na",
          "pk-by-jmc-8",
          null,
          "trade",
          { error: "#N/A" },
          "signed",
          "firm",
          "src-mofa-2025",
          "high",
          "pk-gov",
          null,
          "stray",
        ],
      ],
    });
    const result = loadDataset(dir);
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        `error ${file} [commitments] row 3, column D  row 3.sector  "industri" is not a known sector — expected the id of a record in sectors`,
        `error ${file} [commitments] row 5, column E  row 5.summary  "#N/A" is an error value (#N/A) — expected a value, or a formula whose result is a value`,
        // The cell is read as empty: the field's own check reports that too.
        `error ${file} [commitments] row 5, column E  row 5.summary  is missing (required) — expected text, at most 4000 characters`,
        `error ${file} [commitments] row 5, column L  row 5  "stray" is in a column without a header — expected values only under the header's 10 columns (A–J), or a field name above it`,
        `error ${file} [commitments] row 4, column C  row 4.date  "2025-02-10 09:30:00" is a date with a time of day — expected a date alone (YYYY-MM-DD), or a date written as text`,
        `warning ${file} [Notes]  is not read: the sheet's name is not a record type — expected sheets named after record types: events, commitments, commitment_parties, status_updates, institutions, sources, sectors`,
      ]),
    );
    const sector = result.problems.find((p) => p.field === "row 3.sector");
    expect(sector).toMatchObject({ file, sheet: "commitments", line: 3, column: 4 });
  });

  it("names the header's problems by column letter", async () => {
    const dir = folderWithoutCsv();
    const file = join(dir, "tracker.xlsx");
    await writeWorkbook(file, {
      status_updates: [
        [null, null],
        ["id", "commitment_id", "status", "summery", "id"],
        ["u1", "jmc8-energy-wg", "done", "Done.", "u1"],
      ],
    });
    const lines = loadDataset(dir).problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error .*tracker\.xlsx \[status_updates\] row 2, column D {2}summery {2}is not a column of status_updates/,
        ),
        expect.stringMatching(
          /\[status_updates\] row 2, column E {2}id {2}appears twice in the header \(also column A\)/,
        ),
        expect.stringMatching(/\[status_updates\] row 2 {2}summary {2}required column is missing from the header/),
      ]),
    );
  });

  it("refuses a file that is not a workbook, saying so", () => {
    const dir = mkdtempSync(join(tmpdir(), "aa-xlsx-"));
    made.push(dir);
    const file = join(dir, "broken.xlsx");
    writeFileSync(file, "id,label\nnot,a workbook\n");
    const { records, problems } = readRecordFile(file, "broken.xlsx");
    expect(records).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "broken.xlsx",
        message: expect.stringMatching(/^cannot be read as a workbook: it is not a zip archive/),
      }),
    ]);
  });

  it("reads the committed workbook made by the export command as the folder it came from", () => {
    const dir = mkdtempSync(join(tmpdir(), "aa-xlsx-"));
    made.push(dir);
    cpSync("test/fixtures/xlsx/valid-records.xlsx", join(dir, "records.xlsx"));
    const fromWorkbook = loadDataset(dir);
    expect(fromWorkbook.problems.map((p) => [p.sheet, p.message])).toEqual(
      loadDataset(VALID).problems.map((p) => ["sources", p.message]),
    ); // the fixture's one warning, now in the sources sheet
    expect(JSON.stringify(fromWorkbook.tables)).toBe(JSON.stringify(loadDataset(VALID).tables));
  });

  it("reads the committed template as no records and no problems (its help sheets passed over)", () => {
    const result = readRecordFile("test/fixtures/xlsx/template.xlsx");
    expect(result).toEqual({ records: [], problems: [] });
  });
});
