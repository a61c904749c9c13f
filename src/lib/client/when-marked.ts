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
