/**
 * Watches something that reports progress now and then (the query engine's
 * start: src/components/db.ts) for quiet spells: after `slowMs` without a
 * report it calls `onSlow(true)` (and `onSlow(false)` when reports resume),
 * after `stallMs` it calls `onStall` once. Timers only, no DOM: the unit
 * tests drive it with fake timers.
 *
 * @example
 * const watch = quietWatch({ slowMs: 60_000, stallMs: 300_000, onSlow, onStall });
 * worker.onmessage = () => watch.progress();
 * // …once started:
 * watch.stop();
 */
export interface QuietWatchOptions {
  slowMs: number;
  stallMs: number;
  /** True once a quiet spell passes slowMs; false when a report ends it (or stop() does). */
  onSlow(slow: boolean): void;
  onStall(): void;
}

export interface QuietWatch {
  /** A progress report: the quiet spell starts again. */
  progress(): void;
  /** Stops watching; a slow spell in course is ended. */
  stop(): void;
}

export function quietWatch({ slowMs, stallMs, onSlow, onStall }: QuietWatchOptions): QuietWatch {
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  let slow = false;
  let stopped = false;
  const setSlow = (next: boolean) => {
    if (slow === next) return;
    slow = next;
    onSlow(next);
  };
  const clear = () => {
    clearTimeout(slowTimer);
    clearTimeout(stallTimer);
  };
  const arm = () => {
    clear();
    slowTimer = setTimeout(() => setSlow(true), slowMs);
    stallTimer = setTimeout(() => {
      stopped = true;
      onStall();
    }, stallMs);
  };
  arm();
  return {
    progress: () => {
      if (stopped) return;
      setSlow(false);
      arm();
    },
    stop: () => {
      stopped = true;
      clear();
      setSlow(false);
    },
  };
}
