/**
 * The overview's sector chart for a view state, on its own (the `sectors`
 * view of a link, an embed page, a story slide): commitments by sector,
 * stacked by status, with its status legend, the caption and a link to the
 * overview. It fills its frame with fit=frame and reads from the back of a
 * room with type=slide. The element it returns describes
 * itself for a deck (`slideContent()`: the bars of the rows it drew).
 *
 * @example
 * const state = await readState("sectors", "?sector=industry");
 * container.append(await sectorEmbed(state, {siteRoot: "https://atlas.example/"}));
 */
import { resize } from "observablehq:stdlib";
import type { CitedSource } from "../../lib/model/caption.js";
import { formatPartialDate } from "../../lib/model/dates.js";
import { sectorBars } from "../../lib/model/sector-slide.js";
import { slideCaption } from "../../lib/model/slide-caption.js";
import type { SlideContentSource } from "../../lib/model/slide-content.js";
import type { ViewState } from "../../lib/model/view-state.js";
import { bySectorAndStatus, citedSources } from "../../lib/sql/page-queries.js";
import { database } from "../db.js";
import { el } from "../dom.js";
import {
  type EmbedRenderOptions,
  embedFrame,
  filtersInWords,
  loadSeed,
  noticeList,
  openUrl,
} from "../embedding/embed-frame.js";
import { SECTOR_TITLE, sectorLegend } from "./sector-caption.js";
import { type SectorStatusRow, sectorChart } from "./sector-chart.js";

/** The status legend under the chart, as HTML (the figure's own, not Plot's). */
function legendOf(rows: SectorStatusRow[]): HTMLElement | null {
  const [group] = sectorLegend(rows);
  if (!group?.items.length) return null;
  return el(
    "ul",
    { class: "aa-slide-legend", "aria-label": group.title },
    group.items.map((item) =>
      el("li", {}, el("span", { class: "aa-slide-swatch", style: `background:${item.color}` }), item.label),
    ),
  );
}

/** The chart at the frame's size: the width only, or width × height with fit=frame. */
function chartOf(rows: SectorStatusRow[], state: ViewState<"sectors">, width: number | null): Node {
  const { type, fit } = state.frame;
  if (width) return sectorChart(rows, { width, type, legend: false });
  if (fit === "frame") {
    // The closed table's summary line sits under the plot; leave it room.
    const room = type === "slide" ? 44 : 28;
    return resize((w: number, h?: number) =>
      sectorChart(rows, { width: w, height: Math.max(0, (h ?? 0) - room), type, legend: false }),
    );
  }
  return resize((w: number) => sectorChart(rows, { width: w, type, legend: false }));
}

/** Draws the sector chart for a state; resolves once the data are in. */
export async function sectorEmbed(state: ViewState<"sectors">, options: EmbedRenderOptions): Promise<HTMLElement> {
  const [seed, db] = await Promise.all([loadSeed(), database()]);
  const [found, cited] = await Promise.all([
    db.query(bySectorAndStatus(state.filters)),
    db.query(citedSources(state.filters)),
  ]);
  const rows = found as unknown as SectorStatusRow[];
  const sources = cited as unknown as CitedSource[];
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  const filters = filtersInWords(state, seed.options);
  // Freshness from the build, as the pages have it.
  const latest = seed.freshness?.latest_source;
  const dataDate = latest ? formatPartialDate(String(latest)) : null;
  const href = openUrl(state, options.siteRoot);
  const figure: HTMLElement & SlideContentSource = embedFrame({
    view: "sectors",
    frame: state.frame,
    title: SECTOR_TITLE,
    notices: noticeList(options.notices ?? []),
    chart: chartOf(rows, state, options.width ?? null),
    legend: legendOf(rows),
    detail: `${total.toLocaleString("en")} commitments`,
    filters,
    sources,
    dataDate,
    href,
    width: options.width ?? null,
  });
  // The bars of the very rows drawn above: no second query that could disagree.
  figure.slideContent = async () => ({
    charts: [sectorBars(rows)],
    caption: slideCaption({ filters, sources, dataDate }),
    link: href,
  });
  return figure;
}
