/**
 * Every query the pages run, read from the SQL modules themselves (overview,
 * network, timeline, data page, SQL page examples), for bench/queries.ts:
 * each exported fragment, and each exported builder called with the
 * arguments the pages give it, per filter state. An export that is neither a
 * fragment nor a builder named here is listed as not timed, so a query added
 * to a module shows up in the benchmark's output instead of going unmeasured.
 */
import { type ExampleColumn, exampleColumns } from "../../src/lib/model/column-examples.js";
import { emptyFilters, type FilterState } from "../../src/lib/model/filters.js";
import { BIPARTITE_LIMIT } from "../../src/lib/network/bipartite.js";
import * as commitmentQueries from "../../src/lib/sql/commitment-page.js";
import * as dataQueries from "../../src/lib/sql/data-queries.js";
import { isSqlFragment, type SqlFragment } from "../../src/lib/sql/fragment.js";
import * as networkQueries from "../../src/lib/sql/network-queries.js";
import { notebookExamples } from "../../src/lib/sql/notebook-examples.js";
import * as pageQueries from "../../src/lib/sql/page-queries.js";
import * as timelineQueries from "../../src/lib/sql/timeline-queries.js";
import { MARK_LIMIT, yearRange } from "../../src/lib/timeline/density.js";

/** What the builders need from the data: picked by the caller (e.g. the busiest sector's, in native DuckDB). */
export interface CatalogueContext {
  today: string;
  /** The zoomed window the timeline's lanes are counted for: one year. */
  year: number;
  /**
   * The window the timeline's marks and their updates are asked for: at most
   * MARK_LIMIT commitments, as the page asks for them (devtools/marks-window.ts).
   */
  marksWindow: { from: string; to: string };
  institutionId: string;
  commitmentId: string;
  /** Its integer join key (commitments.key). */
  commitmentKey: number;
  /** The series the follow-up card has picked (the page reads the sessions of that one only). */
  series: string;
  /** Two sessions of that series, earlier first (the follow-up card). */
  sessionIds: [string, string];
  /** The Data page's example columns (exampleColumns of the built schema.json). */
  schema: Parameters<typeof exampleColumns>[0];
}

type Build = (filters: FilterState, c: CatalogueContext) => SqlFragment;

/** Builders and how the pages call them, by "module.export". */
const BUILDERS: Record<string, Build> = {
  "page.headline": (f) => pageQueries.headline(f),
  "page.bySectorAndStatus": (f) => pageQueries.bySectorAndStatus(f),
  "page.eventList": (f, c) => pageQueries.eventList(f, { today: c.today, upcoming: 5, recent: 10 }),
  "commitments.commitmentPage": (f) => commitmentQueries.commitmentPage(f),
  "commitments.commitmentCount": (f) => commitmentQueries.commitmentCount(f),
  "page.citedSources": (f) => pageQueries.citedSources(f),
  "page.exportCommitments": (f) => pageQueries.exportCommitments(f, { withParties: true }),
  "network.networkLinkCodes": (f) => networkQueries.networkLinkCodes(f),
  "network.packedLinkCodes": (f) => networkQueries.packedLinkCodes(f),
  "network.networkCommitments": (f) => networkQueries.networkCommitments(f, BIPARTITE_LIMIT),
  "network.networkCommitmentCounts": (f) => networkQueries.networkCommitmentCounts(f),
  "network.institutionCommitments": (f, c) =>
    networkQueries.institutionCommitments(f, c.institutionId, {
      limit: networkQueries.PANEL_COMMITMENTS_PAGE,
      offset: 0,
    }),
  "network.commitmentDetail": (f, c) => networkQueries.commitmentDetail(c.commitmentId, f),
  "timeline.timelineLanes": (f) => timelineQueries.timelineLanes(f, null),
  "timeline.timelineLaneCounts": (f, c) => timelineQueries.timelineLaneCounts(f, yearRange(c.year)),
  "timeline.timelineExtent": (f) => timelineQueries.timelineExtent(f),
  "timeline.timelineDensity": (f, c) => timelineQueries.timelineDensity(f, null, c.today),
  "timeline.timelineEvents": (f) => timelineQueries.timelineEvents(f, null),
  "timeline.timelineMarks": (f, c) => timelineQueries.timelineMarks(f, c.marksWindow, c.today, MARK_LIMIT),
  "timeline.timelineMarkShapes": (f, c) => timelineQueries.timelineMarkShapes(f, yearRange(c.year), c.today),
  "timeline.timelineMarkTexts": (f, c) => timelineQueries.timelineMarkTexts(f, [c.commitmentId]),
  "timeline.timelineUpdates": (f, c) => timelineQueries.timelineUpdates(f, c.marksWindow),
  "timeline.scorecardByEvent": (f, c) => timelineQueries.scorecardByEvent(f, c.today),
  "timeline.scorecardBySector": (f, c) => timelineQueries.scorecardBySector(f, c.today),
  "timeline.dueNext": (f, c) => timelineQueries.dueNext(f, c.today),
  "timeline.followUpSeries": (f) => timelineQueries.followUpSeries(f),
  "timeline.seriesSessions": (f, c) => timelineQueries.seriesSessions(f, c.series),
  "timeline.sessionCommitments": (f, c) => timelineQueries.sessionCommitments(f, c.sessionIds),
  "timeline.commitmentDetail": (f, c) => timelineQueries.commitmentDetail(c.commitmentId, c.today, f),
  "timeline.commitmentUpdates": (f, c) => timelineQueries.commitmentUpdates(c.commitmentKey, f),
  "data.completeness": (f) => dataQueries.completeness(f),
  "data.columnExamples": (_f, c) => dataQueries.columnExamples(exampleColumns(c.schema) as ExampleColumn[]),
};

