/**
 * Work to run once the page has shown what it has just drawn: in a task of
 * its own after the next frame is painted, so that an input's own visible
 * answer (a ticked box, a summary, a highlighted node) reaches the screen
 * before slower work starts. A hidden page paints no frames: there the task
 * runs at once (in a task of its own); a page hidden after the call runs it
 * when shown again.
 */

/** Runs `task` in a task after the next paint (in a hidden page: in the next task). */
export function afterNextPaint(task: () => void): void {
  if (document.hidden) setTimeout(task, 0);
  else requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * A function that runs `task` after the next paint, once however often it is
 * called before then: a control tells its page of a change this way, and
 * changes made before the paint are one event that reads the latest state.
 */
export function onceAfterNextPaint(task: () => void): () => void {
  let waiting = false;
  return () => {
    if (waiting) return;
    waiting = true;
    afterNextPaint(() => {
      waiting = false;
      task();
    });
  };
}
