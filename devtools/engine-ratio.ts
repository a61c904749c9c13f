/**
 * The WASM / native ratio of two medians as the query benchmarks print it:
 * one decimal, "×", and whether it meets the goal.
 */

/** wasm / native, or null when either is missing or native is not positive. */
export function engineRatio(wasm: number | null | undefined, native: number | null | undefined): number | null {
  if (wasm === null || wasm === undefined || native === null || native === undefined) return null;
  if (!Number.isFinite(wasm) || !Number.isFinite(native) || native <= 0) return null;
  return wasm / native;
}

/** "2.1× ✓", "3.6× ✗" against `goal`, or "—" when there is no ratio. */
export function ratioCell(wasm: number | null | undefined, native: number | null | undefined, goal: number): string {
  const ratio = engineRatio(wasm, native);
  if (ratio === null) return "—";
  return `${ratio.toFixed(1)}× ${ratio <= goal ? "✓" : "✗"}`;
}