/**
 * Exports that build no query a page runs: parts of queries, row helpers, and
 * networkCounts, the SQL the network page's counts are checked against (the
 * page counts from its links and networkCommitmentCounts).
 */
const NOT_QUERIES = new Set([
  "network.networkCounts",
  "timeline.inRange",
  "data.completenessFacts",
  "page.EXPORT_COLUMNS",
  "commitments.isCommitmentSortColumn",
]);

/** Builders that ignore the filters: timed once, not per filter state. */
const UNFILTERED = new Set(["data.columnExamples"]);

const MODULES: Record<string, Record<string, unknown>> = {
  page: pageQueries,
  commitments: commitmentQueries,
  network: networkQueries,
  timeline: timelineQueries,
  data: dataQueries,
};

/**
 * How a page reads a query's result (src/components/db.ts): Database.query
 * (rows), queryColumns, queryPacked, or queryFirstRows (the SQL page's
 * examples: the first DISPLAY_ROWS rows as objects, the rest counted).
 */
export type ResultRead = "query" | "queryColumns" | "queryPacked" | "queryFirstRows";

/** The queries the pages read otherwise than as rows. */
const READS: Record<string, ResultRead> = {
  "network.networkLinkCodes": "queryColumns",
  "network.packedLinkCodes": "queryPacked",
  "timeline.timelineMarkShapes": "queryColumns",
};

export interface CatalogueQuery {
  /** "module.export", or "notebook.<example id>" for the SQL page's examples. */
  name: string;
  /** How the page reads it. */
  read: ResultRead;
  /** Null: the same for every filter state (a fragment, or a builder that takes none). */
  build: ((filters: FilterState) => SqlFragment) | null;
  fragment?: SqlFragment;
}

/** Every page query, and the exports left untimed (with nothing known to call them with). */
export function pageQueryCatalogue(context: CatalogueContext): { queries: CatalogueQuery[]; untimed: string[] } {
  const queries: CatalogueQuery[] = [];
  const untimed: string[] = [];
  for (const [module, exports] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(exports)) {
      const key = `${module}.${name}`;
      const read = READS[key] ?? "query";
      if (isSqlFragment(value)) queries.push({ name: key, read, build: null, fragment: value });
      else if (key in BUILDERS && UNFILTERED.has(key)) {
        queries.push({ name: key, read, build: null, fragment: BUILDERS[key](emptyFilters(), context) });
      } else if (key in BUILDERS) queries.push({ name: key, read, build: (f) => BUILDERS[key](f, context) });
      else if (typeof value === "function" && !NOT_QUERIES.has(key)) untimed.push(key);
    }
  }
  // The SQL page's examples: one builder returning them all, each its own query.
  const ids = notebookExamples(emptyFilters()).map((e) => e.id);
  for (const id of ids) {
    queries.push({
      name: `notebook.${id}`,
      read: "queryFirstRows",
      build: (f) => notebookExamples(f).find((e) => e.id === id)?.query as SqlFragment,
    });
  }
  return { queries, untimed };
}
