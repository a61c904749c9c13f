/**
 * The built site the browser tests open: dist/, rebuilt with scripts/build.ts
 * when it is missing or older than what it is built from (src/, data/, the
 * config, package.json). Same rule as test/browser/pages.test.ts.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = join(ROOT, "dist");
export const BUILD_TIMEOUT = 10 * 60_000;

function newest(path: string): number {
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

function distIsStale(): boolean {
  const index = join(DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newest(join(ROOT, "src")),
    newest(join(ROOT, "data")),
    newest(join(ROOT, "observablehq.config.ts")),
    newest(join(ROOT, "package.json")),
  );
  return sources > built;
}

/** Builds dist/ when stale; rejects with the build's output when it fails. */
export function ensureDist(): Promise<void> {
  if (!distIsStale()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
    delete env.ACCORD_DATA_DIR;
    const child = spawn("npx", ["tsx", "scripts/build.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`build exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}
