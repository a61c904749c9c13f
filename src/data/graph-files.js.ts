// The network's GEXF and GraphML writer (src/lib/network/graph-files.ts) as one
// self-contained module, loaded by the page only when a user asks for a graph
// file (src/components/network/graph-files-loader.ts). Bundled here with
// esbuild, as the metrics worker is (network-worker.js.ts), because Framework
// cannot resolve graphology's import of the "events" package in the browser.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../lib/network/graph-files.ts", import.meta.url));
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
process.stderr.write(`graph-files.js: bundled ${entry} (${code.length} bytes)\n`);
