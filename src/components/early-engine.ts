/**
 * Takes over the DuckDB-WASM start the page's head prepared
 * (scripts/early-engine.ts, src/lib/model/early-engine.ts), once, if it runs
 * the worker and .wasm the page would have chosen itself: starts it and
 * returns the started worker. A start for other files is stopped (if the
 * head started it) or dropped, one that cannot start is reported, and the
 * page starts its own as before.
 */
import { EARLY_ENGINE_GLOBAL, type EarlyEngine, type StartedEarlyEngine } from "../lib/model/early-engine.js";

export function adoptEarlyEngine(workerUrl: string, wasmUrl: string): StartedEarlyEngine | undefined {
  const holder = globalThis as unknown as Record<string, EarlyEngine | undefined>;
  const early = holder[EARLY_ENGINE_GLOBAL];
  if (!early) return undefined;
  holder[EARLY_ENGINE_GLOBAL] = undefined;
  const same = (a: string, b: string) => new URL(a, location.href).href === new URL(b, location.href).href;
  if (!same(early.workerUrl, workerUrl) || !same(early.wasmUrl, wasmUrl)) {
    early.stop();
    return undefined;
  }
  try {
    return early.start();
  } catch (error) {
    console.warn("DuckDB-WASM: the head's start failed; the page starts its own.", error);
    return undefined;
  }
}
