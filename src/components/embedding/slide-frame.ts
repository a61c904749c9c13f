/**
 * The frame options `fit` and `type` (src/lib/model/view-state.ts) for the
 * slide views drawn as an embed page (the sector chart and the scorecards):
 * marks the figure, and the page when it is an embed page, so the rules of
 * src/components/embed.css lay the chart out inside the frame's width ×
 * height (fit=frame: title on top, legend, caption and link at the bottom,
 * the chart taking the rest, nothing scrolled) and set the type for
 * projection (type=slide).
 */
import type { FrameOptions } from "../../lib/model/view-state.js";

export function markSlideFrame(figure: HTMLElement, frame: Pick<FrameOptions, "fit" | "type">): void {
  figure.dataset.aaFit = frame.fit;
  figure.dataset.aaType = frame.type;
  const root = document.documentElement;
  // Only an embed page gives its whole viewport to the chart; a host page keeps its own.
  if (root.dataset.aaEmbed && frame.fit === "frame") root.dataset.aaFit = "frame";
}
