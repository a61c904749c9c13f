/**
 * The hooks a page registers on `globalThis.__accordAtlas` for benchmarks,
 * browser tests and debugging: the one place they are defined. They give
 * nothing the page's own SQL box does not (the database, the SQL fragment
 * builder, the load status) plus, on the timeline page, the chart and its
 * queries as the page runs them (bench/timeline.ts times them).
 *
 * Readers (bench/, test/browser/) import the `PageHooks` type and read
 * `globalThis.__accordAtlas` inside the page; nothing in src/ reads it.
 */
export interface PageHooks {
  /** The page's DuckDB-WASM database (src/components/db.ts). */
  database?: () => Promise<unknown>;
  /** The SQL fragment builder (src/lib/sql/fragment.ts). */
  sql?: unknown;
  /** What is loaded and loading (src/components/db.ts). */
  status?: () => unknown;
  /**
   * The timeline page's chart, queries and mode choice, its marks' two-step
   * loader (timeline-mark-data.ts) and its data step (timeline-data.ts).
   */
  timeline?: {
    timelineChart: unknown;
    queries: unknown;
    chooseMode: unknown;
    markData?: unknown;
    loadTimelineData?: unknown;
  };
}

/** Adds hooks to the page's `globalThis.__accordAtlas` (keeping those registered before). */
export function registerPageHooks(hooks: PageHooks): void {
  const g = globalThis as { __accordAtlas?: PageHooks };
  g.__accordAtlas = { ...g.__accordAtlas, ...hooks };
}
