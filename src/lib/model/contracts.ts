/**
 * The files the build writes for the pages, typed once: the loaders in
 * src/data/ write them (from the Node pipeline) and the pages, embeds and
 * loaders in the browser read them. Types only; no module here runs code.
 *
 * - `overview.json`: filter choices and the unfiltered overview (src/lib/pipeline/overview-seed.ts)
 * - `tables.json`: where each partition of each table lies (src/lib/model/partitions.ts)
 * - `network-layout.json`: node positions and the unfiltered graph (src/lib/network/layout-file.ts)
 * - `timeline-first.json`: the unfiltered timeline (TimelineFirstFile in src/lib/timeline/timeline-rows.ts,
 *   which cannot live here: its rows are the timeline queries' types)
 * - `stories.json`: the checked stories (src/lib/pipeline/story-files.ts)
 * - `draft-context.json`: what the /draft page drafts against (src/lib/pipeline/draft-page-context.ts)
 */

import type { DraftContext } from "../drafting/draft-types.js";
import type { Problem } from "./problems.js";
import type { Story } from "./stories.js";
import type { TableName } from "./tables.js";

/** A filter-bar choice: id in the URL, label on screen. */
export interface Option {
  id: string;
  label: string;
  color?: string;
  /** Extra words matched by the search box (acronym, full name, country). */
  keywords?: string;
}

export interface OverviewSeed {
  options: { sector: Option[]; country: Option[]; institution: Option[]; series: Option[]; years: [number, number] };
  headline: {
    commitments: number;
    with_progress: number;
    done: number;
    stalled: number;
    events: number;
    sectors: number;
    /** Named institutions bound, not counting whole governments. */
    institutions: number;
    /** Institutions named only generically ("relevant ministries"), counted apart. */
    generic_institutions: number;
    total: number;
  };
  bySector: { sector: string; label: string; color: string; status: string; n: number }[];
  /**
   * How current the data is, as the `freshness` query of src/lib/sql/page-queries.ts
   * gives it (dates as YYYY-MM-DD, null when there is none). It does not
   * depend on the filters, so pages show this instead of running the query,
   * which would load every status update just for their latest date.
   */
  freshness: {
    /** The first day of the latest held event. */
    latest_event: string | null;
    /** That event's last day as written (end_date), when it ran several days. */
    latest_event_end: string | null;
    latest_update: string | null;
    latest_source: string | null;
    sources: number;
  };
}

/** Format version of tables.json; the page refuses another. */
export const MANIFEST_FORMAT = 1;

export interface PartitionEntry {
  /** A year ("2024"), `undated`, or `all`. */
  key: string;
  rows: number;
  /** Byte range of its gzip member in the table's .parts file. */
  offset: number;
  length: number;
  /**
   * First `date_from` and last `date_to` of the commitments in it (YYYY-MM-DD),
   * for partitioned tables; null for `undated` and `all`.
   */
  from: string | null;
  to: string | null;
}

export interface TableEntry {
  rows: number;
  /** Size of the .parts file. */
  bytes: number;
  /** Size of the Arrow IPC once decompressed (all partitions). */
  rawBytes: number;
  /** In file order: each starts where the one before ends. */
  partitions: PartitionEntry[];
}

export interface TablesManifest {
  format: typeof MANIFEST_FORMAT;
  tables: Record<TableName, TableEntry>;
}

/** What the network's counts line says (the same columns as networkCounts). */
export interface NetworkCounts {
  /** Named institutions bound by the commitments (the generic ones are counted apart). */
  institutions: number;
  /** Institutions named only generically ("the chambers of commerce") bound by the commitments. */
  generic: number;
  commitments: number;
  links: number;
  without_parties: number;
}

/**
 * [id, name, acronym, affiliation, countries, country_name, naming, type,
 *  sector code, count, sector code, count, …]
 */
export type SeedNode = [string, string, string | null, string, string[], string, string, string, ...number[]];
/** [source node index, target node index, sector code, count, …] (one edge per pair) */
export type SeedEdge = number[];

export interface SeedGraph {
  sectors: string[];
  counts: NetworkCounts;
  nodes: SeedNode[];
  edges: SeedEdge[];
}

export interface LayoutFile {
  version: 3;
  nodes: number;
  edges: number;
  ticks: number;
  /** Countries by their national institutions in the graph, most first (ties by code): the order of the colour legend. */
  countries: string[];
  /** Node id → [x, y], ids sorted. */
  positions: Record<string, [number, number]>;
  seed: SeedGraph;
}

/** stories.json: every valid story of data/stories/, as the /present page reads it. */
export interface StoriesFile {
  stories: Story[];
  /** The data folder the stories were read from, as the build names it (relative to the project when inside it). */
  dataDir: string;
}

/** quality.json: how the records reconcile into tables, and the warnings of valid records (the Data page). */
export interface QualityFile {
  /** Record files read. */
  files: number;
  counts: { table: TableName; read: number; written: number }[];
  warnings: Problem[];
}

/**
 * draft-context.json: the records' institutions and sectors (with keywords) as
 * the drafter reads them, and the ids a drafted event file may refer to or
 * must not reuse (institutions, sectors, sources, events), for the /draft page.
 */
export interface DraftPageContext extends DraftContext {
  known: Partial<Record<TableName, string[]>>;
}
