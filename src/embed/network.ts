/**
 * The network as a JavaScript module for other web apps (exported with
 * Framework's dynamicPaths, see docs/embedding.md):
 *
 *     import {NetworkChart} from "<site>/embed/network.js";
 *     document.body.append(await NetworkChart({state: "?sector=industry", width: 800}));
 *
 * Options: `state` (a query string as the page's links carry), and/or the
 * same keys as fields: `filters: {sector: [...], ...}` (or `sector`, …),
 * `show`, `links`, `size`, `colour`, `select`, `zoom` ({x, y, k}), `theme`,
 * `caption`, `title`; plus `width` and `height` in pixels. They are checked
 * as a link's are: what is dropped shows as a notice above the chart.
 *
 * The module imports its components dynamically: Framework 1.13 fails to
 * build an exported module whose static imports reach an npm package with
 * dependencies of its own (d3, DuckDB-WASM), while dynamic imports of local
 * modules build and resolve as on the pages.
 */
export async function NetworkChart(options: unknown = {}): Promise<HTMLElement> {
  const { embedModule } = await import("../components/embedding/embed-module.js");
  return embedModule("network", options);
}
