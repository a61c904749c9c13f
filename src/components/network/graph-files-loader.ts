/**
 * The GEXF and GraphML writer (src/lib/network/graph-files.ts), loaded once,
 * when a user first asks for a graph file: graphology and its GEXF writer
 * (about 100 kB) stay out of the network page's first load. The module is
 * bundled at build time by the loader src/data/graph-files.js.ts and served
 * from the site itself, so it loads offline.
 */
import { FileAttachment } from "observablehq:stdlib";
import type { graphFile } from "../../lib/network/graph-files.js";

export type GraphFileWriter = typeof graphFile;

let loading: Promise<GraphFileWriter> | undefined;

export function loadGraphFileWriter(): Promise<GraphFileWriter> {
  loading ??= FileAttachment("../../data/graph-files.js")
    .url()
    .then((url: string) => import(url))
    .then((module: { graphFile: GraphFileWriter }) => module.graphFile);
  return loading;
}
