/**
 * The parts of a slide's chart area in a pptxgenjs slide: bars as a native
 * (editable) bar chart with its data, a table as a native table, a drawing
 * as an SVG picture (pptxgenjs adds the PNG fallback older PowerPoint shows:
 * rasterised by the browser's canvas, a placeholder in Node).
 */
import type { BarsContent, ImageContent, TableContent } from "../model/slide-content.js";
import { pptxColour } from "./deck-colour.js";
import { type Box, CELL_MARGIN, fitAspect, rowHeight, TYPE } from "./deck-geometry.js";
import type { Pptx, PptxSlide } from "./deck-pptxgen.js";

/** Bars as a native bar chart: stacked or clustered, horizontal or vertical, in the view's colours, with a legend. */
export function addBars(pptx: Pptx, slide: PptxSlide, bars: BarsContent, box: Box, where: string): void {
  const colours = bars.series.map((s) => {
    const colour = pptxColour(s.colour);
    if (!colour)
      throw new Error(`${where}: series “${s.name}” has the colour “${s.colour}”, expected #rrggbb or rgb()`);
    return colour;
  });
  const data = bars.series.map((s) => ({ name: s.name, labels: bars.categories, values: s.values }));
  slide.addChart(pptx.ChartType.bar, data, {
    ...box,
    barDir: bars.horizontal ? "bar" : "col",
    barGrouping: bars.stacked ? "stacked" : "clustered",
    barOverlapPct: bars.stacked ? 100 : undefined,
    barGapWidthPct: 60,
    chartColors: colours,
    // Horizontal bars read top to bottom in the page's order.
    // (pptxgenjs writes "maxMin" as given; its types only list "minMax".)
    catAxisOrientation: (bars.horizontal ? "maxMin" : "minMax") as "minMax",
    // Every category named: a smaller type when many share the axis (never under 9 pt, 18 px at 1920).
    catAxisLabelFrequency: "1",
    catAxisLabelFontSize: categoryPoints(bars.categories.length, box, bars.horizontal),
    valAxisLabelFontSize: TYPE.chart,
    showValAxisTitle: true,
    valAxisTitle: bars.measure,
    valAxisTitleFontSize: TYPE.chart,
    showLegend: bars.series.length > 1,
    // Beside the bars, so that the categories have the height (horizontal bars), else under them.
    legendPos: bars.horizontal ? "r" : "b",
    legendFontSize: TYPE.chart,
    altText: `${bars.measure} by ${bars.series.map((s) => s.name).join(", ")}`,
  });
}

/** The category labels' type size: as large as TYPE.chart, small enough for each label its own line (from 9 pt). */
export function categoryPoints(count: number, box: Box, horizontal: boolean): number {
  if (!horizontal) return TYPE.chart;
  // About four fifths of the box's height is the plot (the value axis and its title take the rest).
  const perCategory = (box.h * 72 * 0.8) / Math.max(1, count);
  return Math.max(9, Math.min(TYPE.chart, Math.floor(perCategory / 1.25)));
}

/** One page of a table (its header row and `rows`) as a native table at `points`, its columns `widths` wide, its title above. */
export function addTable(
  slide: PptxSlide,
  table: TableContent,
  rows: string[][],
  box: Box,
  { points, widths }: { points: number; widths: number[] },
): void {
  let top = box.y;
  if (table.title) {
    const h = rowHeight(points + 2);
    slide.addText(table.title, { x: box.x, y: top, w: box.w, h, fontSize: points + 2, bold: true, margin: 0 });
    top += h;
  }
  const header = table.columns.map((text) => ({ text, options: { bold: true, fill: { color: "EEEEEE" } } }));
  const body = rows.map((row) => row.map((text) => ({ text })));
  slide.addTable([header, ...body], {
    x: box.x,
    y: top,
    w: box.w,
    fontSize: points,
    colW: widths,
    border: { type: "solid", pt: 0.5, color: "BBBBBB" },
    valign: "middle",
    margin: CELL_MARGIN,
  });
}

/** The bytes of a UTF-8 string as base64, in the browser and in Node. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A drawing as an SVG picture, as large as the box allows at its own aspect ratio. */
export function addDrawing(slide: PptxSlide, image: ImageContent, box: Box): void {
  slide.addImage({
    data: `data:image/svg+xml;base64,${base64(image.svg)}`,
    ...fitAspect(box, image.width, image.height),
    altText: image.alt,
  });
}
