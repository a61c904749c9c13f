/**
 * npm run build — validates the records and builds the tables (once, see
 * src/lib/pipeline/table-cache.ts), checks the presentation stories against them,
 * then builds the static site into dist/, byte for byte the same from the
 * same input (scripts/framework-build.ts).
 * Framework reuses a loader's cached output while the loader file is
 * unchanged, so Framework's loader cache is cleared first: the build always
 * reflects the current records. dist/ is removed first and again on failure,
 * so no partial site or table is left behind. Each page's local modules are
 * then bundled into one file (scripts/bundle-modules.ts), the page shell made
 * accessible (scripts/page-shell.ts), DuckDB-WASM started from the head of
 * the pages that use it (scripts/early-engine.ts), and every page gets the
 * Content-Security-Policy (scripts/csp.ts).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { formatReport } from "../src/lib/model/problems.js";
import { dataDir } from "../src/lib/pipeline/dataset.js";
import { displayPath } from "../src/lib/pipeline/files.js";
import { knownFromCache, loadStories, storiesSummary } from "../src/lib/pipeline/story-files.js";
import { ensureTables } from "../src/lib/pipeline/table-cache.js";
import { buildDate } from "./build-date.js";
import { bundlePages } from "./bundle-modules.js";
import { applyPolicy } from "./csp.js";
import { applyEarlyEngine } from "./early-engine.js";
import { applyShell } from "./page-shell.js";

rmSync("src/.observablehq/cache/data", { recursive: true, force: true });
rmSync("dist", { recursive: true, force: true });

// The one modification date Framework gives every file (scripts/build-date.ts), checked before anything is built.
try {
  buildDate(process.env);
} catch (error) {
  process.stdout.write(`${error instanceof Error ? error.message : error} (nothing was built).\n`);
  process.exit(1);
}

const dir = dataDir();
const tables = ensureTables(dir);
// Stories are checked against the tables when the records are valid, for their form otherwise; one report for both.
const stories = loadStories(dir, tables.ok ? knownFromCache(tables.folder) : undefined);
if (!tables.ok || stories.errors) {
  const problems = [...(tables.ok ? [] : tables.problems), ...stories.problems];
  process.stdout.write(
    `${formatReport(problems)}\n${displayPath(dir)} is not valid: fix the errors above (nothing was built).\n`,
  );
  process.exit(1);
}
const { manifest } = tables;
const warnings = manifest.warnings + stories.problems.length;
process.stdout.write(
  `${manifest.dataDir} is valid: ${manifest.files} files; ${manifest.counts.map((c) => `${c.written} ${c.table}`).join(", ")}${stories.files.length ? `; ${storiesSummary(stories.stories)}` : ""}${warnings ? ` (${warnings} warnings: see npm run validate)` : ""}.\n`,
);

const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
// Framework's build, every file given one modification date so the same input builds the same bytes (scripts/framework-build.ts).
const status = spawnSync("npx", ["tsx", "scripts/framework-build.ts"], { stdio: "inherit", env }).status ?? 1;
if (status !== 0) {
  rmSync("dist", { recursive: true, force: true });
  process.stderr.write("Build failed; dist/ removed.\n");
  process.exit(1);
}

// One file of local modules per page instead of one per module (scripts/bundle-modules.ts).
try {
  const bundled = await bundlePages("dist");
  process.stdout.write(
    `Bundled ${bundled.modules} local modules and ${bundled.packageFiles} npm package files into ${bundled.files} files for ${bundled.pages} pages.\n`,
  );
} catch (error) {
  rmSync("dist", { recursive: true, force: true });
  process.stderr.write(
    `Could not bundle the pages' modules: ${error instanceof Error ? error.message : error}; dist/ removed.\n`,
  );
  process.exit(1);
}

// The page shell made accessible: lang, zoom, skip link, sidebar and pager named (scripts/page-shell.ts).
applyShell("dist");

// DuckDB-WASM's start prepared in the head of the pages that use it (scripts/early-engine.ts), before the policy hashes it.
const early = applyEarlyEngine("dist");
process.stdout.write(`DuckDB-WASM's start prepared in the head of ${early} pages.\n`);

// The Content-Security-Policy, with the hashes of the inline scripts Framework wrote (scripts/csp.ts).
try {
  const csp = applyPolicy("dist");
  process.stdout.write(`Content-Security-Policy: ${csp.pages} pages, ${csp.scripts} inline scripts allowed by hash.\n`);
} catch (error) {
  rmSync("dist", { recursive: true, force: true });
  process.stderr.write(
    `Could not add the Content-Security-Policy: ${error instanceof Error ? error.message : error}; dist/ removed.\n`,
  );
  process.exit(1);
}
