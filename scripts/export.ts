/**
 * npm run export -- --records xlsx FILE [--data DIR] [--force]
 *
 * Writes the data folder's records (ACCORD_DATA_DIR honoured) as a workbook in
 * the layout the workbook reader reads. Refuses, printing the problems, when
 * the records have errors. See docs/data-format.md, "Workbooks (.xlsx)".
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { formatReport } from "../src/lib/model/problems.js";
import { dataDir, loadDataset } from "../src/lib/pipeline/dataset.js";
import { EXPORT_USAGE, parseExportArgs } from "../src/lib/pipeline/export-args.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { exportProblems, writeRecordsWorkbook } from "../src/lib/pipeline/xlsx-export.js";

const parsed = parseExportArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`export: ${parsed.error}\n\n${EXPORT_USAGE}\n`);
  process.exit(2);
}
if ("help" in parsed) {
  process.stdout.write(`${EXPORT_USAGE}\n`);
  process.exit(0);
}
const { out, data, force } = parsed.args;
if (existsSync(out) && !force) {
  process.stderr.write(`export: ${out} exists; pass --force to replace it\n`);
  process.exit(2);
}
const dir = data ? resolve(data) : dataDir();
const result = loadDataset(dir);
const problems = result.columns ? exportProblems(result.columns, displayPath(dir)) : result.problems;
if (!result.columns || problems.some((p) => p.severity === "error")) {
  process.stderr.write(`${formatReport(problems)}\nexport: ${displayPath(dir)} has errors; nothing was written.\n`);
  process.exit(1);
}
const rows = await writeRecordsWorkbook(result.columns, out);
const counts = Object.entries(rows)
  .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
  .join(", ");
process.stdout.write(`Wrote ${out} from ${displayPath(dir)}: ${counts}.\n`);
