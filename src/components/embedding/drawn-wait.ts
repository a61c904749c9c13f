/**
 * Waits for a view's chart to be drawn before a deck or handout reads it: a
 * chart that follows its box (Framework's resize) is drawn only once the box
 * has a size, and one fitted to its frame is drawn again once its height is
 * known. `whenDrawn` asks `find` every few milliseconds (timers, not
 * animation frames, which a browser may hold back in a frame out of sight,
 * as the deck's are) and resolves with what it finds once the same thing is
 * found three times running, or with null when `find` says there is nothing
 * to draw (NOTHING) or time runs out. Null or undefined from `find` mean
 * "not drawn yet", as `querySelector` says it.
 *
 *     const svg = await whenDrawn(() => (empty() ? NOTHING : box.querySelector("svg")));
 */

/** What `find` returns when the view has nothing to draw (its empty state): stop waiting. */
export const NOTHING: unique symbol = Symbol("nothing to draw");

/** How long to wait for a chart to be drawn, in ms. */
export const DRAW_WAIT_MS = 20_000;

/** The time between two looks, in ms. */
const LOOK_MS = 30;
const later = () => new Promise<void>((resolve) => setTimeout(resolve, LOOK_MS));

/**
 * The drawn thing `find` returns (null or undefined: not yet; NOTHING:
 * never), once it is the same three looks running.
 */
export async function whenDrawn<T extends object>(
  find: () => T | typeof NOTHING | null | undefined,
  wait = DRAW_WAIT_MS,
): Promise<T | null> {
  const started = performance.now();
  let last: T | undefined;
  let same = 0;
  let changes = 0;
  while (performance.now() - started < wait) {
    const look = find();
    if (look === NOTHING) return null;
    const found = look ?? undefined;
    same = found !== undefined && found === last ? same + 1 : 0;
    if (found !== undefined && last !== undefined && found !== last) changes++;
    if (found !== undefined && same >= 2) return found;
    last = found;
    await later();
  }
  console.warn(
    `Accord Atlas: the chart was not still after ${wait} ms (${changes} redraws; last ${last === undefined ? "none" : "drawn"}).`,
  );
  return null;
}
