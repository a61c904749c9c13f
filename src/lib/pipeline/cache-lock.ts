/**
 * A lock folder that makes concurrent loaders wait for one build of the
 * tables (Node only). A lock left by a process that has gone, or older than
 * any build should take, is taken over.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const STALE_LOCK_MS = 30 * 60_000;

/** A lock whose owner has exited, or that is older than any build should take. */
function staleLock(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(join(lock, "pid"), "utf8"));
    if (!pid) return false; // being created right now
    process.kill(pid, 0); // throws when no such process
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` holding `lock`, unless `ready()` says another process has
 * finished the work while this one waited; returns `fn`'s result, or
 * `whenReady()` then.
 */
export function withLock<T>(lock: string, ready: () => boolean, whenReady: () => T, fn: () => T): T {
  for (;;) {
    if (ready()) return whenReady();
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      // Another loader is building: wait for it, unless the lock was left by
      // a process that has gone (interrupted) or is very old.
      if (staleLock(lock)) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
