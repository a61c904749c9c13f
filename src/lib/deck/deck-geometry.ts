/**
 * Where things go on a deck's 16:9 slide (PowerPoint's widescreen, 13.333 ×
 * 7.5 inches) and how large their type is: the headline, the chart area, the
 * caption and the link back, plus how a chart area is shared among a slide's
 * charts and how a long table is paged. Pure numbers, in inches and points.
 */

/** The slide, in inches (pptxgenjs's LAYOUT_WIDE). */
export const SLIDE = { width: 13.333, height: 7.5 } as const;

const MARGIN = 0.5;

/** An area on the slide, in inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Type sizes in points: at 1920 px across, one point is 2 px, so the caption's 14 pt reads as 28 px. */
export const TYPE = {
  headline: 32,
  title: 40,
  description: 20,
  caption: 14,
  link: 12,
  chart: 14,
  tableMax: 14,
  tableMin: 10,
} as const;

/** The fixed parts of a content slide. */
export const AREAS = {
  headline: { x: MARGIN, y: 0.3, w: SLIDE.width - 2 * MARGIN, h: 0.9 },
  chart: { x: MARGIN, y: 1.3, w: SLIDE.width - 2 * MARGIN, h: 4.75 },
  caption: { x: MARGIN, y: 6.1, w: SLIDE.width - 2 * MARGIN, h: 0.75 },
  link: { x: MARGIN, y: 6.9, w: SLIDE.width - 2 * MARGIN, h: 0.35 },
} as const satisfies Record<string, Box>;

/** The gap between charts that share the chart area, in inches. */
const GUTTER = 0.3;

/** The chart area cut into `count` columns side by side (scorecards beside due next). */
export function chartBoxes(count: number, area: Box = AREAS.chart): Box[] {
  const n = Math.max(1, count);
  const w = (area.w - GUTTER * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: area.x + i * (w + GUTTER), y: area.y, w, h: area.h }));
}

/** The largest box of the drawing's aspect ratio inside `box`, centred in it. */
export function fitAspect(box: Box, width: number, height: number): Box {
  if (!(width > 0) || !(height > 0)) return box;
  const scale = Math.min(box.w / width, box.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** A row's height in inches at a type size: the line plus the cell's padding. */
export function rowHeight(points: number): number {
  return (points * 1.2) / 72 + 0.1;
}

/**
 * How a table of `rows` body rows is laid out in a box `height` inches high
 * (one line a row, a header row, a title line when it has one): the largest
 * type from TYPE.tableMax down to TYPE.tableMin at which every row fits; when
 * none does, the smallest, with the rows split into pages of `rowsPerPage`,
 * each page a slide of its own ("continued").
 */
export function tableLayout(rows: number, height: number, titled: boolean): { points: number; rowsPerPage: number } {
  for (let points = TYPE.tableMax; points >= TYPE.tableMin; points--) {
    const fit = Math.floor(height / rowHeight(points)) - 1 - (titled ? 1 : 0);
    if (fit >= rows) return { points, rowsPerPage: Math.max(1, rows) };
  }
  const points = TYPE.tableMin;
  return { points, rowsPerPage: Math.max(1, Math.floor(height / rowHeight(points)) - 1 - (titled ? 1 : 0)) };
}
