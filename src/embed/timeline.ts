/**
 * The sector timelines as a JavaScript module for other web apps (exported
 * with Framework's dynamicPaths, see docs/embedding.md):
 *
 *     import {TimelineChart} from "<site>/embed/timeline.js";
 *     document.body.append(await TimelineChart({state: "?sector=industry&window=2019-01-01..2021-12-31"}));
 *
 * Options: `state` (a query string as the page's links carry), and/or the
 * same keys as fields: `filters: {sector: [...], ...}` (or `sector`, …),
 * `window` ({from, to} or "YYYY-MM-DD..YYYY-MM-DD"), `select`, `today`,
 * `theme`, `caption`, `title`; plus `width` in pixels. They are checked as a
 * link's are: what is dropped shows as a notice above the chart. Why the
 * components are imported dynamically: see src/embed/network.ts.
 */
export async function TimelineChart(options: unknown = {}): Promise<HTMLElement> {
  const { embedModule } = await import("../components/embedding/embed-module.js");
  return embedModule("timeline", options);
}
