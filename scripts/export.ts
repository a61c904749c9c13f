/**
 * npm run export -- --records xlsx FILE [--data DIR] [--force]
 * npm run export -- --story ID --format pptx|pdf [--out FILE] [--data DIR] [--force]
 *
 * --records writes the data folder's records (ACCORD_DATA_DIR honoured) as a
 * workbook in the layout the workbook reader reads, refusing, with the
 * problems, when the records have errors (docs/data-format.md, "Workbooks").
 * --story writes a story as a PowerPoint deck or a PDF handout, made by the
 * built site in headless Chromium exactly as /present makes it
 * (scripts/story-export.ts; docs/presenting.md).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { formatReport } from "../src/lib/model/problems.js";
import { dataDir, loadDataset } from "../src/lib/pipeline/dataset.js";
import { DEFAULT_SITE, EXPORT_USAGE, type ExportArgs, parseExportArgs } from "../src/lib/pipeline/export-args.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { loadStories } from "../src/lib/pipeline/story-files.js";
import { exportProblems, writeRecordsWorkbook } from "../src/lib/pipeline/xlsx-export.js";
import { exportStory, type StoryFormat, siteFor } from "./story-export.js";

async function exportRecords(out: string, dir: string): Promise<void> {
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
}

async function exportStoryFile({ story, format, out, data, site }: ExportArgs, dir: string): Promise<void> {
  const id = story ?? "";
  const { stories } = loadStories(dir);
  if (!stories.some((s) => s.id === id)) {
    const ids = stories.map((s) => s.id).join(", ") || "none";
    process.stderr.write(`export: there is no story “${id}” in ${displayPath(dir)}/stories (stories: ${ids}).\n`);
    process.exit(1);
  }
  const dist = await siteFor(data, (line) => process.stdout.write(`${line}\n`));
  const { bytes, ms } = await exportStory(dist, id, format as StoryFormat, site ?? DEFAULT_SITE);
  await writeFile(out, bytes);
  const size = `${Math.round(bytes.length / 1024).toLocaleString("en")} KB`;
  process.stdout.write(`Wrote ${out} (${size}) from the story “${id}” in ${(ms / 1000).toFixed(1)} s.\n`);
}

const parsed = parseExportArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`export: ${parsed.error}\n\n${EXPORT_USAGE}\n`);
  process.exit(2);
}
if ("help" in parsed) {
  process.stdout.write(`${EXPORT_USAGE}\n`);
  process.exit(0);
}
const { args } = parsed;
if (existsSync(args.out) && !args.force) {
  process.stderr.write(`export: ${args.out} exists; pass --force to replace it\n`);
  process.exit(2);
}
const dir = args.data ? resolve(args.data) : dataDir();
try {
  if (args.what === "story") await exportStoryFile(args, dir);
  else await exportRecords(args.out, dir);
} catch (error) {
  process.stderr.write(`export: ${error instanceof Error ? error.message : String(error)}\nNothing was written.\n`);
  process.exit(1);
}
