/**
 * `observable build`, as Framework's own command runs it, with one date for
 * every file's modification time (scripts/build-date.ts): otherwise each
 * build writes the time its data loaders ran into the pages and into the
 * hashed names of the modules that read their files, and no two builds
 * from the same records are the same bytes. scripts/build.ts runs it.
 */
import { build } from "@observablehq/framework/dist/build.js";
import { readConfig, setCurrentDate } from "@observablehq/framework/dist/config.js";
import { buildDate } from "./build-date.js";

try {
  setCurrentDate(buildDate(process.env));
  await build({ config: await readConfig() });
} catch (error) {
  // As Framework's command reports it: the message, not the stack (DEBUG=1 for that).
  process.stderr.write(`${error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error}\n`);
  process.exit(1);
}
