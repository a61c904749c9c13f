/**
 * A module bundled with esbuild into one self-contained browser module, for
 * the data loaders that hand the pages what Framework cannot bundle itself
 * (src/data/network-worker.js.ts, graph-files.js.ts, deck-builder.js.ts):
 * built from node_modules at build time, nothing downloaded, nothing
 * third-party committed. Writes the module to standard output, as a data
 * loader does, and its size to standard error.
 *
 *     await writeBrowserBundle(new URL("../lib/deck/deck-build.ts", import.meta.url), "deck-builder.js");
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export async function writeBrowserBundle(source: URL, name: string): Promise<void> {
  const entry = fileURLToPath(source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "eof",
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  process.stdout.write(code);
  process.stderr.write(`${name}: bundled ${entry} (${code.length} bytes)\n`);
}
