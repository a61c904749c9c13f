// The network canvas's worker (src/components/network/network-canvas-worker.ts)
// as one self-contained module, bundled with esbuild at build time as the
// metrics worker is (network-worker.js.ts): nothing downloaded.
import { writeBrowserBundle } from "../lib/pipeline/browser-bundle.js";

await writeBrowserBundle(
  new URL("../components/network/network-canvas-worker.ts", import.meta.url),
  "network-canvas-worker.js",
);
