/**
 * Where the project is on disk, for the dev tooling, tests, benchmarks and
 * scripts that run from any working directory: the project root and the
 * site Framework builds into it (dist/).
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (devtools/..), without a trailing slash. */
export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The project's built site, dist/. */
export const DIST = join(ROOT, "dist");
