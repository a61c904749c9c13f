// The unfiltered timeline, so /timeline draws its chart before DuckDB starts:
// the timeline queries' rows computed from the tables (src/lib/pipeline/timeline-first.ts).
// Past MARK_LIMIT commitments it holds density cells counted on the build's day.
import { join } from "node:path";
import { arrowColumns } from "../lib/pipeline/arrow-columns.js";
import { tablesOrExit } from "../lib/pipeline/data-loader.js";
import { FIRST_DRAW_TABLES, type FirstDrawTables, timelineFirst } from "../lib/pipeline/timeline-first.js";

const start = performance.now();
const { folder } = tablesOrExit("timeline-first.json");
const tables = Object.fromEntries(
  FIRST_DRAW_TABLES.map((name) => [name, arrowColumns(join(folder, `${name}.arrow`))]),
) as FirstDrawTables;
const today = new Date().toISOString().slice(0, 10);
const file = timelineFirst(tables, today);
const text = `${JSON.stringify(file)}\n`;
process.stdout.write(text);
const drawn = file.marks ? `${file.marks.length} marks` : `${file.density?.cells.length} density cells on ${today}`;
process.stderr.write(
  `timeline-first.json: ${file.total} commitments as ${drawn} (${text.length} bytes) in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
);
