/**
 * One frame at a time for a drawing worker: while the worker draws one, the
 * latest frame asked for waits (a newer one replaces it), so a busy worker
 * never falls behind a queue of stale frames. A frame replaced before it
 * was sent still counts as the first of its scene: the one replacing it
 * says so too.
 */
export class FrameQueue<F extends { newScene: boolean }> {
  private inFlight = false;
  private waiting: F | null = null;

  /** A frame asked for: returned to be sent now, or null while it waits. */
  ask(frame: F): F | null {
    if (!this.inFlight) {
      this.inFlight = true;
      return frame;
    }
    const replaced = this.waiting;
    this.waiting = replaced?.newScene && !frame.newScene ? { ...frame, newScene: true } : frame;
    return null;
  }

  /** The frame sent was drawn: the waiting one, to be sent now, if any. */
  drawn(): F | null {
    this.inFlight = false;
    const next = this.waiting;
    this.waiting = null;
    return next ? this.ask(next) : null;
  }
}
