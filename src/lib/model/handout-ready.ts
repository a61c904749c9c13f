/**
 * When the handout (/present?story=<id>&handout) is ready to print: each
 * slide's embed, probed in its frame, is waiting, drawn or failed; the
 * handout is ready once none is waiting, and says which failed. Also the
 * scale of a slide's fixed 16:9 frame in the room its page leaves. Pure, so
 * the unit tests check it without a browser.
 */

/** The size every handout frame lays its embed out at (the 16:9 slide of the exports), in CSS pixels. */
export const HANDOUT_FRAME = { width: 1280, height: 720 } as const;

/** What the handout reads from a slide's frame (same origin) to tell whether its chart is drawn. */
export interface FrameProbe {
  /** The frame's document has loaded. */
  loaded: boolean;
  /** An error was drawn instead of the chart (`.aa-error`). */
  failed: boolean;
  /** The embed's figure (`.aa-embed`) is on the page. */
  figure: boolean;
  /** The figure's chart area holds something with a size: an svg, a canvas, a table (the scorecards) or the empty-state message. */
  chart: boolean;
  /** The network's nodes are set (`.aa-net[data-nodes]`), or there is no network. */
  nodes: boolean;
  /** Animations with an end still running in the frame (the network's nodes fading in). */
  running: number;
}

export type FrameStatus = "waiting" | "drawn" | "failed";

/** A frame's status: failed as soon as an error shows; drawn once the chart is there and still. */
export function frameStatus(probe: FrameProbe): FrameStatus {
  if (!probe.loaded) return "waiting";
  if (probe.failed) return "failed";
  return probe.figure && probe.chart && probe.nodes && probe.running === 0 ? "drawn" : "waiting";
}

/**
 * The handout's readiness, for `data-handout-ready` on the document:
 * "true" when every slide's chart is drawn, "failed" when none is waiting
 * but some failed (`failed` lists their 1-based slide numbers), null while
 * any is waiting.
 */
export function handoutReadiness(statuses: readonly FrameStatus[]): {
  ready: "true" | "failed" | null;
  failed: number[];
} {
  const failed = statuses.flatMap((s, i) => (s === "failed" ? [i + 1] : []));
  if (statuses.some((s) => s === "waiting")) return { ready: null, failed };
  return { ready: failed.length ? "failed" : "true", failed };
}

/**
 * The scale that shows a `frame`-sized embed whole in `room` (the page's
 * width, and the height its headline and note leave), never above 1 and
 * never below `min` (a note so long the chart would be a thumbnail takes a
 * second page instead).
 */
export function handoutScale(
  room: { width: number; height: number },
  frame: { width: number; height: number } = HANDOUT_FRAME,
  min = 0.25,
): number {
  if (!(room.width > 0) || !(room.height > 0)) return min;
  const fit = Math.min(room.width / frame.width, room.height / frame.height, 1);
  return Math.max(min, Math.floor(fit * 1000) / 1000);
}
