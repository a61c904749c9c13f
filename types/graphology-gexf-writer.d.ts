/**
 * graphology-gexf's writer on its own (src/lib/network/graph-files.ts): the
 * package's entry points also load a parser that needs a DOM (browser) or
 * @xmldom (Node), which the export does not need. The options used here.
 */
declare module "graphology-gexf/common/writer.js" {
  import type { Attributes, default as Graph } from "graphology-types";

  interface GexfViz {
    color?: string;
    size?: number;
    x?: number;
    y?: number;
    thickness?: number;
  }
  interface GexfElement {
    label?: string;
    weight?: number;
    viz?: GexfViz;
    attributes?: Attributes;
  }
  interface GexfWriterOptions {
    version?: "1.2" | "1.3";
    pretty?: boolean;
    formatNode?: (key: string, attributes: Attributes) => GexfElement;
    formatEdge?: (key: string, attributes: Attributes) => GexfElement;
  }

  export default function write(graph: Graph, options?: GexfWriterOptions): string;
}
