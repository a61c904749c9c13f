// The network's GEXF and GraphML writer (src/lib/network/graph-files.ts) as one
// self-contained module, loaded by the page only when a user asks for a graph
// file (src/components/network/graph-files-loader.ts). Bundled here with
// esbuild, as the metrics worker is (network-worker.js.ts), because Framework
// cannot resolve graphology's import of the "events" package in the browser.
import { writeBrowserBundle } from "../lib/pipeline/browser-bundle.js";

await writeBrowserBundle(new URL("../lib/network/graph-files.ts", import.meta.url), "graph-files.js");
