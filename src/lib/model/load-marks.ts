/**
 * Performance mark a page makes when its first chart is built (markFirst in
 * src/components/dom.ts): bench:load's "first chart", and one of the two
 * moments the page's database starts the engine (src/components/db.ts).
 */
export const FIRST_CHART_MARK = "chart:first";

/**
 * Performance mark a page makes when a chart cannot be drawn (the network
 * canvas's worker did not start): what waits for the first chart to start
 * its own work stops waiting (src/components/network/network-steps.ts).
 */
export const CHART_FAILED_MARK = "chart:failed";
