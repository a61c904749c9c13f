/**
 * The timeline page's tracking tables for a view state, on their own (the
 * `scorecards` view of a link, an embed page, a story slide): the scorecard
 * by sector (commitments made and what came of them) above "due next" (open
 * commitments whose target is still ahead of today), with the caption and a
 * link to the timeline page. With fit=frame each table keeps the rows that
 * fit the frame and says how many it leaves out (row-fit.ts);
 * type=slide sets the type for projection. The element it returns describes
 * itself for a deck (`slideContent()`: one table a part, the rows it drew).
 *
 * @example
 * const state = await readState("scorecards", "?sector=industry");
 * container.append(await scorecardsEmbed(state, {siteRoot: "https://atlas.example/", today: "2026-06-30"}));
 */
import { formatPartialDate } from "../../lib/model/dates.js";
import {
  DUE_NEXT_TITLE,
  dueNextTable,
  SCORE_LIMITS,
  SCORECARD_TITLES,
  scorecardTable,
} from "../../lib/model/scorecard-text.js";
import { slideCaption } from "../../lib/model/slide-caption.js";
import type { SlideContentSource } from "../../lib/model/slide-content.js";
import type { ViewState } from "../../lib/model/view-state.js";
import { dueNext as dueNextQuery, scorecardBySector } from "../../lib/sql/timeline-queries.js";
import { todayFrom } from "../../lib/timeline/window.js";
import { database } from "../db.js";
import { el } from "../dom.js";
import {
  checkToday,
  type EmbedRenderOptions,
  embedFrame,
  filtersInWords,
  loadSeed,
  noticeList,
  openUrl,
} from "../embedding/embed-frame.js";
import { type FittedPart, keepRowsFitted } from "../embedding/row-fit.js";
import { type DueRow, dueNext } from "./due-next.js";
import { type ScoreRow, scorecard } from "./scorecard.js";
import { loadCitedSources } from "./timeline-data.js";

export const SCORECARDS_TITLE = "Scorecard by sector and what falls due next";

/** One table under its heading, with the line that says which rows a fitted frame leaves out. */
function part(title: string, table: HTMLElement): { section: HTMLElement; fitted: FittedPart } {
  const body = el("div", { class: "aa-slide-part-body" }, table);
  const more = el("p", { class: "aa-slide-more", hidden: true });
  return {
    section: el("section", { class: "aa-slide-part" }, el("h2", {}, title), body, more),
    fitted: { body, more },
  };
}

/** Draws the scorecard and "due next" for a state and "today"; resolves once the data are in. */
export async function scorecardsEmbed(
  state: ViewState<"scorecards">,
  options: EmbedRenderOptions,
): Promise<HTMLElement> {
  const { filters, frame } = state;
  const notices = [...(options.notices ?? [])];
  const givenToday = checkToday(options.today, notices);
  const today = givenToday ?? todayFrom("");
  const [seed, db] = await Promise.all([loadSeed(), database()]);
  const [bySector, due, sources] = await Promise.all([
    db.query(scorecardBySector(filters, today)),
    db.query(dueNextQuery(filters, today)),
    loadCitedSources(db, filters),
  ]);
  const scores = bySector as unknown as ScoreRow[];
  const dueRows = due as unknown as DueRow[];
  const extra: Record<string, string> = givenToday ? { today: givenToday } : {};
  const href = openUrl(state, options.siteRoot, extra);
  // A commitment's button opens it on the timeline page, where its panel has its sources.
  const openCommitment = (id: string) =>
    window.open(
      openUrl({ view: "timeline", filters, options: { window: null, select: id } }, options.siteRoot, extra),
      "_blank",
      "noopener",
    );
  const parts = [
    part(
      SCORECARD_TITLES.sector,
      scorecard(scores, {
        by: "sector",
        limit: SCORE_LIMITS.sector,
        caption: "Per sector: commitments made and what came of them",
      }),
    ),
    part(DUE_NEXT_TITLE, dueNext(dueRows, { onSelect: openCommitment })),
  ];
  const box = el(
    "div",
    { class: "aa-slide-parts" },
    parts.map((p) => p.section),
  );
  const made = scores.reduce((sum, row) => sum + row.made, 0);
  const filterWords = filtersInWords(state, seed.options);
  const latest = seed.freshness?.latest_source;
  const dataDate = latest ? formatPartialDate(String(latest)) : null;
  const figure: HTMLElement & SlideContentSource = embedFrame({
    view: "scorecards",
    frame,
    title: SCORECARDS_TITLE,
    notices: noticeList(notices),
    chart: box,
    detail: `${made.toLocaleString("en")} commitments · ${dueRows.length} due next, as of ${formatPartialDate(today)}`,
    filters: filterWords,
    sources,
    dataDate,
    href,
    width: options.width ?? null,
  });
  if (frame.fit === "frame")
    keepRowsFitted(
      box,
      parts.map((p) => p.fitted),
    );
  // The tables of the very rows drawn above: no second query that could disagree.
  figure.slideContent = async () => ({
    charts: [scorecardTable(scores, "sector"), dueNextTable(dueRows)],
    caption: slideCaption({ filters: filterWords, sources, dataDate }),
    link: href,
  });
  return figure;
}
