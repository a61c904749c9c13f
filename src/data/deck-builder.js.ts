// The deck builder (src/lib/deck/deck-build.ts, with pptxgenjs and JSZip) as
// one self-contained module, loaded by /present's "Download .pptx" when it is
// pressed. Framework bundles each npm package on its own and keeps only the
// first chunk of it, while pptxgenjs's ES build has dynamic imports of
// node:fs and node:https (for Node), which the browser build turns into a
// chunk of their own that Framework then cannot find; esbuild bundles them
// away (package.json's "browser" field maps them to nothing). Built from
// node_modules at build time: nothing is downloaded, nothing third-party is
// committed.
import { writeBrowserBundle } from "../lib/pipeline/browser-bundle.js";

await writeBrowserBundle(new URL("../lib/deck/deck-build.ts", import.meta.url), "deck-builder.js");
