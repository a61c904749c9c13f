/**
 * A drawn view's slide content (src/lib/model/slide-content.ts) as a
 * picture: the largest SVG in the embed's chart, made standalone (styles
 * inlined, export-image.ts), with the caption's facts in words and the link
 * to the live view. A stand-in the network and timeline embeds use until
 * each view describes itself (the "slideviews" work); a chart drawn on a
 * canvas has no SVG and says so.
 *
 *     offerDrawing(figure, {detail, filters, sources, dataDate, href});
 */
import { type CitedSource, sourcesInWords } from "../../lib/model/caption.js";
import type { SlideContent, SlideContentSource } from "../../lib/model/slide-content.js";
import { standaloneSvg, svgText } from "../export-image.js";

export interface DrawingFacts {
  /** What the caption says besides filters and sources ("72 institutions · 140 commitments"). */
  detail: () => string;
  filters: string;
  sources: readonly CitedSource[];
  dataDate: string | null;
  /** The live view's address, as the reader has left it. */
  href: () => string;
}

/** The largest SVG drawn under `root`, by area. */
function largestSvg(root: Element): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of root.querySelectorAll("svg")) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > area) [best, area] = [svg, box.width * box.height];
  }
  return best;
}

/** How long the chart must stay unchanged to count as drawn: longer than its fades (FADE_MS, 300 ms). */
const QUIET_MS = 450;
/** How long to wait for the chart to be drawn at all. */
const DRAW_TIMEOUT_MS = 30_000;

/**
 * The chart's SVG once it is drawn and still (no change under `chart` for
 * QUIET_MS: nodes fade in, the chart is drawn once its width is known), or
 * null when none is drawn within DRAW_TIMEOUT_MS.
 */
function settledSvg(chart: Element): Promise<SVGSVGElement | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => restart());
    const finish = (svg: SVGSVGElement | null) => {
      observer.disconnect();
      clearTimeout(quiet);
      resolve(svg);
    };
    const restart = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        const svg = largestSvg(chart);
        if (svg) finish(svg);
        else if (performance.now() - started > DRAW_TIMEOUT_MS) finish(null);
        else restart();
      }, QUIET_MS);
    };
    observer.observe(chart, { subtree: true, childList: true, attributes: true });
    restart();
  });
}

/** Gives `figure` a slideContent() that describes its chart as a picture. */
export function offerDrawing(figure: HTMLElement, facts: DrawingFacts): void {
  const slideContent = async (): Promise<SlideContent> => {
    const chart = figure.querySelector(".aa-embed-chart") ?? figure;
    const source = await settledSvg(chart);
    if (!source) throw new Error("the chart is drawn on a canvas or not at all: there is no SVG to export");
    const svg = standaloneSvg(source);
    const filters = facts.filters ? `Filters: ${facts.filters}` : "All commitments, no filter";
    return {
      charts: [
        {
          kind: "image",
          svg: svgText(svg),
          width: Number(svg.getAttribute("width")),
          height: Number(svg.getAttribute("height")),
          alt: source.getAttribute("aria-label") ?? figure.getAttribute("aria-label") ?? "The chart",
        },
      ],
      caption: {
        filters: [facts.detail(), filters].filter(Boolean).join(" · "),
        sources: sourcesInWords(facts.sources),
        dataDate: facts.dataDate ?? "an unknown date",
      },
      link: facts.href(),
    };
  };
  Object.assign(figure as HTMLElement & SlideContentSource, { slideContent });
}
