/**
 * Takes over the DuckDB-WASM worker the page's head started
 * (scripts/early-engine.ts, src/lib/model/early-engine.ts), once, if it runs
 * the worker and .wasm the page would have chosen itself; a worker for
 * other files is stopped, and the page starts its own as before.
 */
import { EARLY_ENGINE_GLOBAL, type EarlyEngine } from "../lib/model/early-engine.js";

export function adoptEarlyEngine(workerUrl: string, wasmUrl: string): EarlyEngine | undefined {
  const holder = globalThis as unknown as Record<string, EarlyEngine | undefined>;
  const early = holder[EARLY_ENGINE_GLOBAL];
  if (!early) return undefined;
  holder[EARLY_ENGINE_GLOBAL] = undefined;
  const same = (a: string, b: string) => new URL(a, location.href).href === new URL(b, location.href).href;
  if (same(early.workerUrl, workerUrl) && same(early.wasmUrl, wasmUrl)) return early;
  early.worker.terminate();
  return undefined;
}
