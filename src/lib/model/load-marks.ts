/**
 * Performance mark a page makes when its first chart is built (markFirst in
 * src/components/dom.ts): bench:load's "first chart", and one of the two
 * moments the page's database starts the engine (src/components/db.ts).
 */
export const FIRST_CHART_MARK = "chart:first";
