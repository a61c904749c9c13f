/**
 * What a drawn view hands to an export of its slide (the .pptx deck, the
 * handout): its chart as data where the chart is bars or a table, so an
 * office suite gets a native, editable chart or table, and as a standalone
 * SVG where it is a drawing (network, timeline), plus the caption in words
 * and the link back to the live view. Typed once here; each view module
 * fills it, the embed page offers it to its host (`SLIDE_CONTENT_HOOK`), and
 * the exporters read only this.
 */

/** The name under which an embed page's window offers `() => Promise<SlideContent>` to a same-origin host. */
export const SLIDE_CONTENT_HOOK = "accordAtlasSlideContent";

/** Bars: categories along one axis, one series per stack segment (e.g. sectors × status). */
export interface BarsContent {
  kind: "bars";
  /** What the bars count, for the value axis ("Commitments"). */
  measure: string;
  categories: string[];
  series: { name: string; values: number[]; colour: string }[];
  stacked: boolean;
  /** Bars drawn horizontally, as the page draws them. */
  horizontal: boolean;
}

/** A table: a header row and text cells, as the page shows them. */
export interface TableContent {
  kind: "table";
  /** A short title above the table ("Due next"), or null. */
  title: string | null;
  columns: string[];
  rows: string[][];
}

/** A drawing: a standalone SVG (fonts and colours inlined), with its size in CSS pixels. */
export interface ImageContent {
  kind: "image";
  svg: string;
  width: number;
  height: number;
  /** The alternative text: what the drawing shows, in a sentence. */
  alt: string;
}

export type ChartContent = BarsContent | TableContent | ImageContent;

export interface SlideContent {
  /** One or more parts, drawn side by side or stacked by the exporter (scorecards beside due next). */
  charts: ChartContent[];
  /** The caption as the view shows it: filters in words, sources, data date. */
  caption: { filters: string; sources: string; dataDate: string };
  /** The live view's absolute URL, for the link back. */
  link: string;
}

/** A drawn view that can describe itself for an export: the element a view module returns may carry this. */
export interface SlideContentSource {
  slideContent?: () => Promise<SlideContent>;
}
