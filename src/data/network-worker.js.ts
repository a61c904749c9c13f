// The network metrics worker as one self-contained module. Framework bundles
// each npm package on its own and cannot resolve graphology's import of the
// "events" package in the browser (it takes it for Node's built-in), so this
// loader bundles the worker with esbuild from node_modules at build time:
// nothing is downloaded and nothing third-party is committed.
import { writeBrowserBundle } from "../lib/pipeline/browser-bundle.js";

await writeBrowserBundle(new URL("../components/network/network-worker.ts", import.meta.url), "network-worker.js");
