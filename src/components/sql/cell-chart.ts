/**
 * A chart of a cell's result when it has a category or date column and a
 * number (src/lib/notebook/chart-choice.ts), drawn with Observable Plot,
 * with a choice of mark and the Share menu's image and CSV exports.
 */
import * as Plot from "@observablehq/plot";
import type { CsvValue } from "../../lib/model/csv-export.js";
import {
  type ChartChoice,
  type ChartMark,
  chartChoice,
  MARK_LABELS,
  markFor,
} from "../../lib/notebook/chart-choice.js";
import type { QueryResult, Row } from "../db.js";
import { el } from "../dom.js";
import { standaloneSvg } from "../export-image.js";
import { plotForScreenReaders } from "../plot-access.js";
import { shareMenu } from "../share-menu.js";

/** One colour for every mark (the page's accent); the axes say what is drawn. */
const ACCENT = "var(--theme-foreground-focus)";
const COLOR: Record<ChartMark, { fill?: string; stroke?: string }> = {
  bar: { fill: ACCENT },
  area: { fill: ACCENT },
  dot: { fill: ACCENT },
  line: { stroke: ACCENT },
};

/** Categories drawn at most; the chart says when there are more. */
const MAX_CATEGORIES = 40;

export interface CellChartOptions {
  rows: QueryResult;
  /** "Cell 2", for the title, file names and the accessible names. */
  name: string;
  mark?: ChartMark;
  onMark: (mark: ChartMark) => void;
}

function toDate(value: Row[string]): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return null;
}

/** The figure for one mark, named for screen readers (the cell's table holds its numbers). */
function drawChart(
  rows: QueryResult,
  choice: ChartChoice,
  mark: ChartMark,
  width: number,
): SVGSVGElement | HTMLElement {
  const name = `${MARK_LABELS[mark]} of ${choice.y} by ${choice.x}; the result's table gives the numbers.`;
  return plotForScreenReaders(plotOf(rows, choice, mark, width), name);
}

/** Plot's figure for one mark. */
function plotOf(rows: QueryResult, choice: ChartChoice, mark: ChartMark, width: number): SVGSVGElement | HTMLElement {
  const { x, y } = choice;
  const ariaLabel = `${MARK_LABELS[mark]} of ${y} by ${x}`;
  if (choice.xKind === "date") {
    const data = rows
      .map((r) => ({ x: toDate(r[x]), y: r[y] as number }))
      .filter((d) => d.x !== null && typeof d.y === "number")
      .sort((a, b) => (a.x as Date).getTime() - (b.x as Date).getTime());
    const draw = mark === "area" ? Plot.areaY : mark === "dot" ? Plot.dot : Plot.lineY;
    return Plot.plot({
      width,
      height: 320,
      ariaLabel,
      x: { label: x, type: "utc" },
      y: { label: y, grid: true },
      marks: [draw(data, { x: "x", y: "y", tip: true, ...COLOR[mark] }), Plot.ruleY([0])],
    });
  }
  const data = rows.slice(0, MAX_CATEGORIES).map((r) => ({ x: String(r[x] ?? "—"), y: r[y] as number }));
  const domain = [...new Set(data.map((d) => d.x))];
  const draw = mark === "dot" ? Plot.dot : Plot.barX;
  return Plot.plot({
    width,
    height: Math.max(120, 24 * domain.length + 40),
    marginLeft: Math.min(220, 8 + 7 * Math.max(...domain.map((d) => d.length), 4)),
    ariaLabel,
    y: { label: null, domain },
    x: { label: y, grid: true },
    marks: [draw(data, { y: "x", x: "y", tip: true, ...COLOR[mark] }), Plot.ruleX([0])],
  });
}

/** The chart with its mark menu and Share menu, or null when the result has nothing to chart. */
export function cellChart(options: CellChartOptions): HTMLElement | null {
  const choice = chartChoice(options.rows.schema);
  if (!choice) return null;
  let mark = markFor(choice, options.mark);
  const figure = el("div", { class: "aa-nb-figure" });
  const svg = () => figure.querySelector<SVGSVGElement>("svg");
  const draw = () => {
    figure.replaceChildren(drawChart(options.rows, choice, mark, Math.max(figure.clientWidth || 640, 280)));
    if (choice.xKind === "category" && options.rows.length > MAX_CATEGORIES) {
      figure.append(el("p", { class: "aa-source" }, `The first ${MAX_CATEGORIES} of ${options.rows.length} rows.`));
    }
  };
  const select = el(
    "select",
    { "aria-label": `Chart mark, ${options.name}` },
    ...choice.marks.map((m) => el("option", { value: m, selected: m === mark }, MARK_LABELS[m])),
  );
  select.addEventListener("change", () => {
    mark = select.value as ChartMark;
    options.onMark(mark);
    draw();
  });
  const title = `${options.name}: ${choice.y} by ${choice.x}`;
  const share = shareMenu({
    title,
    page: "/sql",
    state: () => `${location.search}${location.hash}`,
    natural: () => ({ width: svg()?.clientWidth ?? 640, height: svg()?.clientHeight ?? 320 }),
    draw: () => {
      const chart = svg();
      if (!chart) throw new Error("The chart is not drawn yet.");
      return standaloneSvg(chart);
    },
    caption: () => ({ title, lines: [`${options.rows.length.toLocaleString("en")} rows of a SQL notebook cell`] }),
    rows: async () => ({
      rows: options.rows.map((r) => csvRow(r)),
      columns: [...options.rows.columns],
    }),
  });
  const element = el(
    "details",
    { class: "aa-nb-chart", open: true },
    el("summary", { class: "aa-fold" }, `Chart: ${choice.y} by ${choice.x}`),
    el(
      "div",
      { class: "aa-nb-chart-bar" },
      el("label", {}, "Mark ", select),
      el("div", { class: "aa-nb-share" }, share),
    ),
    figure,
  );
  // Drawn once the element is in the page and has a width.
  requestAnimationFrame(draw);
  return element;
}

function csvRow(row: Row): Record<string, CsvValue> {
  const out: Record<string, CsvValue> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value === null || typeof value !== "object" || value instanceof Date
        ? (value as CsvValue)
        : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v));
  }
  return out;
}
