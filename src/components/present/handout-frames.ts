/**
 * Whether a handout frame's embed has drawn its chart, watched from the
 * handout page (same origin): after the frame loads, every change of its
 * document is probed (src/lib/model/handout-ready.ts frameStatus) until the
 * figure, its chart and (for the network) its nodes are there and no fade is
 * running, or an error shows; then, once the frame's fonts are loaded, the
 * status is reported, once.
 *
 *     watchFrame(frame, (status) => …);  // "drawn" or "failed"
 */
import { type FrameProbe, type FrameStatus, frameStatus } from "../../lib/model/handout-ready.js";

/** Animations with an end still running in `doc` (the network's nodes fading in). */
function runningAnimations(doc: Document): Animation[] {
  return doc.getAnimations().filter((a) => {
    if (a.playState !== "running") return false;
    const end = a.effect?.getComputedTiming().endTime;
    return typeof end === "number" && Number.isFinite(end);
  });
}

/** True when `node` is drawn with a size. */
function hasSize(node: Element | null): boolean {
  if (!node) return false;
  const r = node.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Reads a frame's document: is the chart there, drawn, still? */
export function probeFrame(doc: Document): FrameProbe {
  const chartArea = doc.querySelector(".aa-embed .aa-embed-chart");
  const drawing = [...(chartArea?.querySelectorAll("svg, canvas, table, .aa-empty") ?? [])];
  const net = doc.querySelector(".aa-net");
  const netDrawn =
    !net ||
    net.getAttribute("data-nodes") === "0" ||
    (net.hasAttribute("data-nodes") &&
      (net.getAttribute("data-renderer") === "canvas" || net.querySelector(".aa-net-node") !== null));
  return {
    loaded: doc.readyState !== "loading",
    failed: doc.querySelector(".aa-error, .observablehq--error") !== null,
    figure: doc.querySelector(".aa-embed") !== null,
    chart: drawing.some(hasSize),
    nodes: netDrawn,
    running: runningAnimations(doc).length,
  };
}

/** Watches `frame` (same origin) and calls `report` once its chart is drawn or has failed. */
export function watchFrame(frame: HTMLIFrameElement, report: (status: Exclude<FrameStatus, "waiting">) => void): void {
  let done = false;
  let observer: MutationObserver | null = null;
  const check = () => {
    const doc = frame.contentDocument;
    if (done || !doc || doc.URL === "about:blank") return;
    const probe = probeFrame(doc);
    const status = frameStatus(probe);
    if (status === "waiting") {
      // A fade changes no node when it ends: look again once the running ones have.
      if (probe.running > 0) Promise.allSettled(runningAnimations(doc).map((a) => a.finished)).then(check);
      return;
    }
    done = true;
    observer?.disconnect();
    void doc.fonts.ready.then(() => report(status));
  };
  frame.addEventListener("load", () => {
    const doc = frame.contentDocument;
    if (!doc || done) return;
    observer?.disconnect();
    observer = new MutationObserver(check);
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true });
    check();
  });
}
