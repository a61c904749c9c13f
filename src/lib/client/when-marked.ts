import { CHART_FAILED_MARK, FIRST_CHART_MARK } from "../model/load-marks.js";

/**
 * Calls `then` once, as soon as the page has a performance mark named
 * `name`: at once when it already has one, else when it is made (a
 * PerformanceObserver, which reports it in a task after the mark). Returns
 * a function that stops waiting. Without PerformanceObserver it never calls.
 *
 *     whenMarked("chart:first", () => startEngine());
 */
export function whenMarked(name: string, then: () => void): () => void {
  if (performance.getEntriesByName(name, "mark").length > 0) {
    then();
    return () => {};
  }
  if (typeof PerformanceObserver !== "function") return () => {};
  let done = false;
  const observer = new PerformanceObserver((list) => {
    if (done || list.getEntriesByName(name, "mark").length === 0) return;
    done = true;
    observer.disconnect();
    then();
  });
  observer.observe({ type: "mark" });
  return () => {
    done = true;
    observer.disconnect();
  };
}

/** Resolves once the page has a performance mark named `name` (at once when it has one); never without PerformanceObserver. */
export function marked(name: string): Promise<void> {
  return new Promise((resolve) => whenMarked(name, resolve));
}

/**
 * Resolves once the page has drawn its first chart, or said a chart cannot
 * be drawn; at once where marks cannot be observed (nothing would wait for ever).
 */
export function firstChartSettled(): Promise<void> {
  if (typeof PerformanceObserver !== "function") return Promise.resolve();
  return Promise.race([marked(FIRST_CHART_MARK), marked(CHART_FAILED_MARK)]);
}
