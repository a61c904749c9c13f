// The deck builder (src/lib/deck/deck-build.ts, with pptxgenjs and JSZip) as
// one self-contained module, loaded by /present's "Download .pptx" when it is
// pressed. Framework bundles each npm package on its own and keeps only the
// first chunk of it, while pptxgenjs's ES build has dynamic imports of
// node:fs and node:https (for Node), which the browser build turns into a
// chunk of their own that Framework then cannot find; esbuild bundles them
// away (package.json's "browser" field maps them to nothing). Built from
// node_modules at build time: nothing is downloaded, nothing third-party is
// committed.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../lib/deck/deck-build.ts", import.meta.url));
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
process.stderr.write(`deck-builder.js: bundled ${entry} (${code.length} bytes)\n`);
