/**
 * A site built from another data folder than data/ (a test fixture), for the
 * browser tests that check what the default dataset cannot show. The project
 * is copied to a throwaway folder (scripts/build.ts always writes ./dist, and
 * dist/ must stay the default site), built there with ACCORD_DATA_DIR, and
 * kept under the system's temp folder by a hash of what it is built from, so
 * the test files of one run that use the same folder build it once.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT } from "./project-paths.js";
import { run } from "./site-build.js";

/** Every file under `path` (skipping Framework's cache and node_modules), in a stable order. */
function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((entry) => entry !== ".observablehq" && entry !== "node_modules")
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry)));
}

/** A hash of the data folder and of the project files a build reads. */
function buildKey(dataDir: string): string {
  const hash = createHash("sha256");
  const inputs = [dataDir, ...["src", "scripts", "package.json", "observablehq.config.ts"].map((p) => join(ROOT, p))];
  for (const input of inputs) {
    for (const file of filesUnder(input)) {
      hash.update(relative(ROOT, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The dist/ folder of the site built from `dataDir`, building it when no
 * build of the same inputs is kept. The data folder is copied into the
 * project copy, so the site shows paths relative to it as a user's would.
 */
export async function folderSite(dataDir: string): Promise<string> {
  const key = buildKey(dataDir);
  const home = join(tmpdir(), "accord-folder-sites");
  const done = join(home, key);
  if (existsSync(join(done, "project", "dist", "index.html"))) return join(done, "project", "dist");
  mkdirSync(home, { recursive: true });
  const work = join(home, `${key}.building-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const project = join(work, "project");
  cpSync(join(ROOT, "src"), join(project, "src"), {
    recursive: true,
    filter: (src) => !src.includes(join(ROOT, "src", ".observablehq")),
  });
  cpSync(join(ROOT, "scripts"), join(project, "scripts"), { recursive: true });
  for (const file of ["package.json", "observablehq.config.ts"]) cpSync(join(ROOT, file), join(project, file));
  symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
  cpSync(dataDir, join(project, "records"), { recursive: true });
  await run("npx", ["tsx", "scripts/build.ts"], project, { ACCORD_DATA_DIR: "records" });
  rmSync(done, { recursive: true, force: true });
  renameSync(work, done);
  return join(done, "project", "dist");
}
