/**
 * npm run build — validates the records, then builds the static site into
 * dist/ with fresh tables. Framework reuses a loader's cached output while the
 * loader file is unchanged, so the table cache is cleared first: the build
 * always reflects the current records. On failure dist/ is removed, so no
 * partial site or table is left behind.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

rmSync("src/.observablehq/cache/data", { recursive: true, force: true });
rmSync("dist", { recursive: true, force: true });
if (run("npx", ["tsx", "scripts/validate.ts"]) !== 0) process.exit(1);
if (run("npx", ["observable", "build"]) !== 0) {
  rmSync("dist", { recursive: true, force: true });
  process.stderr.write("Build failed; dist/ removed.\n");
  process.exit(1);
}
