/**
 * A synthetic data folder and a site built on it, for benchmarks that need
 * more data than data/. The site is built in a copy of the project under the
 * system's temporary folder, so the project's own dist/ (and Framework's
 * cache in src/.observablehq) are left alone. Both are reused by later runs
 * while nothing they depend on has changed. The built site's table files are
 * found by devtools/dist-tables.ts.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "../../devtools/project-paths.js";

/**
 * The generated folder for n commitments and seed, made by
 * scripts/generate.ts unless it is there already. Same place as
 * bench/loaders.ts uses, so the two share it.
 */
export function ensureData(commitments: number, seed: string): string {
  const dir = join(tmpdir(), `accord-bench-${commitments}-${seed}`);
  // Past 250,000 commitments the generator splits them into commitments.0001.csv, ….
  const commitmentsWritten = existsSync(join(dir, "commitments.csv")) || existsSync(join(dir, "commitments.0001.csv"));
  if (existsSync(join(dir, "sectors.yaml")) && commitmentsWritten) {
    process.stderr.write(`Reusing the generated data in ${dir}\n`);
    return dir;
  }
  process.stderr.write(`Generating ${commitments.toLocaleString("en")} commitments (seed ${seed}) into ${dir}…\n`);
  const generate = spawnSync(
    "npx",
    ["tsx", "scripts/generate.ts", "--commitments", String(commitments), "--seed", seed, "--out", dir, "--force"],
    { cwd: ROOT, stdio: ["ignore", 2, 2] },
  );
  if (generate.status !== 0) throw new Error(`scripts/generate.ts failed (exit ${generate.status}).`);
  return dir;
}

/**
 * What `scripts/build.ts` reads: the copy holds only these, so edits to
 * tests, docs or benchmarks neither trigger nor need a rebuild.
 */
const BUILD_INPUTS = ["src", "scripts", "types", "observablehq.config.ts", "package.json", "tsconfig.json"];
const SKIP = new Set(["src/.observablehq"]);

function projectFiles(paths: readonly string[] = BUILD_INPUTS, out: string[] = []): string[] {
  for (const rel of paths) {
    if (SKIP.has(rel)) continue;
    const info = statSync(join(ROOT, rel), { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      projectFiles(
        readdirSync(join(ROOT, rel)).map((name) => join(rel, name)),
        out,
      );
    } else if (info?.isFile()) out.push(rel);
  }
  return out.sort();
}

/** What a build depends on: the project's files (contents) and the data folder (names and sizes). */
function buildKey(files: readonly string[], dataDir: string): string {
  const hash = createHash("sha256");
  for (const rel of files) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(join(ROOT, rel)));
  }
  hash.update(`data:${dataDir}\0`);
  for (const name of readdirSync(dataDir).sort()) {
    const info = statSync(join(dataDir, name));
    if (info.isFile()) hash.update(`${name}:${info.size}\0`);
  }
  return hash.digest("hex");
}

/**
 * Builds the site on dataDir in a copy of the project's build inputs
 * (node_modules is a symbolic link to the project's) and returns the copy's dist/. `name` names
 * the copy, e.g. "100000-1"; a copy whose key still matches is reused.
 */
export function buildSite(dataDir: string, name: string): string {
  const site = join(tmpdir(), `accord-bench-site-${name}`);
  const dist = join(site, "dist");
  const files = projectFiles();
  const key = buildKey(files, dataDir);
  const stamp = join(site, ".bench-build-key");
  if (existsSync(join(dist, "index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8") === key) {
    process.stderr.write(`Reusing the site built on ${dataDir} in ${dist}\n`);
    return dist;
  }
  rmSync(site, { recursive: true, force: true });
  for (const rel of files) {
    mkdirSync(dirname(join(site, rel)), { recursive: true });
    copyFileSync(join(ROOT, rel), join(site, rel));
  }
  symlinkSync(join(ROOT, "node_modules"), join(site, "node_modules"), "dir");
  // Framework's record of npm versions it has resolved, so the copy's build
  // does not ask the registry again (not part of the key: it is a cache).
  const npmCache = join(ROOT, "src/.observablehq/cache/_npm");
  if (existsSync(npmCache)) cpSync(npmCache, join(site, "src/.observablehq/cache/_npm"), { recursive: true });
  process.stderr.write(`Building the site on ${dataDir} in ${site}…\n`);
  const started = performance.now();
  const build = spawnSync("npx", ["tsx", "scripts/build.ts"], {
    cwd: site,
    // Build output goes to stderr, so a caller reading stdout sees only results.
    stdio: ["ignore", 2, 2],
    env: {
      ...process.env,
      ACCORD_DATA_DIR: dataDir,
      // The table cache would otherwise go into the (shared) node_modules/.cache.
      ACCORD_CACHE_DIR: join(site, ".table-cache"),
      NODE_OPTIONS: "--max-semi-space-size=64 --max-old-space-size=8192",
      OBSERVABLE_TELEMETRY_DISABLE: "true",
    },
  });
  if (build.status !== 0 || !existsSync(join(dist, "index.html"))) {
    throw new Error(`Building the site in ${site} failed (exit ${build.status}).`);
  }
  writeFileSync(stamp, key);
  process.stderr.write(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  return dist;
}
