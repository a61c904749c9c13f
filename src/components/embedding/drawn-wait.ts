/**
 * Waits for a view's chart to be drawn before a deck or handout reads it: a
 * chart that follows its box (Framework's resize) is drawn only once the box
 * has a size, and one fitted to its frame is drawn again once its height is
 * known. `whenDrawn` asks `find` on every animation frame and resolves with
 * what it finds once the same thing is found two frames running, or with
 * null when `find` says there is nothing to draw or time runs out.
 *
 *     const svg = await whenDrawn(() => box.querySelector("svg") ?? (empty ? NOTHING : undefined));
 */

/** What `find` returns when the view has nothing to draw (its empty state): stop waiting. */
export const NOTHING = null;

/** How long to wait for a chart to be drawn, in ms. */
export const DRAW_WAIT_MS = 20_000;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The drawn thing `find` returns (undefined: not yet; null: never), once it
 * is the same two frames running.
 */
export async function whenDrawn<T>(find: () => T | null | undefined, wait = DRAW_WAIT_MS): Promise<T | null> {
  const started = performance.now();
  let last: T | null | undefined;
  let same = 0;
  while (performance.now() - started < wait) {
    const found = find();
    if (found === null) return null;
    same = found !== undefined && found === last ? same + 1 : 0;
    if (same >= 2) return found as T;
    last = found;
    await nextFrame();
  }
  return null;
}
