/**
 * How the network canvas draws a frame, from a few facts about it: move the
 * last frame (mid-gesture on a large graph), start from the view's base
 * (nothing fading in and the base shows this view), or draw every link
 * and node; and which copies to keep once it is on screen.
 */

export type FrameDraw = "move-last" | "from-base" | "whole";

export interface FrameFacts {
  /** More links than LARGE_EDGES. */
  large: boolean;
  /** The first frame of a new scene. */
  newScene: boolean;
  /** A zoom or pan came less than SETTLE_MS ago. */
  inGesture: boolean;
  /** A last frame is kept, of this scene, with the nodes where they are. */
  lastKept: boolean;
  /**
   * The base is kept and shows this view (scene, place, zoom, size, colours,
   * node places); asked only for a frame that does not move the last one.
   */
  baseShowsView: () => boolean;
  /** New nodes are still fading in. */
  fading: boolean;
  /** A node is highlighted (hovered, or selected). */
  highlighted: boolean;
}

export interface FramePlan {
  draw: FrameDraw;
  /** Keep the frame for moving during a gesture (large graphs). */
  keepLast: boolean;
  /** Keep the frame as the view's base (drawn whole, nothing highlighted, nothing fading). */
  keepBase: boolean;
}

/**
 * Mid-gesture a large graph's last frame moves even if the highlight
 * changed since it was drawn (a node hovered as the wheel turns, a
 * selection's zoom): the full frame owed once the gesture pauses shows it.
 */
export function framePlan(f: FrameFacts): FramePlan {
  if (f.large && !f.newScene && f.lastKept && f.inGesture)
    return { draw: "move-last", keepLast: false, keepBase: false };
  const draw = !f.fading && f.baseShowsView() ? "from-base" : "whole";
  return { draw, keepLast: f.large, keepBase: draw === "whole" && !f.fading && !f.highlighted };
}
