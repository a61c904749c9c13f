/**
 * npx tsx bench/loader-phases.ts DIR
 *
 * Where the loaders' time and memory go, phase by phase, on one data folder:
 * read + parse + validate, cross-record checks, normalise + sort, Arrow write
 * (to a temporary folder). Prints each phase's seconds, the resident and heap
 * memory after it, and the peak. Run it with the npm scripts' NODE_OPTIONS
 * (package.json) to see what `npm run build` sees. Figures in docs/performance.md.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableColumns } from "../src/lib/model/schema.js";
import { TABLE_NAMES } from "../src/lib/model/tables.js";
import { writeColumnsAsIPC } from "../src/lib/pipeline/arrow-writer.js";
import { displayPath, listRecordFiles, readRecordFile } from "../src/lib/pipeline/files.js";
import { normalise } from "../src/lib/records/normalise.js";
import { Validator } from "../src/lib/records/validate.js";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: npx tsx bench/loader-phases.ts DIR\n");
  process.exit(2);
}
const start = performance.now();
let last = start;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const lap = (what: string) => {
  const now = performance.now();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(
    `${what.padEnd(40)} ${((now - last) / 1000).toFixed(1).padStart(6)} s   rss ${mb(rss).padStart(8)}   heap ${mb(heapUsed).padStart(8)}\n`,
  );
  last = now;
};

const { files, problems } = listRecordFiles(dir);
const validator = new Validator(problems);
for (const file of files) {
  const result = readRecordFile(file, displayPath(file), (record) => validator.add(record));
  for (const record of result.records) validator.add(record);
  for (const p of result.problems) problems.push(p);
}
lap(`read, parse, validate (${validator.count().toLocaleString("en")} records)`);
const validation = validator.finish();
lap("cross-record checks");
const errors = problems.filter((p) => p.severity === "error").length;
if (errors) {
  process.stdout.write(`${errors} errors: see npm run validate\n`);
  process.exit(1);
}
const stores = normalise(validation.stores, validation.groups);
lap("normalise and sort");
const out = mkdtempSync(join(tmpdir(), "accord-phases-"));
for (const table of TABLE_NAMES) {
  const store = stores[table];
  const fd = openSync(join(out, `${table}.arrow`), "w");
  try {
    writeColumnsAsIPC(tableColumns(table), store.columns, store.length, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  for (const name of Object.keys(store.columns)) store.columns[name] = [];
}
rmSync(out, { recursive: true, force: true });
lap("write Arrow");
process.stdout.write(
  `total ${((performance.now() - start) / 1000).toFixed(1)} s, peak rss ${mb(process.resourceUsage().maxRSS * 1024)}\n`,
);
