/**
 * Building the project's site for the tests: running a command to completion,
 * telling whether dist/ is older than what it is built from, and building it
 * when it is (a site from another data folder: folder-site.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "./project-paths.js";

/** How long a build of the site may take. */
export const BUILD_TIMEOUT = 10 * 60_000;

/** Runs a command to completion, failing with its output when it fails. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env };
    if (!("ACCORD_DATA_DIR" in env)) delete childEnv.ACCORD_DATA_DIR;
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/** Newest modification time of the files under path (skipping Framework's cache). */
export function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === ".observablehq" || entry === "node_modules") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** dist/ needs a build when it is missing or older than what it is built from. */
export function distIsStale(): boolean {
  const index = join(DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newest(join(ROOT, "src")),
    newest(join(ROOT, "data")),
    newest(join(ROOT, "observablehq.config.ts")),
    newest(join(ROOT, "package.json")),
    newest(join(ROOT, "scripts")),
  );
  return sources > built;
}

/** Builds dist/ when it is stale; rejects with the build's output when it fails. */
export async function ensureDist(): Promise<void> {
  if (distIsStale()) await run("npx", ["tsx", "scripts/build.ts"], ROOT);
}
