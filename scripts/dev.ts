/**
 * npm start — the dashboard on http://127.0.0.1:3000 with live reload.
 *
 * Validates the records and builds the tables first (printing every
 * problem), then runs
 * Framework's preview server. Framework re-runs a data loader only when the
 * loader file changes, so this script watches the data folder: when a record
 * file changes it validates again and, if the records are valid, touches the
 * loaders so the tables are rebuilt and open pages reload. Invalid edits keep
 * the last good tables and print the report.
 *
 * Every check also writes the report (src/lib/model/records-report.ts) where
 * the preview server serves it, and every page watches it
 * (src/components/records-report.ts): while the records have errors, open
 * pages show the report in place of their charts, and they reload when the
 * records are valid again.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync, utimesSync, watch, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatReport, type Problem } from "../src/lib/model/problems.js";
import type { RecordsReport } from "../src/lib/model/records-report.js";
import { dataDir } from "../src/lib/pipeline/dataset.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { LAST_GOOD_TABLES_VARIABLE, rememberGoodTables } from "../src/lib/pipeline/last-good-tables.js";
import { knownFromCache, loadStories } from "../src/lib/pipeline/story-files.js";
import { ensureTables } from "../src/lib/pipeline/table-cache.js";

const dir = dataDir();
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
// In the preview server's cache folder (never built into dist/), one per port
// so that two dev servers do not share a report.
const reportName = `records-report-${port}.json`;
const reportFile = join("src/.observablehq/cache", reportName);
const reportUrl = `/_file/.observablehq/cache/${reportName}`;
// Where the loaders find the last valid tables while the records have errors.
const lastGoodFile = join("src/.observablehq/cache", `last-good-tables-${port}`);

/** Writes what the pages show (whole, by rename, so a page never reads half a file). */
function writeReport(problems: Problem[]): void {
  const report: RecordsReport = { dataDir: displayPath(dir), problems };
  mkdirSync("src/.observablehq/cache", { recursive: true });
  writeFileSync(`${reportFile}.${process.pid}`, `${JSON.stringify(report)}\n`);
  renameSync(`${reportFile}.${process.pid}`, reportFile);
}

function check(): boolean {
  // Validates and builds the tables once; the loaders then copy them from the cache.
  const result = ensureTables(dir);
  const stories = loadStories(dir, result.ok ? knownFromCache(result.folder) : undefined);
  const problems = [...(result.ok ? [] : result.problems), ...stories.problems];
  writeReport(problems);
  if (!result.ok || stories.errors) {
    process.stdout.write(
      `${formatReport(problems)}\n${displayPath(dir)} has errors: the dashboard keeps its last valid tables until they are fixed.\n`,
    );
    return false;
  }
  rememberGoodTables(lastGoodFile, result.folder);
  const { manifest } = result;
  const warnings = manifest.warnings + stories.problems.length;
  process.stdout.write(
    `${manifest.dataDir} is valid (${manifest.files} files${warnings ? `, ${warnings} warnings: see npm run validate` : ""}).\n`,
  );
  return true;
}

if (!check()) {
  rmSync(reportFile, { force: true }); // no server reads it
  process.exit(1);
}
// Tables from another data folder or older records must not be served.
rmSync("src/.observablehq/cache/data", { recursive: true, force: true });

// The binary itself, not through npx, so stopping this script stops the server too.
const preview = spawn("node_modules/.bin/observable", ["preview", "--host", host, "--port", port, "--no-open"], {
  stdio: "inherit",
  env: {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    ACCORD_RECORDS_REPORT_URL: reportUrl,
    [LAST_GOOD_TABLES_VARIABLE]: resolve(lastGoodFile),
  },
});
preview.on("exit", (code) => {
  rmSync(reportFile, { force: true });
  rmSync(lastGoodFile, { force: true });
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));

let timer: NodeJS.Timeout | undefined;
const onChange = () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    process.stdout.write(`\nRecords changed in ${displayPath(dir)}; checking…\n`);
    watchFolders(dir); // a new sub-folder gets its own watch
    if (!check()) return;
    const now = new Date();
    for (const name of readdirSync("src/data")) {
      if (name.endsWith(".ts")) utimesSync(join("src/data", name), now, now);
    }
  }, 300);
};

// One watch per folder, not per file: editors that save by writing a new file
// and renaming it over the old one (vim, sed -i) would end a per-file watch,
// as Node 20's recursive watch on Linux does.
const watched = new Set<string>();
function watchFolders(folder: string): void {
  if (!watched.has(folder)) {
    watched.add(folder);
    watch(folder, onChange).on("error", () => watched.delete(folder));
  }
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith(".")) watchFolders(join(folder, entry.name));
  }
}
watchFolders(dir);
