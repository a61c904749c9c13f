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

/** A text's width in inches at a type size, by Arial's average character width (errs wide). */
export function textWidth(text: string, points: number): number {
  return (text.length * 0.55 * points) / 72;
}

/** A cell's margin on each side, in inches (the table's `margin`). */
export const CELL_MARGIN = 0.04;

/**
 * The columns' widths in a table `width` inches wide: each column's share
 * follows its longest text (capped, so one long cell does not starve the
 * others), and no column is narrower than its longest word at `points`.
 */
export function columnWidths(
  columns: readonly string[],
  rows: readonly string[][],
  width: number,
  points: number,
): number[] {
  const cells = (j: number) => [columns[j], ...rows.map((r) => r[j] ?? "")];
  const longest = columns.map((_, j) => Math.min(40, Math.max(...cells(j).map((t) => t.length), 1)));
  const word = columns.map((_, j) =>
    // Headers are bold, a little wider than their text.
    Math.max(...cells(j).flatMap((t) => t.split(/\s+/).map((w) => textWidth(w, points) * 1.15 + 2 * CELL_MARGIN))),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  const share = longest.map((n) => (width * n) / total);
  // Widen the columns whose words do not fit, taking the room from the others in proportion.
  const short = share.map((w, j) => Math.max(0, Math.min(word[j], width / columns.length) - w));
  const need = short.reduce((a, b) => a + b, 0);
  const spare = share.map((w, j) => (short[j] > 0 ? 0 : w));
  const spareTotal = spare.reduce((a, b) => a + b, 0) || 1;
  return share.map((w, j) => w + short[j] - (need * spare[j]) / spareTotal);
}

/** The lines a row takes when its cells wrap in columns of `widths` inches at `points`. */
export function rowLines(row: readonly string[], widths: readonly number[], points: number): number {
  return Math.max(
    1,
    ...row.map((text, j) => Math.ceil(textWidth(text, points) / Math.max(0.1, (widths[j] ?? 1) - 2 * CELL_MARGIN))),
  );
}

/** A row's height in inches at a type size when it takes `lines` lines. */
export function wrappedRowHeight(points: number, lines: number): number {
  return (lines * points * 1.2) / 72 + 0.1;
}

export interface TablePlan {
  points: number;
  /** The columns' widths in inches. */
  widths: number[];
  /** The body rows' indexes on each page: the first page on the slide, the others on "continued" slides. */
  pages: number[][];
}

/** The rows cut into pages of `height` inches (the header row and a title line on each page too). */
function pagesOf(heights: readonly number[], room: number): number[][] {
  const pages: number[][] = [[]];
  let used = 0;
  heights.forEach((h, i) => {
    const page = pages[pages.length - 1];
    if (page.length > 0 && used + h > room) {
      pages.push([i]);
      used = h;
    } else {
      page.push(i);
      used += h;
    }
  });
  return pages;
}

/**
 * How a table is laid out in a box (its cells wrapping in their columns, a
 * header row, a title line when it has one): the largest type from
 * TYPE.tableMax down to TYPE.tableMin at which every row fits; when none
 * does, the smallest, with the rows split into pages, each after the first a
 * slide of its own ("continued").
 */
export function tableLayout(
  table: { columns: readonly string[]; rows: readonly string[][]; title: string | null },
  box: { w: number; h: number },
): TablePlan {
  const plan = (points: number): TablePlan => {
    const widths = columnWidths(table.columns, table.rows, box.w, points);
    const fixed =
      wrappedRowHeight(points, rowLines(table.columns, widths, points)) + (table.title ? rowHeight(points + 2) : 0);
    const heights = table.rows.map((row) => wrappedRowHeight(points, rowLines(row, widths, points)));
    return { points, widths, pages: pagesOf(heights, box.h - fixed) };
  };
  for (let points = TYPE.tableMax; points > TYPE.tableMin; points--) {
    const fitted = plan(points);
    if (fitted.pages.length === 1) return fitted;
  }
  return plan(TYPE.tableMin);
}
