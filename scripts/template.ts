/**
 * npm run template -- --xlsx FILE [--data DIR] [--force]
 *
 * Writes an empty records workbook made from the schema (src/lib/pipeline/
 * xlsx-template.ts), with the data folder's sector ids in the sector lists.
 * See docs/data-format.md, "Workbooks (.xlsx)".
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { dataDir } from "../src/lib/pipeline/dataset.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { idsInFolder } from "../src/lib/pipeline/folder-ids.js";
import { parseTemplateArgs, TEMPLATE_USAGE } from "../src/lib/pipeline/template-args.js";
import { writeTemplateWorkbook } from "../src/lib/pipeline/xlsx-template.js";

const parsed = parseTemplateArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`template: ${parsed.error}\n\n${TEMPLATE_USAGE}\n`);
  process.exit(2);
}
if ("help" in parsed) {
  process.stdout.write(`${TEMPLATE_USAGE}\n`);
  process.exit(0);
}
const { out, data, force } = parsed.args;
if (existsSync(out) && !force) {
  process.stderr.write(`template: ${out} exists; pass --force to replace it\n`);
  process.exit(2);
}
const dir = data ? resolve(data) : dataDir();
const sectors = existsSync(dir) ? idsInFolder(dir, "sectors") : [];
await writeTemplateWorkbook(out, { sectors });
const told = sectors.length
  ? `${sectors.length} sector ids from ${displayPath(dir)}`
  : `no sector ids (${displayPath(dir)} has none)`;
process.stdout.write(`Wrote ${out}: one sheet per record type, a Fields sheet, drop-down lists (${told}).\n`);
