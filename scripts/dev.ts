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
 */
import { spawn } from "node:child_process";
import { readdirSync, rmSync, utimesSync, watch } from "node:fs";
import { join } from "node:path";
import { formatReport } from "../src/lib/model/problems.js";
import { dataDir } from "../src/lib/pipeline/dataset.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { knownFromCache, loadStories } from "../src/lib/pipeline/story-files.js";
import { ensureTables } from "../src/lib/pipeline/table-cache.js";

const dir = dataDir();
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";

function check(): boolean {
  // Validates and builds the tables once; the loaders then copy them from the cache.
  const result = ensureTables(dir);
  const stories = loadStories(dir, result.ok ? knownFromCache(result.folder) : undefined);
  if (!result.ok || stories.errors) {
    const problems = [...(result.ok ? [] : result.problems), ...stories.problems];
    process.stdout.write(
      `${formatReport(problems)}\n${displayPath(dir)} has errors: the dashboard keeps its last valid tables until they are fixed.\n`,
    );
    return false;
  }
  const { manifest } = result;
  const warnings = manifest.warnings + stories.problems.length;
  process.stdout.write(
    `${manifest.dataDir} is valid (${manifest.files} files${warnings ? `, ${warnings} warnings: see npm run validate` : ""}).\n`,
  );
  return true;
}

if (!check()) process.exit(1);
// Tables from another data folder or older records must not be served.
rmSync("src/.observablehq/cache/data", { recursive: true, force: true });

// The binary itself, not through npx, so stopping this script stops the server too.
const preview = spawn("node_modules/.bin/observable", ["preview", "--host", host, "--port", port, "--no-open"], {
  stdio: "inherit",
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
});
preview.on("exit", (code) => process.exit(code ?? 0));
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
