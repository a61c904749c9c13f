// The network metrics worker as one self-contained module. Framework bundles
// each npm package on its own and cannot resolve graphology's import of the
// "events" package in the browser (it takes it for Node's built-in), so this
// loader bundles the worker with esbuild from node_modules at build time:
// nothing is downloaded and nothing third-party is committed.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../components/network/network-worker.ts", import.meta.url));
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
process.stderr.write(`network-worker.js: bundled ${entry} (${code.length} bytes)\n`);
