/**
 * A chart drawn with Observable Plot, for screen readers: Plot names its mark
 * groups (`<g aria-label="bar">`), which ARIA does not allow on a plain <g>,
 * and leaves its svg without a role. `plotForScreenReaders` makes the svg an
 * image named in a sentence (the chart's table, beside it, gives the numbers)
 * and drops the groups' names.
 */

/** The chart's own svg: Plot returns it, or with a legend a figure holding the legend's swatches and then it. */
export function plotSvg(chart: Element): Element | null {
  return chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg");
}

export function plotForScreenReaders<T extends Element>(chart: T, name: string): T {
  const svg = plotSvg(chart);
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", name);
  for (const g of svg?.querySelectorAll("g[aria-label]") ?? []) g.removeAttribute("aria-label");
  return chart;
}
