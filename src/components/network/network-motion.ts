/**
 * The reader's wish for less motion (prefers-reduced-motion: reduce), read
 * with matchMedia each time the network is about to animate, so a change of
 * the system setting applies to the next fade or pan. Under it the network
 * draws every change in its final state at once: no fade of nodes coming or
 * going, no animated zoom or pan.
 */

/** True when the reader asked for reduced motion. */
export function reducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** A transition's duration in milliseconds: `ms`, or 0 under reduced motion. */
export function motionMs(ms: number): number {
  return reducedMotion() ? 0 : ms;
}
