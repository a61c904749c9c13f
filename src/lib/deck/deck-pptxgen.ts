/**
 * pptxgenjs's class, typed. Its type declarations describe a CommonJS
 * module (the default import is `{default: class}` to TypeScript), while
 * the browser and Node load its ES build, whose default export is the class
 * itself; this takes whichever arrives.
 */
import pptxgen from "pptxgenjs";

type PptxClass = typeof pptxgen.default;
/** A presentation being written. */
export type Pptx = InstanceType<PptxClass>;
/** One of its slides. */
export type PptxSlide = ReturnType<Pptx["addSlide"]>;

const loaded = pptxgen as unknown as PptxClass | { default: PptxClass };
/** The presentation class. */
export const PptxGen: PptxClass = typeof loaded === "function" ? loaded : loaded.default;

interface ChartRel {
  globalId: number;
  fileName: string;
  Target: string;
}

/**
 * Numbers the charts of `pptx` 1, 2, … in slide order. pptxgenjs numbers
 * charts with a counter that lives as long as the page (or the Node
 * process), so a second export would name its parts chart3.xml, chart4.xml,
 * …; its slides keep each chart's number in `_relsChart`, read when the file
 * is written.
 */
export function numberCharts(pptx: Pptx): void {
  // The slides, in order (a getter pptxgenjs has but does not declare).
  const slides = (pptx as unknown as { slides: PptxSlide[] }).slides;
  let n = 0;
  for (const slide of slides) {
    for (const rel of (slide as unknown as { _relsChart?: ChartRel[] })._relsChart ?? []) {
      n += 1;
      rel.globalId = n;
      rel.fileName = `chart${n}.xml`;
      rel.Target = `/ppt/charts/chart${n}.xml`;
    }
  }
}
